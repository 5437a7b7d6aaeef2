package dev.helpdesk.spi.party;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * Identifies a support group (a team or queue, such as {@code billing} or {@code network-l2}).
 *
 * <p>An id is 1 to 128 characters (Unicode code points) without control characters or line
 * breaks, without white space at either end and without unpaired surrogates. Ids compare
 * exactly: {@code c-42} and {@code C-42} are two ids.
 *
 * @param value the id as the host knows it
 */
public record GroupId(String value) {

    /**
     * Checks the id, as {@link #of(String)} does.
     *
     * @param value the id as the host knows it
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid id
     */
    public GroupId {
        Ids.check("group id", value);
    }

    /**
     * Makes an id from a value the host's code holds (its own key), which is trusted to be valid.
     *
     * @param value the id
     * @return the id
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the value is not a
     *                                                 valid id
     */
    public static GroupId of(String value) {
        return new GroupId(value);
    }

    /**
     * Reads an id typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the id, or {@link Rejection.Invalid} naming {@code group id} and the problem
     */
    public static Either<Rejection, GroupId> parse(String text) {
        return Identifiers.parse("group id", Ids.problem(text), () -> new GroupId(text));
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
     * @return whether it is the same GroupId
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof GroupId that && value.equals(that.value);
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
