package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.TicketId;

/**
 * What someone asks the desk to do with a ticket. Commands carry input as given: any field
 * may be null or malformed, and the desk answers bad input with a
 * {@link dev.helpdesk.spi.rejection.Rejection.Invalid} naming every offending field, never
 * with an exception.
 */
public sealed interface TicketCommand {

    /**
     * The command's name as rejections and logs show it, such as {@code solve}.
     *
     * @return the name
     */
    String name();

    /**
     * Register a new ticket. Use {@link #open()} for a builder with defaults.
     *
     * @param subject    the subject line: required, at most 255 characters, no control
     *                   characters
     * @param body       the description: required, at most 64 KiB in UTF-8
     * @param channel    where the request came in: required
     * @param category   what it is about: required, one of the desk's categories
     * @param priority   how urgent it is: required (the builder defaults to NORMAL)
     * @param tier       the starting tier: required (the builder defaults to L1)
     * @param requester  the customer who needs help: required; when a customer opens the
     *                   ticket it must be that customer
     * @param group      the group to queue it in, or null
     * @param followUpOf the closed ticket this one follows up, or null
     */
    record Open(String subject, String body, Channel channel, Category category, Priority priority,
                Tier tier, CustomerId requester, GroupId group, TicketId followUpOf) implements TicketCommand {
        @Override
        public String name() {
            return "open";
        }
    }

    /**
     * Add a public reply. A customer reply on a pending, on-hold or solved ticket reopens it;
     * a customer reply on a closed ticket opens a follow-up ticket linked to it.
     *
     * @param body    the text: required, at most 64 KiB in UTF-8
     * @param channel the channel it came in or goes out on: required
     */
    record Reply(String body, Channel channel) implements TicketCommand {
        @Override
        public String name() {
            return "reply";
        }
    }

    /**
     * Add an internal note, which customers never see. Staff and integrations only.
     *
     * @param body the text: required, at most 64 KiB in UTF-8
     */
    record Note(String body) implements TicketCommand {
        @Override
        public String name() {
            return "note";
        }
    }

    /**
     * Give the ticket to an agent. Staff only. A new ticket becomes open.
     *
     * @param agent the agent: required
     */
    record Assign(AgentId agent) implements TicketCommand {
        @Override
        public String name() {
            return "assign";
        }
    }

    /** Take the ticket away from its agent. Staff only; not on a solved ticket. */
    record Unassign() implements TicketCommand {
        @Override
        public String name() {
            return "unassign";
        }
    }

    /**
     * Change the priority. Staff only.
     *
     * @param priority the new priority: required
     */
    record ChangePriority(Priority priority) implements TicketCommand {
        @Override
        public String name() {
            return "change priority";
        }
    }

    /**
     * Change the category. Staff only.
     *
     * @param category the new category: required, one of the desk's categories
     */
    record ChangeCategory(Category category) implements TicketCommand {
        @Override
        public String name() {
            return "change category";
        }
    }

    /**
     * Move the ticket to another tier. Staff only.
     *
     * @param tier   the new tier: required
     * @param reason why, for the history: required, at most 500 characters
     */
    record ChangeTier(Tier tier, String reason) implements TicketCommand {
        @Override
        public String name() {
            return "change tier";
        }
    }

    /**
     * Move the ticket to another group (queue). Staff only.
     *
     * @param group the group: required
     */
    record MoveToGroup(GroupId group) implements TicketCommand {
        @Override
        public String name() {
            return "move to group";
        }
    }

    /** Wait on the customer. Staff only; the SLA clocks pause by default. */
    record SetPending() implements TicketCommand {
        @Override
        public String name() {
            return "set pending";
        }
    }

    /** Wait on a third party. Staff only; the SLA clocks pause by default. */
    record SetOnHold() implements TicketCommand {
        @Override
        public String name() {
            return "set on hold";
        }
    }

    /** Take a pending or on-hold ticket back to open. Staff only. */
    record Resume() implements TicketCommand {
        @Override
        public String name() {
            return "resume";
        }
    }

    /** Mark the ticket solved. Staff only; the ticket must have an assignee. */
    record Solve() implements TicketCommand {
        @Override
        public String name() {
            return "solve";
        }
    }

    /** Reopen a solved ticket; a new resolution cycle starts. Staff or the requester. */
    record Reopen() implements TicketCommand {
        @Override
        public String name() {
            return "reopen";
        }
    }

    /** Close a solved ticket; final. Staff only. */
    record Close() implements TicketCommand {
        @Override
        public String name() {
            return "close";
        }
    }

    /**
     * Merge this ticket into another of the same tenant; this one becomes final and the
     * other carries on. Staff only.
     *
     * @param into the ticket that carries on: required, not this one, not final
     */
    record Merge(TicketId into) implements TicketCommand {
        @Override
        public String name() {
            return "merge";
        }
    }

    /**
     * A builder for {@link Open} with the defaults priority NORMAL and tier L1.
     *
     * @return a new builder
     */
    static OpenBuilder open() {
        return new OpenBuilder();
    }

    /** Builds an {@link Open} command; fields left unset stay null and are rejected by name. */
    final class OpenBuilder {
        private String subject;
        private String body;
        private Channel channel;
        private Category category;
        private Priority priority = Priority.NORMAL;
        private Tier tier = Tier.L1;
        private CustomerId requester;
        private GroupId group;
        private TicketId followUpOf;

        OpenBuilder() {
        }

        /**
         * Sets the subject line.
         *
         * @param value the subject
         * @return this builder
         */
        public OpenBuilder subject(String value) {
            subject = value;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param value the body
         * @return this builder
         */
        public OpenBuilder body(String value) {
            body = value;
            return this;
        }

        /**
         * Sets the channel.
         *
         * @param value the channel
         * @return this builder
         */
        public OpenBuilder channel(Channel value) {
            channel = value;
            return this;
        }

        /**
         * Sets the category.
         *
         * @param value the category
         * @return this builder
         */
        public OpenBuilder category(Category value) {
            category = value;
            return this;
        }

        /**
         * Sets the priority (default NORMAL).
         *
         * @param value the priority
         * @return this builder
         */
        public OpenBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        /**
         * Sets the starting tier (default L1).
         *
         * @param value the tier
         * @return this builder
         */
        public OpenBuilder tier(Tier value) {
            tier = value;
            return this;
        }

        /**
         * Sets the requester.
         *
         * @param value the customer who needs help
         * @return this builder
         */
        public OpenBuilder requester(CustomerId value) {
            requester = value;
            return this;
        }

        /**
         * Sets the group to queue the ticket in.
         *
         * @param value the group, or null for none
         * @return this builder
         */
        public OpenBuilder group(GroupId value) {
            group = value;
            return this;
        }

        /**
         * Links the ticket to the closed ticket it follows up.
         *
         * @param value the closed ticket, or null
         * @return this builder
         */
        public OpenBuilder followUpOf(TicketId value) {
            followUpOf = value;
            return this;
        }

        /**
         * Makes the command. Never throws: missing or bad fields are reported when the desk
         * handles it.
         *
         * @return the command
         */
        public Open build() {
            return new Open(subject, body, channel, category, priority, tier, requester, group, followUpOf);
        }
    }
}
