package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The id of one message of a ticket.
 *
 * @param value a time-ordered UUID
 */
public record MessageId(UUID value) {
    /**
     * Checks the value is present.
     *
     * @param value a time-ordered UUID
     * @throws dev.helpdesk.spi.ConfigurationException when it is null
     */
    public MessageId {
        Identifiers.check("message id", value == null ? "is required" : null);
    }

    /**
     * Wraps a UUID the host's code holds.
     *
     * @param value the UUID
     * @return the message id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is null
     */
    public static MessageId of(UUID value) {
        return new MessageId(value);
    }

    /**
     * Reads the canonical text form, as typed by a user or found in a link.
     *
     * @param text a UUID in its 36-character form ({@code 8-4-4-4-12} hexadecimal digits), may be null
     * @return the message id, or {@link Rejection.Invalid} naming {@code message id} and the problem
     */
    public static Either<Rejection, MessageId> parse(String text) {
        return Identifiers.parse("message id", Identifiers.uuidProblem(text), () -> new MessageId(UUID.fromString(text)));
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
