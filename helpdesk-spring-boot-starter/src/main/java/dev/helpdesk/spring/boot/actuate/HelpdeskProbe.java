package dev.helpdesk.spring.boot.actuate;

import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.outbox.OutboxRelay;
import dev.helpdesk.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the figures an operator watches from the desk's tables: the outbox's backlog, its
 * dead letters, and how late due work is. Each figure is one indexed query on a connection of
 * the store's own (never the caller's transaction). Used by the health indicator and the
 * metrics.
 */
public final class HelpdeskProbe {
    private final JdbcTicketStore store;
    private final OutboxRelay relay;
    private final DataSource dataSource;
    private final String ticketTable;
    private final Clock clock;

    /**
     * Makes a probe.
     *
     * @param store      the JDBC store
     * @param dataSource the store's data source
     * @param schema     the schema of the desk's tables, when not the connection's default
     * @param clock      the clock "now" is read from for the due lag
     */
    public HelpdeskProbe(JdbcTicketStore store, DataSource dataSource, Optional<String> schema, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.relay = store.relay(List.of());
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ticketTable = schema.map(s -> s + ".").orElse("") + "hd_ticket";
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The events of the outbox not yet delivered to every listener, dead letters included.
     *
     * @return the count
     */
    public long outboxBacklog() {
        return store.hasOutbox() ? relay.backlog() : 0;
    }

    /**
     * The dead letters: events a listener failed on too often, holding their tickets' later
     * events until an operator releases them.
     *
     * @param limit the largest count to report (the count is cut there)
     * @return the count, at most {@code limit}
     */
    public int deadLetters(int limit) {
        return store.hasOutbox() ? relay.deadLetters(limit).size() : 0;
    }

    /**
     * How late due work is: the time since the oldest due time of a ticket that due work has
     * not handled yet, zero when nothing is overdue. A lag that keeps growing means no
     * instance runs {@code runDue}, or it cannot keep up.
     *
     * @return the lag
     */
    public Duration dueLag() {
        Instant now = clock.instant();
        Optional<Instant> oldest = oldestDue();
        return oldest.filter(t -> t.isBefore(now)).map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
    }

    private Optional<Instant> oldestDue() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MIN(due_at) AS oldest FROM " + ticketTable);
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.ofNullable(store.dialect().getInstant(r, "oldest")) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the oldest due time: " + e.getMessage(), e);
        }
    }
}
