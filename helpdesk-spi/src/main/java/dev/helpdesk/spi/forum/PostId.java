package dev.helpdesk.spi.forum;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * The id of a forum post, as the host's forum names it: 1 to {@value #MAX_LENGTH} characters
 * without control characters.
 *
 * @param value the id
 */
public record PostId(String value) {
    /** The longest id. */
    public static final int MAX_LENGTH = 128;

    /**
     * Checks the id.
     *
     * @param value the id
     */
    public PostId {
        Identifiers.check("post id", Identifiers.textProblem(value, MAX_LENGTH));
    }

    /**
     * An id from trusted code.
     *
     * @param value the id
     * @return the id
     */
    public static PostId of(String value) {
        return new PostId(value);
    }

    /**
     * An id from a request.
     *
     * @param text the text
     * @return the id, or {@link Rejection.Invalid} naming {@code post id}
     */
    public static Either<Rejection, PostId> parse(String text) {
        return Identifiers.parse("post id", Identifiers.textProblem(text, MAX_LENGTH), () -> new PostId(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
