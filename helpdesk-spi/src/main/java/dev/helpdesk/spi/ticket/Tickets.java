package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evolution of ticket state: how each event changes a ticket. Pure facts, no rules — the
 * rules decide which events happen; this only applies them. Stores use it to rebuild a
 * ticket from its history, and the contract tests use it to check that a store's state
 * equals the replay of its events.
 */
public final class Tickets {
    private Tickets() {
    }

    /**
     * Replays a ticket's whole history.
     *
     * @param tenant the tenant the ticket belongs to
     * @param events the events, oldest first; the first is {@link TicketEvent.Opened}
     * @return the state they produce
     * @throws IllegalArgumentException when the list is empty, does not start with an opening
     *                                  event, or mixes tickets
     */
    public static Ticket replay(TenantId tenant, List<? extends TicketEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a history starts with an opening event");
        }
        Ticket ticket = open(tenant, events.get(0));
        for (int i = 1; i < events.size(); i++) {
            ticket = evolve(ticket, events.get(i));
        }
        return ticket;
    }

    /**
     * The state made by an opening event.
     *
     * @param tenant the tenant
     * @param first  the opening event
     * @return the new ticket, version 1
     * @throws IllegalArgumentException when the event is not an opening
     */
    public static Ticket open(TenantId tenant, TicketEvent first) {
        Objects.requireNonNull(tenant, "tenant");
        if (!(first instanceof TicketEvent.Opened o)) {
            throw new IllegalArgumentException("a history starts with an opening event, not " + first.kind());
        }
        return new Ticket(tenant, o.ticketId(), o.number(), o.subject(), o.requester(), o.channel(),
                o.category(), o.priority(), o.tier(), Status.NEW, Optional.empty(), o.group(), List.of(),
                o.followUpOf(), Optional.empty(), List.of(), o.at(), o.at(), Optional.empty(), 1, 1);
    }

    /**
     * Applies every event in order.
     *
     * @param ticket the state before
     * @param events the events, oldest first
     * @return the state after
     */
    public static Ticket evolve(Ticket ticket, List<? extends TicketEvent> events) {
        Ticket t = ticket;
        for (TicketEvent e : events) {
            t = evolve(t, e);
        }
        return t;
    }

    /**
     * Applies one event.
     *
     * @param t     the state before
     * @param event an event of the same ticket, other than an opening
     * @return the state after, one version higher
     * @throws IllegalArgumentException when the event belongs to another ticket or is an
     *                                  opening
     */
    public static Ticket evolve(Ticket t, TicketEvent event) {
        if (!event.ticketId().equals(t.id())) {
            throw new IllegalArgumentException("event of ticket " + event.ticketId() + " applied to " + t.id());
        }
        Builder b = new Builder(t);
        b.updatedAt = event.at();
        b.version = t.version() + 1;
        if (event instanceof TicketEvent.Opened) {
            throw new IllegalArgumentException("a ticket is opened once");
        } else if (event instanceof TicketEvent.MessagePosted e) {
            List<Message> messages = new ArrayList<>(t.messages().size() + 1);
            messages.addAll(t.messages());
            messages.add(e.message());
            b.messages = messages;
        } else if (event instanceof TicketEvent.Assigned e) {
            b.assignee = Optional.of(e.agent());
        } else if (event instanceof TicketEvent.Unassigned) {
            b.assignee = Optional.empty();
        } else if (event instanceof TicketEvent.GroupChanged e) {
            b.group = Optional.of(e.to());
        } else if (event instanceof TicketEvent.PriorityChanged e) {
            b.priority = e.to();
        } else if (event instanceof TicketEvent.CategoryChanged e) {
            b.category = e.to();
        } else if (event instanceof TicketEvent.TierChanged e) {
            b.tier = e.to();
        } else if (event instanceof TicketEvent.StatusChanged e) {
            b.status = e.to();
        } else if (event instanceof TicketEvent.Solved e) {
            b.status = Status.SOLVED;
            b.solvedAt = Optional.of(e.at());
        } else if (event instanceof TicketEvent.Reopened e) {
            b.status = Status.OPEN;
            b.solvedAt = Optional.empty();
            b.cycle = e.cycle();
        } else if (event instanceof TicketEvent.Closed) {
            b.status = Status.CLOSED;
        } else if (event instanceof TicketEvent.Merged e) {
            b.status = Status.MERGED;
            b.mergedInto = Optional.of(e.into());
        } else if (event instanceof TicketEvent.MergedIn e) {
            List<TicketId> from = new ArrayList<>(t.mergedFrom());
            from.add(e.source());
            b.mergedFrom = from;
        }
        return b.build();
    }

    /** A mutable copy used only while applying one event. */
    private static final class Builder {
        private final Ticket t;
        private Priority priority;
        private Category category;
        private Tier tier;
        private Status status;
        private Optional<dev.helpdesk.spi.party.AgentId> assignee;
        private Optional<dev.helpdesk.spi.party.GroupId> group;
        private List<Message> messages;
        private Optional<TicketId> mergedInto;
        private List<TicketId> mergedFrom;
        private java.time.Instant updatedAt;
        private Optional<java.time.Instant> solvedAt;
        private int cycle;
        private long version;

        Builder(Ticket t) {
            this.t = t;
            priority = t.priority();
            category = t.category();
            tier = t.tier();
            status = t.status();
            assignee = t.assignee();
            group = t.group();
            messages = t.messages();
            mergedInto = t.mergedInto();
            mergedFrom = t.mergedFrom();
            updatedAt = t.updatedAt();
            solvedAt = t.solvedAt();
            cycle = t.cycle();
            version = t.version();
        }

        Ticket build() {
            return new Ticket(t.tenant(), t.id(), t.number(), t.subject(), t.requester(), t.channel(),
                    category, priority, tier, status, assignee, group, messages, t.followUpOf(),
                    mergedInto, mergedFrom, t.createdAt(), updatedAt, solvedAt, cycle, version);
        }
    }
}
