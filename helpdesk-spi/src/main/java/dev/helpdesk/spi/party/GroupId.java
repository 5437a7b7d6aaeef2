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
}
