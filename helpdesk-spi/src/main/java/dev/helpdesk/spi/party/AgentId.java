package dev.helpdesk.spi.party;

/**
 * Identifies an agent: a member of the support staff. The host's own user key; the host's directory stays the source of truth.
 *
 * <p>An id is 1 to 128 characters without control characters.
 *
 * @param value the id as the host knows it
 */
public record AgentId(String value) {

    /**
     * Checks the id.
     *
     * @throws IllegalArgumentException when the value is null, blank, too long or holds
     *                                  control characters
     */
    public AgentId {
        Ids.check("agent id", value);
    }

    /**
     * Makes an id.
     *
     * @param value the id
     * @return the id
     * @throws IllegalArgumentException when the value is not a valid id
     */
    public static AgentId of(String value) {
        return new AgentId(value);
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
