package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.IdGenerator;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decide step: every change of a ticket, whoever asks for it (an agent, a customer, a rule,
 * routing, the due sweep), is decided here by the one {@link TicketDecider}, with the ids the
 * desk's generator hands out. Nothing else in the pipeline decides what a command means.
 */
public final class Decision {
    private final TicketDecider decider;
    private final IdGenerator ids;
    private final Supplier<MessageId> messageIds;

    /**
     * Makes the step.
     *
     * @param decider the ticket lifecycle
     * @param ids     where ticket and message ids come from
     */
    public Decision(TicketDecider decider, IdGenerator ids) {
        this.decider = decider;
        this.ids = ids;
        this.messageIds = () -> new MessageId(ids.next());
    }

    /**
     * The decider, for its categories.
     *
     * @return the decider
     */
    public TicketDecider decider() {
        return decider;
    }

    /**
     * Checks an opening command.
     *
     * @param command the command
     * @param actor   who opens
     * @return the checked opening, or why not
     */
    public Either<Rejection, TicketDecider.Opening> checkOpen(TicketCommand.Open command, Actor actor) {
        return decider.checkOpen(command, actor);
    }

    /**
     * Decides the events of a checked opening, with a fresh ticket id.
     *
     * @param opening the checked opening
     * @param actor   who opens
     * @param number  the ticket's number
     * @param now     the time
     * @return the opening events
     */
    public List<TicketEvent> open(TicketDecider.Opening opening, Actor actor, TicketNumber number, Instant now) {
        return decider.open(opening, actor, TicketId.of(ids.next()), number, now, messageIds.get());
    }

    /**
     * Decides a command on a ticket.
     *
     * @param command the command
     * @param ticket  the ticket as loaded
     * @param actor   who acts
     * @param now     the time
     * @return the events, possibly none, or why not
     */
    public Either<Rejection, List<TicketEvent>> decide(TicketCommand command, Ticket ticket, Actor actor, Instant now) {
        return decider.decide(command, ticket, actor, now, messageIds);
    }

    /**
     * Checks the follow-up a customer's reply to a closed ticket opens.
     *
     * @param closed the closed ticket
     * @param reply  the reply
     * @param actor  who replies
     * @return the checked opening of the follow-up, or why not
     */
    public Either<Rejection, TicketDecider.Opening> checkFollowUp(Ticket closed, TicketCommand.Reply reply, Actor actor) {
        return decider.checkFollowUp(closed, reply, actor);
    }

    /**
     * Where a command addressed to a ticket must go instead (a customer's reply to a merged
     * ticket).
     *
     * @param ticket  the ticket addressed
     * @param command the command
     * @param actor   who sends it
     * @return the ticket to send it to, or empty to decide it here
     */
    public Optional<TicketId> redirect(Ticket ticket, TicketCommand command, Actor actor) {
        return decider.redirect(ticket, command, actor);
    }

    /**
     * Decides a merge on both tickets at once, notes included.
     *
     * @param source the ticket merged away
     * @param target the ticket that carries on
     * @param actor  who merges
     * @param now    the time
     * @return the events of each ticket, or why not
     */
    public Either<Rejection, TicketDecider.MergeEvents> merge(Ticket source, Ticket target, Actor actor, Instant now) {
        return decider.merge(source, target, actor, now, messageIds);
    }

    /**
     * A ticket as an actor may see it: a customer gets the decider's customer view, which
     * leaves out what is internal to the desk.
     *
     * @param actor  who reads
     * @param ticket the ticket
     * @return the ticket, or its customer view
     */
    public Ticket viewFor(Actor actor, Ticket ticket) {
        return actor instanceof Actor.Customer ? decider.customerView().ticket(ticket) : ticket;
    }

    /**
     * Decides an automatic close.
     *
     * @param ticket    the ticket
     * @param now       the time of the due run
     * @param solvedFor how long a ticket stays solved before it closes
     * @param rule      the actor of the close
     * @return the close, or nothing when not due
     */
    public List<TicketEvent> autoClose(Ticket ticket, Instant now, Duration solvedFor, Actor rule) {
        return decider.autoClose(ticket, now, solvedFor, rule);
    }

    /**
     * Where message ids come from.
     *
     * @return the supplier
     */
    public Supplier<MessageId> messageIds() {
        return messageIds;
    }

    // ---- channel intake ----

    /**
     * An opening's events with a received message's channel facts.
     *
     * @param events  the opening's events
     * @param receipt the channel's facts
     * @return the events with the link and attachments
     */
    public List<TicketEvent> withReceipt(List<TicketEvent> events, dev.helpdesk.core.ticket.ChannelReceipt receipt) {
        return decider.withReceipt(events, receipt);
    }

    // ---- remote sessions and on-site visits ----------------------------------

    /**
     * Decides a command on a ticket with its history at hand (the commands of remote sessions
     * and visits read it; every other command leaves it unread).
     *
     * @param command the command
     * @param ticket  the ticket as loaded
     * @param actor   who acts
     * @param now     the time
     * @param history the ticket's history, read on first use
     * @return the events, possibly none, or why not
     */
    public Either<Rejection, List<TicketEvent>> decide(TicketCommand command, Ticket ticket, Actor actor, Instant now,
                                                       Supplier<List<TicketEvent>> history) {
        return decider.decide(command, ticket, actor, now, messageIds, history);
    }

    /**
     * The endings of remote sessions whose consent ran out.
     *
     * @param ticket  the ticket
     * @param history its history
     * @param now     the time of the due run
     * @param rule    the actor of the endings
     * @return the events, or none
     */
    public List<TicketEvent> fieldDue(Ticket ticket, List<TicketEvent> history, Instant now, Actor rule) {
        return decider.fieldDue(ticket, history, now, rule);
    }
}
