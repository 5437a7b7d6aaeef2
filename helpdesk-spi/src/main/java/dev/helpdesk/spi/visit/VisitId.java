package dev.helpdesk.spi.visit;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The identity of one on-site visit of a technician, planned on a ticket. A time-ordered UUID from the desk's id generator.
 *
 * @param value the UUID
 */
public record VisitId(UUID value) {
    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws IllegalArgumentException when it is null
     */
    public VisitId {
        Identifiers.check("visit id", value == null ? "is required" : null);
    }

    /**
     * Wraps a trusted UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static VisitId of(UUID value) {
        return new VisitId(value);
    }

    /**
     * Reads an id typed by a user or taken from a request.
     *
     * @param text the text, may be null
     * @return the id, or a rejection naming the field "visit id"
     */
    public static Either<Rejection, VisitId> parse(String text) {
        return Identifiers.parse("visit id", Identifiers.uuidProblem(text), () -> new VisitId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
