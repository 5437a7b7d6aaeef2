package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketStore;
import java.util.function.Supplier;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * The first step of the pipeline: loads a ticket as the actor may reach it (a customer reaches
 * only their own tickets; another's is not found) and, on demand, its history. The history is
 * read on first use and kept: the steps after (rules, routing, scheduling) share one read per commit,
 * and a commit that needs none reads none.
 */
public final class TicketLoader {
    private final TicketStore store;

    /**
     * Makes the loader.
     *
     * @param store the desk's store
     */
    public TicketLoader(TicketStore store) {
        this.store = store;
    }

    /**
     * The store this loader reads.
     *
     * @return the store
     */
    public TicketStore store() {
        return store;
    }

    /**
     * Loads a ticket for an actor.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @param actor  who asks
     * @return the ticket, {@link Rejection.NotFound} (also for another customer's ticket) or
     *         {@link Rejection.Invalid} for a missing id or actor
     */
    public Either<Rejection, Ticket> find(TenantId tenant, TicketId id, Actor actor) {
        if (id == null || actor == null) {
            return Either.left(missing(id, "", actor));
        }
        Option<Ticket> found = store.find(tenant, id);
        if (found.isEmpty()) {
            return Either.left(new Rejection.NotFound("ticket", id.toString()));
        }
        Ticket ticket = found.get();
        if (actor instanceof Actor.Customer c && !c.id().equals(ticket.requester())) {
            return Either.left(new Rejection.NotFound("ticket", id.toString()));
        }
        return Either.right(ticket);
    }

    /**
     * A ticket's events up to its current version, read when first asked for.
     *
     * @param ticket the ticket as loaded; null for a ticket being opened
     * @return the history, oldest first
     */
    public Supplier<List<TicketEvent>> historyOf(Ticket ticket) {
        if (ticket == null || ticket.version() == 0) {
            return History.none();
        }
        return History.of(this, ticket);
    }

    /**
     * A ticket's events up to a version, oldest first.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @param upTo   the last version to include
     * @return the events
     */
    public List<TicketEvent> history(TenantId tenant, TicketId id, long upTo) {
        if (upTo == 0) {
            return List.of();
        }
        return events(store.history(tenant, id), upTo);
    }

    /**
     * The events of recorded history up to a version, oldest first.
     *
     * @param recorded the recorded history
     * @param upTo     the last version to include
     * @return the events
     */
    public static List<TicketEvent> events(List<RecordedEvent> recorded, long upTo) {
        List<TicketEvent> events = new ArrayList<>(recorded.size());
        for (RecordedEvent r : recorded) {
            if (r.version() <= upTo) {
                events.add(r.event());
            }
        }
        return events;
    }

    /**
     * The rejection of a call missing its id, command or actor, naming each.
     *
     * @param id      the ticket id given
     * @param command the command given
     * @param actor   the actor given
     * @return {@link Rejection.Invalid}
     */
    public static Rejection missing(Object id, Object command, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("ticketId", "is required"));
        }
        if (command == null) {
            errors.add(new FieldError("command", "is required"));
        }
        if (actor == null) {
            errors.add(new FieldError("actor", "is required"));
        }
        return new Rejection.Invalid(errors);
    }
}
