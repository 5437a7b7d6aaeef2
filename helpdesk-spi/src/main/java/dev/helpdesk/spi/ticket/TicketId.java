package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The immutable, globally unique id of a ticket: a time-ordered UUID (version 7 when made by
 * the default generator), so ids sort roughly by creation time and index well.
 *
 * @param value the UUID
 */
public record TicketId(UUID value) {
    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws dev.helpdesk.spi.ConfigurationException when it is null
     */
    public TicketId {
        Identifiers.check("ticket id", value == null ? "is required" : null);
    }

    /**
     * Wraps a UUID the host's code holds.
     *
     * @param value the UUID
     * @return the ticket id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is null
     */
    public static TicketId of(UUID value) {
        return new TicketId(value);
    }

    /**
     * Reads the canonical text form, as typed by a user or found in a link.
     *
     * @param text a UUID in its 36-character form ({@code 8-4-4-4-12} hexadecimal digits), may be null
     * @return the ticket id, or {@link Rejection.Invalid} naming {@code ticket id} and the problem
     */
    public static Either<Rejection, TicketId> parse(String text) {
        return Identifiers.parse("ticket id", Identifiers.uuidProblem(text), () -> new TicketId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /**
     * Equal when the values are equal. Written out rather than generated: ids are compared and
     * hashed on every command, and a plain field comparison stays cheap wherever it is called.
     *
     * @param other the object to compare with
     * @return whether it is the same TicketId
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TicketId that && value.equals(that.value);
    }

    /**
     * The value's hash.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
