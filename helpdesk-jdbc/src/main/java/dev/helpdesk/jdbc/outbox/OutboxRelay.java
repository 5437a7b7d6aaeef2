package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.ValueStyle;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.immutables.value.Value;
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

    /**
     * How the relay retries, and the name it leases under. Start from {@link #defaults()} and
     * change parts with the {@code with…} copies, or build one with {@link #builder()}; a value
     * out of range fails at {@code build()} (or at the copy) with a
     * {@link dev.helpdesk.spi.ConfigurationException} naming every bad part.
     */
    @Value.Immutable
    @ValueStyle
    public abstract static class Settings {
        Settings() {
        }

        /**
         * A builder starting from the defaults of {@link #defaults()}.
         *
         * @return a new builder
         */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Failures after which an event becomes a dead letter.
         *
         * @return at least 1; 10 by default
         */
        @Value.Default
        public int maxAttempts() {
            return 10;
        }

        /**
         * The wait after the first failure; each further failure doubles it.
         *
         * @return zero or positive; 1 second by default
         */
        @Value.Default
        public Duration firstRetry() {
            return Duration.ofSeconds(1);
        }

        /**
         * The longest wait between attempts.
         *
         * @return at least {@link #firstRetry()}; 15 minutes by default
         */
        @Value.Default
        public Duration maxRetry() {
            return Duration.ofMinutes(15);
        }

        /**
         * How long one delivery pass may take before another instance may take over.
         *
         * @return positive; 5 minutes by default
         */
        @Value.Default
        public Duration lease() {
            return Duration.ofMinutes(5);
        }

        /**
         * This instance's name in the lease row.
         *
         * @return 1 to 128 characters; by default this process's id and an object identity
         */
        @Value.Default
        public String owner() {
            return "pid-" + ProcessHandle.current().pid() + "-" + Integer.toHexString(System.identityHashCode(new Object()));
        }

        /**
         * A copy with another number of attempts.
         *
         * @param value failures before a dead letter
         * @return the copy
         */
        public abstract Settings withMaxAttempts(int value);

        /**
         * A copy with another first wait.
         *
         * @param value the first wait
         * @return the copy
         */
        public abstract Settings withFirstRetry(Duration value);

        /**
         * A copy with another longest wait.
         *
         * @param value the longest wait
         * @return the copy
         */
        public abstract Settings withMaxRetry(Duration value);

        /**
         * A copy with another lease.
         *
         * @param value how long a delivery pass may take
         * @return the copy
         */
        public abstract Settings withLease(Duration value);

        /**
         * A copy with another owner name, for several relays in one process.
         *
         * @param value the owner name
         * @return the copy
         */
        public abstract Settings withOwner(String value);

        /**
         * The defaults: 10 attempts, 1 second doubling up to 15 minutes, a 5 minute lease, and
         * this process's id and an object identity as the owner name.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return builder().build();
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
            return builder().from(this).maxAttempts(attempts).firstRetry(first).maxRetry(max).build();
        }

        /**
         * The wait before the next attempt after some failures.
         *
         * @param failures how many attempts failed, at least 1
         * @return the wait
         */
        public Duration backoff(int failures) {
            return policy().wait(failures);
        }

        Backoff policy() {
            return new Backoff(maxAttempts(), firstRetry(), maxRetry());
        }

        @Value.Check
        void check() {
            List<FieldError> errors = new ArrayList<>();
            if (maxAttempts() < 1) {
                errors.add(new FieldError("maxAttempts", "must be at least 1, was " + maxAttempts()));
            }
            if (firstRetry().isNegative()) {
                errors.add(new FieldError("firstRetry", "must not be negative, was " + firstRetry()));
            }
            if (maxRetry().compareTo(firstRetry()) < 0) {
                errors.add(new FieldError("maxRetry", "must be at least firstRetry (" + firstRetry() + "), was " + maxRetry()));
            }
            if (lease().isNegative() || lease().isZero()) {
                errors.add(new FieldError("lease", "must be positive, was " + lease()));
            }
            if (owner().isBlank() || owner().length() > 128) {
                errors.add(new FieldError("owner", "must be 1 to 128 characters (the lease row's column) and not blank"));
            }
            if (!errors.isEmpty()) {
                throw new ConfigurationException("outbox relay settings", errors);
            }
        }

        /** Builds {@link Settings}; parts not given keep the defaults. */
        public static final class Builder extends ImmutableSettings.Builder {
            Builder() {
            }
        }
    }

    private final TransactionRunner transactions;
    private final Settings settings;
    private final List<EventListener> listeners;
    private final OutboxQueue queue;
    private final OutboxLease lease;
    private final DeadLetters deadLetters;
    private final RelayLoop loop;

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
        Objects.requireNonNull(dialect, "dialect");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listeners = List.copyOf(listeners);
        Set<String> names = new HashSet<>();
        for (EventListener l : this.listeners) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("two event listeners named " + l.name());
            }
        }
        Tables tables = Tables.in(schema);
        Statements sql = new Statements(dialect);
        this.queue = new OutboxQueue(sql, dialect, tables);
        this.lease = new OutboxLease(transactions, sql, tables, settings.owner(), settings.lease());
        this.deadLetters = new DeadLetters(transactions, sql, dialect, tables);
        this.loop = new RelayLoop(this::deliver, settings.lease());
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
        if (!lease.acquire(now)) {
            return DeliveryReport.NOTHING;
        }
        try {
            List<OutboxQueue.Entry> batch = transactions.inTransaction(c -> queue.fetch(c, now, limit));
            if (batch.isEmpty()) {
                return DeliveryReport.NOTHING;
            }
            Map<Long, Set<String>> receipts = transactions.inTransaction(c -> queue.receipts(c, batch));
            List<OutboxQueue.Entry> delivered = new ArrayList<>();
            List<OutboxQueue.Failure> failures = new ArrayList<>();
            Set<TicketId> blocked = new HashSet<>();
            for (OutboxQueue.Entry entry : batch) {
                if (blocked.contains(entry.event().ticketId())) {
                    continue;
                }
                OutboxQueue.Failure failure = deliver(entry, receipts.getOrDefault(entry.id(), Set.of()));
                if (failure == null) {
                    delivered.add(entry);
                } else {
                    failures.add(failure);
                    blocked.add(entry.event().ticketId());
                }
            }
            // deliveries are recorded first and on their own, so that a failure that cannot be
            // recorded never sends healthy tickets' events again
            transactions.inTransaction(c -> {
                queue.delivered(c, delivered);
                return null;
            });
            int dead = recordFailures(now, failures);
            return new DeliveryReport(delivered.size(), failures.size() - dead, dead);
        } finally {
            lease.release();
        }
    }

    /**
     * Records the failures of a pass in one transaction; should that fail, each on its own, and
     * a failure whose record still fails (whatever its text held) with a plain text instead, so
     * that one poisoned event never holds up the others.
     */
    private int recordFailures(Instant now, List<OutboxQueue.Failure> failures) {
        if (failures.isEmpty()) {
            return 0;
        }
        Backoff backoff = settings.policy();
        try {
            return transactions.inTransaction(c -> queue.failed(c, now, failures, backoff));
        } catch (RuntimeException batch) {
            LOG.warn("could not record {} listener failures together, recording them one by one: {}",
                    failures.size(), batch.toString());
        }
        int dead = 0;
        for (OutboxQueue.Failure f : failures) {
            try {
                dead += transactions.inTransaction(c -> queue.failed(c, now, List.of(f), backoff));
            } catch (RuntimeException one) {
                LOG.warn("could not record the failure of event {}; recording it without its text: {}",
                        f.entry().event().eventId(), one.toString());
                OutboxQueue.Failure plain = new OutboxQueue.Failure(f.entry(), "listener failure (text not storable)",
                        f.succeeded());
                dead += transactions.inTransaction(c -> queue.failed(c, now, List.of(plain), backoff));
            }
        }
        return dead;
    }

    private OutboxQueue.Failure deliver(OutboxQueue.Entry entry, Set<String> alreadyReceived) {
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
                return new OutboxQueue.Failure(entry, listener.name() + ": " + e, succeeded);
            }
        }
        return null;
    }

    /**
     * Lists events waiting for an operator, oldest first.
     *
     * @param limit the largest number to list
     * @return the dead letters
     */
    public List<DeadLetter> deadLetters(int limit) {
        return deadLetters.list(limit);
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
        return deadLetters.release(ticket, version);
    }

    /**
     * Sends every dead letter again.
     *
     * @return how many were released
     */
    public int releaseAll() {
        return deadLetters.releaseAll();
    }

    /**
     * Counts the events not yet delivered to every listener, dead letters and the events held
     * behind them included.
     *
     * @return the count
     */
    public long backlog() {
        return transactions.inTransaction(queue::backlog);
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
    public void start(Clock clock, Duration interval, int batch) {
        loop.start(clock, interval, batch);
    }

    /**
     * Stops the relay's own thread, waiting up to the lease for a pass in progress.
     */
    public void stop() {
        loop.stop();
    }

    /** Stops the relay's own thread, if started. */
    @Override
    public void close() {
        stop();
    }
}
