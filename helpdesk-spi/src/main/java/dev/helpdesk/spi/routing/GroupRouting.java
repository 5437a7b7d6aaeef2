package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.party.GroupId;
import java.util.Objects;

/**
 * How the desk routes the tickets of one group.
 *
 * @param group                 the group
 * @param strategy              the routing strategy's name ({@code round-robin},
 *                              {@code least-loaded}, {@code skills}, or a plugin's)
 * @param assignOnOpen          route a ticket opened into the group without an assignee
 * @param assignAfterEscalation route a ticket again when an escalation rule moved it to this
 *                              group or raised its tier and its assignee no longer fits
 */
public record GroupRouting(GroupId group, String strategy, boolean assignOnOpen, boolean assignAfterEscalation) {
    /** Checks the parts are present. */
    public GroupRouting {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * A group routed automatically on open and after escalation.
     *
     * @param group    the group id
     * @param strategy the strategy's name
     * @return the configuration
     */
    public static GroupRouting automatic(String group, String strategy) {
        return new GroupRouting(GroupId.of(group), strategy, true, true);
    }
}
