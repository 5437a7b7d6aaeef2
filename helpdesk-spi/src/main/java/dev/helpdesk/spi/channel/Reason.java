package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a message was recorded without reopening, quarantined or refused: a stable code a host
 * can count and switch on, and a sentence for an operator.
 *
 * <p>The codes every channel shares are constants here; a channel may use codes of its own
 * (lower case, digits and {@code -}, up to 64 characters).
 *
 * @param code   the stable code, such as {@code auto-reply}
 * @param detail a sentence for an operator: what was found, such as
 *               {@code Auto-Submitted: auto-replied}
 */
public record Reason(String code, String detail) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Written by a machine on the sender's behalf (out of office, autoresponder). */
    public static final String AUTO_REPLY = "auto-reply";
    /** A delivery failure report. */
    public static final String BOUNCE = "bounce";
    /** Bulk or list mail. */
    public static final String BULK = "bulk";
    /** The sender sent more than the channel's rate limit allows: a loop is likely. */
    public static final String RATE_LIMITED = "rate-limited";
    /** The message is not well-formed in its channel's format. */
    public static final String MALFORMED = "malformed";
    /** A required part is missing (a mail without {@code From} or {@code Date}). */
    public static final String MISSING_PART = "missing-part";
    /** The message or one of its parts is larger than the channel's limit. */
    public static final String TOO_LARGE = "too-large";
    /** The message nests deeper or has more parts than the channel's limit. */
    public static final String TOO_COMPLEX = "too-complex";
    /** The message declared a character set the channel could not decode. */
    public static final String BAD_CHARSET = "bad-charset";
    /** The sender is unknown and the tenant's policy refuses unknown senders. */
    public static final String UNKNOWN_SENDER = "unknown-sender";
    /** The endpoint belongs to no tenant the desk serves. */
    public static final String UNKNOWN_ENDPOINT = "unknown-endpoint";
    /** The message holds values the desk does not store (see {@link InboundMessage#validate()}). */
    public static final String INVALID = "invalid";
    /** The sender may not write to the ticket the message refers to. */
    public static final String NOT_ALLOWED = "not-allowed";

    /**
     * Checks the parts.
     *
     * @param code the stable code, such as {@code auto-reply}
     * @param detail a sentence for an operator: what was found, such as {@code Auto-Submitted: auto-replied}
     * @throws ConfigurationException when the code is malformed or the detail holds control
     *                                characters
     */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        List<FieldError> errors = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "must be 1-64 of [a-z0-9-]: " + ChannelTexts.printable(code)));
        }
        if (ChannelTexts.textProblem(detail) != null || !ChannelTexts.isOneLine(detail)) {
            errors.add(new FieldError("detail", "must be one line without control characters"));
        }
        ChannelTexts.check("a reason", errors);
    }

    /**
     * Makes a reason.
     *
     * @param code   the code
     * @param detail the sentence
     * @return the reason
     */
    public static Reason of(String code, String detail) {
        return new Reason(code, detail);
    }

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
