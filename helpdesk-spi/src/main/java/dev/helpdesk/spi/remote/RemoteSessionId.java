package dev.helpdesk.spi.remote;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The identity of one remote session (an agent on the customer's device) on a ticket. A time-ordered UUID from the desk's id generator.
 *
 * @param value the UUID
 */
public record RemoteSessionId(UUID value) {
    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws IllegalArgumentException when it is null
     */
    public RemoteSessionId {
        Identifiers.check("remote session id", value == null ? "is required" : null);
    }

    /**
     * Wraps a trusted UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static RemoteSessionId of(UUID value) {
        return new RemoteSessionId(value);
    }

    /**
     * Reads an id typed by a user or taken from a request.
     *
     * @param text the text, may be null
     * @return the id, or a rejection naming the field "remote session id"
     */
    public static Either<Rejection, RemoteSessionId> parse(String text) {
        return Identifiers.parse("remote session id", Identifiers.uuidProblem(text), () -> new RemoteSessionId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
