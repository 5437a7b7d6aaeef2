package dev.helpdesk.core.idempotency;

import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.idempotency.IdempotencyRecord;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.idempotency.KeyTakenException;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outcomes of keyed requests in memory, beside a ticket store. The desk uses it when its
 * store keeps no records itself (the in-memory ticket store, a host's own store without this
 * port); the records then live as long as this object, and only one desk sees them.
 *
 * <p>A commit under a key holds that key's lock (one of a fixed set of locks, chosen by the
 * key's hash) while it checks that the key is free, commits the tickets and records the
 * outcome, so two requests with one key never both commit. Requests with other keys are held
 * up only when their keys share a lock, and never beyond one commit. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private static final int STRIPES = 64;

    private final TicketStore tickets;
    private final Map<Key, IdempotencyRecord> records = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    /** A tenant's key. */
    private record Key(TenantId tenant, IdempotencyKey key) {
    }

    /**
     * Keeps records beside a ticket store.
     *
     * @param tickets the store whose commits {@link #commit} writes
     */
    public InMemoryIdempotencyStore(TicketStore tickets) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public Option<IdempotencyRecord> find(TenantId tenant, IdempotencyKey key) {
        return Option.of(records.get(new Key(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(key, "key"))));
    }

    @Override
    public IdempotencyRecord record(TenantId tenant, IdempotencyRecord record) {
        Key key = new Key(Objects.requireNonNull(tenant, "tenant"), record.key());
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            return records.computeIfAbsent(key, k -> record);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes, IdempotencyRecord record) {
        Key key = new Key(Objects.requireNonNull(tenant, "tenant"), record.key());
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            if (records.containsKey(key)) {
                throw new KeyTakenException(record.key());
            }
            Either<Rejection, List<Ticket>> committed = tickets.commit(tenant, changes);
            if (committed.isRight()) {
                records.put(key, record);
            }
            return committed;
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lockOf(Key key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }

    @Override
    public int prune(java.time.Instant recordedBefore, int limit) {
        Objects.requireNonNull(recordedBefore, "recordedBefore");
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000: " + limit);
        }
        List<Map.Entry<Key, IdempotencyRecord>> old = records.entrySet().stream()
                .filter(e -> e.getValue().recordedAt().isBefore(recordedBefore))
                .sorted(java.util.Comparator.comparing(e -> e.getValue().recordedAt())).limit(limit).toList();
        int deleted = 0;
        for (Map.Entry<Key, IdempotencyRecord> e : old) {
            ReentrantLock lock = lockOf(e.getKey());
            lock.lock();
            try {
                if (records.remove(e.getKey(), e.getValue())) {
                    deleted++;
                }
            } finally {
                lock.unlock();
            }
        }
        return deleted;
    }
}
