package dev.helpdesk.spi.outbox;

import dev.helpdesk.spi.plugin.EventListener;
import java.time.Instant;
import java.util.List;

/**
 * A store that keeps committed events in a transactional outbox until every
 * {@link EventListener} has received them. The desk drives it: it calls {@link #deliver} from
 * its timed work (or the host does, from a scheduler of its own), so that a listener that fails
 * or is slow never holds up a command.
 *
 * <p>Guarantees: every event reaches every listener at least once, in order per ticket, with
 * {@link dev.helpdesk.spi.ticket.RecordedEvent#eventId()} for deduplication; a listener that
 * throws gets the event again later (with back-off), and after a bounded number of failures the
 * event is parked in a dead-letter state (holding back the later events of the same ticket)
 * until an operator releases it. A listener that succeeded does not get the event again unless
 * the delivering process died before it could record the success.
 *
 * <p>Stores without an outbox (the in-memory one) do not implement this interface; the desk
 * then calls its listeners right after the commit.
 */
public interface EventOutbox {

    /**
     * Tells whether this store keeps events for {@link #deliver}. A store that can have an
     * outbox but was configured without one answers false, and the desk then calls its
     * listeners right after each commit.
     *
     * @return true when commits write outbox entries
     */
    default boolean isActive() {
        return true;
    }

    /**
     * Delivers a batch of pending events whose next attempt is due. When several host
     * instances call this at once, one delivers and the others return an empty report.
     *
     * @param now       the current time, for back-off and leases
     * @param limit     the largest number of events to handle in this call, at least 1
     * @param listeners the listeners, in the order they are called for each event
     * @return what happened to the events handled
     * @throws dev.helpdesk.spi.StoreException when the store cannot be reached; listener
     *                                         failures are never thrown
     */
    DeliveryReport deliver(Instant now, int limit, List<? extends EventListener> listeners);
}
