package dev.helpdesk.core.memory;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * When each ticket of every tenant is next due, and which due tickets are claimed. Two sorted
 * queues make claiming cheap: unclaimed tickets by due time, claimed ones by the end of their
 * lease. A claim moves a ticket from the first to the second; an expired lease moves it back;
 * a commit or reschedule puts it in the first afresh (or nowhere when nothing is due).
 *
 * <p>Slots are immutable values in a concurrent map, so reading a due time takes no lock;
 * every change of slots and queues happens under one lock, held for O(log n) per ticket.
 */
final class DueIndex {

    /** A ticket of a tenant. */
    private record Key(TenantId tenant, TicketId id) {
    }

    /** A ticket's due time and version, and the end of its lease while it is claimed. */
    private record Slot(Instant dueAt, long version, Instant leasedUntil) {
        boolean claimed() {
            return leasedUntil != null;
        }
    }

    /** An entry of a queue: a ticket at a time (its due time, or the end of its lease). */
    private record Queued(Instant at, Key key) {
    }

    // ties in time are broken by tenant and id so that distinct tickets never compare equal
    // written out rather than composed from Comparator.comparing: it runs on every commit that
    // schedules work, and the composed form's lambdas showed up in profiles of the command path
    private static final Comparator<Queued> ORDER = (a, b) -> {
        int c = a.at().compareTo(b.at());
        if (c != 0) {
            return c;
        }
        c = a.key().tenant().value().compareTo(b.key().tenant().value());
        return c != 0 ? c : a.key().id().value().compareTo(b.key().id().value());
    };

    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final NavigableSet<Queued> unclaimed = new TreeSet<>(ORDER);
    private final NavigableSet<Queued> leased = new TreeSet<>(ORDER);
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Sets or clears a ticket's due time and releases any claim on it.
     *
     * @param tenant  the tenant
     * @param id      the ticket
     * @param dueAt   the new due time, or empty
     * @param version the ticket's version the due time belongs to
     */
    void set(TenantId tenant, TicketId id, Optional<Instant> dueAt, long version) {
        Key key = new Key(tenant, id);
        if (dueAt.isEmpty() && !slots.containsKey(key)) {
            // the usual commit of a ticket without timed work: nothing to do, no lock to take
            // (only the tenant's writer, who holds the tenant lock, adds a slot for this key)
            return;
        }
        lock.lock();
        try {
            Slot old = slots.remove(key);
            if (old != null) {
                dequeue(key, old);
            }
            if (dueAt.isPresent()) {
                slots.put(key, new Slot(dueAt.get(), version, null));
                unclaimed.add(new Queued(dueAt.get(), key));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A ticket's due time.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @return the due time, or empty
     */
    Optional<Instant> dueAt(TenantId tenant, TicketId id) {
        Slot slot = slots.get(new Key(tenant, id));
        return slot == null ? Optional.empty() : Optional.of(slot.dueAt());
    }

    /**
     * Claims due tickets, soonest due first.
     *
     * @param now   the time; due at or before it is due, a lease ending at or before it expired
     * @param limit at most this many
     * @param lease how long the claims hold
     * @return the claimed tickets
     */
    List<DueTicket> claim(Instant now, int limit, Duration lease) {
        Instant until = now.plus(lease);
        List<DueTicket> claimed = new ArrayList<>(Math.min(limit, 64));
        lock.lock();
        try {
            while (!leased.isEmpty() && !leased.first().at().isAfter(now)) {
                Key key = leased.pollFirst().key();
                Slot slot = slots.get(key);
                Slot released = new Slot(slot.dueAt(), slot.version(), null);
                slots.put(key, released);
                unclaimed.add(new Queued(released.dueAt(), key));
            }
            while (claimed.size() < limit && !unclaimed.isEmpty() && !unclaimed.first().at().isAfter(now)) {
                Key key = unclaimed.pollFirst().key();
                Slot slot = slots.get(key);
                slots.put(key, new Slot(slot.dueAt(), slot.version(), until));
                leased.add(new Queued(until, key));
                claimed.add(new DueTicket(key.tenant(), key.id(), slot.dueAt(), slot.version()));
            }
        } finally {
            lock.unlock();
        }
        return claimed;
    }

    private void dequeue(Key key, Slot slot) {
        if (slot.claimed()) {
            leased.remove(new Queued(slot.leasedUntil(), key));
        } else {
            unclaimed.remove(new Queued(slot.dueAt(), key));
        }
    }
}
