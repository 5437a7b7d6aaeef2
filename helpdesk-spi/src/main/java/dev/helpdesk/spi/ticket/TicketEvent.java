package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a ticket. The list of a ticket's events is its audit trail, the
 * input of the SLA engine and of every report; replaying it from empty with
 * {@link Tickets#replay} yields the ticket's state.
 *
 * <p>Events are facts: they are never changed or removed once committed. Every event names
 * its ticket, its time (from the desk's injected clock) and the actor that caused it.
 */
public sealed interface TicketEvent {

    /**
     * The ticket the event belongs to.
     *
     * @return the ticket's id
     */
    TicketId ticketId();

    /**
     * When it happened.
     *
     * @return the instant, from the desk's clock
     */
    Instant at();

    /**
     * Who caused it.
     *
     * @return the actor
     */
    Actor actor();

    /**
     * A stable, short name of the event's kind, such as {@code opened}; stores may persist it.
     *
     * @return the kind's name
     */
    default String kind() {
        return Kinds.of(this);
    }

    /**
     * A ticket was registered. The first event of every ticket.
     *
     * @param ticketId   the new ticket
     * @param at         when
     * @param actor      who opened it (the customer, an agent on the phone, an integration)
     * @param number     its human number within the tenant
     * @param subject    the subject line
     * @param requester  the customer who needs help
     * @param channel    where it came in
     * @param category   what it is about
     * @param priority   how urgent it is
     * @param tier       the tier it starts at
     * @param group      the group it is queued in, if any
     * @param followUpOf the closed ticket this one follows up, if any
     */
    record Opened(TicketId ticketId, Instant at, Actor actor, TicketNumber number, String subject,
                  CustomerId requester, Channel channel, Category category, Priority priority,
                  Tier tier, Optional<GroupId> group, Optional<TicketId> followUpOf) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the new ticket
         * @param at when
         * @param actor who opened it (the customer, an agent on the phone, an integration)
         * @param number its human number within the tenant
         * @param subject the subject line
         * @param requester the customer who needs help
         * @param channel where it came in
         * @param category what it is about
         * @param priority how urgent it is
         * @param tier the tier it starts at
         * @param group the group it is queued in, if any
         * @param followUpOf the closed ticket this one follows up, if any
         */
        public Opened {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(followUpOf, "followUpOf");
        }
    }

    /**
     * A public reply or an internal note was added.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the author
     * @param message  the message
     */
    record MessagePosted(TicketId ticketId, Instant at, Actor actor, Message message) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the author
         * @param message the message
         */
        public MessagePosted {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The ticket was given to an agent.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who assigned it
     * @param agent    the new assignee
     */
    record Assigned(TicketId ticketId, Instant at, Actor actor, AgentId agent) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who assigned it
         * @param agent the new assignee
         */
        public Assigned {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(agent, "agent");
        }
    }

    /**
     * The ticket's assignee was removed; it waits in its group's queue.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who unassigned it
     * @param previous the agent who had it
     */
    record Unassigned(TicketId ticketId, Instant at, Actor actor, AgentId previous) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who unassigned it
         * @param previous the agent who had it
         */
        public Unassigned {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(previous, "previous");
        }
    }

    /**
     * The ticket moved to another group (queue).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who moved it
     * @param from     the previous group, if any
     * @param to       the new group
     */
    record GroupChanged(TicketId ticketId, Instant at, Actor actor, Optional<GroupId> from, GroupId to)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who moved it
         * @param from the previous group, if any
         * @param to the new group
         */
        public GroupChanged {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The priority changed.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who changed it
     * @param from     the old priority
     * @param to       the new priority
     */
    record PriorityChanged(TicketId ticketId, Instant at, Actor actor, Priority from, Priority to)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who changed it
         * @param from the old priority
         * @param to the new priority
         */
        public PriorityChanged {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The category changed.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who changed it
     * @param from     the old category
     * @param to       the new category
     */
    record CategoryChanged(TicketId ticketId, Instant at, Actor actor, Category from, Category to)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who changed it
         * @param from the old category
         * @param to the new category
         */
        public CategoryChanged {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The support tier changed (functional escalation when it goes up).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who changed it
     * @param from     the old tier
     * @param to       the new tier
     * @param reason   why, for the history
     */
    record TierChanged(TicketId ticketId, Instant at, Actor actor, Tier from, Tier to, String reason)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who changed it
         * @param from the old tier
         * @param to the new tier
         * @param reason why, for the history
         */
        public TierChanged {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The status moved between {@link Status#NEW}, {@link Status#OPEN},
     * {@link Status#PENDING} and {@link Status#ON_HOLD}. Solving, reopening, closing and
     * merging have events of their own.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who caused it (a customer reply reopens a pending ticket)
     * @param from     the old status
     * @param to       the new status
     */
    record StatusChanged(TicketId ticketId, Instant at, Actor actor, Status from, Status to)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who caused it (a customer reply reopens a pending ticket)
         * @param from the old status
         * @param to the new status
         */
        public StatusChanged {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The ticket was solved by its assignee (or a rule on the assignee's behalf).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who solved it
     */
    record Solved(TicketId ticketId, Instant at, Actor actor) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who solved it
         */
        public Solved {
            Checks.common(ticketId, at, actor);
        }
    }

    /**
     * A solved ticket was reopened; a new resolution cycle starts.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who reopened it (often the customer, by replying)
     * @param cycle    the number of the new cycle (the first cycle is 1)
     */
    record Reopened(TicketId ticketId, Instant at, Actor actor, int cycle) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who reopened it (often the customer, by replying)
         * @param cycle the number of the new cycle (the first cycle is 1)
         */
        public Reopened {
            Checks.common(ticketId, at, actor);
            if (cycle < 2) {
                throw new IllegalArgumentException("a reopened ticket is in cycle 2 or later");
            }
        }
    }

    /**
     * The ticket was closed; final.
     *
     * @param ticketId  the ticket
     * @param at        when
     * @param actor     who closed it
     * @param automatic true when closed by the desk because it stayed solved long enough
     */
    record Closed(TicketId ticketId, Instant at, Actor actor, boolean automatic) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who closed it
         * @param automatic true when closed by the desk because it stayed solved long enough
         */
        public Closed {
            Checks.common(ticketId, at, actor);
        }
    }

    /**
     * The ticket was merged into another ticket; final. The other ticket receives
     * {@link MergedIn}.
     *
     * @param ticketId the merged ticket
     * @param at       when
     * @param actor    who merged it
     * @param into     the ticket that carries on
     */
    record Merged(TicketId ticketId, Instant at, Actor actor, TicketId into) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the merged ticket
         * @param at when
         * @param actor who merged it
         * @param into the ticket that carries on
         */
        public Merged {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(into, "into");
        }
    }

    /**
     * Another ticket was merged into this one.
     *
     * @param ticketId the ticket that carries on
     * @param at       when
     * @param actor    who merged
     * @param source   the ticket that was merged in
     */
    record MergedIn(TicketId ticketId, Instant at, Actor actor, TicketId source) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket that carries on
         * @param at when
         * @param actor who merged
         * @param source the ticket that was merged in
         */
        public MergedIn {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * An SLA clock of the ticket passed a warning threshold of its target while it was still
     * running and not yet breached. Emitted by the desk's timed work at most once per clock,
     * cycle and threshold; escalation rules react to it.
     *
     * @param ticketId         the ticket
     * @param at               when the desk noticed (the time of the due run, at or after the
     *                         moment the threshold was passed)
     * @param actor            the SLA rule of the desk
     * @param clock            which clock
     * @param cycle            the clock's cycle, from 1 (see {@link ClockKind})
     * @param thresholdPercent the threshold passed, 1 to 99 percent of the target
     * @param dueAt            when the clock breaches if nothing happens
     */
    record SlaWarning(TicketId ticketId, Instant at, Actor actor, ClockKind clock, int cycle, int thresholdPercent,
                      Instant dueAt) implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when the desk noticed (the time of the due run, at or after the moment the threshold was passed)
         * @param actor the SLA rule of the desk
         * @param clock which clock
         * @param cycle the clock's cycle, from 1 (see {@link ClockKind})
         * @param thresholdPercent the threshold passed, 1 to 99 percent of the target
         * @param dueAt when the clock breaches if nothing happens
         * @throws IllegalArgumentException when the cycle is below 1 or the threshold outside
         *                                  1..99
         */
        public SlaWarning {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dueAt, "dueAt");
            if (cycle < 1) {
                throw new IllegalArgumentException("clock cycles start at 1: " + cycle);
            }
            if (thresholdPercent < 1 || thresholdPercent > 99) {
                throw new IllegalArgumentException("a warning threshold is 1-99 percent: " + thresholdPercent);
            }
        }
    }

    /**
     * An SLA clock of the ticket missed its target: it was still running at its due time, or
     * it stopped after it. Emitted by the desk's timed work at most once per clock and cycle,
     * and never on a closed or merged ticket; escalation rules react to it.
     *
     * @param ticketId the ticket
     * @param at       when the desk noticed (the time of the due run, at or after the due time)
     * @param actor    the SLA rule of the desk
     * @param clock    which clock
     * @param cycle    the clock's cycle, from 1 (see {@link ClockKind})
     * @param dueAt    the due time that was missed
     */
    record SlaBreached(TicketId ticketId, Instant at, Actor actor, ClockKind clock, int cycle, Instant dueAt)
            implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when the desk noticed (the time of the due run, at or after the due time)
         * @param actor the SLA rule of the desk
         * @param clock which clock
         * @param cycle the clock's cycle, from 1 (see {@link ClockKind})
         * @param dueAt the due time that was missed
         * @throws IllegalArgumentException when the cycle is below 1
         */
        public SlaBreached {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dueAt, "dueAt");
            if (cycle < 1) {
                throw new IllegalArgumentException("clock cycles start at 1: " + cycle);
            }
        }
    }

    /**
     * An escalation rule fired on the ticket. The events its actions caused follow it in the
     * same commit, with the rule as their actor. A rule fires at most once per ticket and
     * trigger key, so this event is also the desk's memory of what already fired.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the rule, as {@code Actor.system("escalation:<rule>")}
     * @param rule     the rule's name
     * @param trigger  the trigger key the rule fired for, such as
     *                 {@code sla_breached:first_response:1} or {@code customer_replied@12}; one
     *                 rule never fires twice for one key
     * @param reason   the rule's reason, for the history
     * @param depth    1 when the rule reacted to a command, a due run or an SLA event; one more
     *                 for every rule that reacted to another rule's events before it
     */
    record RuleFired(TicketId ticketId, Instant at, Actor actor, String rule, String trigger, String reason, int depth)
            implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the rule, as {@code Actor.system("escalation:<rule>")}
         * @param rule the rule's name
         * @param trigger the trigger key the rule fired for, such as {@code sla_breached:first_response:1} or {@code customer_replied@12}; one rule never fires twice for one key
         * @param reason the rule's reason, for the history
         * @param depth 1 when the rule reacted to a command, a due run or an SLA event; one more for every rule that reacted to another rule's events before it
         * @throws IllegalArgumentException when the rule is not a label, the trigger is blank
         *                                  or the depth below 1
         */
        public RuleFired {
            Checks.common(ticketId, at, actor);
            Labels.check("rule", rule);
            Checks.text("trigger", trigger);
            Objects.requireNonNull(reason, "reason");
            if (depth < 1) {
                throw new IllegalArgumentException("rule chains start at depth 1: " + depth);
            }
        }
    }

    /**
     * An escalation rule would have fired but the desk stopped it, because the chain of rules
     * reacting to each other's events reached the desk's bound. Recorded so that a rule set
     * that feeds on itself shows in the history instead of looping.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the escalation engine, as {@code Actor.system("escalation")}
     * @param rule     the rule that did not fire
     * @param trigger  the trigger key it would have fired for
     * @param reason   why it was stopped, in words
     */
    record RuleSkipped(TicketId ticketId, Instant at, Actor actor, String rule, String trigger, String reason)
            implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the escalation engine, as {@code Actor.system("escalation")}
         * @param rule the rule that did not fire
         * @param trigger the trigger key it would have fired for
         * @param reason why it was stopped, in words
         * @throws IllegalArgumentException when the rule is not a label or the trigger blank
         */
        public RuleSkipped {
            Checks.common(ticketId, at, actor);
            Labels.check("rule", rule);
            Checks.text("trigger", trigger);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An action of an escalation rule that fired could not be carried out: the ticket
     * lifecycle refused it (for instance a note whose text a custom action type made from the
     * ticket's data and that is not a valid message). Recorded after the rule's
     * {@link RuleFired}, so that a failing action shows in the history instead of vanishing;
     * the desk also logs it at WARN. The rule's other actions are carried out as usual. A
     * customer never sees this event.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the rule, as {@code Actor.system("escalation:<rule>")}
     * @param rule     the rule's name
     * @param action   the kind of the action that failed ({@code add_note}), or a custom action
     *                 type's name
     * @param problem  why, in words: the refusal's message, one line
     */
    record RuleActionFailed(TicketId ticketId, Instant at, Actor actor, String rule, String action, String problem)
            implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the rule, as {@code Actor.system("escalation:<rule>")}
         * @param rule the rule's name
         * @param action the kind of the action that failed ({@code add_note}), or a custom action type's name
         * @param problem why, in words: the refusal's message, one line
         * @throws IllegalArgumentException when the rule or the action is not a label, or the
         *                                  problem blank
         */
        public RuleActionFailed {
            Checks.common(ticketId, at, actor);
            Labels.check("rule", rule);
            Labels.check("action", action);
            Checks.text("problem", problem);
        }
    }

    /**
     * Hierarchical escalation: someone with authority over the ticket (a role such as
     * {@code supervisor} or {@code account-manager}) was told about it, without moving it to
     * another tier or group. The desk's notifier delivers the notice to everyone holding the
     * role.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the rule or agent that escalated
     * @param role     the role told, a label
     * @param reason   why, for the history and the notice
     * @param urgent   true when the notice may wake its recipients outside their working hours
     */
    record EscalatedToRole(TicketId ticketId, Instant at, Actor actor, String role, String reason, boolean urgent)
            implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the rule or agent that escalated
         * @param role the role told, a label
         * @param reason why, for the history and the notice
         * @param urgent true when the notice may wake its recipients outside their working hours
         * @throws IllegalArgumentException when the role is not a label
         */
        public EscalatedToRole {
            Checks.common(ticketId, at, actor);
            Labels.check("role", role);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An agent was sent a notice about the ticket (usually its assignee, by an escalation
     * rule).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the rule that sent it
     * @param agent    the agent told
     * @param reason   why, for the history and the notice
     * @param urgent   true when the notice may reach the agent outside their working hours
     */
    record AgentNotified(TicketId ticketId, Instant at, Actor actor, AgentId agent, String reason, boolean urgent)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the rule that sent it
         * @param agent the agent told
         * @param reason why, for the history and the notice
         * @param urgent true when the notice may reach the agent outside their working hours
         */
        public AgentNotified {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The ticket's requester was sent a notice about it (for instance that it moved to a
     * specialist team).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the rule that sent it
     * @param customer the customer told
     * @param reason   why, for the history and the notice
     */
    record CustomerNotified(TicketId ticketId, Instant at, Actor actor, CustomerId customer, String reason)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the rule that sent it
         * @param customer the customer told
         * @param reason why, for the history and the notice
         */
        public CustomerNotified {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A tag was put on the ticket. Tags are labels staff and rules use to mark tickets
     * ({@code vip}, {@code outage-2026-03}); escalation conditions can test them. A ticket's
     * tags are the ones added and not removed since, in the order first added.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who tagged it
     * @param tag      the tag, a label
     */
    record TagAdded(TicketId ticketId, Instant at, Actor actor, String tag) implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who tagged it
         * @param tag the tag, a label
         * @throws IllegalArgumentException when the tag is not a label
         */
        public TagAdded {
            Checks.common(ticketId, at, actor);
            Labels.check("tag", tag);
        }
    }

    /**
     * A tag was taken off the ticket.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who removed it
     * @param tag      the tag, a label
     */
    record TagRemoved(TicketId ticketId, Instant at, Actor actor, String tag) implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who removed it
         * @param tag the tag, a label
         * @throws IllegalArgumentException when the tag is not a label
         */
        public TagRemoved {
            Checks.common(ticketId, at, actor);
            Labels.check("tag", tag);
        }
    }

    /**
     * A custom field of the ticket got a value or lost it. The desk's custom fields are
     * declared by the host ({@link CustomField}); the value is stored in its canonical text
     * form ({@link CustomField.Type#canonical}).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who set it
     * @param field    the field's name, a label
     * @param value    the new value in canonical form, or empty when cleared
     */
    record FieldSet(TicketId ticketId, Instant at, Actor actor, String field, Optional<String> value)
            implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who set it
         * @param field the field's name, a label
         * @param value the new value in canonical form, or empty when cleared
         * @throws IllegalArgumentException when the field name is not a label
         */
        public FieldSet {
            Checks.common(ticketId, at, actor);
            Labels.check("field", field);
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Routing found no agent for the ticket: it waits unassigned in its group's queue until an
     * agent with room frees up. The reason says what was missing (nobody available, everyone
     * at capacity, no one with the skills, tier or language).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the router, as {@code Actor.system("routing")}
     * @param group    the group whose queue it waits in, if it has one
     * @param reason   why no agent fits, in words
     */
    record Queued(TicketId ticketId, Instant at, Actor actor, Optional<GroupId> group, String reason)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the router, as {@code Actor.system("routing")}
         * @param group the group whose queue it waits in, if it has one
         * @param reason why no agent fits, in words
         */
        public Queued {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(reason, "reason");
        }
    }

    // ---- channel intake: external message ids and attachments ------------------

    /**
     * A message of the ticket is linked to the id a channel gave it: an inbound message's id
     * (an email's {@code Message-ID}), or the id an outbound reply or notice gets from the
     * channel's sender before it is sent. A store that indexes these links
     * ({@code dev.helpdesk.spi.channel.ExternalMessages}) writes the index with the commit and
     * refuses a commit whose external id is linked already, so that the same message is taken
     * once; a later message that refers to the id finds the ticket.
     *
     * @param ticketId    the ticket
     * @param at          when
     * @param actor       who caused it: the sender of an inbound message, the desk for an outbound one
     * @param message     the ticket's message it belongs to
     * @param channel     the channel
     * @param endpoint    the mailbox, hotline or form it came in or went out through
     * @param externalId  the channel's id of the message, 1 to 255 characters
     * @param outbound    true for a message the desk sent, false for one it received
     * @param addressKind the kind of the counterpart's address ({@code EMAIL}, {@code PHONE},
     *                    {@code HANDLE})
     * @param address     the counterpart's address: the sender of an inbound message, the
     *                    recipient of an outbound one
     * @param automatic   for an inbound message that a machine wrote (an out-of-office reply, a
     *                    bounce, list mail), the reason code it was recorded without reopening
     *                    the ticket; empty otherwise
     */
    record ExternalMessageLinked(TicketId ticketId, Instant at, Actor actor, MessageId message, Channel channel,
                                 String endpoint, String externalId, boolean outbound, String addressKind,
                                 String address, Optional<String> automatic) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who caused it: the sender of an inbound message, the desk for an outbound one
         * @param message the ticket's message it belongs to
         * @param channel the channel
         * @param endpoint the mailbox, hotline or form it came in or went out through
         * @param externalId the channel's id of the message, 1 to 255 characters
         * @param outbound true for a message the desk sent, false for one it received
         * @param addressKind the kind of the counterpart's address ({@code EMAIL}, {@code PHONE}, {@code HANDLE})
         * @param address the counterpart's address: the sender of an inbound message, the recipient of an outbound one
         * @param automatic for an inbound message that a machine wrote (an out-of-office reply, a bounce, list mail), the reason code it was recorded without reopening the ticket; empty otherwise
         */
        public ExternalMessageLinked {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(addressKind, "addressKind");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(automatic, "automatic");
        }
    }

    /**
     * A file came with a message of the ticket. The bytes stay in the host's attachment store;
     * the ticket keeps what identifies them.
     *
     * @param ticketId   the ticket
     * @param at         when
     * @param actor      who sent it
     * @param message    the message it came with
     * @param name       the file name
     * @param mediaType  the media type, such as {@code application/pdf}
     * @param size       the size in bytes
     * @param checksum   the SHA-256 digest of the bytes, 64 lower-case hex digits
     * @param storageKey where the attachment store keeps the bytes
     * @param inline     true for a part the message showed inline (an image in an HTML body)
     */
    record AttachmentAdded(TicketId ticketId, Instant at, Actor actor, MessageId message, String name,
                           String mediaType, long size, String checksum, String storageKey, boolean inline)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who sent it
         * @param message the message it came with
         * @param name the file name
         * @param mediaType the media type, such as {@code application/pdf}
         * @param size the size in bytes
         * @param checksum the SHA-256 digest of the bytes, 64 lower-case hex digits
         * @param storageKey where the attachment store keeps the bytes
         * @param inline true for a part the message showed inline (an image in an HTML body)
         */
        public AttachmentAdded {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(checksum, "checksum");
            Objects.requireNonNull(storageKey, "storageKey");
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
        }
    }

    // ---- remote sessions with consent, and on-site visits ---------------------

    /**
     * An agent asked the customer for consent to a remote session. The customer answers with
     * the single-use link issued with the request (until {@code linkExpiresAt}) or in the portal.
     *
     * @param ticketId      the ticket
     * @param at            when
     * @param actor         the agent who asks
     * @param consent       the request's id
     * @param purpose       why, in the agent's words (one line)
     * @param scope         view only, or control
     * @param duration      how long a granted consent lasts, from the grant
     * @param linkExpiresAt until when the link answers the request
     */
    record ConsentRequested(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.remote.ConsentId consent,
                            String purpose, dev.helpdesk.spi.remote.ConsentScope scope, java.time.Duration duration,
                            Instant linkExpiresAt) implements TicketEvent {
        /**
         * Checks every part is present and the duration positive.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the agent who asks
         * @param consent the request's id
         * @param purpose why, in the agent's words (one line)
         * @param scope view only, or control
         * @param duration how long a granted consent lasts, from the grant
         * @param linkExpiresAt until when the link answers the request
         */
        public ConsentRequested {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(consent, "consent");
            Checks.text("purpose", purpose);
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(linkExpiresAt, "linkExpiresAt");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive");
            }
        }
    }

    /**
     * The customer granted a consent: a session may start until the consent's duration, counted
     * from now, runs out.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the customer
     * @param consent  the request answered
     * @param route    by link or in the portal
     */
    record ConsentGranted(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.remote.ConsentId consent,
                          dev.helpdesk.spi.remote.ConsentRoute route) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the customer
         * @param consent the request answered
         * @param route by link or in the portal
         */
        public ConsentGranted {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(route, "route");
        }
    }

    /**
     * The customer denied a consent request.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the customer
     * @param consent  the request answered
     * @param route    by link or in the portal
     */
    record ConsentDenied(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.remote.ConsentId consent,
                         dev.helpdesk.spi.remote.ConsentRoute route) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the customer
         * @param consent the request answered
         * @param route by link or in the portal
         */
        public ConsentDenied {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(route, "route");
        }
    }

    /**
     * The customer took a granted consent back. A session running on it ends in the same commit
     * ({@link RemoteSessionEnded} with {@link dev.helpdesk.spi.remote.SessionEnd#CONSENT_REVOKED}).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the customer
     * @param consent  the consent revoked
     */
    record ConsentRevoked(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.remote.ConsentId consent)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the customer
         * @param consent the consent revoked
         */
        public ConsentRevoked {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(consent, "consent");
        }
    }

    /**
     * An agent started a remote session on a granted consent.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who started it
     * @param session  the session's id
     * @param consent  the consent it runs on
     * @param agent    the agent on the customer's device
     * @param tool     the host's remote tool, a label
     */
    record RemoteSessionStarted(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.remote.RemoteSessionId session,
                                dev.helpdesk.spi.remote.ConsentId consent, AgentId agent, String tool)
            implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who started it
         * @param session the session's id
         * @param consent the consent it runs on
         * @param agent the agent on the customer's device
         * @param tool the host's remote tool, a label
         */
        public RemoteSessionStarted {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(agent, "agent");
            Labels.check("tool", tool);
        }
    }

    /**
     * What the agent did in a running remote session (one line each: "restarted the print
     * spooler").
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the agent
     * @param session  the session
     * @param action   what was done
     */
    record RemoteActionRecorded(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.remote.RemoteSessionId session,
                                String action) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the agent
         * @param session the session
         * @param action what was done
         */
        public RemoteActionRecorded {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(session, "session");
            Checks.text("action", action);
        }
    }

    /**
     * A remote session ended.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the agent, the customer who revoked, or the due run
     * @param session  the session
     * @param reason   why it ended
     */
    record RemoteSessionEnded(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.remote.RemoteSessionId session,
                              dev.helpdesk.spi.remote.SessionEnd reason) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the agent, the customer who revoked, or the due run
         * @param session the session
         * @param reason why it ended
         */
        public RemoteSessionEnded {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An on-site visit was planned: a technician at an address in a slot. {@code dueBy} is the
     * visit's own SLA target (for instance the next business day after the planning, in the
     * tenant's business calendar).
     *
     * @param ticketId   the ticket
     * @param at         when
     * @param actor      the agent who planned it
     * @param visit      the visit's id
     * @param technician the technician
     * @param address    where
     * @param slot       when
     * @param dueBy      when the visit should have taken place at the latest
     */
    record VisitPlanned(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.visit.VisitId visit,
                        AgentId technician, dev.helpdesk.spi.visit.Address address, dev.helpdesk.spi.visit.VisitSlot slot,
                        Instant dueBy) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the agent who planned it
         * @param visit the visit's id
         * @param technician the technician
         * @param address where
         * @param slot when
         * @param dueBy when the visit should have taken place at the latest
         */
        public VisitPlanned {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(dueBy, "dueBy");
        }
    }

    /**
     * The customer confirmed a visit's slot.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the customer, or the agent on their word
     * @param visit    the visit
     */
    record VisitConfirmed(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.visit.VisitId visit)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the customer, or the agent on their word
         * @param visit the visit
         */
        public VisitConfirmed {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(visit, "visit");
        }
    }

    /**
     * A visit moved to another slot; the customer is told in their language.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who moved it
     * @param visit    the visit
     * @param slot     the new slot
     * @param reason   why, one line
     */
    record VisitRescheduled(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.visit.VisitId visit,
                            dev.helpdesk.spi.visit.VisitSlot slot, String reason) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who moved it
         * @param visit the visit
         * @param slot the new slot
         * @param reason why, one line
         */
        public VisitRescheduled {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(slot, "slot");
            Checks.text("reason", reason);
        }
    }

    /**
     * A visit was called off; the customer is told in their language.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who called it off
     * @param visit    the visit
     * @param reason   why, one line
     */
    record VisitCancelled(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.visit.VisitId visit, String reason)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor who called it off
         * @param visit the visit
         * @param reason why, one line
         */
        public VisitCancelled {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(visit, "visit");
            Checks.text("reason", reason);
        }
    }

    /**
     * The technician was there; the visit report says what was found and done.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the technician, or the agent recording it
     * @param visit    the visit
     * @param report   the visit report
     */
    record VisitDone(TicketId ticketId, Instant at, Actor actor, dev.helpdesk.spi.visit.VisitId visit, String report)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the technician, or the agent recording it
         * @param visit the visit
         * @param report the visit report
         */
        public VisitDone {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(visit, "visit");
            Checks.text("report", report);
        }
    }

    // ---- knowledge base

    /**
     * A knowledge-base article was linked to the ticket: an agent pointed the customer to it in
     * a reply, solved the ticket with it, or the customer found it solved their problem and
     * closed their own ticket as self-served.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the agent who linked it, or the customer who self-served
     * @param article  the article's id ({@code dev.helpdesk.spi.knowledge.ArticleId#value()})
     * @param solution whether the article solved the ticket
     */
    record ArticleLinked(TicketId ticketId, Instant at, Actor actor, java.util.UUID article, boolean solution)
            implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the agent who linked it, or the customer who self-served
         * @param article the article's id ({@code dev.helpdesk.spi.knowledge.ArticleId#value()})
         * @param solution whether the article solved the ticket
         */
        public ArticleLinked {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(article, "article");
        }
    }

    // --- feedback: satisfaction ratings ---

    /**
     * The requester rated the service of one resolution cycle of the ticket in a satisfaction
     * survey. One rating counts per ticket and cycle: a later rating of the same cycle replaces
     * the earlier one in reports (both stay in the history). A bad rating ({@link #bad()}) is
     * what the escalation trigger {@code satisfaction_rated_bad} reacts to.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the requester
     * @param cycle    the resolution cycle rated, from 1
     * @param score    the score, 1 to {@code outOf}
     * @param outOf    the scale's top score: 2 for bad (1) / good (2), 5 for one to five
     * @param comment  the customer's comment, empty when none was given
     * @param survey   the id of the survey token answered, or empty when the customer rated
     *                 while signed in
     */
    record SatisfactionRated(TicketId ticketId, Instant at, Actor actor, int cycle, int score, int outOf,
                             String comment, Optional<String> survey) implements TicketEvent {
        /**
         * Checks every part.
         *
         * @param ticketId the ticket
         * @param at when
         * @param actor the requester
         * @param cycle the resolution cycle rated, from 1
         * @param score the score, 1 to {@code outOf}
         * @param outOf the scale's top score: 2 for bad (1) / good (2), 5 for one to five
         * @param comment the customer's comment, empty when none was given
         * @param survey the id of the survey token answered, or empty when the customer rated while signed in
         * @throws IllegalArgumentException when the cycle is below 1, the scale is not 2 or 5 or
         *                                  the score outside 1..outOf
         */
        public SatisfactionRated {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(survey, "survey");
            if (cycle < 1) {
                throw new IllegalArgumentException("resolution cycles start at 1: " + cycle);
            }
            if (outOf != 2 && outOf != 5) {
                throw new IllegalArgumentException("a satisfaction scale tops at 2 or 5: " + outOf);
            }
            if (score < 1 || score > outOf) {
                throw new IllegalArgumentException("a score is 1.." + outOf + ": " + score);
            }
        }

        /**
         * Whether the rating is bad: the lower answer of bad/good, or 1 or 2 of five.
         *
         * @return true for a bad rating
         */
        public boolean bad() {
            return outOf == 2 ? score == 1 : score <= 2;
        }
    }

    // ---- channels: a ticket moved to another channel ------------------------------

    /**
     * The ticket moved to another channel, on which the conversation continues (a call followed
     * up by email, a chat continued on site): the ticket's {@link Ticket#channel()} is the new
     * one from here on; its opening keeps the channel it came in on.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who moved it
     * @param channel  the channel it moved to
     * @param reason   why, one line
     */
    record ChannelMoved(TicketId ticketId, Instant at, Actor actor, Channel channel, String reason) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at       when
         * @param actor    who moved it
         * @param channel  the channel it moved to
         * @param reason   why, one line
         */
        public ChannelMoved {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(channel, "channel");
            Checks.text("reason", reason);
        }
    }

    // --- problems ---

    /**
     * The ticket was linked to a problem: it is one of the incidents of that root cause. Reports
     * count the most frequent problems by these links; a ticket is linked to a problem at most
     * once at a time.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who linked it (an agent, or the desk confirming a suggested problem)
     * @param problem  the problem's id (a {@code ProblemId}'s UUID)
     */
    record ProblemLinked(TicketId ticketId, Instant at, Actor actor, java.util.UUID problem) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at       when
         * @param actor    who
         * @param problem  the problem's id
         */
        public ProblemLinked {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * The ticket's link to a problem was removed (it turned out to have another cause).
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    who unlinked it
     * @param problem  the problem's id
     */
    record ProblemUnlinked(TicketId ticketId, Instant at, Actor actor, java.util.UUID problem) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at       when
         * @param actor    who
         * @param problem  the problem's id
         */
        public ProblemUnlinked {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(problem, "problem");
        }
    }

    // --- the SLA policy on record ---

    /**
     * The SLA policy that applies to the ticket changed: recorded by the desk in the commit that
     * made it apply (the ticket's opening, or a change of priority, category, channel, customer
     * segment or of the desk's SLA configuration seen at the ticket's next commit). So the
     * history says which policy the desk held the ticket to, and reports group reply and
     * resolution times by policy with plain SQL. Kept from customers.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param actor    the SLA rule of the desk
     * @param policy   the name of the policy that applies from now on; empty when none does any more
     */
    record SlaPolicyApplied(TicketId ticketId, Instant at, Actor actor, Optional<String> policy) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at       when
         * @param actor    the SLA rule of the desk
         * @param policy   the policy's name, or empty
         */
        public SlaPolicyApplied {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(policy, "policy");
            policy.ifPresent(name -> Checks.text("policy", name));
        }
    }

    /**
     * A cycle of an SLA clock completed: the reply or solve that ends it came on time
     * ({@code achieved}) or late, or the cycle was cancelled after its due time (late). Recorded by
     * the desk in the commit that completed it, under the policy that applied then, so SLA
     * compliance is a count of these in SQL. Kept from customers.
     *
     * @param ticketId the ticket
     * @param at       when the cycle completed
     * @param actor    the SLA rule of the desk
     * @param clock    the clock
     * @param cycle    its cycle, from 1
     * @param policy   the name of the policy it was measured under
     * @param dueAt    when it was due
     * @param achieved true when it completed by its due time
     */
    record SlaCompleted(TicketId ticketId, Instant at, Actor actor, ClockKind clock, int cycle, String policy,
                        Instant dueAt, boolean achieved) implements TicketEvent {
        /**
         * Checks every part is present.
         *
         * @param ticketId the ticket
         * @param at       when
         * @param actor    the SLA rule of the desk
         * @param clock    the clock
         * @param cycle    its cycle, from 1
         * @param policy   the policy's name
         * @param dueAt    when it was due
         * @param achieved whether it completed in time
         */
        public SlaCompleted {
            Checks.common(ticketId, at, actor);
            Objects.requireNonNull(clock, "clock");
            Checks.text("policy", policy);
            Objects.requireNonNull(dueAt, "dueAt");
            if (cycle < 1) {
                throw new IllegalArgumentException("cycle must be 1 or more");
            }
        }
    }
}
