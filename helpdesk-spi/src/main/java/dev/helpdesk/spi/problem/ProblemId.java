package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The identity of one problem. A time-ordered UUID from the desk's id generator.
 *
 * @param value the UUID
 */
public record ProblemId(UUID value) {
    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws IllegalArgumentException when it is null
     */
    public ProblemId {
        Identifiers.check("problem id", value == null ? "is required" : null);
    }

    /**
     * Wraps a trusted UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static ProblemId of(UUID value) {
        return new ProblemId(value);
    }

    /**
     * Reads an id typed by a user or taken from a request.
     *
     * @param text the text, may be null
     * @return the id, or a rejection naming the field "problem id"
     */
    public static Either<Rejection, ProblemId> parse(String text) {
        return Identifiers.parse("problem id", Identifiers.uuidProblem(text), () -> new ProblemId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
