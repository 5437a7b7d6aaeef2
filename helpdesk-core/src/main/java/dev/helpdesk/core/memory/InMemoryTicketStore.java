package dev.helpdesk.core.memory;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store that keeps everything in memory: the default of a desk, for tests, demos and hosts
 * that persist elsewhere. Safe for concurrent use (one lock; every operation is short).
 * Nothing survives the JVM.
 */
public final class InMemoryTicketStore implements TicketStore, TicketNumberSequence {
    private final Object lock = new Object();
    private final Map<TenantId, Map<TicketId, Entry>> tenants = new HashMap<>();
    private final Map<TenantId, TreeMap<TicketNumber, TicketId>> byNumber = new HashMap<>();
    private final Map<TenantId, Long> sequences = new HashMap<>();

    private static final class Entry {
        Ticket ticket;
        final List<RecordedEvent> history = new ArrayList<>();
        Optional<Instant> dueAt = Optional.empty();
        Instant claimedUntil;

        Entry(Ticket ticket) {
            this.ticket = ticket;
        }
    }

    /** An empty store. */
    public InMemoryTicketStore() {
    }

    @Override
    public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
        synchronized (lock) {
            Map<TicketId, Entry> tickets = tenants.computeIfAbsent(tenant, t -> new HashMap<>());
            for (TicketChange c : changes) {
                Entry e = tickets.get(c.ticketId());
                long actual = e == null ? 0 : e.ticket.version();
                if (actual != c.expectedVersion()) {
                    return Either.left(new Rejection.ConcurrentModification("ticket", c.ticketId().toString(),
                            c.expectedVersion(), actual));
                }
            }
            List<Ticket> states = new ArrayList<>(changes.size());
            for (TicketChange c : changes) {
                Entry e = tickets.get(c.ticketId());
                if (e == null) {
                    e = new Entry(c.newState());
                    tickets.put(c.ticketId(), e);
                    byNumber.computeIfAbsent(tenant, t -> new TreeMap<>()).put(c.newState().number(), c.ticketId());
                }
                long version = c.expectedVersion();
                for (TicketEvent event : c.events()) {
                    e.history.add(new RecordedEvent(tenant, ++version, event));
                }
                e.ticket = c.newState();
                e.dueAt = c.dueAt();
                e.claimedUntil = null;
                states.add(c.newState());
            }
            return Either.right(states);
        }
    }

    @Override
    public Option<Ticket> find(TenantId tenant, TicketId id) {
        synchronized (lock) {
            return Option.of(entry(tenant, id)).map(e -> e.ticket);
        }
    }

    @Override
    public Option<Ticket> findByNumber(TenantId tenant, TicketNumber number) {
        synchronized (lock) {
            TreeMap<TicketNumber, TicketId> numbers = byNumber.get(tenant);
            TicketId id = numbers == null ? null : numbers.get(number);
            return id == null ? Option.none() : find(tenant, id);
        }
    }

    @Override
    public List<RecordedEvent> history(TenantId tenant, TicketId id) {
        synchronized (lock) {
            Entry e = entry(tenant, id);
            return e == null ? List.of() : List.copyOf(e.history);
        }
    }

    @Override
    public Page list(TenantId tenant, TicketQuery query, PageRequest page) {
        synchronized (lock) {
            TreeMap<TicketNumber, TicketId> numbers = byNumber.getOrDefault(tenant, new TreeMap<>());
            Map<TicketNumber, TicketId> from = page.after().isPresent()
                    ? numbers.tailMap(page.after().get(), false) : numbers;
            List<Ticket> items = new ArrayList<>(page.size());
            for (TicketId id : from.values()) {
                Ticket t = entry(tenant, id).ticket;
                if (query.matches(t)) {
                    if (items.size() == page.size()) {
                        return new Page(items, Optional.of(new PageRequest(page.size(),
                                Optional.of(items.get(items.size() - 1).number()))));
                    }
                    items.add(t);
                }
            }
            return new Page(items, Optional.empty());
        }
    }

    @Override
    public List<DueTicket> claimDue(Instant now, int limit, Duration lease) {
        synchronized (lock) {
            List<DueTicket> due = new ArrayList<>();
            for (Map.Entry<TenantId, Map<TicketId, Entry>> t : tenants.entrySet()) {
                for (Entry e : t.getValue().values()) {
                    if (e.dueAt.isPresent() && !e.dueAt.get().isAfter(now)
                            && (e.claimedUntil == null || !e.claimedUntil.isAfter(now))) {
                        due.add(new DueTicket(t.getKey(), e.ticket.id(), e.dueAt.get(), e.ticket.version()));
                    }
                }
            }
            due.sort(java.util.Comparator.comparing(DueTicket::dueAt));
            List<DueTicket> claimed = due.subList(0, Math.min(limit, due.size()));
            for (DueTicket d : claimed) {
                entry(d.tenant(), d.id()).claimedUntil = now.plus(lease);
            }
            return List.copyOf(claimed);
        }
    }

    @Override
    public Either<Rejection, Ticket> reschedule(TenantId tenant, TicketId id, long expectedVersion, Optional<Instant> dueAt) {
        synchronized (lock) {
            Entry e = entry(tenant, id);
            if (e == null) {
                return Either.left(new Rejection.NotFound("ticket", id.toString()));
            }
            if (e.ticket.version() != expectedVersion) {
                return Either.left(new Rejection.ConcurrentModification("ticket", id.toString(), expectedVersion,
                        e.ticket.version()));
            }
            e.dueAt = dueAt;
            e.claimedUntil = null;
            return Either.right(e.ticket);
        }
    }

    @Override
    public Optional<Instant> dueAt(TenantId tenant, TicketId id) {
        synchronized (lock) {
            Entry e = entry(tenant, id);
            return e == null ? Optional.empty() : e.dueAt;
        }
    }

    @Override
    public TicketNumber next(TenantId tenant) {
        synchronized (lock) {
            return TicketNumber.of(sequences.merge(tenant, 1L, Long::sum));
        }
    }

    private Entry entry(TenantId tenant, TicketId id) {
        Map<TicketId, Entry> tickets = tenants.get(tenant);
        return tickets == null ? null : tickets.get(id);
    }
}
