package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * The id a channel gave a message: an email's {@code Message-ID} without its angle brackets, a
 * call id of the telephone system, a chat transcript id, a forum post id. The desk records it
 * (indexed, per tenant and channel) so the same message handed over twice is taken once, and
 * so a later message that refers to it finds its ticket.
 *
 * <p>A value is 1 to 255 characters without whitespace or control characters. A channel whose
 * ids can be longer hands over a stable digest instead (the email channel uses
 * {@code sha256:} and the hex digest), so that equal ids stay equal.
 *
 * @param value the id as the channel gave it
 */
public record ExternalMessageId(String value) {
    /** The longest value, in code points. */
    public static final int MAX_LENGTH = 255;

    /**
     * Checks the value.
     *
     * @param value the id as the channel gave it
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid external message id
     */
    public ExternalMessageId {
        ChannelTexts.trusted("external message id", value, problem(value), v -> v);
    }

    /**
     * Makes a external message id from a value the host trusts (written in code or read from its own storage).
     *
     * @param value the value
     * @return the external message id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid external message id
     */
    public static ExternalMessageId of(String value) {
        return new ExternalMessageId(value);
    }

    /**
     * Makes a external message id from input that arrived at run time.
     *
     * @param value the value, may be null
     * @return the external message id, or a {@link Rejection.Invalid} naming the field {@code external message id} and the problem
     */
    public static Either<Rejection, ExternalMessageId> parse(String value) {
        return ChannelTexts.parsed("external message id", value, problem(value), ExternalMessageId::new);
    }

    private static String problem(String value) {
        return ChannelTexts.tokenProblem(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
