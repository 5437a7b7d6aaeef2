package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
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

    /** A one-line text: no control characters at all. */
    static Validation<FieldError, String> line(String field, String value, int maxLength) {
        if (value == null) {
            return Validation.invalid(new FieldError(field, "is required"));
        }
        if (value.isBlank()) {
            return Validation.invalid(new FieldError(field, "must not be blank"));
        }
        if (value.length() > maxLength) {
            return Validation.invalid(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
        return wellFormed(field, value, false);
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
        List<FieldError> errors = new ArrayList<>();
        for (Validation<FieldError, ?> check : checks) {
            if (check.isInvalid()) {
                errors.add(check.getError());
            }
        }
        return errors.isEmpty() ? Either.right(Allowance.GRANTED) : Either.left(new Rejection.Invalid(errors));
    }
}
