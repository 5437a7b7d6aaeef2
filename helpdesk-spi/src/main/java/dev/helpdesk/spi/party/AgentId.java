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
}
