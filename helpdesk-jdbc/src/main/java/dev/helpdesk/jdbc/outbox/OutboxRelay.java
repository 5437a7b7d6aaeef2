package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of the outbox ({@code hd_outbox}) to event listeners: at least once, in
 * order per ticket, with {@link RecordedEvent#eventId()} for deduplication.
 *
 * <p>A listener that throws gets the event again after a back-off that doubles with every
 * failure (from {@link Settings#firstRetry()} up to {@link Settings#maxRetry()}); the later
 * events of the same ticket wait behind it. After {@link Settings#maxAttempts()} failures the
 * event becomes a {@link DeadLetter} until an operator calls {@link #release}. Listeners that
 * already received an event whose delivery failed for another listener do not get it again.
 *
 * <p>Several host instances may run relays on one database: a lease row ({@code hd_lease})
 * lets one deliver at a time, and another takes over when the holder stops or dies (after
 * {@link Settings#lease()}). A delivery pass must finish within the lease.
 *
 * <p>The host either calls {@link #deliver} from its own scheduler (or lets the desk call it
 * from its timed work), or starts the relay's own thread with {@link #start} and stops it with
 * {@link #stop}. Commands never wait for listeners either way.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outbox";
    private static final int CHUNK = 500;

    /**
     * How the relay retries.
     *
     * @param maxAttempts failures after which an event becomes a dead letter, at least 1
     * @param firstRetry  the wait after the first failure
     * @param maxRetry    the longest wait between attempts
     * @param lease       how long one delivery pass may take before another instance may take
     *                    over
     * @param owner       this instance's name in the lease row
     */
    public record Settings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease, String owner) {
        /** Checks the values. */
        public Settings {
            Objects.requireNonNull(firstRetry, "firstRetry");
            Objects.requireNonNull(maxRetry, "maxRetry");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(owner, "owner");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0 || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("retry waits must grow from firstRetry to maxRetry; the lease must be positive");
            }
        }

        /**
         * The defaults: 10 attempts, 1 second doubling up to 15 minutes, a 5 minute lease, and
         * this process's id and an object identity as the owner name.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings(10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(5),
                    "pid-" + ProcessHandle.current().pid() + "-" + Integer.toHexString(System.identityHashCode(new Object())));
        }

        /**
         * The same settings with other retry limits.
         *
         * @param attempts failures before a dead letter
         * @param first    the first wait
         * @param max      the longest wait
         * @return the settings
         */
        public Settings withRetries(int attempts, Duration first, Duration max) {
            return new Settings(attempts, first, max, lease, owner);
        }

        /**
         * The same settings with another owner name, for several relays in one process.
         *
         * @param name the owner name
         * @return the settings
         */
        public Settings withOwner(String name) {
            return new Settings(maxAttempts, firstRetry, maxRetry, lease, name);
        }

        /**
         * The wait before the next attempt after some failures.
         *
         * @param failures how many attempts failed, at least 1
         * @return the wait
         */
        public Duration backoff(int failures) {
            Duration wait = firstRetry;
            for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    private final TransactionRunner transactions;
    private final SqlDialect dialect;
    private final Tables tables;
    private final Settings settings;
    private final List<EventListener> listeners;
    private final EventRows events;
    private ScheduledExecutorService thread;

    /**
     * Makes a relay; hosts get one from {@code JdbcTicketStore.relay(listeners)}.
     *
     * @param transactions the store's transaction runner
     * @param dialect      the dialect
     * @param schema       the schema of the tables, or empty for the connection's default
     * @param settings     how to retry
     * @param listeners    the listeners, called in this order for each event
     */
    public OutboxRelay(TransactionRunner transactions, SqlDialect dialect, Optional<String> schema, Settings settings,
                       List<? extends EventListener> listeners) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.tables = Tables.in(schema);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listeners = List.copyOf(listeners);
        this.events = new EventRows(dialect);
        Set<String> names = new HashSet<>();
        for (EventListener l : this.listeners) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("two event listeners named " + l.name());
            }
        }
    }

    /** One outbox row with its event. */
    private record Entry(long id, int attempts, RecordedEvent event) {
    }

    /** What happened to one entry in this pass. */
    private record Failure(Entry entry, String error, List<String> succeeded) {
    }

    /**
     * Delivers one batch: the oldest pending events whose next attempt is due, at most one
     * failing event per ticket. Returns at once with nothing handled when another instance holds
     * the lease.
     *
     * @param now   the current time, for back-off and the lease
     * @param limit the largest number of events to handle, at least 1
     * @return what happened
     * @throws dev.helpdesk.spi.StoreException when the database fails; listener failures are
     *                                         recorded, never thrown
     */
    public DeliveryReport deliver(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (!acquireLease(now)) {
            return DeliveryReport.NOTHING;
        }
        try {
            List<Entry> batch = transactions.inTransaction(c -> fetch(c, now, limit));
            if (batch.isEmpty()) {
                return DeliveryReport.NOTHING;
            }
            Map<Long, Set<String>> receipts = transactions.inTransaction(c -> receipts(c, batch));
            List<Entry> delivered = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            Set<TicketId> blocked = new HashSet<>();
            for (Entry entry : batch) {
                if (blocked.contains(entry.event().ticketId())) {
                    continue;
                }
                Failure failure = deliver(entry, receipts.getOrDefault(entry.id(), Set.of()));
                if (failure == null) {
                    delivered.add(entry);
                } else {
                    failures.add(failure);
                    blocked.add(entry.event().ticketId());
                }
            }
            int dead = transactions.inTransaction(c -> record(c, now, delivered, failures));
            return new DeliveryReport(delivered.size(), failures.size() - dead, dead);
        } finally {
            releaseLease();
        }
    }

    private Failure deliver(Entry entry, Set<String> alreadyReceived) {
        List<String> succeeded = new ArrayList<>();
        for (EventListener listener : listeners) {
            if (alreadyReceived.contains(listener.name())) {
                continue;
            }
            try {
                listener.on(entry.event());
                succeeded.add(listener.name());
            } catch (Exception | LinkageError e) {
                LOG.warn("event listener {} failed on event {} (attempt {}): {}", listener.name(),
                        entry.event().eventId(), entry.attempts() + 1, e.toString());
                return new Failure(entry, listener.name() + ": " + e, succeeded);
            }
        }
        return null;
    }

    private boolean acquireLease(Instant now) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.lease() + " SET owner = ?, leased_until = ?"
                    + " WHERE name = ? AND (leased_until IS NULL OR leased_until <= ? OR owner = ?)")) {
                s.setString(1, settings.owner());
                dialect.setInstant(s, 2, EventRows.micros(now.plus(settings.lease())));
                s.setString(3, LEASE);
                dialect.setInstant(s, 4, EventRows.micros(now));
                s.setString(5, settings.owner());
                return s.executeUpdate() == 1;
            }
        });
    }

    private void releaseLease() {
        try {
            transactions.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.lease()
                        + " SET owner = NULL, leased_until = NULL WHERE name = ? AND owner = ?")) {
                    s.setString(1, LEASE);
                    s.setString(2, settings.owner());
                    return s.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // the lease runs out by itself; another instance takes over then
            LOG.warn("could not release the outbox lease: {}", e.toString());
        }
    }

    /** An outbox row before its event is read. */
    private record Row(long id, int attempts, String tenant, UUID ticket, long version) {
    }

    /**
     * Reads the next batch in three index-driven steps rather than one statement with a
     * correlated filter, whose selectivity planners misjudge (they then scan and sort the
     * whole outbox on every pass): the oldest deliverable rows by id; the rows that hold back
     * their tickets (waiting for a retry, dead, or held behind a dead one); the events of the
     * rows that remain, by primary key.
     */
    private List<Entry> fetch(Connection c, Instant now, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, attempts, tenant_id, ticket_id, version FROM "
                + tables.outbox() + " WHERE state = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                + " ORDER BY id" + dialect.limitClause(limit))) {
            dialect.setInstant(s, 1, EventRows.micros(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getInt(2), r.getString(3), dialect.getUuid(r, "ticket_id"), r.getLong(5)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> blockers = blockers(c, now, rows);
        List<Row> free = rows.stream()
                .filter(r -> r.id() <= blockers.getOrDefault(r.tenant() + "/" + r.ticket(), Long.MAX_VALUE)).toList();
        Map<Long, RecordedEvent> events = new HashMap<>();
        for (int from = 0; from < free.size(); from += CHUNK) {
            readEvents(c, free.subList(from, Math.min(free.size(), from + CHUNK)), events);
        }
        List<Entry> batch = new ArrayList<>(free.size());
        for (Row row : free) {
            RecordedEvent event = events.get(row.id());
            if (event == null) {
                throw new IllegalStateException("outbox entry " + row.id() + " has no event " + row.ticket() + "/" + row.version());
            }
            batch.add(new Entry(row.id(), row.attempts(), event));
        }
        return batch;
    }

    /** The first row of each ticket of the batch that is not deliverable now, by ticket. */
    private Map<String, Long> blockers(Connection c, Instant now, List<Row> rows) throws SQLException {
        Map<String, Set<UUID>> byTenant = new HashMap<>();
        rows.forEach(r -> byTenant.computeIfAbsent(r.tenant(), k -> new HashSet<>()).add(r.ticket()));
        Map<String, Long> blockers = new HashMap<>();
        for (Map.Entry<String, Set<UUID>> tenant : byTenant.entrySet()) {
            List<UUID> tickets = new ArrayList<>(tenant.getValue());
            for (int from = 0; from < tickets.size(); from += CHUNK) {
                List<UUID> chunk = tickets.subList(from, Math.min(tickets.size(), from + CHUNK));
                try (PreparedStatement s = c.prepareStatement("SELECT ticket_id, MIN(id) AS first_id FROM " + tables.outbox()
                        + " WHERE tenant_id = ? AND ticket_id IN (" + String.join(", ", chunk.stream().map(x -> "?").toList())
                        + ") AND (state <> 'PENDING' OR next_attempt_at > ?) GROUP BY ticket_id")) {
                    int i = 1;
                    s.setString(i++, tenant.getKey());
                    for (UUID ticket : chunk) {
                        dialect.setUuid(s, i++, ticket);
                    }
                    dialect.setInstant(s, i, EventRows.micros(now));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            blockers.put(tenant.getKey() + "/" + dialect.getUuid(r, "ticket_id"), r.getLong("first_id"));
                        }
                    }
                }
            }
        }
        return blockers;
    }

    /** Reads the events of some outbox rows through the outbox's primary key and the events' one. */
    private void readEvents(Connection c, List<Row> rows, Map<Long, RecordedEvent> into) throws SQLException {
        String eventColumns = String.join(", ", EventRows.COLUMNS.stream().map(col -> "e." + col).toList());
        try (PreparedStatement s = c.prepareStatement("SELECT o.id AS outbox_id, " + eventColumns + " FROM "
                + tables.outbox() + " o JOIN " + tables.event() + " e"
                + " ON e.tenant_id = o.tenant_id AND e.ticket_id = o.ticket_id AND e.version = o.version"
                + " WHERE o.id IN (" + String.join(", ", rows.stream().map(r -> "?").toList()) + ")")) {
            for (int i = 0; i < rows.size(); i++) {
                s.setLong(i + 1, rows.get(i).id());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    into.put(r.getLong("outbox_id"), events.read(r));
                }
            }
        }
    }

    private Map<Long, Set<String>> receipts(Connection c, List<Entry> batch) throws SQLException {
        List<Long> retried = batch.stream().filter(e -> e.attempts() > 0).map(Entry::id).toList();
        Map<Long, Set<String>> receipts = new HashMap<>();
        if (retried.isEmpty()) {
            return receipts;
        }
        String in = String.join(", ", retried.stream().map(x -> "?").toList());
        try (PreparedStatement s = c.prepareStatement("SELECT outbox_id, listener FROM " + tables.receipt()
                + " WHERE outbox_id IN (" + in + ")")) {
            for (int i = 0; i < retried.size(); i++) {
                s.setLong(i + 1, retried.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    receipts.computeIfAbsent(r.getLong(1), k -> new HashSet<>()).add(r.getString(2));
                }
            }
        }
        return receipts;
    }

    private int record(Connection c, Instant now, List<Entry> delivered, List<Failure> failures) throws SQLException {
        if (!delivered.isEmpty()) {
            List<Entry> retried = delivered.stream().filter(e -> e.attempts() > 0).toList();
            if (!retried.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.receipt() + " WHERE outbox_id = ?")) {
                    for (Entry e : retried) {
                        s.setLong(1, e.id());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            for (int from = 0; from < delivered.size(); from += CHUNK) {
                List<Entry> chunk = delivered.subList(from, Math.min(delivered.size(), from + CHUNK));
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.outbox() + " WHERE id IN ("
                        + String.join(", ", chunk.stream().map(x -> "?").toList()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setLong(i + 1, chunk.get(i).id());
                    }
                    s.executeUpdate();
                }
            }
        }
        int dead = 0;
        if (!failures.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.outbox()
                    + " SET attempts = ?, state = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                for (Failure f : failures) {
                    int attempts = f.entry().attempts() + 1;
                    boolean isDead = attempts >= settings.maxAttempts();
                    dead += isDead ? 1 : 0;
                    s.setInt(1, attempts);
                    s.setString(2, isDead ? "DEAD" : "PENDING");
                    if (isDead) {
                        s.setNull(3, Types.TIMESTAMP);
                    } else {
                        dialect.setInstant(s, 3, EventRows.micros(now.plus(settings.backoff(attempts))));
                    }
                    s.setString(4, shorten(f.error()));
                    s.setLong(5, f.entry().id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            holdBehind(c, now, failures);
            try (PreparedStatement s = c.prepareStatement(dialect.insertIgnore(tables.receipt(),
                    List.of("outbox_id", "listener"), List.of("outbox_id", "listener")))) {
                boolean any = false;
                for (Failure f : failures) {
                    for (String listener : f.succeeded()) {
                        s.setLong(1, f.entry().id());
                        s.setString(2, listener);
                        s.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    s.executeBatch();
                }
            }
        }
        return dead;
    }

    /**
     * Moves the later entries of a failed ticket out of the next batches' way: they wait until
     * the failed entry's next attempt, or are held while it is dead. Entries committed after
     * this are still held back by the blocker check of {@link #fetch}.
     */
    private void holdBehind(Connection c, Instant now, List<Failure> failures) throws SQLException {
        try (PreparedStatement wait = c.prepareStatement("UPDATE " + tables.outbox() + " SET next_attempt_at = ?"
                + " WHERE tenant_id = ? AND ticket_id = ? AND id > ? AND state = 'PENDING'");
             PreparedStatement hold = c.prepareStatement("UPDATE " + tables.outbox() + " SET state = 'HELD'"
                + " WHERE tenant_id = ? AND ticket_id = ? AND id > ? AND state = 'PENDING'")) {
            for (Failure f : failures) {
                int attempts = f.entry().attempts() + 1;
                RecordedEvent e = f.entry().event();
                if (attempts >= settings.maxAttempts()) {
                    hold.setString(1, e.tenant().value());
                    dialect.setUuid(hold, 2, e.ticketId().value());
                    hold.setLong(3, f.entry().id());
                    hold.addBatch();
                } else {
                    dialect.setInstant(wait, 1, EventRows.micros(now.plus(settings.backoff(attempts))));
                    wait.setString(2, e.tenant().value());
                    dialect.setUuid(wait, 3, e.ticketId().value());
                    wait.setLong(4, f.entry().id());
                    wait.addBatch();
                }
            }
            wait.executeBatch();
            hold.executeBatch();
        }
    }

    private static String shorten(String error) {
        StringBuilder text = new StringBuilder();
        error.codePoints().limit(900).forEach(text::appendCodePoint);
        return text.toString();
    }

    /**
     * Lists events waiting for an operator, oldest first.
     *
     * @param limit the largest number to list
     * @return the dead letters
     */
    public List<DeadLetter> deadLetters(int limit) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT tenant_id, ticket_id, version, attempts, last_error FROM "
                    + tables.outbox() + " WHERE state = 'DEAD' ORDER BY id" + dialect.limitClause(limit))) {
                try (ResultSet r = s.executeQuery()) {
                    List<DeadLetter> result = new ArrayList<>();
                    while (r.next()) {
                        String error = r.getString("last_error");
                        result.add(new DeadLetter(TenantId.of(r.getString("tenant_id")),
                                dialect.getUuid(r, "ticket_id") + "/" + r.getLong("version"), r.getInt("attempts"),
                                error == null ? "" : error));
                    }
                    return result;
                }
            }
        });
    }

    /**
     * Sends a dead letter again: it becomes pending with a fresh count of attempts, and the
     * events of its ticket that waited behind it follow it.
     *
     * @param eventId the event's id, {@code <ticket id>/<version>}
     * @return true when a dead letter with this id was released
     * @throws IllegalArgumentException when the id is malformed
     */
    public boolean release(String eventId) {
        int slash = eventId.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("an event id is <ticket id>/<version>: " + eventId);
        }
        UUID ticket = UUID.fromString(eventId.substring(0, slash));
        long version = Long.parseLong(eventId.substring(slash + 1));
        return transactions.inTransaction(c -> {
            int released;
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.outbox()
                    + " SET state = 'PENDING', attempts = 0, next_attempt_at = NULL"
                    + " WHERE ticket_id = ? AND version = ? AND state = 'DEAD'")) {
                dialect.setUuid(s, 1, ticket);
                s.setLong(2, version);
                released = s.executeUpdate();
            }
            if (released > 0) {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.outbox()
                        + " SET state = 'PENDING', next_attempt_at = NULL WHERE ticket_id = ? AND state = 'HELD'")) {
                    dialect.setUuid(s, 1, ticket);
                    s.executeUpdate();
                }
            }
            return released > 0;
        });
    }

    /**
     * Sends every dead letter again.
     *
     * @return how many were released
     */
    public int releaseAll() {
        return transactions.inTransaction(c -> {
            int released;
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.outbox()
                    + " SET state = 'PENDING', attempts = 0, next_attempt_at = NULL WHERE state = 'DEAD'")) {
                released = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.outbox()
                    + " SET state = 'PENDING', next_attempt_at = NULL WHERE state = 'HELD'")) {
                s.executeUpdate();
            }
            return released;
        });
    }

    /**
     * Counts the events not yet delivered to every listener, dead letters and the events held
     * behind them included.
     *
     * @return the count
     */
    public long backlog() {
        return transactions.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + tables.outbox());
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /**
     * Starts a thread of the relay's own that delivers every {@code interval}, draining the
     * backlog in batches. The host stops it with {@link #stop} (or {@link #close}).
     *
     * @param clock    where the current time comes from
     * @param interval the pause between passes
     * @param batch    the batch size of one {@link #deliver} call
     * @throws IllegalStateException when the thread is already running
     */
    public synchronized void start(Clock clock, Duration interval, int batch) {
        if (thread != null) {
            throw new IllegalStateException("the outbox relay is already running");
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "helpdesk-outbox-relay");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                DeliveryReport report;
                do {
                    report = deliver(clock.instant(), batch);
                } while (report.delivered() == batch && !Thread.currentThread().isInterrupted());
            } catch (RuntimeException e) {
                LOG.warn("outbox delivery pass failed; retrying after {}: {}", interval, e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the relay's own thread, waiting up to the lease for a pass in progress.
     */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** Stops the relay's own thread, if started. */
    @Override
    public void close() {
        stop();
    }
}
