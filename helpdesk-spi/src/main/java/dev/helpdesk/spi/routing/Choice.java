package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.party.AgentId;
import java.util.Objects;

/** What a {@link RoutingStrategy} decided: an agent, or why the ticket has to wait. */
public sealed interface Choice {

    /**
     * Give the ticket to this agent, one of the request's candidates.
     *
     * @param agent the agent
     */
    record Assign(AgentId agent) implements Choice {
        /**
         * Checks the agent is present.
         *
         * @param agent the agent
         */
        public Assign {
            Objects.requireNonNull(agent, "agent");
        }
    }

    /**
     * Nobody fits; the ticket waits in its group's queue.
     *
     * @param reason why, in words, for the ticket's history
     */
    record Wait(String reason) implements Choice {
        /**
         * Checks the reason is present.
         *
         * @param reason why, in words, for the ticket's history
         */
        public Wait {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
