package dev.helpdesk.spi.remote;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The identity of one consent request on a ticket: the customer's yes or no, and its revocation, refer to it. A time-ordered UUID from the desk's id generator.
 *
 * @param value the UUID
 */
public record ConsentId(UUID value) {
    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws IllegalArgumentException when it is null
     */
    public ConsentId {
        Identifiers.check("consent id", value == null ? "is required" : null);
    }

    /**
     * Wraps a trusted UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static ConsentId of(UUID value) {
        return new ConsentId(value);
    }

    /**
     * Reads an id typed by a user or taken from a request.
     *
     * @param text the text, may be null
     * @return the id, or a rejection naming the field "consent id"
     */
    public static Either<Rejection, ConsentId> parse(String text) {
        return Identifiers.parse("consent id", Identifiers.uuidProblem(text), () -> new ConsentId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
