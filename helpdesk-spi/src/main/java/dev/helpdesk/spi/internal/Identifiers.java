package dev.helpdesk.spi.internal;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules every identifier shares, and its two ways of failing: {@code of} (a value written
 * in code) throws {@link ConfigurationException}, {@code parse} (a value typed by a user)
 * answers {@link Rejection.Invalid}. Not part of the contract.
 */
public final class Identifiers {
    private Identifiers() {
    }

    /**
     * The problem with a free-text identifier (a host's own key for a customer, an agent, a
     * group): present, 1 to {@code max} characters counted as Unicode code points, no white
     * space at either end, no control character or line break, no unpaired surrogate (which no
     * database stores faithfully). Identifiers compare exactly: no case folding, no
     * normalization.
     *
     * @param value a candidate, may be null
     * @param max   the most code points
     * @return the problem in words, or null when the value is fine
     */
    public static String textProblem(String value, int max) {
        if (value == null) {
            return "is required";
        }
        if (value.isEmpty()) {
            return "must not be empty";
        }
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                cp = Character.toCodePoint(c, value.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return "must not hold an unpaired surrogate (a broken character)";
            } else {
                cp = c;
                i++;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return "must not hold control characters or line breaks";
            }
            count++;
        }
        if (count > max) {
            return "must be at most " + max + " characters";
        }
        if (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length()))) {
            return "must not start or end with white space";
        }
        return null;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /**
     * The problem with a code made of a fixed alphabet.
     *
     * @param value   a candidate, may be null
     * @param pattern the whole form
     * @param rule    the form in words, such as {@code must be 1-64 of letters, digits, '.', '_' and '-'}
     * @return the problem, or null when the value matches
     */
    public static String patternProblem(String value, Pattern pattern, String rule) {
        if (value == null) {
            return "is required";
        }
        return pattern.matcher(value).matches() ? null : rule;
    }

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The problem with the text of a UUID: only the canonical 36-character form is one
     * ({@link java.util.UUID#fromString} alone also takes shortened groups).
     *
     * @param value a candidate, may be null
     * @return the problem, or null when the text is a UUID
     */
    public static String uuidProblem(String value) {
        return patternProblem(value, UUID_TEXT, "must be a UUID in its 36-character form");
    }

    /**
     * Throws for an identifier written in code that is not one.
     *
     * @param field   the kind of identifier, such as {@code customer id}
     * @param problem the problem, or null when there is none
     * @throws ConfigurationException naming the field and the problem
     */
    public static void check(String field, String problem) {
        if (problem != null) {
            throw new ConfigurationException("an identifier written in code", List.of(new FieldError(field, problem)));
        }
    }

    /**
     * Reads an identifier typed by a user.
     *
     * @param field   the kind of identifier, such as {@code customer id}
     * @param problem the problem with the text, or null when there is none
     * @param make    makes the identifier when there is no problem
     * @param <T>     the identifier's type
     * @return the identifier, or {@link Rejection.Invalid} naming the field and the problem
     */
    public static <T> Either<Rejection, T> parse(String field, String problem, Supplier<T> make) {
        return problem == null ? Either.right(make.get()) : Either.left(Rejection.Invalid.of(field, problem));
    }
}
