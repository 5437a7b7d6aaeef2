package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.OutboxState;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.spi.ticket.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rows of {@code hd_outbox} as a queue: fetches the next deliverable batch and records what
 * a pass did with it (delivered rows go, failed rows wait for their next attempt or die, and the
 * later rows of a failed ticket wait behind it).
 */
final class OutboxQueue {
    private static final int CHUNK = 500;
    private static final String PENDING = OutboxState.PENDING.literal();

    private final Statements sql;
    private final SqlDialect dialect;
    private final Tables tables;
    private final EventRows events;

    OutboxQueue(Statements sql, SqlDialect dialect, Tables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
        this.events = new EventRows(dialect);
    }

    /** One outbox row with its event. */
    record Entry(long id, int attempts, RecordedEvent event) {
    }

    /** A failed delivery: the listener's error and the listeners that had received the event. */
    record Failure(Entry entry, String error, List<String> succeeded) {
    }

    /** A ticket of a tenant, as the outbox names it. */
    private record TicketKey(String tenant, UUID ticket) {
    }

    /** An outbox row before its event is read. */
    private record Row(long id, int attempts, TicketKey ticket, long version) {
    }

    /**
     * Reads the next batch in three index-driven steps rather than one statement with a
     * correlated filter, whose selectivity planners misjudge (they then scan and sort the
     * whole outbox on every pass): the oldest deliverable rows by id; the rows that hold back
     * their tickets (waiting for a retry, dead, or held behind a dead one); the events of the
     * rows that remain, by primary key.
     */
    List<Entry> fetch(Connection c, Instant now, int limit) throws SQLException {
        List<Row> rows = sql.query(c, "SELECT id, attempts, tenant_id, ticket_id, version FROM " + tables.outbox()
                        + " WHERE state = " + PENDING + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                        + " ORDER BY id" + dialect.limitClause(limit),
                p -> p.instant(now),
                r -> new Row(r.getLong("id"), r.getInt("attempts"),
                        new TicketKey(r.getString("tenant_id"), dialect.getUuid(r, "ticket_id")), r.getLong("version")));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<TicketKey, Long> blockers = blockers(c, now, rows);
        List<Row> free = rows.stream().filter(r -> r.id() <= blockers.getOrDefault(r.ticket(), Long.MAX_VALUE)).toList();
        Map<Long, RecordedEvent> read = new HashMap<>();
        for (int from = 0; from < free.size(); from += CHUNK) {
            readEvents(c, free.subList(from, Math.min(free.size(), from + CHUNK)), read);
        }
        List<Entry> batch = new ArrayList<>(free.size());
        for (Row row : free) {
            RecordedEvent event = read.get(row.id());
            if (event == null) {
                throw new IllegalStateException("outbox entry " + row.id() + " has no event "
                        + row.ticket().ticket() + "/" + row.version());
            }
            batch.add(new Entry(row.id(), row.attempts(), event));
        }
        return batch;
    }

    /** The first row of each ticket of the batch that is not deliverable now, by ticket. */
    private Map<TicketKey, Long> blockers(Connection c, Instant now, List<Row> rows) throws SQLException {
        Map<String, Set<UUID>> byTenant = new HashMap<>();
        rows.forEach(r -> byTenant.computeIfAbsent(r.ticket().tenant(), k -> new HashSet<>()).add(r.ticket().ticket()));
        Map<TicketKey, Long> blockers = new HashMap<>();
        for (Map.Entry<String, Set<UUID>> tenant : byTenant.entrySet()) {
            List<UUID> tickets = new ArrayList<>(tenant.getValue());
            for (int from = 0; from < tickets.size(); from += CHUNK) {
                List<UUID> chunk = tickets.subList(from, Math.min(tickets.size(), from + CHUNK));
                sql.forEach(c, "SELECT ticket_id, MIN(id) AS first_id FROM " + tables.outbox()
                                + " WHERE tenant_id = ? AND ticket_id IN (" + Statements.placeholders(chunk.size())
                                + ") AND (state <> " + PENDING + " OR next_attempt_at > ?) GROUP BY ticket_id",
                        p -> {
                            p.text(tenant.getKey());
                            for (UUID ticket : chunk) {
                                p.uuid(ticket);
                            }
                            p.instant(now);
                        },
                        r -> blockers.put(new TicketKey(tenant.getKey(), dialect.getUuid(r, "ticket_id")),
                                r.getLong("first_id")));
            }
        }
        return blockers;
    }

    /** Reads the events of some outbox rows through the outbox's primary key and the events' one. */
    private void readEvents(Connection c, List<Row> rows, Map<Long, RecordedEvent> into) throws SQLException {
        String eventColumns = String.join(", ", EventRows.COLUMNS.stream().map(col -> "e." + col).toList());
        sql.forEach(c, "SELECT o.id AS outbox_id, " + eventColumns + " FROM " + tables.outbox() + " o JOIN "
                        + tables.event() + " e"
                        + " ON e.tenant_id = o.tenant_id AND e.ticket_id = o.ticket_id AND e.version = o.version"
                        + " WHERE o.id IN (" + Statements.placeholders(rows.size()) + ")",
                p -> {
                    for (Row row : rows) {
                        p.number(row.id());
                    }
                },
                r -> into.put(r.getLong("outbox_id"), events.read(r)));
    }

    /** The listeners that already received the retried events of a batch, by outbox row. */
    Map<Long, Set<String>> receipts(Connection c, List<Entry> batch) throws SQLException {
        List<Long> retried = batch.stream().filter(e -> e.attempts() > 0).map(Entry::id).toList();
        Map<Long, Set<String>> receipts = new HashMap<>();
        if (retried.isEmpty()) {
            return receipts;
        }
        sql.forEach(c, "SELECT outbox_id, listener FROM " + tables.receipt()
                        + " WHERE outbox_id IN (" + Statements.placeholders(retried.size()) + ")",
                p -> {
                    for (long id : retried) {
                        p.number(id);
                    }
                },
                r -> receipts.computeIfAbsent(r.getLong("outbox_id"), k -> new HashSet<>()).add(r.getString("listener")));
        return receipts;
    }

    /** Removes delivered rows and their receipts. */
    void delivered(Connection c, List<Entry> delivered) throws SQLException {
        sql.batch(c, "DELETE FROM " + tables.receipt() + " WHERE outbox_id = ?",
                delivered.stream().filter(e -> e.attempts() > 0).toList(), (p, e) -> p.number(e.id()));
        for (int from = 0; from < delivered.size(); from += CHUNK) {
            List<Entry> chunk = delivered.subList(from, Math.min(delivered.size(), from + CHUNK));
            sql.update(c, "DELETE FROM " + tables.outbox() + " WHERE id IN (" + Statements.placeholders(chunk.size()) + ")",
                    p -> {
                        for (Entry e : chunk) {
                            p.number(e.id());
                        }
                    });
        }
    }

    /**
     * Records failures: each failed row waits for its next attempt or dies, the later rows of its
     * ticket wait behind it (or are held while it is dead), and the listeners that did receive
     * it are remembered so that they are not called again.
     *
     * @return how many rows died
     */
    int failed(Connection c, Instant now, List<Failure> failures, Backoff backoff) throws SQLException {
        if (failures.isEmpty()) {
            return 0;
        }
        sql.batch(c, "UPDATE " + tables.outbox() + " SET attempts = ?, state = ?, next_attempt_at = ?, last_error = ?"
                + " WHERE id = ?", failures, (p, f) -> {
                    int attempts = f.entry().attempts() + 1;
                    p.integer(attempts)
                            .text((backoff.isDead(attempts) ? OutboxState.DEAD : OutboxState.PENDING).name())
                            .instant(backoff.nextAttempt(now, attempts).orElse(null))
                            .text(SafeText.of(f.error(), SafeText.ERROR_LENGTH))
                            .number(f.entry().id());
                });
        holdBehind(c, now, failures, backoff);
        List<String[]> receipts = new ArrayList<>();
        for (Failure f : failures) {
            f.succeeded().forEach(listener -> receipts.add(new String[] {Long.toString(f.entry().id()), listener}));
        }
        sql.batch(c, dialect.insertIgnore(tables.receipt(), List.of("outbox_id", "listener"), List.of("outbox_id", "listener")),
                receipts, (p, r) -> p.number(Long.parseLong(r[0])).text(r[1]));
        return (int) failures.stream().filter(f -> backoff.isDead(f.entry().attempts() + 1)).count();
    }

    /**
     * Moves the later entries of a failed ticket out of the next batches' way: they wait until
     * the failed entry's next attempt, or are held while it is dead. Entries committed after
     * this are still held back by the blocker check of {@link #fetch}.
     */
    private void holdBehind(Connection c, Instant now, List<Failure> failures, Backoff backoff) throws SQLException {
        List<Failure> dead = failures.stream().filter(f -> backoff.isDead(f.entry().attempts() + 1)).toList();
        List<Failure> waiting = failures.stream().filter(f -> !backoff.isDead(f.entry().attempts() + 1)).toList();
        sql.batch(c, "UPDATE " + tables.outbox() + " SET next_attempt_at = ?"
                        + " WHERE tenant_id = ? AND ticket_id = ? AND id > ? AND state = " + PENDING, waiting,
                (p, f) -> p.instant(backoff.nextAttempt(now, f.entry().attempts() + 1).orElseThrow())
                        .text(f.entry().event().tenant().value())
                        .uuid(f.entry().event().ticketId().value())
                        .number(f.entry().id()));
        sql.batch(c, "UPDATE " + tables.outbox() + " SET state = " + OutboxState.HELD.literal()
                        + " WHERE tenant_id = ? AND ticket_id = ? AND id > ? AND state = " + PENDING, dead,
                (p, f) -> p.text(f.entry().event().tenant().value())
                        .uuid(f.entry().event().ticketId().value())
                        .number(f.entry().id()));
    }

    /** How many rows wait for delivery, dead letters and held rows included. */
    long backlog(Connection c) throws SQLException {
        return sql.first(c, "SELECT COUNT(*) AS backlog FROM " + tables.outbox(), Statements.Binder.NONE,
                r -> r.getLong("backlog")).orElse(0L);
    }
}
