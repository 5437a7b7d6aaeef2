package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an article came from, when it was drafted from something else: a community forum answer
 * marked as a candidate, a problem's known error, or a solved ticket. The reference is the
 * source's own key, as its owner knows it (the forum post's external id, the problem's id, the
 * ticket's id), so the article links back to it.
 *
 * @param kind      the kind of source
 * @param reference the source's key: 1 to 254 characters without white space or control characters
 */
public record ArticleOrigin(Kind kind, String reference) {
    /** The longest reference, in code points. */
    public static final int MAX_REFERENCE_LENGTH = 254;

    /** The kinds of source an article is drafted from. */
    public enum Kind {
        /** An answer in a community forum, marked as a candidate for the knowledge base. */
        FORUM_ANSWER,
        /** A problem's known error with its workaround. */
        KNOWN_ERROR,
        /** A ticket whose solution is worth keeping. */
        TICKET
    }

    /**
     * Checks both parts.
     *
     * @param kind the kind of source
     * @param reference the source's key: 1 to 254 characters without white space or control characters
     * @throws dev.helpdesk.spi.ConfigurationException naming every bad part
     */
    public ArticleOrigin {
        List<FieldError> errors = problems(kind, reference);
        if (!errors.isEmpty()) {
            throw new dev.helpdesk.spi.ConfigurationException("an article's origin", errors);
        }
    }

    /**
     * Makes an origin from values the host's code holds.
     *
     * @param kind      the kind
     * @param reference the key
     * @return the origin
     * @throws dev.helpdesk.spi.ConfigurationException naming every bad part
     */
    public static ArticleOrigin of(Kind kind, String reference) {
        return new ArticleOrigin(kind, reference);
    }

    /**
     * Reads an origin that arrived at run time.
     *
     * @param kind      the kind, may be null
     * @param reference the key, may be null
     * @return the origin, or {@link Rejection.Invalid} naming {@code origin kind} and
     *         {@code origin reference} as they are wrong
     */
    public static Either<Rejection, ArticleOrigin> parse(Kind kind, String reference) {
        List<FieldError> errors = problems(kind, reference);
        return errors.isEmpty() ? Either.right(new ArticleOrigin(kind, reference)) : Either.left(new Rejection.Invalid(errors));
    }

    private static List<FieldError> problems(Kind kind, String reference) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError("origin kind", "is required"));
        }
        String problem = Identifiers.textProblem(reference, MAX_REFERENCE_LENGTH);
        if (problem == null && reference.codePoints().anyMatch(Character::isWhitespace)) {
            problem = "must not contain white space";
        }
        if (problem != null) {
            errors.add(new FieldError("origin reference", problem));
        }
        return errors;
    }

    @Override
    public String toString() {
        return Objects.toString(kind).toLowerCase(java.util.Locale.ROOT) + ":" + reference;
    }
}
