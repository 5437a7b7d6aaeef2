package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * The idempotent id of one outbound message. The desk derives it from what caused the message
 * (the reply's message id, the notice's event and recipient), so a message handed to a
 * {@link ChannelSender} again after a crash or a retry carries the same id, and the channel
 * gives it the same external id (the same {@code Message-ID} for mail): a receiver that sees it
 * twice can tell.
 *
 * <p>A value is 1 to 128 characters without whitespace or control characters.
 *
 * @param value the id
 */
public record OutboundMessageId(String value) {
    /** The longest value, in code points. */
    public static final int MAX_LENGTH = 128;

    /**
     * Checks the value.
     *
     * @param value the id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid outbound message id
     */
    public OutboundMessageId {
        ChannelTexts.trusted("outbound message id", value, problem(value), v -> v);
    }

    /**
     * Makes a outbound message id from a value the host trusts (written in code or read from its own storage).
     *
     * @param value the value
     * @return the outbound message id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid outbound message id
     */
    public static OutboundMessageId of(String value) {
        return new OutboundMessageId(value);
    }

    /**
     * Makes a outbound message id from input that arrived at run time.
     *
     * @param value the value, may be null
     * @return the outbound message id, or a {@link Rejection.Invalid} naming the field {@code outbound message id} and the problem
     */
    public static Either<Rejection, OutboundMessageId> parse(String value) {
        return ChannelTexts.parsed("outbound message id", value, problem(value), OutboundMessageId::new);
    }

    private static String problem(String value) {
        return ChannelTexts.tokenProblem(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
