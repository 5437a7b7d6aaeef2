package dev.helpdesk.spi.phone;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of one logged call: the desk uses the id of the ticket that registers the call (a
 * time-ordered UUID), so a report sent again finds the call it logged.
 *
 * @param value the UUID
 */
public record CallId(UUID value) {
    /**
     * Checks the UUID is present.
     *
     * @param value the UUID
     */
    public CallId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Wraps a UUID the host's code holds.
     *
     * @param value the UUID
     * @return the id
     */
    public static CallId of(UUID value) {
        return new CallId(value);
    }

    /**
     * Reads an id a user typed or a request carried.
     *
     * @param text the text
     * @return the id, or {@link Rejection.Invalid} naming {@code call id}
     */
    public static Either<Rejection, CallId> parse(String text) {
        return Identifiers.parse("call id", Identifiers.uuidProblem(text), () -> new CallId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
