package dev.helpdesk.spi.party;

/**
 * Identifies a support group (a team or queue, such as "billing" or "network L2").
 *
 * <p>An id is 1 to 128 characters without control characters.
 *
 * @param value the id as the host knows it
 */
public record GroupId(String value) {

    /**
     * Checks the id.
     *
     * @throws IllegalArgumentException when the value is null, blank, too long or holds
     *                                  control characters
     */
    public GroupId {
        Ids.check("group id", value);
    }

    /**
     * Makes an id.
     *
     * @param value the id
     * @return the id
     * @throws IllegalArgumentException when the value is not a valid id
     */
    public static GroupId of(String value) {
        return new GroupId(value);
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
