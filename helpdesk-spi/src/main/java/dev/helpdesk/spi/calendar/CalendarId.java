package dev.helpdesk.spi.calendar;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * Names a business calendar, so that an SLA policy can refer to it (for instance
 * {@code nl-office} or {@code follow-the-sun}).
 *
 * <p>An id is 1 to 64 characters of letters, digits, {@code '.'}, {@code '_'} and {@code '-'}.
 *
 * @param value the id as the host knows it
 */
public record CalendarId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Checks the id, as {@link #of(String)} does.
     *
     * @param value the id as the host knows it
     * @throws dev.helpdesk.spi.ConfigurationException when it is not a valid id
     */
    public CalendarId {
        Identifiers.check("calendar id", problem(value));
    }

    /**
     * Makes a calendar id from a value written in the host's code, which is trusted to be valid.
     *
     * @param value the id
     * @return the calendar id
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the id is not valid
     */
    public static CalendarId of(String value) {
        return new CalendarId(value);
    }

    /**
     * Reads a calendar id typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the calendar id, or {@link Rejection.Invalid} naming {@code calendar id} and the problem
     */
    public static Either<Rejection, CalendarId> parse(String text) {
        return Identifiers.parse("calendar id", problem(text), () -> new CalendarId(text));
    }

    private static String problem(String value) {
        return Identifiers.patternProblem(value, VALID, "must be 1-64 of letters, digits, '.', '_' and '-'");
    }

    /**
     * Tells whether a string would make a valid calendar id, without throwing.
     *
     * @param value a candidate, may be null
     * @return true when {@link #of(String)} accepts it
     */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
