package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketNumber;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One message a channel received, in the form every channel shares: an email, a phone call's
 * log, a chat transcript, a forum post, a web form. A channel module makes it and hands it to
 * the desk's {@link InboundIntake}, which decides the ticket, the customer and the command.
 *
 * <p>How each channel fills it:
 * <ul>
 *   <li>email: the {@code From} address and name, the mailbox it arrived in, the
 *       {@code Message-ID}, {@code In-Reply-To} and {@code References};</li>
 *   <li>phone: the caller's number, the hotline, the telephone system's call id, the agent's
 *       notes or the transcript as text;</li>
 *   <li>live chat: the visitor's address or handle, the widget, the transcript id and the
 *       transcript, an authenticated visitor as {@link #knownCustomer()};</li>
 *   <li>forum: the poster's handle, the forum, the post id, the thread's earlier posts as
 *       {@link #references()};</li>
 *   <li>web form: the address typed in the form, the form, the submission id, the ticket number
 *       of the page it was posted from as {@link #ticketHint()}.</li>
 * </ul>
 *
 * <p>The builder throws {@link dev.helpdesk.spi.ConfigurationException} naming every missing part
 * and every structurally impossible one (a negative size, a message that refers to itself, a
 * reference given twice): those are the channel's own mistakes; {@link #validate()} checks what a channel may have got wrong from
 * the outside world (a subject over two lines, control characters) and answers a rejection
 * naming every field, so the intake can refuse rather than fail.
 */
@Value.Immutable
public abstract class InboundMessage {
    /** For the implementation that Immutables generates. */
    public InboundMessage() {
    }

    /** The longest subject, in code points. */
    public static final int MAX_SUBJECT_LENGTH = 255;
    /** The longest sender display name, in code points. */
    public static final int MAX_NAME_LENGTH = 255;

    /**
     * The channel it came in on.
     *
     * @return the channel
     */
    public abstract Channel channel();

    /**
     * The tenant whose endpoint received it.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The mailbox, hotline, widget, forum or form that received it.
     *
     * @return the endpoint
     */
    public abstract EndpointId endpoint();

    /**
     * Who sent it, as the channel saw it: the address the desk answers to.
     *
     * @return the sender's address
     */
    public abstract ContactAddress sender();

    /**
     * The sender's name as the message gave it ({@code Ana Lima} of
     * {@code "Ana Lima" <ana@example.com>}), one line.
     *
     * @return the display name, when given
     */
    public abstract Optional<String> senderName();

    /**
     * The customer the host already authenticated as the sender (a form behind the host's
     * login, a chat with a signed-in visitor). When empty, the intake asks the
     * {@link CustomerDirectory} about {@link #sender()}.
     *
     * @return the customer, when the channel knows
     */
    public abstract Optional<CustomerId> knownCustomer();

    /**
     * The subject, one line of at most {@value #MAX_SUBJECT_LENGTH} characters; may be empty
     * (a call log, a chat), in which case the intake names the ticket itself.
     *
     * @return the subject
     */
    public abstract String subject();

    /**
     * The message as the ticket should show it: plain text, with quoted earlier messages and
     * signatures already removed by the channel where it knows how (mail). Line breaks are
     * {@code \n}.
     *
     * @return the text, possibly empty
     */
    public abstract String text();

    /**
     * The whole text as it arrived, before quoted parts and signatures were removed, so the
     * full original stays retrievable. Equal to {@link #text()} when nothing was removed.
     *
     * @return the full text
     */
    @Value.Default
    public String fullText() {
        return text();
    }

    /**
     * The HTML body as it arrived, when the message had one. Never rendered by the desk without
     * sanitising: it is the sender's markup.
     *
     * @return the HTML, when present
     */
    public abstract Optional<String> html();

    /**
     * The files and inline parts, already in the host's {@link AttachmentStore}.
     *
     * @return the attachments, in the order the message had them
     */
    public abstract List<AttachmentRef> attachments();

    /**
     * The raw message as received (the RFC 822 bytes of a mail), when the channel kept it in the
     * {@link AttachmentStore}: the full original for an operator or an audit.
     *
     * @return the kept source, when kept
     */
    public abstract Optional<AttachmentRef> source();

    /**
     * The channel's own id of this message; the intake records it so the same message handed
     * over twice is taken once.
     *
     * @return the external id
     */
    public abstract ExternalMessageId externalId();

    /**
     * Earlier messages this one answers or belongs with, the most specific first (for mail:
     * {@code In-Reply-To}, then {@code References} from the newest back). The intake looks them
     * up in that order among the ids it recorded for inbound and outbound messages.
     *
     * @return the references, without duplicates
     */
    public abstract List<ExternalMessageId> references();

    /**
     * A ticket the channel already knows this message is about: the number a caller read out, the
     * ticket page a form was posted from. The intake accepts it only for a ticket of the sender.
     * (The ticket number in a mail's subject is not a hint: the intake finds it with the
     * tenant's subject pattern.)
     *
     * @return the ticket number, when known
     */
    public abstract Optional<TicketNumber> ticketHint();

    /**
     * What the channel found about how the message was sent: automatic replies, bounces and
     * bulk mail are recorded and never open or reopen a ticket.
     *
     * @return the flags, possibly none
     */
    public abstract Set<MessageFlag> flags();

    /**
     * What the channel had to guess or repair to take the message, one line each, for an
     * operator: a character set it did not know and the one it used instead, a body too large
     * to show that was kept as an attachment.
     *
     * @return the notes, possibly none
     */
    public abstract List<String> notes();

    /**
     * The language the message declared or the channel knew (a mail's
     * {@code Content-Language}, the widget's locale), for routing and replies.
     *
     * @return the language, when known
     */
    public abstract Optional<Locale> language();

    /**
     * When the channel received it (for mail: when the desk took it from the mailbox or the
     * host handed it over, not the sender's {@code Date}, which a sender controls).
     *
     * @return the receipt time
     */
    public abstract Instant receivedAt();

    /**
     * When the sender says they sent it (a mail's {@code Date}), when given.
     *
     * @return the sender's time
     */
    public abstract Optional<Instant> sentAt();

    /**
     * The size of the message as received, in bytes (a mail's RFC 822 size); for statistics
     * and limits.
     *
     * @return the size, zero or more
     */
    public abstract long rawSize();

    /**
     * Tells whether the message was written by a machine or sent in bulk: the intake records it
     * and never opens or reopens a ticket for it.
     *
     * @return true when any flag is set
     */
    public final boolean isAutomatic() {
        return !flags().isEmpty();
    }

    /**
     * Checks what a channel may have taken from the outside world unchecked: the subject is one
     * line of at most {@value #MAX_SUBJECT_LENGTH} characters, the sender's name one line of
     * at most {@value #MAX_NAME_LENGTH}, and no text holds control characters (other than line
     * feed and tab in bodies) or unpaired surrogates.
     *
     * @return this message, or a {@link Rejection.Invalid} naming every field at fault
     */
    public final Either<Rejection, InboundMessage> validate() {
        List<FieldError> errors = new ArrayList<>();
        line(errors, "subject", subject(), MAX_SUBJECT_LENGTH);
        senderName().ifPresent(name -> line(errors, "sender name", name, MAX_NAME_LENGTH));
        body(errors, "text", text());
        body(errors, "full text", fullText());
        html().ifPresent(html -> body(errors, "html", html));
        for (String note : notes()) {
            line(errors, "notes", note, 1000);
        }
        return errors.isEmpty() ? Either.right(this) : Either.left(new Rejection.Invalid(errors));
    }

    private static void line(List<FieldError> errors, String field, String value, int max) {
        if (!ChannelTexts.isOneLine(value)) {
            errors.add(new FieldError(field, "must be one line"));
        } else if (value.indexOf('\t') >= 0 || ChannelTexts.textProblem(value) != null) {
            errors.add(new FieldError(field, "must not contain control characters or unpaired surrogates"));
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void body(List<FieldError> errors, String field, String value) {
        String problem = ChannelTexts.textProblem(value);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (rawSize() < 0) {
            errors.add(new FieldError("raw size", "must not be negative: " + rawSize()));
        }
        if (references().contains(externalId())) {
            errors.add(new FieldError("references", "must not name the message itself: " + externalId()));
        }
        if (references().stream().distinct().count() != references().size()) {
            errors.add(new FieldError("references", "must not repeat"));
        }
        ChannelTexts.check("an inbound message", errors);
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InboundMessage}. */
    public static final class Builder extends ImmutableInboundMessage.Builder {
        Builder() {
        }
    }
}
