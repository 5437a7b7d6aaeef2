package dev.helpdesk.spi.party;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * Identifies a customer: the person or company that asks for help. The host's own customer key (a CRM contact id, a shop account number).
 *
 * <p>An id is 1 to 128 characters (Unicode code points) without control characters or line
 * breaks, without white space at either end and without unpaired surrogates. Ids compare
 * exactly: {@code c-42} and {@code C-42} are two ids.
 *
 * @param value the id as the host knows it
 */
public record CustomerId(String value) {

    /**
     * Checks the id, as {@link #of(String)} does.
     *
     * @param value the id as the host knows it
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid id
     */
    public CustomerId {
        Ids.check("customer id", value);
    }

    /**
     * Makes an id from a value the host's code holds (its own key), which is trusted to be valid.
     *
     * @param value the id
     * @return the id
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the value is not a
     *                                                 valid id
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    /**
     * Reads an id typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the id, or {@link Rejection.Invalid} naming {@code customer id} and the problem
     */
    public static Either<Rejection, CustomerId> parse(String text) {
        return Identifiers.parse("customer id", Ids.problem(text), () -> new CustomerId(text));
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
     * @return whether it is the same CustomerId
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CustomerId that && value.equals(that.value);
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
