package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import io.vavr.control.Either;

/**
 * The business rules of the ticket lifecycle, one small named function each, so that each
 * is read, tested and replaced on its own. Each returns {@link Allowance#GRANTED} or the
 * rejection that explains why not.
 */
public final class Rules {
    private static final Either<Rejection, Allowance> GRANTED = Either.right(Allowance.GRANTED);

    private Rules() {
    }

    /**
     * A customer acts only on tickets they requested. Another customer's ticket is reported
     * as not found, so a customer cannot probe for tickets that are not theirs.
     *
     * @param actor  who acts
     * @param ticket the ticket
     * @return granted for staff, integrations and the requester
     */
    public static Either<Rejection, Allowance> visibleTo(Actor actor, Ticket ticket) {
        if (actor instanceof Actor.Customer c && !c.id().equals(ticket.requester())) {
            return Either.left(new Rejection.NotFound("ticket", ticket.id().toString()));
        }
        return GRANTED;
    }

    /**
     * Only staff (agents and system rules) change priority, tier, category, group and
     * assignment, and move a ticket through the workflow.
     *
     * @param actor   who acts
     * @param command the command's name
     * @return granted for staff
     */
    public static Either<Rejection, Allowance> staffOnly(Actor actor, String command) {
        return actor.isStaff() ? GRANTED
                : Either.left(new Rejection.NotAllowed("only agents may " + command + ", not " + actor.display()));
    }

    /**
     * Internal notes are for the desk: staff and integrations write them, customers never.
     *
     * @param actor who acts
     * @return granted for everyone but customers
     */
    public static Either<Rejection, Allowance> mayWriteNotes(Actor actor) {
        return actor instanceof Actor.Customer
                ? Either.left(new Rejection.NotAllowed("customers cannot write internal notes"))
                : GRANTED;
    }

    /**
     * Closed and merged tickets are final: nothing happens to them any more.
     *
     * @param ticket  the ticket
     * @param command the command's name
     * @return granted when the ticket is not final
     */
    public static Either<Rejection, Allowance> notFinal(Ticket ticket, String command) {
        if (ticket.status() == Status.CLOSED) {
            return invalid(command, ticket, "closed tickets are final; a customer reply opens a follow-up ticket");
        }
        if (ticket.status() == Status.MERGED) {
            return invalid(command, ticket, "the ticket was merged into "
                    + ticket.mergedInto().map(Object::toString).orElse("another ticket"));
        }
        return GRANTED;
    }

    /**
     * A ticket waits (pending or on hold) only while it is being worked on.
     *
     * @param ticket  the ticket
     * @param command the command's name
     * @return granted for new, open, pending and on-hold tickets
     */
    public static Either<Rejection, Allowance> inProgress(Ticket ticket, String command) {
        return notFinal(ticket, command).flatMap(a -> ticket.status() == Status.SOLVED
                ? invalid(command, ticket, "the ticket is solved; reopen it first")
                : GRANTED);
    }

    /**
     * A solved ticket has someone who solved it: it needs an assignee.
     *
     * @param ticket the ticket
     * @return granted when the ticket is in progress and assigned
     */
    public static Either<Rejection, Allowance> canBeSolved(Ticket ticket) {
        return inProgress(ticket, "solve").flatMap(a -> ticket.assignee().isEmpty()
                ? invalid("solve", ticket, "a solved ticket needs an assignee")
                : GRANTED);
    }

    /**
     * Only a waiting ticket can be resumed.
     *
     * @param ticket the ticket
     * @return granted for pending and on-hold tickets
     */
    public static Either<Rejection, Allowance> isWaiting(Ticket ticket) {
        return ticket.status().isWaiting() ? GRANTED
                : invalid("resume", ticket, "only a pending or on-hold ticket can be resumed");
    }

    /**
     * Only a solved ticket can be reopened or closed.
     *
     * @param ticket  the ticket
     * @param command the command's name
     * @return granted for solved tickets
     */
    public static Either<Rejection, Allowance> isSolved(Ticket ticket, String command) {
        return notFinal(ticket, command).flatMap(a -> ticket.status() == Status.SOLVED ? GRANTED
                : invalid(command, ticket, "only a solved ticket can be " + (command.equals("close") ? "closed" : "reopened")));
    }

    /**
     * A solved ticket keeps its assignee.
     *
     * @param ticket the ticket
     * @return granted unless the ticket is solved
     */
    public static Either<Rejection, Allowance> mayLoseAssignee(Ticket ticket) {
        return ticket.status() == Status.SOLVED
                ? invalid("unassign", ticket, "a solved ticket needs an assignee")
                : GRANTED;
    }

    private static Either<Rejection, Allowance> invalid(String command, Ticket ticket, String reason) {
        return Either.left(new Rejection.InvalidTransition(command, ticket.status().name(), reason));
    }
}
