package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.List;
import java.util.function.Supplier;

/**
 * A ticket's history before a batch, read on first use and kept: the steps of one attempt
 * share one read. Not thread-safe: an attempt runs on one thread. (Vavr's {@code Lazy} would
 * do, but it makes a lock per instance, one per command on the hot path.)
 */
final class History implements Supplier<List<TicketEvent>> {
    private static final History NONE = new History(List::of, null, null);

    private final Supplier<List<TicketEvent>> read;
    // a stored ticket's history is read through its loader: no closure per command
    private final TicketLoader loader;
    private final Ticket ticket;
    private List<TicketEvent> events;

    private History(Supplier<List<TicketEvent>> read, TicketLoader loader, Ticket ticket) {
        this.read = read;
        this.loader = loader;
        this.ticket = ticket;
    }

    /** A history read when first asked for. */
    static History of(Supplier<List<TicketEvent>> read) {
        return new History(read, null, null);
    }

    /** A stored ticket's events up to its version, read through the loader when first asked for. */
    static History of(TicketLoader loader, Ticket ticket) {
        return new History(null, loader, ticket);
    }

    /** The history of a ticket being opened. */
    static History none() {
        return NONE;
    }

    @Override
    public List<TicketEvent> get() {
        if (events == null) {
            events = read != null ? read.get() : loader.history(ticket.tenant(), ticket.id(), ticket.version());
        }
        return events;
    }
}
