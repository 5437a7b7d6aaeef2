package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * Where a channel receives its traffic for one tenant: a mailbox ({@code support@acme.example}),
 * a hotline ({@code +31201234567}), a chat widget or a forum ({@code forum-nl}). Two endpoints of
 * one tenant may share a channel; the intake records which one a message came in on and replies
 * leave from it.
 *
 * <p>A value is 1 to 254 characters without whitespace or control characters.
 *
 * @param value the endpoint as the channel names it
 */
public record EndpointId(String value) {
    /** The longest value, in code points. */
    public static final int MAX_LENGTH = 254;

    /**
     * Checks the value.
     *
     * @param value the endpoint as the channel names it
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid endpoint id
     */
    public EndpointId {
        ChannelTexts.trusted("endpoint id", value, problem(value), v -> v);
    }

    /**
     * Makes a endpoint id from a value the host trusts (written in code or read from its own storage).
     *
     * @param value the value
     * @return the endpoint id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid endpoint id
     */
    public static EndpointId of(String value) {
        return new EndpointId(value);
    }

    /**
     * Makes a endpoint id from input that arrived at run time.
     *
     * @param value the value, may be null
     * @return the endpoint id, or a {@link Rejection.Invalid} naming the field {@code endpoint id} and the problem
     */
    public static Either<Rejection, EndpointId> parse(String value) {
        return ChannelTexts.parsed("endpoint id", value, problem(value), EndpointId::new);
    }

    private static String problem(String value) {
        return ChannelTexts.tokenProblem(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
