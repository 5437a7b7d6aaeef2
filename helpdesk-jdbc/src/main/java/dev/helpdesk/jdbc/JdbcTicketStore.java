package dev.helpdesk.jdbc;

import dev.helpdesk.jdbc.channel.ExternalMessageRows;
import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.idempotency.IdempotencyRows;
import dev.helpdesk.jdbc.chat.JdbcChatStore;
import dev.helpdesk.jdbc.forum.JdbcForumStore;
import dev.helpdesk.jdbc.phone.JdbcCallLog;
import dev.helpdesk.jdbc.internal.DueWork;
import dev.helpdesk.jdbc.internal.HeldNoticeRows;
import dev.helpdesk.jdbc.internal.Seats;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.jdbc.internal.TicketKey;
import dev.helpdesk.jdbc.internal.TicketReader;
import dev.helpdesk.jdbc.internal.TicketWriter;
import dev.helpdesk.jdbc.internal.Turns;
import dev.helpdesk.jdbc.internal.Units;
import dev.helpdesk.jdbc.outbox.OutboxRelay;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.ExternalMessageRecord;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.idempotency.IdempotencyRecord;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.idempotency.KeyTakenException;
import dev.helpdesk.spi.notification.HeldNotices;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.outbox.EventOutbox;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.RoutingTurns;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ticket store in a relational database: tickets in {@code hd_ticket}, their histories in
 * {@code hd_ticket_event}, human numbers in {@code hd_ticket_number} and, unless disabled, every
 * committed event in the outbox {@code hd_outbox}. Made by {@link JdbcStores#builder}.
 *
 * <p>One commit is one transaction (the store's own, or the host's through a
 * {@link TransactionRunner}): ticket rows, events and outbox rows are written together or not at
 * all. A change names the version it is based on; the update is
 * {@code UPDATE ... WHERE id = ? AND version = ?}, so a stale change updates no row and comes
 * back as {@link Rejection.ConcurrentModification} with nothing written. A ticket is loaded from
 * its row plus its message and merge events, which equals the replay of its whole history.
 *
 * <p>Thread-safe; holds no connection between calls.
 */
public final class JdbcTicketStore implements TicketStore, TicketNumberSequence, EventOutbox, RoutingTurns,
        ExternalMessages,
        IdempotencyStore, dev.helpdesk.spi.visit.booking.VisitBookings, dev.helpdesk.spi.report.ReportingStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTicketStore.class);
    /** The most ticket ids one history query binds. */
    private static final int HISTORY_CHUNK = 500;
    /**
     * Transient failures (deadlocks, lock timeouts) are retried this often in the store's own
     * transactions, each retry after a random pause that grows with the attempt, so that the
     * transactions of one deadlock do not meet again at once.
     */
    private static final int ATTEMPTS = 8;

    private final SqlDialect dialect;
    /** The store's runner, with units of work (a call, a chat, a forum post, a batch of inbound mail). */
    private final Units transactions;
    /** The store's own short transactions for numbers, never the host's (see {@link #next}). */
    private final TransactionRunner numberTransactions;
    private final Optional<String> schema;
    private final Tables tables;
    private final boolean outbox;
    private final Statements sql;
    private final TicketWriter writer;
    private final TicketReader reader;
    private final DueWork due;
    private final Seats seats;
    private final Turns turns;
    private final HeldNoticeRows notices;
    private final HeldNotices heldNotices = new StoredNotices();
    private final OutboxRelay.Settings relaySettings;
    private final Map<List<String>, OutboxRelay> relays = new ConcurrentHashMap<>();

    JdbcTicketStore(SqlDialect dialect, TransactionRunner transactions, TransactionRunner numberTransactions,
                    Optional<String> schema, boolean outbox, OutboxRelay.Settings relaySettings) {
        this.dialect = dialect;
        // channels: a call, a chat or a forum post and its ticket's commits as one unit (Units.unit)
        this.transactions = new Units(transactions);
        this.numberTransactions = numberTransactions;
        this.schema = schema;
        this.tables = Tables.in(schema);
        this.outbox = outbox;
        this.sql = new Statements(dialect);
        this.writer = new TicketWriter(sql, dialect, tables, outbox);
        this.reader = new TicketReader(sql, dialect, tables);
        this.due = new DueWork(sql, dialect, tables);
        this.seats = new Seats(sql, dialect, tables);
        this.turns = new Turns(sql, dialect, tables);
        this.notices = new HeldNoticeRows(sql, dialect, tables);
        this.relaySettings = relaySettings;
        this.externalMessages = new ExternalMessageRows(sql, dialect, schema);
        this.idempotency = new IdempotencyRows(dialect, schema);
        this.callLog = new JdbcCallLog(this.transactions, dialect, schema);
        this.chatStore = new JdbcChatStore(this.transactions, dialect, schema);
        this.forumStore = new JdbcForumStore(this.transactions, dialect, schema);
        this.visitRows = new dev.helpdesk.jdbc.visit.VisitBookingRows(sql, dialect, schema);
    }

    /**
     * The dialect in use, as detected or configured.
     *
     * @return the dialect
     */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Tells whether commits write outbox rows.
     *
     * @return true unless the outbox was disabled on the builder
     */
    public boolean hasOutbox() {
        return outbox;
    }

    /**
     * Makes a relay that delivers this store's outbox to event listeners, with the retry
     * settings given on the builder. A host drives it with {@link OutboxRelay#deliver} or lets
     * it run on a thread of its own with {@link OutboxRelay#start}.
     *
     * @param listeners the listeners, called in this order for each event
     * @return the relay
     */
    public OutboxRelay relay(List<? extends EventListener> listeners) {
        return new OutboxRelay(transactions, dialect, schema, relaySettings, listeners);
    }

    @Override
    public boolean isActive() {
        return outbox;
    }

    @Override
    public DeliveryReport deliver(Instant now, int limit, List<? extends EventListener> listeners) {
        List<String> key = listeners.stream().map(l -> l.name() + "@" + System.identityHashCode(l)).toList();
        return relays.computeIfAbsent(key, k -> relay(listeners)).deliver(now, limit);
    }

    /**
     * Runs work through the runner. In a transaction of its own the store retries a deadlock or
     * lock timeout, which rolled everything back, so a retry cannot apply anything twice; in a
     * host's transaction the failure goes to the host, whose transaction is lost anyway.
     */
    private <T> T inTransaction(TransactionalWork<T> work) {
        return retrying(work, false);
    }

    private <T> T retrying(TransactionalWork<T> work, boolean singleStatement) {
        for (int attempt = 1; ; attempt++) {
            try {
                return singleStatement ? transactions.singleStatement(work) : transactions.inTransaction(work);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || transactions.joinsHostTransactions()
                        || !(e.getCause() instanceof SQLException failure) || !dialect.isTransient(failure)) {
                    throw e;
                }
                LOG.debug("retrying after a transient database failure: {}", failure.toString());
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** A random pause of up to 2 ms times the attempt, full jitter. */
    private static void pauseBeforeRetry(int attempt) {
        java.util.concurrent.locks.LockSupport.parkNanos(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2_000_000L * attempt + 2));
    }

    // ---------------------------------------------------------------- commit

    @Override
    public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
        return commitWith(tenant, changes, null).result();
    }

    /** What a commit's transaction did: its answer, or that the key of its record was taken (nothing written). */
    private record Written(Either<Rejection, List<Ticket>> result, boolean taken) {
        static Written answer(Either<Rejection, List<Ticket>> result) {
            return new Written(result, false);
        }
    }

    private Written commitWith(TenantId tenant, List<TicketChange> changes, IdempotencyRecord keyed) {
        Objects.requireNonNull(tenant, "tenant");
        checkChanges(tenant, changes);
        return inTransaction(c -> {
            // in an all-or-nothing unit a refused commit ends the unit, so it needs no savepoint of its own
            boolean strict = keyed == null && transactions.inStrictUnit();
            Savepoint savepoint = transactions.joinsHostTransactions() && !strict ? c.setSavepoint() : null;
            Optional<Rejection> full;
            Optional<TicketChange> conflict = Optional.empty();
            try {
                // the key first: a concurrent retry of the same request waits here, then finds it taken
                if (keyed != null && !idempotency.insert(c, tenant, keyed, savepoint)) {
                    return new Written(Either.left(new Rejection.NotAllowed("idempotency key taken")), true);
                }
                // seats first: their row locks come before any ticket's, in one order for all commits
                full = seats.claim(c, tenant, changes);
                if (full.isEmpty()) {
                    // channel intake: a message's external id before its ticket, so a second delivery fails on the key
                    full = externalMessages.insert(c, tenant, changes);
                }
                if (full.isEmpty()) {
                    // then technicians' time: their lock rows come after the seats', before any ticket's
                    full = visitRows.book(c, tenant, changes);
                }
                if (full.isEmpty()) {
                    conflict = writer.write(c, tenant, changes);
                }
            } catch (SQLException | RuntimeException e) {
                if (savepoint != null) {
                    rollbackQuietly(c, savepoint, e);
                }
                throw e;
            }
            if (full.isEmpty() && conflict.isEmpty()) {
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return Written.answer(Either.right(changes.stream().map(TicketChange::newState).toList()));
            }
            if (strict) {
                throw new StoreException("a commit of an all-or-nothing unit was refused, the unit is rolled back: "
                        + full.map(Rejection::message).orElse("ticket " + conflict.get().ticketId() + " changed meanwhile"),
                        null);
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            } else {
                c.rollback();
            }
            if (full.isPresent()) {
                return Written.answer(Either.left(full.get()));
            }
            TicketChange failed = conflict.get();
            long actual = writer.currentVersion(c, tenant, failed.ticketId()).orElse(0L);
            if (failed.isCreation() && actual == 0) {
                throw new StoreException("ticket number " + failed.newState().number() + " of tenant " + tenant
                        + " is already taken by another ticket", null);
            }
            return Written.answer(Either.left(new Rejection.ConcurrentModification("ticket",
                    failed.ticketId().toString(), failed.expectedVersion(), actual)));
        });
    }

    private static void checkChanges(TenantId tenant, List<TicketChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a commit has at least one change");
        }
        Set<TicketId> seen = new HashSet<>();
        for (TicketChange change : changes) {
            if (!change.newState().tenant().equals(tenant)) {
                throw new IllegalArgumentException("a change of tenant " + change.newState().tenant()
                        + " committed as tenant " + tenant);
            }
            if (!seen.add(change.ticketId())) {
                throw new IllegalArgumentException("two changes of ticket " + change.ticketId() + " in one commit");
            }
        }
    }

    private static void rollbackQuietly(Connection c, Savepoint savepoint, Exception cause) {
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: handed to the transaction runner ({@link TransactionRunner#afterCommit}): in the
     * store's own transactions the action runs at once, since the commit is done when
     * {@link #commit} returns; in a host's transaction it runs when the host commits and never
     * when the host rolls back.
     */
    @Override
    public void afterCommit(Runnable action) {
        transactions.afterCommit(Objects.requireNonNull(action, "action"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one transaction on one connection for every commit of the work on this thread,
     * committed once, so a unit of many commits waits for one durable flush. All or nothing: a
     * commit the store refuses inside the unit (a ticket changed by another writer, a full seat,
     * an external id another delivery took) ends the work with a {@link StoreException} instead
     * of answering a rejection, and the whole unit is rolled back (its commits need no savepoints
     * of their own); so does any other exception, and a result {@code keep} refuses. In a host's
     * transaction only the unit's own writes are undone (to a savepoint) and the host commits. Ticket numbers still come from the store's own short
     * transactions: a unit that is undone leaves gaps in a tenant's numbers. A unit inside a
     * unit on the same thread is part of the outer one.
     */
    @Override
    public <T> T unit(java.util.function.Supplier<T> work, java.util.function.Predicate<? super T> keep) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(keep, "keep");
        return transactions.strictUnit(work, keep);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: true when the store runs its own transactions, a unit being one of them; false
     * when it joins the host's transactions ({@code JdbcTransactions}, Spring): a unit that
     * failed could not be taken again commit by commit there, since the host's runner marks its
     * transaction for rollback, so callers work commit by commit inside the host's transaction,
     * whose commit is then the one durable flush.
     */
    @Override
    public boolean atomicUnits() {
        return !transactions.joinsHostTransactions();
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Option<Ticket> find(TenantId tenant, TicketId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        // one statement, one snapshot: no transaction of its own needed (saves the commit's round trip)
        return retrying(c -> Option.ofOptional(reader.byId(c, tenant, id)), true);
    }

    @Override
    public Option<Ticket> findByNumber(TenantId tenant, TicketNumber number) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        return retrying(c -> Option.ofOptional(reader.byNumber(c, tenant, number)), true);
    }

    @Override
    public List<RecordedEvent> history(TenantId tenant, TicketId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return retrying(c -> reader.history(c, tenant, id), true);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one query for up to {@value #HISTORY_CHUNK} tickets of any tenants
     * ({@code tenant_id IN (...) AND ticket_id IN (...)}, served by the event table's primary
     * key), run without a transaction of its own when one query reads the whole batch (a single
     * statement sees one snapshot), so a claimed batch of the due sweep costs one round trip.
     */
    @Override
    public List<List<RecordedEvent>> histories(List<DueTicket> tickets) {
        Objects.requireNonNull(tickets, "tickets");
        if (tickets.isEmpty()) {
            return List.of();
        }
        TransactionalWork<Map<TicketKey, List<RecordedEvent>>> read = c -> {
            Map<TicketKey, List<RecordedEvent>> found = new HashMap<>();
            for (int from = 0; from < tickets.size(); from += HISTORY_CHUNK) {
                reader.histories(c, tickets.subList(from, Math.min(tickets.size(), from + HISTORY_CHUNK)), found);
            }
            return found;
        };
        Map<TicketKey, List<RecordedEvent>> found = tickets.size() <= HISTORY_CHUNK ? retrying(read, true) : inTransaction(read);
        List<List<RecordedEvent>> histories = new ArrayList<>(tickets.size());
        for (DueTicket t : tickets) {
            histories.add(List.copyOf(found.getOrDefault(new TicketKey(t.tenant(), t.id()), List.of())));
        }
        return List.copyOf(histories);
    }

    @Override
    public Page list(TenantId tenant, TicketQuery query, PageRequest page) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        return inTransaction(c -> reader.list(c, tenant, query, page));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one grouped {@code COUNT} over the index on tenant, assignee, channel and status.
     */
    @Override
    public Map<Channel, Integer> openCounts(TenantId tenant, AgentId agent) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(agent, "agent");
        return inTransaction(c -> seats.openCounts(c, tenant, agent));
    }

    // ---------------------------------------------------------------- due work

    @Override
    public List<DueTicket> claimDue(Instant now, int limit, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
        Instant until = now.plus(lease);
        return inTransaction(c -> due.claim(c, now, limit, until));
    }

    @Override
    public Either<Rejection, Long> reschedule(TenantId tenant, TicketId id, long expectedVersion, Optional<Instant> dueAt) {
        Reschedule item = new Reschedule(tenant, id, expectedVersion, dueAt);
        // one conditional update is atomic on its own: without a host transaction it runs
        // auto-committed, saving the commit's round trip on every due ticket
        return retrying(c -> due.reschedule(c, item) ? Either.<Rejection, Long>right(expectedVersion) : notRescheduled(c, item),
                true);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one transaction and one batched conditional update for all items, written in
     * tenant and id order so that two instances rescheduling overlapping batches cannot
     * deadlock; only the items that did not match are read again, to tell a stale version from
     * a missing ticket. A transient failure retries the whole batch, which is idempotent.
     */
    @Override
    public List<Either<Rejection, Long>> rescheduleAll(List<Reschedule> items) {
        Reschedule.checkDistinct(items);
        if (items.isEmpty()) {
            return List.of();
        }
        // written in tenant and id order; answered in the items' order
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> items.get(i).tenant().value())
                .thenComparing(i -> items.get(i).id().value()));
        List<Reschedule> sorted = Arrays.stream(order).map(items::get).toList();
        return inTransaction(c -> {
            int[] counts = due.rescheduleAll(c, sorted);
            List<Either<Rejection, Long>> answers = new ArrayList<>(Collections.nCopies(items.size(), null));
            for (int k = 0; k < order.length; k++) {
                Reschedule item = sorted.get(k);
                boolean matched = k < counts.length && counts[k] == 1;
                if (!matched && (k >= counts.length || counts[k] < 0)) {
                    // a driver that reports no count per statement: ask the row itself; the
                    // update is idempotent, so running it again changes nothing it already did
                    matched = due.reschedule(c, item);
                }
                answers.set(order[k], matched ? Either.right(item.expectedVersion()) : notRescheduled(c, item));
            }
            return List.copyOf(answers);
        });
    }

    private Either<Rejection, Long> notRescheduled(Connection c, Reschedule item) throws SQLException {
        Optional<Long> actual = writer.currentVersion(c, item.tenant(), item.id());
        if (actual.isEmpty()) {
            return Either.left(new Rejection.NotFound("ticket", item.id().toString()));
        }
        return Either.left(new Rejection.ConcurrentModification("ticket", item.id().toString(),
                item.expectedVersion(), actual.get()));
    }

    @Override
    public Optional<Instant> dueAt(TenantId tenant, TicketId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return retrying(c -> due.dueAt(c, tenant, id), true);
    }

    // ---------------------------------------------------------------- routing turns, held notices

    /**
     * {@inheritDoc}
     *
     * <p>Here: the group's row in {@code hd_routing_turn}, locked for the turn, in a transaction
     * of its own (or the host's).
     */
    @Override
    public AgentId nextTurn(TenantId tenant, GroupId group, List<AgentId> candidates) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(group, "group");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a turn needs at least one candidate");
        }
        List<AgentId> order = List.copyOf(candidates);
        return inTransaction(c -> turns.next(c, tenant, group, order));
    }

    /**
     * The round-robin turns of this store's database, shared by every desk instance on it: the
     * store itself, which implements {@link RoutingTurns}.
     *
     * @return the turns
     */
    public RoutingTurns routingTurns() {
        return this;
    }

    /**
     * The notices held for working hours in this store's database ({@code hd_held_notice}),
     * shared by every desk instance on it: each is sent once, also after a restart.
     *
     * @return the held notices
     */
    public HeldNotices heldNotices() {
        return heldNotices;
    }

    /** {@link HeldNotices} on {@code hd_held_notice}, through the store's transactions. */
    private final class StoredNotices implements HeldNotices {
        @Override
        public void hold(Notification notice) {
            Objects.requireNonNull(notice, "notice");
            inTransaction(c -> {
                notices.hold(c, notice);
                return null;
            });
        }

        @Override
        public List<Notification> claimDue(Instant now, int limit, Duration lease) {
            Objects.requireNonNull(now, "now");
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1: " + limit);
            }
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease must be positive: " + lease);
            }
            return inTransaction(c -> notices.claim(c, now, limit, now.plus(lease)));
        }

        @Override
        public void sent(String id) {
            Objects.requireNonNull(id, "id");
            inTransaction(c -> {
                notices.sent(c, id);
                return null;
            });
        }

        @Override
        public List<Notification> held() {
            return inTransaction(notices::all);
        }
    }

    // ---------------------------------------------------------------- numbers

    /**
     * {@inheritDoc}
     *
     * <p>Here: the tenant's counter row in {@code hd_ticket_number}, incremented in a short
     * transaction of the store's own on a connection of its own, also when the store joins the
     * host's transactions: an open host transaction that opened a ticket never holds the counter,
     * so other openings of its tenant do not wait for it. A number whose host transaction rolls
     * back is not handed out again: numbers may have gaps.
     */
    @Override
    public TicketNumber next(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<TicketNumber> taken = increment(tenant);
            if (taken.isPresent()) {
                return taken.get();
            }
            // the tenant's first number: create its counter in a transaction of its own. Inserting
            // in the transaction whose update found no row would hold InnoDB's gap lock across the
            // insert, and concurrent first numbers would then deadlock each other.
            inNumberTransaction(c -> {
                try {
                    return sql.update(c, dialect.insertIgnore(tables.number(), List.of("tenant_id", "last_value"),
                            List.of("tenant_id")), p -> p.text(tenant.value()).number(0));
                } catch (SQLException e) {
                    if (!dialect.isDuplicateKey(e)) {
                        throw e;
                    }
                    return 0;
                }
            }, false);
        }
        throw new StoreException("cannot create the number counter of tenant " + tenant, null);
    }

    /** Adds one to the tenant's counter; empty when the tenant has no counter yet. */
    private Optional<TicketNumber> increment(TenantId tenant) {
        Optional<String> unflushed = dialect.incrementReturningUnflushed(tables.number(), "last_value", "tenant_id");
        if (unflushed.isPresent()) {
            // PostgreSQL: the counter's commit need not wait for its own flush. Its WAL record comes
            // before that of any ticket using the number, and a ticket's synchronous commit flushes
            // the log up to itself, so a durable ticket always has a durable counter behind it; a
            // crash can only lose a counter step whose number no committed ticket holds. One flush
            // per new ticket instead of two, and the setting travels in the statement itself: one
            // round trip in auto-commit (it was three: the setting, the update and the commit).
            return inNumberTransaction(c -> sql.first(c, unflushed.get(), p -> p.text(tenant.value()),
                    r -> TicketNumber.of(r.getLong("last_value"))), true);
        }
        Optional<String> returning = dialect.incrementReturning(tables.number(), "last_value", "tenant_id");
        if (returning.isPresent()) {
            // one statement, atomic on its own: auto-committed, one round trip
            return inNumberTransaction(c -> sql.first(c, returning.get(), p -> p.text(tenant.value()),
                    r -> TicketNumber.of(r.getLong("last_value"))), true);
        }
        return inNumberTransaction(c -> {
            if (sql.update(c, "UPDATE " + tables.number() + " SET last_value = last_value + 1 WHERE tenant_id = ?",
                    p -> p.text(tenant.value())) == 0) {
                return Optional.<TicketNumber>empty();
            }
            return sql.first(c, "SELECT last_value FROM " + tables.number() + " WHERE tenant_id = ?",
                    p -> p.text(tenant.value()),
                    r -> TicketNumber.of(r.getLong("last_value")));
        }, false);
    }

    /** Runs number work in the store's own transaction (or auto-commit), retrying deadlocks and lock timeouts. */
    private <T> T inNumberTransaction(TransactionalWork<T> work, boolean singleStatement) {
        for (int attempt = 1; ; attempt++) {
            try {
                return singleStatement ? numberTransactions.singleStatement(work) : numberTransactions.inTransaction(work);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || !(e.getCause() instanceof SQLException failure) || !dialect.isTransient(failure)) {
                    throw e;
                }
                LOG.debug("retrying a number after a transient database failure: {}", failure.toString());
            }
        }
    }

    // ---- channel intake: the index of external message ids ----

    private final ExternalMessageRows externalMessages;
    // ---------------------------------------------------------------- channels: idempotency keys
    private final IdempotencyRows idempotency;

    // ---------------------------------------------------------------- on-site visits

    private final dev.helpdesk.jdbc.visit.VisitBookingRows visitRows;

    /**
     * {@inheritDoc}
     *
     * <p>Here: one indexed query on {@code hd_external_message}'s primary key.
     */
    @Override
    public Optional<ExternalMessageRecord> find(TenantId tenant, Channel channel, ExternalMessageId externalId) {
        return findFirst(tenant, channel, List.of(Objects.requireNonNull(externalId, "externalId")));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one query for all ids (the first 100 of them; a mail refers to at most a few
     * dozen).
     */
    @Override
    public Optional<ExternalMessageRecord> findFirst(TenantId tenant, Channel channel, List<ExternalMessageId> externalIds) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        List<ExternalMessageId> ids = List.copyOf(externalIds.subList(0, Math.min(100, externalIds.size())));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Map<ExternalMessageId, ExternalMessageRecord> found = retrying(c -> externalMessages.find(c, tenant, channel, ids), true);
        return ids.stream().map(found::get).filter(Objects::nonNull).findFirst();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One indexed read of {@code hd_idempotency} (and of its field errors for an
     * invalid-input rejection).
     */
    @Override
    public Option<IdempotencyRecord> find(TenantId tenant, IdempotencyKey key) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        return Option.ofOptional(inTransaction(c -> idempotency.find(c, tenant, key)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>One insert; when the key is taken, that insert is undone and the stored record read.
     */
    @Override
    public IdempotencyRecord record(TenantId tenant, IdempotencyRecord record) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(record, "record");
        return inTransaction(c -> {
            Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            if (idempotency.insert(c, tenant, record, savepoint)) {
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return record;
            }
            return idempotency.find(c, tenant, record.key()).orElseThrow(() -> new StoreException(
                    "idempotency key " + record.key() + " of tenant " + tenant + " is taken but has no record", null));
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The record's row is written first in the commit's transaction: a concurrent commit under
     * the same key waits on it and, once this one commits, finds the key taken and writes nothing.
     */
    @Override
    public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes, IdempotencyRecord record) {
        Written written = commitWith(tenant, changes, Objects.requireNonNull(record, "record"));
        if (written.taken()) {
            throw new KeyTakenException(record.key());
        }
        return written.result();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction: the oldest keys before the cut are read, then their errors and records
     * deleted (a record that a concurrent request wrote again in between is newer and stays).
     */
    @Override
    public int prune(Instant recordedBefore, int limit) {
        Objects.requireNonNull(recordedBefore, "recordedBefore");
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000: " + limit);
        }
        return inTransaction(c -> idempotency.prune(c, recordedBefore, limit));
    }

    // ---------------------------------------------------------------- channels: the hotline's call log
    private final JdbcCallLog callLog;

    /**
     * The hotline's call log on this store's database and transactions, for
     * {@code PhoneSettings.builder().callLog(...)}.
     *
     * @return the call log
     */
    public JdbcCallLog callLog() {
        return callLog;
    }

    private final JdbcChatStore chatStore;

    /**
     * Live chat sessions on this store's database and transactions, for
     * {@code ChatSettings.builder().store(...)}.
     *
     * @return the chat store
     */
    public JdbcChatStore chatStore() {
        return chatStore;
    }

    private final JdbcForumStore forumStore;

    /**
     * The forum posts the desk tracks, on this store's database and transactions, for
     * {@code ForumSettings.builder().store(...)}.
     *
     * @return the forum store
     */
    public JdbcForumStore forumStore() {
        return forumStore;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: {@code hd_visit_booking}, written in the commit's transaction after a write of
     * the technician's row in {@code hd_technician_lock}, so two commits booking one technician
     * at once check one after the other, also from several processes.
     */
    @Override
    public List<dev.helpdesk.spi.visit.booking.Booking> bookings(TenantId tenant, AgentId technician,
                                                                  dev.helpdesk.spi.visit.VisitSlot span) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(span, "span");
        return retrying(c -> visitRows.overlapping(c, tenant, technician, span), true);
    }

    @Override
    public Optional<dev.helpdesk.spi.visit.booking.Booking> booking(TenantId tenant, dev.helpdesk.spi.visit.VisitId visit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(visit, "visit");
        return retrying(c -> visitRows.find(c, tenant, visit), true);
    }

    // ---------------------------------------------------------------- knowledge base

    private volatile dev.helpdesk.jdbc.knowledge.JdbcKnowledgeStore knowledge;

    /**
     * The knowledge base's articles in the same database, with this store's dialect, schema and
     * transactions (so an article saved in a host's transaction commits with it).
     *
     * @return the knowledge store, made once
     */
    public dev.helpdesk.jdbc.knowledge.JdbcKnowledgeStore knowledge() {
        dev.helpdesk.jdbc.knowledge.JdbcKnowledgeStore k = knowledge;
        if (k == null) {
            synchronized (this) {
                if (knowledge == null) {
                    knowledge = new dev.helpdesk.jdbc.knowledge.JdbcKnowledgeStore(dialect, transactions, schema);
                }
                k = knowledge;
            }
        }
        return k;
    }

    /**
     * What readers and agents said about articles, in the same database, with this store's
     * dialect, schema and transactions.
     *
     * @return the feedback store
     */
    public dev.helpdesk.jdbc.knowledge.JdbcFeedbackStore knowledgeFeedback() {
        return new dev.helpdesk.jdbc.knowledge.JdbcFeedbackStore(dialect, transactions, schema);
    }

    /**
     * Knowledge search in the same database: PostgreSQL's full-text search on PostgreSQL, the
     * plain word matching of {@link dev.helpdesk.jdbc.knowledge.PlainKnowledgeSearch} on the
     * other databases (see there what it does not do). Register it on the desk as a plugin.
     *
     * @return the search, a new instance on each call (they share the tables)
     */
    public dev.helpdesk.jdbc.knowledge.JdbcKnowledgeSearch knowledgeSearch() {
        return dialect.name().equals("postgresql")
                ? new dev.helpdesk.jdbc.knowledge.PostgresKnowledgeSearch(dialect, transactions, schema)
                : new dev.helpdesk.jdbc.knowledge.PlainKnowledgeSearch(dialect, transactions, schema);
    }

    // --- feedback and reports ---

    /**
     * The reports of this store's tickets, as SQL aggregates over the event table (see
     * {@link dev.helpdesk.jdbc.report.JdbcReports}). Reads only; in the store's transactions.
     *
     * @return the reports
     */
    @Override
    public dev.helpdesk.spi.report.Reports reports() {
        return new dev.helpdesk.jdbc.report.JdbcReports(transactions, dialect, schema);
    }

    // ---------------------------------------------------------------- problems

    /**
     * Problems and their hand-offs in the same database, with this store's dialect, schema and
     * transactions; the tickets linked to a problem are read from this store's events. Give it
     * to the desk with {@code Helpdesk.builder().problemStore(store.problems())}.
     *
     * @return a problem store
     */
    public dev.helpdesk.jdbc.problem.JdbcProblemStore problems() {
        return new dev.helpdesk.jdbc.problem.JdbcProblemStore(dialect, transactions, schema);
    }
}
