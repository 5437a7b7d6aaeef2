package dev.helpdesk.core.memory;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * When each ticket of every tenant is next due, and which due tickets are claimed. Two binary
 * heaps make claiming cheap: unclaimed tickets by due time, claimed ones by the end of their
 * lease. A claim moves a ticket from the first to the second; an expired lease moves it back;
 * a commit or reschedule puts it in the first afresh (or in neither when nothing is due).
 *
 * <p>Each ticket has one {@link Slot}, made by {@link #slot} the first time the ticket has a
 * due time and kept by the store with the ticket, so that setting a due time looks nothing up
 * and allocates nothing. A slot knows its place in its heap, so moving or removing it costs
 * O(log n). Every read and change of slots and heaps happens under one lock.
 */
final class DueIndex {

    /**
     * One ticket's due time, version and claim. Its fields belong to the index and change only
     * under its lock.
     */
    static final class Slot {
        private final TenantId tenant;
        private final TicketId id;
        /** Breaks ties in time, so the heaps order slots with equal times by first scheduling. */
        private final long order;
        private Instant dueAt;
        private long version;
        private Instant leasedUntil;
        private int heapIndex = -1;

        private Slot(TenantId tenant, TicketId id, long order) {
            this.tenant = tenant;
            this.id = id;
            this.order = order;
        }
    }

    private final Heap unclaimed = new Heap(false);
    private final Heap leased = new Heap(true);
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong slots = new AtomicLong();

    /**
     * A new, unscheduled slot for a ticket. The caller keeps it with the ticket and makes one
     * per ticket.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @return the slot
     */
    Slot slot(TenantId tenant, TicketId id) {
        return new Slot(tenant, id, slots.getAndIncrement());
    }

    /**
     * Sets or clears a ticket's due time and releases any claim on it.
     *
     * @param slot    the ticket's slot
     * @param dueAt   the new due time, or empty
     * @param version the ticket's version the due time belongs to
     */
    void set(Slot slot, Optional<Instant> dueAt, long version) {
        lock.lock();
        try {
            if (slot.heapIndex >= 0) {
                (slot.leasedUntil != null ? leased : unclaimed).remove(slot);
            }
            slot.leasedUntil = null;
            slot.version = version;
            slot.dueAt = dueAt.orElse(null);
            if (slot.dueAt != null) {
                unclaimed.add(slot);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A ticket's due time.
     *
     * @param slot the ticket's slot
     * @return the due time, or empty
     */
    Optional<Instant> dueAt(Slot slot) {
        lock.lock();
        try {
            return Optional.ofNullable(slot.dueAt);
        } finally {
            lock.unlock();
        }
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
            for (Slot expired = leased.first(); expired != null && !expired.leasedUntil.isAfter(now);
                 expired = leased.first()) {
                leased.remove(expired);
                expired.leasedUntil = null;
                unclaimed.add(expired);
            }
            for (Slot due = unclaimed.first(); claimed.size() < limit && due != null && !due.dueAt.isAfter(now);
                 due = unclaimed.first()) {
                unclaimed.remove(due);
                due.leasedUntil = until;
                leased.add(due);
                claimed.add(new DueTicket(due.tenant, due.id, due.dueAt, due.version));
            }
        } finally {
            lock.unlock();
        }
        return claimed;
    }

    /**
     * A binary min-heap of slots by one of their times (the due time, or the end of the lease),
     * then by their order. Each slot records its index, so any slot can be removed in O(log n).
     */
    private static final class Heap {
        private final boolean byLease;
        private Slot[] slots = new Slot[16];
        private int size;

        private Heap(boolean byLease) {
            this.byLease = byLease;
        }

        Slot first() {
            return size == 0 ? null : slots[0];
        }

        void add(Slot slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            siftUp(size++, slot);
        }

        void remove(Slot slot) {
            int i = slot.heapIndex;
            slot.heapIndex = -1;
            Slot last = slots[--size];
            slots[size] = null;
            if (last == slot) {
                return;
            }
            siftDown(i, last);
            if (slots[i] == last) {
                siftUp(i, last);
            }
        }

        private void siftUp(int i, Slot slot) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                Slot p = slots[parent];
                if (compare(slot, p) >= 0) {
                    break;
                }
                place(i, p);
                i = parent;
            }
            place(i, slot);
        }

        private void siftDown(int i, Slot slot) {
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                Slot c = slots[child];
                int right = child + 1;
                if (right < size && compare(slots[right], c) < 0) {
                    child = right;
                    c = slots[child];
                }
                if (compare(slot, c) <= 0) {
                    break;
                }
                place(i, c);
                i = child;
            }
            place(i, slot);
        }

        private void place(int i, Slot slot) {
            slots[i] = slot;
            slot.heapIndex = i;
        }

        private int compare(Slot a, Slot b) {
            int c = byLease ? a.leasedUntil.compareTo(b.leasedUntil) : a.dueAt.compareTo(b.dueAt);
            return c != 0 ? c : Long.compare(a.order, b.order);
        }
    }
}
