package dev.helpdesk.spi.party;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * Identifies an agent: a member of the support staff. The host's own user key; the host's directory stays the source of truth.
 *
 * <p>An id is 1 to 128 characters (Unicode code points) without control characters or line
 * breaks, without white space at either end and without unpaired surrogates. Ids compare
 * exactly: {@code c-42} and {@code C-42} are two ids.
 *
 * @param value the id as the host knows it
 */
public record AgentId(String value) {

    /**
     * Checks the id, as {@link #of(String)} does.
     *
     * @param value the id as the host knows it
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid id
     */
    public AgentId {
        Ids.check("agent id", value);
    }

    /**
     * Makes an id from a value the host's code holds (its own key), which is trusted to be valid.
     *
     * @param value the id
     * @return the id
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the value is not a
     *                                                 valid id
     */
    public static AgentId of(String value) {
        return new AgentId(value);
    }

    /**
     * Reads an id typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the id, or {@link Rejection.Invalid} naming {@code agent id} and the problem
     */
    public static Either<Rejection, AgentId> parse(String text) {
        return Identifiers.parse("agent id", Ids.problem(text), () -> new AgentId(text));
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Equal when the values are equal. Written out rather than generated: ids are compared and
     * hashed on every command, and a plain field comparison stays cheap wherever it is called.
     *
     * @param other the object to compare with
     * @return whether it is the same AgentId
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AgentId that && value.equals(that.value);
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
