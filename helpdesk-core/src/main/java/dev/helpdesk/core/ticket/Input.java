package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Labels;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Ticket;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Field checks for command input. Every check returns a {@link Validation} so that problems
 * of several fields accumulate into one {@link Rejection.Invalid}.
 */
final class Input {
    static final int MAX_REASON_LENGTH = 500;

    private Input() {
    }

    static <T> Validation<FieldError, T> required(String field, T value) {
        return value == null ? Validation.invalid(new FieldError(field, "is required")) : Validation.valid(value);
    }

    /**
     * A one-line text of 1 to {@code maxLength} characters, counted in code points (an emoji is
     * one): no control characters at all (U+0085 is one), and no line or paragraph separator
     * (U+2028, U+2029), since every one of them starts a new line somewhere.
     */
    static Validation<FieldError, String> line(String field, String value, int maxLength) {
        if (value == null) {
            return Validation.invalid(new FieldError(field, "is required"));
        }
        if (value.isBlank()) {
            return Validation.invalid(new FieldError(field, "must not be blank"));
        }
        // a code point is one or two chars: only texts longer than the bound in chars need counting
        if (value.length() > maxLength && value.codePointCount(0, value.length()) > maxLength) {
            return Validation.invalid(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
        return wellFormed(field, value, false);
    }

    /** A reason for the history: one line of at most {@link #MAX_REASON_LENGTH} characters. */
    static Validation<FieldError, String> reason(String field, String value) {
        return line(field, value, MAX_REASON_LENGTH);
    }

    /** A label: a tag, a role, a rule's or a field's name. */
    static Validation<FieldError, String> label(String field, String value) {
        String problem = Labels.problem(value);
        return problem == null ? Validation.valid(value) : Validation.invalid(new FieldError(field, problem));
    }

    /** A number that must be within bounds. */
    static Validation<FieldError, Integer> between(String field, int value, int min, int max) {
        return value >= min && value <= max ? Validation.valid(value)
                : Validation.invalid(new FieldError(field, "must be " + min + "-" + max));
    }

    /**
     * The first {@code max} code points of a text, never splitting a surrogate pair.
     *
     * @param text the text
     * @param max  how many code points to keep at most
     * @return the text, or its beginning
     */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.min(max, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }

    /**
     * A text quoted from elsewhere (a rejection's message) made fit for one line of the
     * history: control characters and separators become spaces, unpaired surrogates U+FFFD,
     * at most {@code max} code points.
     */
    static String quoted(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max * 2));
        int count = 0;
        for (int i = 0; i < text.length() && count < max; count++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
            } else if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(cp);
            }
        }
        String result = out.toString();
        return result.isBlank() ? "(no reason given)" : result;
    }

    /** A message body: line breaks and tabs are allowed, other control characters are not. */
    static Validation<FieldError, String> body(String field, String value) {
        if (value == null) {
            return Validation.invalid(new FieldError(field, "is required"));
        }
        if (value.isBlank()) {
            return Validation.invalid(new FieldError(field, "must not be blank"));
        }
        // cheap bound first: a UTF-8 byte is at least 1, at most 3 per char
        if (value.length() > Message.MAX_BODY_BYTES
                || (value.length() * 3L > Message.MAX_BODY_BYTES && Message.utf8Length(value) > Message.MAX_BODY_BYTES)) {
            return Validation.invalid(new FieldError(field, "must be at most " + Message.MAX_BODY_BYTES + " bytes in UTF-8"));
        }
        return wellFormed(field, value, true);
    }

    static Validation<FieldError, String> subject(String value) {
        return line("subject", value, Ticket.MAX_SUBJECT_LENGTH);
    }

    private static Validation<FieldError, String> wellFormed(String field, String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return Validation.invalid(new FieldError(field, "must not contain control characters"));
            }
            if (!multiline && (c == '\u2028' || c == '\u2029')) {
                return Validation.invalid(new FieldError(field, "must be one line: no line or paragraph separators"));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Validation.invalid(new FieldError(field, "must not contain unpaired surrogates"));
            }
            if (Character.isLowSurrogate(c)) {
                return Validation.invalid(new FieldError(field, "must not contain unpaired surrogates"));
            }
        }
        return Validation.valid(value);
    }

    static <T> Validation<FieldError, T> known(String field, T value, Set<T> allowed) {
        if (value == null) {
            return Validation.invalid(new FieldError(field, "is required"));
        }
        return allowed.contains(value) ? Validation.valid(value)
                : Validation.invalid(new FieldError(field, "is not one of the desk's values: " + value));
    }

    /** Turns accumulated field errors into the one rejection a host form can show whole. */
    static Rejection invalid(Seq<FieldError> errors) {
        return new Rejection.Invalid(errors.toJavaList());
    }

    /** Collects the errors of any number of checks; empty when all are valid. */
    @SafeVarargs
    static Either<Rejection, Allowance> all(Validation<FieldError, ?>... checks) {
        return all(java.util.Arrays.asList(checks));
    }

    /** Collects the errors of a list of checks. */
    static Either<Rejection, Allowance> all(List<Validation<FieldError, ?>> checks) {
        List<FieldError> errors = new ArrayList<>();
        for (Validation<FieldError, ?> check : checks) {
            if (check.isInvalid()) {
                errors.add(check.getError());
            }
        }
        return errors.isEmpty() ? Either.right(Allowance.GRANTED) : Either.left(new Rejection.Invalid(errors));
    }
}
