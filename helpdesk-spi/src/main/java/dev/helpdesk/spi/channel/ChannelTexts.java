package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.List;
import java.util.function.Function;

/** The shared rules of the channel contract's identifiers and texts. */
final class ChannelTexts {
    private ChannelTexts() {
    }

    /**
     * Checks an identifier: present, within the length in code points, no whitespace or control
     * characters at all, no unpaired surrogates.
     *
     * @return the problem, or null when the value is fine
     */
    static String tokenProblem(String value, int maxCodePoints) {
        if (value == null) {
            return "must be present";
        }
        if (value.isEmpty()) {
            return "must not be empty";
        }
        String text = textProblem(value);
        if (text != null) {
            return text;
        }
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            return "must be at most " + maxCodePoints + " characters";
        }
        if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "must not contain whitespace";
        }
        return null;
    }

    /**
     * Checks a text for characters that no stored text may hold: control characters other than
     * line feed and tab, and unpaired surrogates.
     *
     * @return the problem, or null when the value is fine
     */
    static String textProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "must not contain unpaired surrogates";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain unpaired surrogates";
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return "must not contain control characters";
            }
        }
        return null;
    }

    /** Tells whether a text is one line: no line break of any kind. */
    static boolean isOneLine(String value) {
        return value.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085');
    }

    /** Trusted construction: a problem is a wiring error. */
    static <T> T trusted(String field, String value, String problem, Function<String, T> make) {
        if (problem != null) {
            throw new ConfigurationException("an identifier written in code", List.of(new FieldError(field, problem)));
        }
        return make.apply(value);
    }

    /** A value written in code that a parse rejected: the rejection's fields, as a configuration failure. */
    static ConfigurationException configuration(String what, Rejection rejection) {
        if (rejection instanceof Rejection.Invalid invalid) {
            return new ConfigurationException(what, invalid.errors());
        }
        return new ConfigurationException(what + " is not valid: " + rejection.message());
    }

    /** Throws for a value's broken invariants, naming every field. */
    static void check(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ConfigurationException(what, errors);
        }
    }

    /** Construction from run-time input: a problem is a rejection naming the field. */
    static <T> Either<Rejection, T> parsed(String field, String value, String problem, Function<String, T> make) {
        return problem == null ? Either.right(make.apply(value)) : Either.left(Rejection.Invalid.of(field, problem));
    }

    /** A value for a message, with control characters shown as escapes. */
    static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
