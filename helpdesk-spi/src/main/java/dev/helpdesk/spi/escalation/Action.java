package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Tier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link EscalationRule} does when it fires. Actions are data; each becomes ordinary
 * ticket events with the rule as their actor, decided by the same lifecycle rules as an
 * agent's commands (nothing happens to a closed ticket, solving needs an assignee). An action
 * that changes nothing (setting the group the ticket is already in) adds no event.
 */
public sealed interface Action {

    /**
     * The kind's stable name in plain values, such as {@code raise_tier}.
     *
     * @return the name
     */
    String kind();

    /**
     * Functional escalation: moves the ticket up the tiers, never down.
     *
     * @param to the tier to reach; empty for one tier up. A ticket already at or above it
     *           stays where it is.
     */
    record RaiseTier(Optional<Tier> to) implements Action {
        /**
         * Checks the part is present.
         *
         * @param to the tier to reach; empty for one tier up. A ticket already at or above it stays where it is.
         */
        public RaiseTier {
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String kind() {
            return "raise_tier";
        }
    }

    /**
     * Functional escalation: moves the ticket to another group (queue).
     *
     * @param group the group
     */
    record SetGroup(GroupId group) implements Action {
        /**
         * Checks the group is present.
         *
         * @param group the group
         */
        public SetGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public String kind() {
            return "set_group";
        }
    }

    /**
     * Sets the priority.
     *
     * @param priority the new priority
     */
    record SetPriority(Priority priority) implements Action {
        /**
         * Checks the priority is present.
         *
         * @param priority the new priority
         */
        public SetPriority {
            Objects.requireNonNull(priority, "priority");
        }

        @Override
        public String kind() {
            return "set_priority";
        }
    }

    /**
     * Lets routing choose an agent in the ticket's group; when nobody fits, the ticket waits in
     * the group's queue. A ticket whose assignee still fits (a member of its group at its tier)
     * stays with them.
     *
     * @param strategy the routing strategy's name; empty for the group's configured one
     */
    record Route(Optional<String> strategy) implements Action {
        /**
         * Checks the part is present.
         *
         * @param strategy the routing strategy's name; empty for the group's configured one
         */
        public Route {
            Objects.requireNonNull(strategy, "strategy");
        }

        @Override
        public String kind() {
            return "route";
        }
    }

    /**
     * Assigns the ticket to a named agent.
     *
     * @param agent the agent
     */
    record AssignTo(AgentId agent) implements Action {
        /**
         * Checks the agent is present.
         *
         * @param agent the agent
         */
        public AssignTo {
            Objects.requireNonNull(agent, "agent");
        }

        @Override
        public String kind() {
            return "assign_to";
        }
    }

    /**
     * Hierarchical escalation: tells everyone holding a role (a supervisor, an account
     * manager), without moving the ticket.
     *
     * @param role   the role, a label
     * @param urgent true to reach the role's holders outside their working hours too
     */
    record NotifyRole(String role, boolean urgent) implements Action {
        /**
         * Checks the role is present.
         *
         * @param role the role, a label
         * @param urgent true to reach the role's holders outside their working hours too
         */
        public NotifyRole {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String kind() {
            return "notify_role";
        }
    }

    /**
     * Tells an agent: a named one, or the ticket's assignee (nothing happens when it has none).
     *
     * @param agent  the agent; empty for the assignee
     * @param urgent true to reach the agent outside their working hours too
     */
    record NotifyAgent(Optional<AgentId> agent, boolean urgent) implements Action {
        /**
         * Checks the part is present.
         *
         * @param agent the agent; empty for the assignee
         * @param urgent true to reach the agent outside their working hours too
         */
        public NotifyAgent {
            Objects.requireNonNull(agent, "agent");
        }

        @Override
        public String kind() {
            return "notify_agent";
        }
    }

    /** Tells the ticket's requester. */
    record NotifyCustomer() implements Action {
        @Override
        public String kind() {
            return "notify_customer";
        }
    }

    /**
     * Puts a tag on the ticket.
     *
     * @param tag the tag, a label
     */
    record AddTag(String tag) implements Action {
        /**
         * Checks the tag is present.
         *
         * @param tag the tag, a label
         */
        public AddTag {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public String kind() {
            return "add_tag";
        }
    }

    /**
     * Adds an internal note, which the customer never sees.
     *
     * @param text the note, at most 64 KiB
     */
    record AddNote(String text) implements Action {
        /**
         * Checks the text is present.
         *
         * @param text the note, at most 64 KiB
         */
        public AddNote {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            return "add_note";
        }
    }

    /**
     * An action of a type a host plugs in with an {@link ActionType}.
     *
     * @param type       the type's name
     * @param parameters its parameters, as text
     */
    record Custom(String type, Map<String, String> parameters) implements Action {
        /**
         * Checks the parts are present and freezes the parameters.
         *
         * @param type the type's name
         * @param parameters its parameters, as text
         */
        public Custom {
            Objects.requireNonNull(type, "type");
            parameters = Map.copyOf(parameters);
        }

        @Override
        public String kind() {
            return "custom";
        }
    }
}
