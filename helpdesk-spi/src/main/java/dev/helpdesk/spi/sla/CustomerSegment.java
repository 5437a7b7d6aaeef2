package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * A group of customers the host distinguishes for service levels, such as {@code vip},
 * {@code enterprise} or {@code free}. The host knows its customers' segments and tells the
 * desk through {@link CustomerSegments}.
 *
 * <p>A code is 1 to 64 characters of letters, digits, {@code '.'}, {@code '_'} and {@code '-'}.
 *
 * @param code the segment's code
 */
public record CustomerSegment(String code) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Checks the code, as {@link #of(String)} does.
     *
     * @param code the segment's code
     * @throws dev.helpdesk.spi.ConfigurationException when it is not a valid code
     */
    public CustomerSegment {
        Identifiers.check("segment", problem(code));
    }

    /**
     * Makes a segment from a value written in the host's code, which is trusted to be valid.
     *
     * @param code the code
     * @return the segment
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the code is not valid
     */
    public static CustomerSegment of(String code) {
        return new CustomerSegment(code);
    }

    /**
     * Reads a segment typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the segment, or {@link Rejection.Invalid} naming {@code segment} and the problem
     */
    public static Either<Rejection, CustomerSegment> parse(String text) {
        return Identifiers.parse("segment", problem(text), () -> new CustomerSegment(text));
    }

    private static String problem(String code) {
        return Identifiers.patternProblem(code, VALID, "must be 1-64 of letters, digits, '.', '_' and '-'");
    }

    /**
     * Tells whether a string is a well-formed segment code, without throwing.
     *
     * @param code a candidate, may be null
     * @return true when {@link #of(String)} accepts it
     */
    public static boolean isValid(String code) {
        return code != null && VALID.matcher(code).matches();
    }

    @Override
    public String toString() {
        return code;
    }
}
