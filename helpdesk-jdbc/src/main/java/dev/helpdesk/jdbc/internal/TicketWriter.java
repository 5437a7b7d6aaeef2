package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the changes of one commit inside the caller's transaction: the ticket rows (inserted,
 * or updated on their expected version), their event rows, the tag and field rows of the
 * tickets whose tags or fields changed, and the outbox rows.
 */
public final class TicketWriter {
    private static final List<String> TICKET_COLUMNS = concat(List.of("tenant_id", "id", "number"), TicketRows.STATE_COLUMNS);

    private final Statements sql;
    private final SqlDialect dialect;
    private final Tables tables;
    private final EventRows eventRows;
    private final boolean outbox;
    private final String insertTicket;
    private final String updateTicket;
    /** An event row and its outbox row in one statement, where the dialect can insert through {@code WITH}. */
    private final String insertEventWithOutbox;

    /**
     * Makes the writer.
     *
     * @param sql     the statement runner
     * @param dialect the dialect
     * @param tables  the table names
     * @param outbox  whether every event also gets an outbox row
     */
    public TicketWriter(Statements sql, SqlDialect dialect, Tables tables, boolean outbox) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
        this.eventRows = new EventRows(dialect);
        this.outbox = outbox;
        this.insertTicket = "INSERT INTO " + tables.ticket() + " (" + String.join(", ", TICKET_COLUMNS)
                + ", due_at, due_at_nanos, claimed_until) VALUES (" + "?, ".repeat(TICKET_COLUMNS.size() + 2) + "NULL)";
        this.updateTicket = "UPDATE " + tables.ticket() + " SET "
                + String.join(", ", TicketRows.STATE_COLUMNS.stream().map(col -> col + " = ?").toList())
                + ", due_at = ?, due_at_nanos = ?, claimed_until = NULL"
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
        this.insertEventWithOutbox = "WITH event AS (" + EventRows.insertSql(tables.event())
                + " RETURNING tenant_id, ticket_id, version)"
                + " INSERT INTO " + tables.outbox() + " (tenant_id, ticket_id, version, state, attempts)"
                + " SELECT tenant_id, ticket_id, version, " + OutboxState.PENDING.literal() + ", 0 FROM event";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * Writes every change; stops at the first change whose ticket is not at the expected version
     * (or, for a creation, exists already), after which the caller must roll back.
     *
     * @param c       the connection, in a transaction
     * @param tenant  the tenant
     * @param changes the changes
     * @return the conflicting change, or empty when everything was written
     * @throws SQLException when the database fails
     */
    public Optional<TicketChange> write(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        for (TicketChange change : changes) {
            boolean written = change.isCreation() ? insertTicket(c, tenant, change) : updateTicket(c, tenant, change);
            if (!written) {
                return Optional.of(change);
            }
        }
        if (outbox && dialect.supportsInsertingWith()) {
            // each event row with its outbox row in one statement: one round trip for both batches
            insertEventsWithOutbox(c, tenant, changes);
        } else {
            insertEvents(c, tenant, changes);
        }
        writeTagsAndFields(c, tenant, changes);
        if (outbox && !dialect.supportsInsertingWith()) {
            insertOutbox(c, tenant, changes);
        }
        return Optional.empty();
    }

    private boolean insertTicket(Connection c, TenantId tenant, TicketChange change) throws SQLException {
        Ticket t = change.newState();
        try {
            sql.update(c, insertTicket, p -> {
                p.text(tenant.value()).uuid(t.id().value()).number(t.number().value());
                TicketRows.bindState(p, t);
                p.instantAndNanos(change.dueAt().orElse(null));
            });
            return true;
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean updateTicket(Connection c, TenantId tenant, TicketChange change) throws SQLException {
        Ticket t = change.newState();
        return sql.update(c, updateTicket, p -> {
            TicketRows.bindState(p, t);
            p.instantAndNanos(change.dueAt().orElse(null))
                    .text(tenant.value())
                    .uuid(t.id().value())
                    .number(change.expectedVersion());
        }) == 1;
    }

    /** An event with the version it gives its ticket. */
    private record Versioned(long version, TicketEvent event) {
    }

    private static List<Versioned> versioned(List<TicketChange> changes) {
        List<Versioned> all = new ArrayList<>();
        for (TicketChange change : changes) {
            long version = change.expectedVersion();
            for (TicketEvent event : change.events()) {
                all.add(new Versioned(++version, event));
            }
        }
        return all;
    }

    private void insertEvents(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        sql.batch(c, EventRows.insertSql(tables.event()), versioned(changes),
                (p, e) -> eventRows.bind(p.statement(), tenant, e.version(), e.event()));
    }

    private void insertOutbox(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        sql.batch(c, "INSERT INTO " + tables.outbox() + " (tenant_id, ticket_id, version, state, attempts)"
                        + " VALUES (?, ?, ?, " + OutboxState.PENDING.literal() + ", 0)", versioned(changes),
                (p, e) -> p.text(tenant.value()).uuid(e.event().ticketId().value()).number(e.version()));
    }

    private void insertEventsWithOutbox(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        sql.batch(c, insertEventWithOutbox, versioned(changes),
                (p, e) -> eventRows.bind(p.statement(), tenant, e.version(), e.event()));
    }

    /**
     * Keeps {@code hd_ticket_tag} and {@code hd_ticket_field} in step with the tickets whose
     * tags or fields a change touches: their rows are replaced by the new state's, so that
     * queries can filter by them. Changes that touch neither cost nothing.
     */
    private void writeTagsAndFields(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        List<Ticket> tagged = new ArrayList<>();
        List<Ticket> fielded = new ArrayList<>();
        for (TicketChange change : changes) {
            boolean tags = false;
            boolean fields = false;
            for (TicketEvent e : change.events()) {
                tags |= e instanceof TicketEvent.TagAdded || e instanceof TicketEvent.TagRemoved;
                fields |= e instanceof TicketEvent.FieldSet;
            }
            if (tags) {
                tagged.add(change.newState());
            }
            if (fields) {
                fielded.add(change.newState());
            }
        }
        if (!tagged.isEmpty()) {
            deleteRows(c, tenant, tables.tag(), tagged);
            List<String[]> rows = new ArrayList<>();
            tagged.forEach(t -> t.tags().forEach(tag -> rows.add(new String[] {t.id().value().toString(), tag})));
            sql.batch(c, "INSERT INTO " + tables.tag() + " (tenant_id, ticket_id, tag) VALUES (?, ?, ?)", rows,
                    (p, row) -> p.text(tenant.value()).uuid(java.util.UUID.fromString(row[0])).text(row[1]));
        }
        if (!fielded.isEmpty()) {
            deleteRows(c, tenant, tables.field(), fielded);
            List<String[]> rows = new ArrayList<>();
            fielded.forEach(t -> t.fields().forEach((name, value) ->
                    rows.add(new String[] {t.id().value().toString(), name, value})));
            sql.batch(c, "INSERT INTO " + tables.field() + " (tenant_id, ticket_id, field_name, field_value)"
                            + " VALUES (?, ?, ?, ?)", rows,
                    (p, row) -> p.text(tenant.value()).uuid(java.util.UUID.fromString(row[0])).text(row[1]).text(row[2]));
        }
    }

    private void deleteRows(Connection c, TenantId tenant, String table, List<Ticket> tickets) throws SQLException {
        sql.batch(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND ticket_id = ?", tickets,
                (p, t) -> p.text(tenant.value()).uuid(t.id().value()));
    }

    /**
     * A ticket's current version.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param id     the ticket
     * @return its version, or empty when the tenant has no such ticket
     * @throws SQLException when the database fails
     */
    public Optional<Long> currentVersion(Connection c, TenantId tenant, TicketId id) throws SQLException {
        return sql.first(c, "SELECT version FROM " + tables.ticket() + " WHERE tenant_id = ? AND id = ?",
                p -> p.text(tenant.value()).uuid(id.value()),
                r -> r.getLong("version"));
    }
}
