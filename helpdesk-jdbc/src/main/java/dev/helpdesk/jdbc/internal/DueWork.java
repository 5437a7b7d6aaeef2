package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.TicketId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of timed work on {@code hd_ticket}: claiming due tickets (skipping locked rows
 * where the database can, with a version-checked update elsewhere) and rescheduling them.
 */
public final class DueWork {
    private final Statements sql;
    private final SqlDialect dialect;
    private final Tables tables;
    private final EventRows eventRows;
    private final String reschedule;

    /**
     * Makes the statements.
     *
     * @param sql     the statement runner
     * @param dialect the dialect
     * @param tables  the table names
     */
    public DueWork(Statements sql, SqlDialect dialect, Tables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
        this.eventRows = new EventRows(dialect);
        this.reschedule = "UPDATE " + tables.ticket() + " SET due_at = ?, due_at_nanos = ?, claimed_until = NULL"
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    private String dueQuery(int limit) {
        return "SELECT tenant_id, id, due_at, due_at_nanos, version FROM " + tables.ticket()
                + " WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
                + " ORDER BY due_at, tenant_id, id" + dialect.limitClause(limit);
    }

    /**
     * Claims due tickets in the caller's transaction.
     *
     * @param c     the connection, in a transaction
     * @param now   the current time
     * @param limit the most to claim
     * @param until the end of the claim
     * @return the claimed tickets, soonest first
     * @throws SQLException when the database fails
     */
    public List<DueTicket> claim(Connection c, Instant now, int limit, Instant until) throws SQLException {
        return dialect.supportsSkipLocked()
                ? claimSkippingLocked(c, now, limit, until)
                : claimOptimistically(c, now, limit, until);
    }

    private List<DueTicket> claimSkippingLocked(Connection c, Instant now, int limit, Instant until) throws SQLException {
        List<DueTicket> due = selectDue(c, dueQuery(limit) + dialect.forUpdateSkipLocked(), now);
        sql.batch(c, "UPDATE " + tables.ticket() + " SET claimed_until = ? WHERE tenant_id = ? AND id = ?", due,
                (p, d) -> p.instant(until).text(d.tenant().value()).uuid(d.id().value()));
        return due;
    }

    private List<DueTicket> claimOptimistically(Connection c, Instant now, int limit, Instant until) throws SQLException {
        List<DueTicket> claimed = new ArrayList<>();
        String update = "UPDATE " + tables.ticket() + " SET claimed_until = ?"
                + " WHERE tenant_id = ? AND id = ? AND version = ? AND due_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ?)";
        for (DueTicket d : selectDue(c, dueQuery(limit), now)) {
            if (sql.update(c, update, p -> p.instant(until).text(d.tenant().value()).uuid(d.id().value())
                    .number(d.version()).instant(now).instant(now)) == 1) {
                claimed.add(d);
            }
        }
        return claimed;
    }

    private List<DueTicket> selectDue(Connection c, String query, Instant now) throws SQLException {
        List<DueTicket> due = new ArrayList<>();
        sql.forEach(c, query, p -> p.instant(now).instant(now), r -> {
            Instant dueAt = eventRows.instant(r, "due_at");
            if (!dueAt.isAfter(now)) {
                due.add(new DueTicket(TenantId.of(r.getString("tenant_id")), TicketId.of(dialect.getUuid(r, "id")),
                        dueAt, r.getLong("version")));
            }
        });
        return due;
    }

    /**
     * Reschedules one ticket on its expected version.
     *
     * @param c    the connection
     * @param item the new due time
     * @return true when the ticket was at the expected version and got the due time
     * @throws SQLException when the database fails
     */
    public boolean reschedule(Connection c, Reschedule item) throws SQLException {
        return sql.update(c, reschedule, p -> bind(p, item)) == 1;
    }

    /**
     * Reschedules many tickets in one batch, in the given order.
     *
     * @param c     the connection, in a transaction
     * @param items the new due times
     * @return the update count of each item, in order (see {@link Statements#batch})
     * @throws SQLException when the database fails
     */
    public int[] rescheduleAll(Connection c, List<Reschedule> items) throws SQLException {
        return sql.batch(c, reschedule, items, DueWork::bind);
    }

    private static void bind(Params p, Reschedule item) throws SQLException {
        p.instantAndNanos(item.dueAt().orElse(null))
                .text(item.tenant().value())
                .uuid(item.id().value())
                .number(item.expectedVersion());
    }

    /**
     * When a ticket is next due.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param id     the ticket
     * @return the due time, empty when none is set or there is no such ticket
     * @throws SQLException when the database fails
     */
    public Optional<Instant> dueAt(Connection c, TenantId tenant, TicketId id) throws SQLException {
        return sql.first(c, "SELECT due_at, due_at_nanos FROM " + tables.ticket() + " WHERE tenant_id = ? AND id = ?",
                p -> p.text(tenant.value()).uuid(id.value()),
                r -> eventRows.instant(r, "due_at"));
    }
}
