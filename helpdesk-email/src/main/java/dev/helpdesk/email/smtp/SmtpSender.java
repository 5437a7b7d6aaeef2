package dev.helpdesk.email.smtp;

import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.ChannelSender;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.channel.SendOutcome;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import io.vavr.control.Either;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email channel's {@link ChannelSender}: composes each {@link OutboundMessage} with
 * {@link MailComposer} and delivers it over SMTP.
 *
 * <p>At least once, idempotently: the desk's outbox may hand the same message again; it gets
 * the same {@code Message-ID}, subject and date each time, so a mail client shows one message.
 * The answers:
 * <ul>
 *   <li>{@link SendOutcome.Sent} with the {@code Message-ID} when the server took it;</li>
 *   <li>{@link SendOutcome.Undeliverable} when it never can be sent: no mailbox for its tenant
 *       and endpoint, a header value with a line break (header injection), an attachment gone
 *       from the store, a recipient the server refuses permanently (5xx);</li>
 *   <li>an exception when it may work later (the server unreachable, a 4xx answer): the outbox
 *       tries again.</li>
 * </ul>
 *
 * <p>One connection per message; safe for concurrent use.
 */
public final class SmtpSender implements ChannelSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);

    private record Key(TenantId tenant, EndpointId endpoint) {
    }

    private final SmtpSettings settings;
    private final Map<Key, TenantMailbox> mailboxes = new HashMap<>();
    private final MailComposer composer;
    private final Session session;

    /**
     * A sender.
     *
     * @param settings    the SMTP server
     * @param mailboxes   the tenants' mailboxes it sends from
     * @param attachments where outbound attachments are read from
     * @throws ConfigurationException when two mailboxes share a tenant and endpoint
     */
    public SmtpSender(SmtpSettings settings, List<TenantMailbox> mailboxes, AttachmentStore attachments) {
        this.settings = Objects.requireNonNull(settings, "settings");
        for (TenantMailbox box : mailboxes) {
            if (this.mailboxes.put(new Key(box.tenant(), box.endpoint()), box) != null) {
                throw new ConfigurationException("SMTP sender: mailbox " + box.endpoint() + " of " + box.tenant()
                        + " is given twice");
            }
        }
        this.composer = new MailComposer(new MailTemplates(), attachments);
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String prefix = "mail." + s.protocol() + ".";
        String millis = Long.toString(s.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        p.setProperty(prefix + "auth", Boolean.toString(s.username().isPresent()));
        if (!s.ssl() && !s.plainText()) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        p.setProperty("mail.mime.allowutf8", "false");
        p.putAll(s.properties());
        return p;
    }

    @Override
    public String name() {
        return "smtp-email";
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public ExternalMessageId externalIdOf(OutboundMessage message) {
        TenantMailbox box = mailboxes.get(new Key(message.tenant(), message.endpoint()));
        if (box == null) {
            throw new ConfigurationException("SMTP sender: no mailbox " + message.endpoint() + " for " + message.tenant());
        }
        return MailComposer.messageId(message, box);
    }

    @Override
    public SendOutcome send(OutboundMessage message) throws MessagingException {
        TenantMailbox box = mailboxes.get(new Key(message.tenant(), message.endpoint()));
        if (box == null) {
            return new SendOutcome.Undeliverable(Reason.of(Reason.UNKNOWN_ENDPOINT, "no mailbox " + message.endpoint()
                    + " for tenant " + message.tenant()));
        }
        Either<Reason, MimeMessage> composed = composer.compose(message, box, session);
        if (composed.isLeft()) {
            LOG.warn("outbound message {} of {} cannot be sent: {}", message.id(), message.tenant(), composed.getLeft());
            return new SendOutcome.Undeliverable(composed.getLeft());
        }
        MimeMessage mime = composed.get();
        Address[] recipients = mime.getAllRecipients();
        try (Transport transport = session.getTransport(settings.protocol())) {
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(mime, recipients);
        } catch (SendFailedException e) {
            int code = returnCode(e);
            if (code >= 500 && code < 600) {
                return new SendOutcome.Undeliverable(Reason.of("recipient-refused", "the server refused "
                        + message.recipient() + " permanently (" + code + ")"));
            }
            throw e;
        }
        return new SendOutcome.Sent(MailComposer.messageId(message, box));
    }

    private static int returnCode(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (next instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return -1;
    }
}
