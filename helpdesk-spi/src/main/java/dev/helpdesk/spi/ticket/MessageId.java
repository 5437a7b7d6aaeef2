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
}
