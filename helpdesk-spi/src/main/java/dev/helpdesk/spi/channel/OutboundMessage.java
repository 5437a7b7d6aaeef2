package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reply or a notice on its way out: made by the desk, stored in its outbox with the commit
 * that caused it, and handed at least once to the {@link ChannelSender} of its channel. The
 * {@link #id()} is the same on every attempt, and so is the external id the channel gives it.
 *
 * <p>It carries the content and the conversation; the channel adds its own form (for mail: the
 * ticket number in the subject in the tenant's pattern, the tenant's reply-to address, the
 * localized template around the text, the threading headers).
 */
@Value.Immutable
public abstract class OutboundMessage {
    /** For the implementation that Immutables generates. */
    public OutboundMessage() {
    }

    /**
     * The idempotent id: derived by the desk from what caused the message.
     *
     * @return the id
     */
    public abstract OutboundMessageId id();

    /**
     * The channel that delivers it.
     *
     * @return the channel
     */
    public abstract Channel channel();

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The endpoint it leaves from: the mailbox the conversation runs through.
     *
     * @return the endpoint
     */
    public abstract EndpointId endpoint();

    /**
     * A person's reply or the desk's automatic notice.
     *
     * @return the kind
     */
    public abstract OutboundKind kind();

    /**
     * Where it goes.
     *
     * @return the recipient's address
     */
    public abstract ContactAddress recipient();

    /**
     * How it addresses the recipient ({@code Ana Lima}).
     *
     * @return the name, when known
     */
    public abstract Optional<String> recipientName();

    /**
     * The ticket it belongs to.
     *
     * @return the ticket
     */
    public abstract TicketId ticket();

    /**
     * The ticket's human number, which the channel shows (in a mail's subject) so the
     * customer's answer finds the ticket even without threading headers.
     *
     * @return the number
     */
    public abstract TicketNumber number();

    /**
     * The ticket's subject, without any channel prefix or number: the channel adds those.
     *
     * @return the subject, one line
     */
    public abstract String subject();

    /**
     * The message in plain text: the agent's reply or the notice's text.
     *
     * @return the text
     */
    public abstract String text();

    /**
     * The message as HTML, when the desk has it (an agent's formatted reply); without it the
     * channel renders the text.
     *
     * @return the HTML, when present
     */
    public abstract Optional<String> html();

    /**
     * The language it is written in; the channel's templates around it use the same.
     *
     * @return the language
     */
    public abstract Locale locale();

    /**
     * Earlier messages of the conversation it answers, the most specific first (the message it
     * answers directly first): for mail, {@code In-Reply-To} is the first and
     * {@code References} all of them, oldest first.
     *
     * @return the references
     */
    public abstract List<ExternalMessageId> references();

    /**
     * Files to send along, read from the {@link AttachmentStore} by the channel.
     *
     * @return the attachments
     */
    public abstract List<AttachmentRef> attachments();

    /**
     * When the desk made it (the time of the event that caused it).
     *
     * @return the creation time
     */
    public abstract Instant createdAt();

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (!ChannelTexts.isOneLine(subject()) || ChannelTexts.textProblem(subject()) != null) {
            errors.add(new FieldError("subject", "must be one line without control characters"));
        }
        recipientName().filter(name -> !ChannelTexts.isOneLine(name) || ChannelTexts.textProblem(name) != null)
                .ifPresent(name -> errors.add(new FieldError("recipient name",
                        "must be one line without control characters")));
        ChannelTexts.check("an outbound message", errors);
    }

    /**
     * A builder; {@code build()} throws {@link dev.helpdesk.spi.ConfigurationException} naming every
     * missing part and a subject or name over more than one line.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OutboundMessage}. */
    public static final class Builder extends ImmutableOutboundMessage.Builder {
        Builder() {
        }
    }
}
