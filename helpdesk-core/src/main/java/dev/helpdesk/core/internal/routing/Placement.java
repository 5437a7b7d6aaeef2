package dev.helpdesk.core.internal.routing;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import java.util.Objects;
import java.util.Optional;

/** Where routing put a ticket: with an agent, or in its group's queue. */
public sealed interface Placement {

    /**
     * The ticket goes to an agent.
     *
     * @param agent    the agent
     * @param group    the group it was routed in
     * @param capacity the agent's capacity on the ticket's channel, which the commit claims a
     *                 seat of
     */
    record Assign(AgentId agent, GroupId group, int capacity) implements Placement {
        /** Checks the parts are present. */
        public Assign {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(group, "group");
        }
    }

    /**
     * The ticket waits.
     *
     * @param group  the queue it waits in, if it has a group
     * @param reason why nobody fits
     */
    record Wait(Optional<GroupId> group, String reason) implements Placement {
        /** Checks the parts are present. */
        public Wait {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
