package dev.helpdesk.spi.ticket;

import java.util.Objects;
import java.util.UUID;

/**
 * The immutable, globally unique id of a ticket: a time-ordered UUID (version 7 when made by
 * the default generator), so ids sort roughly by creation time and index well.
 *
 * @param value the UUID
 */
public record TicketId(UUID value) {
    /** Checks the value is present. */
    public TicketId {
        Objects.requireNonNull(value, "ticket id");
    }

    /**
     * Wraps a UUID.
     *
     * @param value the UUID
     * @return the ticket id
     */
    public static TicketId of(UUID value) {
        return new TicketId(value);
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID in its 36-character form
     * @return the ticket id
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static TicketId parse(String text) {
        return new TicketId(UUID.fromString(text));
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
