package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ValueStyle;
import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What someone asks the desk to do with a ticket. Commands carry input as given: any field
 * may be null or malformed, and the desk answers bad input with a
 * {@link dev.helpdesk.spi.rejection.Rejection.Invalid} naming every offending field, never
 * with an exception.
 *
 * <p>Every change to a ticket is one of these commands, whoever asks: a customer, an agent, an
 * integration, an escalation rule, the router or the SLA clocks. {@link TicketDecider} decides
 * them all under one set of rules: who may (customers only on their own tickets and never staff
 * commands; some records only by the desk's own rules), what a final (closed or merged) ticket
 * still takes (only the rule bookkeeping of {@link FireRule}, {@link SkipRule} and
 * {@link RuleActionFailed}), and the same input checks for every text.
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
     * <p>What a customer may set: a customer opening a ticket (for themselves) gives the
     * subject, the description, the channel, the category and values of the custom fields the
     * desk lets customers set ({@link dev.helpdesk.spi.ticket.CustomField.Access#CUSTOMER_SETS}).
     * The desk decides the rest. A customer's command that sets a priority other than
     * {@code NORMAL}, a tier other than {@code L1}, a group, or a custom field that is not
     * {@code CUSTOMER_SETS} is rejected with {@link dev.helpdesk.spi.rejection.Rejection.Invalid}
     * naming each such field ({@code priority}, {@code tier}, {@code group},
     * {@code fields.<name>}), never silently trimmed: a host form that offers those fields to
     * customers is a mistake the host should see. A command has no assignee; assignment is a
     * staff command. The follow-up the desk opens for a customer's reply to a closed ticket
     * copies the closed ticket's priority and group: that is the desk deciding, not the
     * customer.
     *
     * <p>Its parts:
     * <ul>
     *   <li>{@code subject}: the subject line: required, 1 to 255 characters (code points), one
     *       line: no control characters, no line or paragraph separators</li>
     *   <li>{@code body}: the description: required, at most 64 KiB in UTF-8</li>
     *   <li>{@code channel}: where the request came in: required</li>
     *   <li>{@code category}: what it is about: required, one of the desk's categories</li>
     *   <li>{@code priority}: how urgent it is: required (the builder defaults to NORMAL)</li>
     *   <li>{@code tier}: the starting tier: required (the builder defaults to L1)</li>
     *   <li>{@code requester}: the customer who needs help: required; when a customer opens the
     *       ticket it must be that customer</li>
     *   <li>{@code group}: the group to queue it in, or null</li>
     *   <li>{@code followUpOf}: the closed ticket this one follows up, or null</li>
     *   <li>{@code fields}: custom field values by field name, as text (see {@link SetField}); null
     *       or empty for none. Staff and integrations opening a ticket set any declared field, customers
     *       only {@code CUSTOMER_SETS} fields</li>
     * </ul>
     */
    @Value.Immutable
    @ValueStyle
    non-sealed abstract class Open implements TicketCommand {
        Open() {
        }

        /**
         * The subject line.
         *
         * @return the subject, or null when not given
         */
        @Nullable
        public abstract String subject();

        /**
         * The description.
         *
         * @return the body, or null when not given
         */
        @Nullable
        public abstract String body();

        /**
         * Where the request came in.
         *
         * @return the channel, or null when not given
         */
        @Nullable
        public abstract Channel channel();

        /**
         * What it is about.
         *
         * @return the category, or null when not given
         */
        @Nullable
        public abstract Category category();

        /**
         * How urgent it is; the builder starts with {@code NORMAL}.
         *
         * @return the priority, or null when set to null
         */
        @Nullable
        public abstract Priority priority();

        /**
         * The starting tier; the builder starts with {@code L1}.
         *
         * @return the tier, or null when set to null
         */
        @Nullable
        public abstract Tier tier();

        /**
         * The customer who needs help.
         *
         * @return the requester, or null when not given
         */
        @Nullable
        public abstract CustomerId requester();

        /**
         * The group to queue the ticket in.
         *
         * @return the group, or null for none
         */
        @Nullable
        public abstract GroupId group();

        /**
         * The closed ticket this one follows up.
         *
         * @return the closed ticket, or null for none
         */
        @Nullable
        public abstract TicketId followUpOf();

        /**
         * Custom field values by field name, as text, in the order given. Null names and values
         * are kept, so that the desk rejects them by name.
         *
         * @return the values, empty for none
         */
        @AllowNulls
        public abstract Map<String, String> fields();

        /**
         * A copy with another {@code subject}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withSubject(String value);

        /**
         * A copy with another {@code body}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withBody(String value);

        /**
         * A copy with another {@code channel}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withChannel(Channel value);

        /**
         * A copy with another {@code category}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withCategory(Category value);

        /**
         * A copy with another {@code priority}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withPriority(Priority value);

        /**
         * A copy with another {@code tier}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withTier(Tier value);

        /**
         * A copy with another {@code requester}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withRequester(CustomerId value);

        /**
         * A copy with another {@code group}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withGroup(GroupId value);

        /**
         * A copy with another {@code followUpOf}.
         *
         * @param value the new value, or null
         * @return the copy, or this command when the value is the same
         */
        public abstract Open withFollowUpOf(TicketId value);

        /**
         * A copy with other custom field values.
         *
         * @param entries the values by field name
         * @return the copy
         */
        public abstract Open withFields(Map<String, ? extends String> entries);

        @Override
        public String name() {
            return "open";
        }

        /**
         * Builds an {@link Open} command, starting with priority {@code NORMAL} and tier
         * {@code L1}. {@link #build()} never throws: missing or bad parts are reported by name
         * when the desk handles the command.
         */
        public static final class Builder extends ImmutableOpen.Builder {
            Builder() {
                priority(Priority.NORMAL);
                tier(Tier.L1);
            }

            /**
             * Gives a custom field a value.
             *
             * @param name  the field's name, one the desk declares
             * @param value the value as text in the field's type
             * @return this builder
             */
            public Builder field(String name, String value) {
                return putField(name, value);
            }
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
     * Put a tag on the ticket; nothing happens when it has the tag already. Staff only; not on
     * a closed or merged ticket.
     *
     * @param tag the tag: required, a label ({@code vip}, {@code skill:printers})
     */
    record Tag(String tag) implements TicketCommand {
        @Override
        public String name() {
            return "tag";
        }
    }

    /**
     * Take a tag off the ticket; nothing happens when it does not have it. Staff only; not on a
     * closed or merged ticket.
     *
     * @param tag the tag: required, a label
     */
    record Untag(String tag) implements TicketCommand {
        @Override
        public String name() {
            return "untag";
        }
    }

    /**
     * Give a custom field of the ticket a value, or clear it; nothing happens when the value
     * is the same. Staff set every field the desk declares; a customer (on their own ticket)
     * and an integration only the fields whose access is
     * {@link dev.helpdesk.spi.ticket.CustomField.Access#CUSTOMER_SETS}. Not on a closed or
     * merged ticket.
     *
     * @param field the field's name: required, one the desk declares
     * @param value the value as text (a number, {@code true}/{@code false}, an ISO date, a
     *              text) in the field's type, or null to clear it
     */
    record SetField(String field, String value) implements TicketCommand {
        @Override
        public String name() {
            return "set field";
        }
    }

    /**
     * Hierarchical escalation: tell everyone holding a role about the ticket without moving
     * it. Staff only; not on a closed or merged ticket.
     *
     * @param role   the role: required, a label ({@code supervisor})
     * @param reason why: required, one line of at most 500 characters
     * @param urgent true to reach the role's holders outside their working hours
     */
    record EscalateToRole(String role, String reason, boolean urgent) implements TicketCommand {
        @Override
        public String name() {
            return "escalate";
        }
    }

    /**
     * Send an agent a notice about the ticket. Staff only; not on a closed or merged ticket.
     *
     * @param agent  the agent: required
     * @param reason why: required, one line of at most 500 characters
     * @param urgent true to reach the agent outside their working hours
     */
    record NotifyAgent(AgentId agent, String reason, boolean urgent) implements TicketCommand {
        @Override
        public String name() {
            return "notify agent";
        }
    }

    /**
     * Send the ticket's requester a notice about it. Staff only; not on a closed or merged
     * ticket.
     *
     * @param reason why: required, one line of at most 500 characters
     */
    record NotifyCustomer(String reason) implements TicketCommand {
        @Override
        public String name() {
            return "notify customer";
        }
    }

    /**
     * Routing found no agent: the ticket waits in its group's queue, with the reason. Nothing
     * happens when it waits for that reason already. The desk's rules only (the router); not on
     * a solved, closed or merged ticket.
     *
     * @param group  the group whose queue it waits in, or null when it has none
     * @param reason why no agent fits: required, one line of at most 500 characters
     */
    record Queue(GroupId group, String reason) implements TicketCommand {
        @Override
        public String name() {
            return "queue";
        }
    }

    /**
     * Record that an escalation rule fired; the events of its actions follow it. The desk's
     * rules only; taken also by a closed or merged ticket, since it is the desk's memory of
     * what fired.
     *
     * @param rule    the rule's name: required, a label
     * @param trigger the trigger key it fired for: required, one line
     * @param reason  the rule's reason: required, one line of at most 500 characters
     * @param depth   1, or one more than the rule whose events it reacted to
     */
    record FireRule(String rule, String trigger, String reason, int depth) implements TicketCommand {
        @Override
        public String name() {
            return "fire rule";
        }
    }

    /**
     * Record that an escalation rule was stopped (its chain reached the desk's bound). The
     * desk's rules only; taken also by a closed or merged ticket.
     *
     * @param rule    the rule's name: required, a label
     * @param trigger the trigger key: required, one line
     * @param reason  why it was stopped: required, one line of at most 500 characters
     */
    record SkipRule(String rule, String trigger, String reason) implements TicketCommand {
        @Override
        public String name() {
            return "skip rule";
        }
    }

    /**
     * Record that an action of a rule that fired could not be carried out (the decider
     * rejected it), so that it shows in the history instead of vanishing. The desk's rules
     * only; taken also by a closed or merged ticket.
     *
     * @param rule    the rule's name: required, a label
     * @param action  the action's kind ({@code add_note}): required, a label
     * @param problem why it failed, in words: required; cut to 500 characters and control
     *                characters replaced, since it quotes a rejection
     */
    record RuleActionFailed(String rule, String action, String problem) implements TicketCommand {
        @Override
        public String name() {
            return "record failed rule action";
        }
    }

    /**
     * Record that an SLA clock passed a warning threshold. The desk's rules only (the SLA
     * clocks); not on a closed or merged ticket.
     *
     * @param clock            which clock: required
     * @param cycle            the clock's cycle, from 1
     * @param thresholdPercent the threshold, 1 to 99
     * @param dueAt            when the clock breaches: required
     */
    record WarnSla(ClockKind clock, int cycle, int thresholdPercent, Instant dueAt) implements TicketCommand {
        @Override
        public String name() {
            return "record SLA warning";
        }
    }

    /**
     * Record that an SLA clock missed its target. The desk's rules only (the SLA clocks); not on
     * a closed or merged ticket.
     *
     * @param clock which clock: required
     * @param cycle the clock's cycle, from 1
     * @param dueAt the due time that was missed: required
     */
    record BreachSla(ClockKind clock, int cycle, Instant dueAt) implements TicketCommand {
        @Override
        public String name() {
            return "record SLA breach";
        }
    }

    /**
     * A builder for {@link Open} with the defaults priority NORMAL and tier L1.
     *
     * @return a new builder
     */
    static Open.Builder open() {
        return new Open.Builder();
    }

    // ---- channel intake: messages that came in or went out on a channel ----------

    /**
     * A command about a message that a channel carried; decided by {@link ChannelDecisions}.
     */
    sealed interface ChannelCommand extends TicketCommand {
        /**
         * The channel's facts about the message.
         *
         * @return the receipt
         */
        ChannelReceipt receipt();
    }

    /**
     * A customer's message that arrived on a channel: decided as the {@link Reply} it carries
     * (reopening a pending, on-hold or solved ticket; on a closed ticket the desk opens a
     * follow-up, on a merged one it goes where the ticket was merged), and the message is
     * linked to the channel's id with its attachments, in the same commit.
     *
     * @param reply   the reply: required
     * @param receipt the channel's facts: required
     */
    record Receive(Reply reply, ChannelReceipt receipt) implements ChannelCommand {
        @Override
        public String name() {
            return "receive";
        }
    }

    /**
     * Record a message a machine wrote (an out-of-office reply, a bounce, list mail) on the
     * ticket it refers to, as an internal automatic note: it never reopens the ticket, never
     * counts as the customer's reply, and is taken also by a closed or merged ticket. The
     * channel's integration only; the receipt must say why it is automatic.
     *
     * @param body    the text: required, at most 64 KiB in UTF-8
     * @param receipt the channel's facts, with {@link ChannelReceipt#automatic()}: required
     */
    record RecordAutomatic(String body, ChannelReceipt receipt) implements ChannelCommand {
        @Override
        public String name() {
            return "record automatic message";
        }
    }

    /**
     * Record the channel's id of a reply or notice the desk sends, before it is sent, so that
     * the customer's answer finds the ticket. The desk's rules and integrations only; taken also
     * by a closed or merged ticket (a notice on closing).
     *
     * @param message the message that goes out: the ticket's message for a reply, an id the
     *                desk derived for a notice; required
     * @param receipt the channel's facts: required
     */
    record LinkOutbound(dev.helpdesk.spi.ticket.MessageId message, ChannelReceipt receipt) implements ChannelCommand {
        @Override
        public String name() {
            return "link outbound message";
        }
    }

    // ---- remote sessions with consent, and on-site visits ---------------------

    /**
     * A command of a remote session or an on-site visit. They need the ticket's history, so the
     * desk decides them with {@link TicketDecider#decide(TicketCommand, dev.helpdesk.spi.ticket.Ticket,
     * dev.helpdesk.spi.party.Actor, java.time.Instant, java.util.function.Supplier, java.util.function.Supplier)};
     * the commands are in {@link FieldCommand}.
     */
    sealed interface FieldWork extends TicketCommand permits FieldCommand {
    }

    // ---- knowledge base (decided by KnowledgeDecisions)

    /**
     * Link a knowledge-base article to the ticket, as an agent does beside a reply that points
     * the customer to it; with {@code solution}, the ticket is solved with it in the same
     * commit (so it needs an assignee, as any solve). Staff only; not on a closed or merged
     * ticket.
     *
     * @param article  the article's id: required
     * @param solution whether the article solves the ticket
     */
    record LinkArticle(java.util.UUID article, boolean solution) implements TicketCommand {
        @Override
        public String name() {
            return solution ? "solve with article" : "link article";
        }
    }

    /**
     * The requester found an article that solved their problem: their ticket, not yet solved,
     * is closed as self-served with the article linked. The requester only; on a new, open,
     * pending or on-hold ticket.
     *
     * @param article the article's id: required
     */
    record SelfServe(java.util.UUID article) implements TicketCommand {
        @Override
        public String name() {
            return "self-serve";
        }
    }

    // --- feedback: satisfaction ratings ---

    /**
     * Rate the service of a resolution cycle: the ticket's requester only, on a solved or closed
     * ticket, for the cycle it is in (a ticket reopened since the survey was sent is rated in its
     * next cycle). A later rating of the same cycle replaces the earlier one. Usually sent by
     * {@link dev.helpdesk.core.feedback.FeedbackDesk} after it checked a survey token.
     *
     * @param cycle   the resolution cycle rated, from 1: must be the ticket's current cycle
     * @param scale   the tenant's scale: required
     * @param score   the score, 1 to the scale's top
     * @param comment the customer's comment: null or blank for none, at most 2000 characters
     * @param survey  the id of the survey token answered, or null when rated while signed in
     */
    record RateSatisfaction(int cycle, dev.helpdesk.spi.feedback.SatisfactionScale scale, int score, String comment,
                            String survey) implements TicketCommand {
        @Override
        public String name() {
            return "rate satisfaction";
        }
    }

    // --- channels: a ticket moved to another channel ---

    /**
     * Move the ticket to another channel on which the conversation continues (a call followed
     * up by email, a chat continued on site), with the reason; recorded in the ticket's history
     * ({@link dev.helpdesk.spi.ticket.TicketEvent.ChannelMoved}). Staff only; not on a closed or
     * merged ticket; moving to the channel it is on records nothing.
     *
     * @param channel the channel: required
     * @param reason  why: required, one line of at most 500 characters
     */
    record MoveToChannel(Channel channel, String reason) implements TicketCommand {
        @Override
        public String name() {
            return "move to channel";
        }
    }

    // --- problems (decided by ProblemDecisions, with the ticket's history) ---

    /**
     * A command about the ticket's links to problems. Staff only; on any ticket but a merged one
     * (a closed ticket is still an incident of its problem).
     */
    sealed interface ProblemLink extends TicketCommand {
        /**
         * The problem.
         *
         * @return the problem's id (a {@code ProblemId}'s UUID): required
         */
        java.util.UUID problem();
    }

    /**
     * Link the ticket to a problem, as one of its incidents. Refused when it is linked to that
     * problem already.
     *
     * @param problem the problem's id: required
     */
    record LinkProblem(java.util.UUID problem) implements ProblemLink {
        @Override
        public String name() {
            return "link problem";
        }
    }

    /**
     * Remove the ticket's link to a problem. Refused when it is not linked to it.
     *
     * @param problem the problem's id: required
     */
    record UnlinkProblem(java.util.UUID problem) implements ProblemLink {
        @Override
        public String name() {
            return "unlink problem";
        }
    }
}
