package dev.helpdesk.spi.ticket;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of one message of a ticket.
 *
 * @param value a time-ordered UUID
 */
public record MessageId(UUID value) {
    /** Checks the value is present. */
    public MessageId {
        Objects.requireNonNull(value, "message id");
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
     * @return whether it is the same MessageId
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MessageId that && value.equals(that.value);
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
