package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * Names a message a channel could not take and kept aside with its raw form (malformed,
 * oversize, a mail loop), so an operator can look at it, fix the cause and hand it in again.
 *
 * <p>A value is 1 to 128 characters without whitespace or control characters.
 *
 * @param value the id the quarantine gave it
 */
public record QuarantineId(String value) {
    /** The longest value, in code points. */
    public static final int MAX_LENGTH = 128;

    /**
     * Checks the value.
     *
     * @param value the id the quarantine gave it
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid quarantine id
     */
    public QuarantineId {
        ChannelTexts.trusted("quarantine id", value, problem(value), v -> v);
    }

    /**
     * Makes a quarantine id from a value the host trusts (written in code or read from its own storage).
     *
     * @param value the value
     * @return the quarantine id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid quarantine id
     */
    public static QuarantineId of(String value) {
        return new QuarantineId(value);
    }

    /**
     * Makes a quarantine id from input that arrived at run time.
     *
     * @param value the value, may be null
     * @return the quarantine id, or a {@link Rejection.Invalid} naming the field {@code quarantine id} and the problem
     */
    public static Either<Rejection, QuarantineId> parse(String value) {
        return ChannelTexts.parsed("quarantine id", value, problem(value), QuarantineId::new);
    }

    private static String problem(String value) {
        return ChannelTexts.tokenProblem(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
