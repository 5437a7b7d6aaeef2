package dev.helpdesk.email.smtp;

import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.OutboundKind;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Composes the MIME message of an {@link OutboundMessage}: {@code From} the tenant's mailbox,
 * {@code Reply-To} the tenant's reply-to address, the ticket number in the subject in the
 * tenant's {@link dev.helpdesk.spi.channel.TicketTag}, a {@code Message-ID} derived from the
 * outbound id (the same on every attempt), {@code In-Reply-To} and {@code References} from the
 * conversation, {@code Auto-Submitted: auto-replied} on automatic notices, and text and HTML
 * parts from {@link MailTemplates}. Every header value is checked by {@link HeaderValues}: a line
 * break in any of them refuses the message.
 */
public final class MailComposer {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern ID_LEFT = Pattern.compile("[\\x21-\\x7e&&[^<>@\\s\"\\\\()\\[\\],;:]]+");
    private static final int MAX_REFERENCES = 20;

    private final MailTemplates templates;
    private final AttachmentStore attachments;

    /**
     * A composer.
     *
     * @param templates   the templates
     * @param attachments where outbound attachments are read from
     */
    public MailComposer(MailTemplates templates, AttachmentStore attachments) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
    }

    /**
     * The {@code Message-ID} of a message, without brackets: {@code hd.} and the outbound id (or
     * its digest, when it holds characters a {@code Message-ID} cannot), then the tenant, at the
     * mailbox's domain. The same message always gets the same id.
     *
     * @param message the message
     * @param mailbox the mailbox it leaves from
     * @return the id
     */
    public static ExternalMessageId messageId(OutboundMessage message, TenantMailbox mailbox) {
        String id = message.id().value();
        String local = SAFE_ID.matcher(id).matches() ? id : sha256(id).substring(0, 40);
        String tenant = message.tenant().value();
        return ExternalMessageId.of("hd." + local + "." + tenant + "@" + mailbox.messageIdDomain());
    }

    /**
     * Composes the message.
     *
     * @param message the message
     * @param mailbox the mailbox it leaves from
     * @param session the mail session
     * @return the MIME message, or the reason it cannot be sent (a header value with a line
     *         break, an attachment that is gone)
     * @throws MessagingException when Jakarta Mail cannot build it
     */
    public Either<Reason, MimeMessage> compose(OutboundMessage message, TenantMailbox mailbox, Session session)
            throws MessagingException {
        String subject = subject(message, mailbox);
        String fromName = mailbox.displayName().orElse("");
        String toName = message.recipientName().orElse("");
        for (String[] check : new String[][] {{"Subject", subject}, {"From", fromName}, {"To", toName},
            {"To", message.recipient().value()}}) {
            Either<Reason, String> ok = HeaderValues.check(check[0], check[1]);
            if (ok.isLeft()) {
                return Either.left(ok.getLeft());
            }
        }
        ExternalMessageId id = messageId(message, mailbox);
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id.value() + ">");
            }
        };
        mime.setFrom(address(mailbox.address().value(), fromName));
        mime.setRecipient(Message.RecipientType.TO, address(message.recipient().value(), toName));
        if (mailbox.replyTo().isPresent()) {
            mime.setReplyTo(new InternetAddress[] {address(mailbox.replyTo().get().value(), fromName)});
        }
        setSubject(mime, subject);
        mime.setSentDate(Date.from(message.createdAt()));
        List<String> references = references(message);
        if (!references.isEmpty()) {
            mime.setHeader("In-Reply-To", references.get(0));
            List<String> oldestFirst = new ArrayList<>(references.subList(0, Math.min(references.size(), MAX_REFERENCES)));
            Collections.reverse(oldestFirst);
            mime.setHeader("References", MimeUtility.fold(12, String.join(" ", oldestFirst)));
        }
        if (message.kind() == OutboundKind.AUTOMATIC_NOTICE) {
            mime.setHeader("Auto-Submitted", "auto-replied");
            mime.setHeader("X-Auto-Response-Suppress", "All");
        }
        mime.setHeader("Content-Language", message.locale().toLanguageTag());
        MailTemplates.Rendered rendered = templates.render(message, mailbox);
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (message.attachments().isEmpty()) {
            mime.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (AttachmentRef ref : message.attachments()) {
                Either<Rejection, InputStream> probe = attachments.open(message.tenant(), ref.storageKey());
                if (probe.isLeft()) {
                    return Either.left(Reason.of("attachment-missing", "attachment " + ref.name() + " is not in the store"));
                }
                try {
                    probe.get().close();
                } catch (IOException e) {
                    throw new MessagingException("cannot read attachment " + ref.name(), e);
                }
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new StoredSource(message, ref)));
                part.setFileName(ref.name());
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return Either.right(mime);
    }

    private String subject(OutboundMessage message, TenantMailbox mailbox) {
        String subject = message.subject().strip();
        String tag = mailbox.ticketTag().format(message.number());
        if (mailbox.ticketTag().find(subject).filter(n -> n.equals(message.number())).isEmpty()) {
            subject = subject.isEmpty() ? tag : subject + " " + tag;
        }
        if (message.kind() == OutboundKind.REPLY) {
            String prefix = templates.replyPrefix(message.locale());
            if (!subject.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))
                    && !subject.toLowerCase(Locale.ROOT).startsWith("re:")) {
                subject = prefix + " " + subject;
            }
        }
        return subject;
    }

    private static List<String> references(OutboundMessage message) {
        List<String> out = new ArrayList<>();
        for (ExternalMessageId ref : message.references()) {
            String value = ref.value();
            int at = value.lastIndexOf('@');
            // only real Message-IDs thread in mail clients; digests and other channels' ids do not
            if (at > 0 && ID_LEFT.matcher(value.substring(0, at)).matches()
                    && ID_LEFT.matcher(value.substring(at + 1)).matches()) {
                out.add("<" + value + ">");
            }
        }
        return out;
    }

    /**
     * Sets the subject. A plain subject is folded as Jakarta Mail does, but two kinds of subject
     * do not survive folding and unfolding: one with a backslash (folding can put a line break
     * right after it, and readers take a backslash before a line break as an escaped break) and
     * one with a run of spaces (the fold can fall inside the run). Those are written as base64
     * encoded words (RFC 2047), which hold neither and read back exactly.
     */
    private static void setSubject(MimeMessage mime, String subject) throws MessagingException {
        if (subject.indexOf('\\') < 0 && !subject.contains("  ")) {
            mime.setSubject(subject, StandardCharsets.UTF_8.name());
            return;
        }
        mime.setHeader("Subject", MimeUtility.fold(9, encodedWords(subject)));
    }

    /** Base64 encoded words of at most 45 bytes of UTF-8 each, cut between code points. */
    static String encodedWords(String text) {
        StringBuilder words = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > 45) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(text.substring(start, end).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            start = end;
        }
        return words.toString();
    }

    /**
     * An address with its display name. Backslashes and double quotes are taken out of the name:
     * Jakarta Mail writes them as quoted pairs, and folding a long header can split a quoted pair
     * so that the name reads back with a line break in it.
     */
    private static InternetAddress address(String address, String name) throws MessagingException {
        String display = displayName(name);
        try {
            return display.isEmpty() ? new InternetAddress(address, true)
                    : new InternetAddress(address, display, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    static String displayName(String name) {
        return name.replace("\\", "").replace('"', '\'').strip();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** An attachment read from the store each time the message is written, never held in memory. */
    private final class StoredSource implements DataSource {
        private final OutboundMessage message;
        private final AttachmentRef ref;

        StoredSource(OutboundMessage message, AttachmentRef ref) {
            this.message = message;
            this.ref = ref;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return attachments.open(message.tenant(), ref.storageKey())
                    .getOrElseThrow(r -> new IOException("attachment " + ref.name() + ": " + r.message()));
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            return ref.mediaType();
        }

        @Override
        public String getName() {
            return ref.name();
        }
    }
}
