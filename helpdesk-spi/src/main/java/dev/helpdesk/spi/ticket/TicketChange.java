package dev.helpdesk.spi.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ticket's part of a command: the events to append, the state they lead to, and when the
 * desk next has work to do on the ticket.
 *
 * @param expectedVersion the version the change is based on; {@code 0} for a new ticket. A
 *                        store accepts the change only when the ticket is still at this
 *                        version.
 * @param events          the new events, oldest first, never empty
 * @param newState        the state after the events; its version is
 *                        {@code expectedVersion + events.size()}
 * @param dueAt           when the ticket is next due for timed work (an SLA warning or
 *                        breach, an automatic close), or empty when nothing is scheduled
 * @param seat            the agent's seat this change takes, when it assigns the ticket to an
 *                        agent with limited capacity: the store commits the change only while
 *                        the agent has room, atomically with the write (see {@link SeatClaim}),
 *                        and otherwise answers {@link dev.helpdesk.spi.rejection.Rejection.NoCapacity}
 *                        and writes nothing of the whole commit
 */
public record TicketChange(long expectedVersion, List<TicketEvent> events, Ticket newState,
                           Optional<Instant> dueAt, Optional<SeatClaim> seat) {

    /**
     * A change that claims no seat.
     *
     * @param expectedVersion the version the change is based on
     * @param events          the new events
     * @param newState        the state after them
     * @param dueAt           when the ticket is next due
     */
    public TicketChange(long expectedVersion, List<TicketEvent> events, Ticket newState, Optional<Instant> dueAt) {
        this(expectedVersion, events, newState, dueAt, Optional.empty());
    }

    /**
     * Checks the parts agree with each other.
     *
     * @param expectedVersion the version the change is based on; {@code 0} for a new ticket. A store accepts the change only when the ticket is still at this version.
     * @param events the new events, oldest first, never empty
     * @param newState the state after the events; its version is {@code expectedVersion + events.size()}
     * @param dueAt when the ticket is next due for timed work (an SLA warning or breach, an automatic close), or empty when nothing is scheduled
     * @param seat the agent's seat this change takes, when it assigns the ticket to an agent with limited capacity: the store commits the change only while the agent has room, atomically with the write (see {@link SeatClaim}), and otherwise answers {@link dev.helpdesk.spi.rejection.Rejection.NoCapacity} and writes nothing of the whole commit
     * @throws IllegalArgumentException when the events are empty, belong to another ticket,
     *                                  or the new state's version does not follow
     */
    public TicketChange {
        events = List.copyOf(events);
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(seat, "seat");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version is 0 for a new ticket, positive otherwise");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a change has at least one event");
        }
        if (newState.version() != expectedVersion + events.size()) {
            throw new IllegalArgumentException("new state version " + newState.version()
                    + " does not follow " + expectedVersion + " + " + events.size() + " events");
        }
        for (TicketEvent e : events) {
            if (!e.ticketId().equals(newState.id())) {
                throw new IllegalArgumentException("event of ticket " + e.ticketId() + " in a change of " + newState.id());
            }
        }
        if (expectedVersion == 0 && !(events.get(0) instanceof TicketEvent.Opened)) {
            throw new IllegalArgumentException("a new ticket's first event is its opening");
        }
    }

    /**
     * The ticket this change is about.
     *
     * @return its id
     */
    public TicketId ticketId() {
        return newState.id();
    }

    /**
     * Tells whether this change creates the ticket.
     *
     * @return true when the expected version is 0
     */
    public boolean isCreation() {
        return expectedVersion == 0;
    }
}
