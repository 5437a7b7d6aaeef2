package dev.helpdesk.spi.party;

/**
 * Identifies a customer: the person or company that asks for help. The host's own customer key (a CRM contact id, a shop account number).
 *
 * <p>An id is 1 to 128 characters without control characters.
 *
 * @param value the id as the host knows it
 */
public record CustomerId(String value) {

    /**
     * Checks the id.
     *
     * @throws IllegalArgumentException when the value is null, blank, too long or holds
     *                                  control characters
     */
    public CustomerId {
        Ids.check("customer id", value);
    }

    /**
     * Makes an id.
     *
     * @param value the id
     * @return the id
     * @throws IllegalArgumentException when the value is not a valid id
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
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
