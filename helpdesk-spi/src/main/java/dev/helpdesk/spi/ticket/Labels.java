package dev.helpdesk.spi.ticket;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one rule for the short names the desk stores as plain text: tags, custom field names,
 * escalation rule names and roles. A label is 1 to 64 characters of ASCII letters, digits,
 * {@code '.'}, {@code '_'}, {@code ':'} and {@code '-'}: safe in a URL, a log line, a
 * column and a template, and never confused with a value that needs quoting.
 */
public final class Labels {
    /** The longest label, in characters. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private Labels() {
    }

    /**
     * Tells whether a text is a well-formed label, without throwing.
     *
     * @param value a candidate, may be null
     * @return true when it is a label
     */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /**
     * Checks a label.
     *
     * @param what  what the label names, for the message
     * @param value the label
     * @return the label
     * @throws IllegalArgumentException when it is not a label
     * @throws NullPointerException     when it is null
     */
    public static String check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_LENGTH
                    + " of [A-Za-z0-9._:-]: " + value);
        }
        return value;
    }

    /**
     * The problem with a candidate label, in words for a field error.
     *
     * @param value a candidate, may be null
     * @return the problem, or null when the candidate is a label
     */
    public static String problem(String value) {
        if (value == null) {
            return "is required";
        }
        return isValid(value) ? null : "must be 1-" + MAX_LENGTH + " of letters, digits, '.', '_', ':' and '-'";
    }
}
