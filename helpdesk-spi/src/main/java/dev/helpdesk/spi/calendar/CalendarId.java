package dev.helpdesk.spi.calendar;

import java.util.Objects;
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
     * Checks the id.
     *
     * @throws IllegalArgumentException when the value is null or not a valid id
     */
    public CalendarId {
        Objects.requireNonNull(value, "calendar id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("calendar id must be 1-64 of [A-Za-z0-9._-]: " + value);
        }
    }

    /**
     * Makes a calendar id.
     *
     * @param value the id
     * @return the calendar id
     * @throws IllegalArgumentException when the value is not a valid id
     */
    public static CalendarId of(String value) {
        return new CalendarId(value);
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
