package dev.helpdesk.core.memory;

import dev.helpdesk.spi.notification.HeldNotices;
import dev.helpdesk.spi.notification.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Notices held for their recipients' working hours, kept in the heap: what
 * {@link InMemoryTicketStore} keeps beside its tickets, and what a desk keeps for itself when its
 * store keeps no notices. Like the tickets of the in-memory store, they do not survive a
 * restart. Thread-safe; every call holds one lock for a copy or a walk of the held notices.
 */
public final class InMemoryHeldNotices implements HeldNotices {
    private static final Comparator<Notification> ORDER =
            Comparator.comparing(Notification::sendAt).thenComparing(Notification::id);

    /** A held notice and the end of the lease of its latest claim, if any. */
    private static final class Held {
        private final Notification notice;
        private Instant leasedUntil;

        private Held(Notification notice) {
            this.notice = notice;
        }
    }

    private final Map<String, Held> held = new HashMap<>();

    /** Creates an empty holder. */
    public InMemoryHeldNotices() {
    }

    @Override
    public synchronized void hold(Notification notice) {
        Objects.requireNonNull(notice, "notice");
        held.putIfAbsent(notice.id(), new Held(notice));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the limit is below 1 or the lease is not positive
     */
    @Override
    public synchronized List<Notification> claimDue(Instant now, int limit, Duration lease) {
        Objects.requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("claim at least one notice: " + limit);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease is positive: " + lease);
        }
        List<Held> due = new ArrayList<>();
        for (Held h : held.values()) {
            if (!h.notice.sendAt().isAfter(now) && (h.leasedUntil == null || !h.leasedUntil.isAfter(now))) {
                due.add(h);
            }
        }
        due.sort(Comparator.comparing(h -> h.notice, ORDER));
        List<Notification> claimed = new ArrayList<>();
        for (Held h : due.subList(0, Math.min(limit, due.size()))) {
            h.leasedUntil = now.plus(lease);
            claimed.add(h.notice);
        }
        return List.copyOf(claimed);
    }

    @Override
    public synchronized void sent(String id) {
        held.remove(Objects.requireNonNull(id, "id"));
    }

    @Override
    public synchronized List<Notification> held() {
        return held.values().stream().map(h -> h.notice).sorted(ORDER).toList();
    }
}
