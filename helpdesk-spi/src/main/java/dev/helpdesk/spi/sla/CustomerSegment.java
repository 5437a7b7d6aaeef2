package dev.helpdesk.spi.sla;

import java.util.Objects;
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
     * Checks the code.
     *
     * @throws IllegalArgumentException when the code is null or malformed
     */
    public CustomerSegment {
        Objects.requireNonNull(code, "segment code");
        if (!isValid(code)) {
            throw new IllegalArgumentException("segment code must be 1-64 of [A-Za-z0-9._-]: " + code);
        }
    }

    /**
     * A segment by code.
     *
     * @param code the code
     * @return the segment
     * @throws IllegalArgumentException when the code is malformed
     */
    public static CustomerSegment of(String code) {
        return new CustomerSegment(code);
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
