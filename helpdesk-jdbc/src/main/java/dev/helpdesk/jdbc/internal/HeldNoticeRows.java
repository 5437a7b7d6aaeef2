package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Recipient;
import dev.helpdesk.spi.notification.Topic;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Notices held for working hours, in {@code hd_held_notice}: kept once per id, claimed when
 * due (skipping rows locked by another instance where the database can), removed once sent.
 */
public final class HeldNoticeRows {
    private static final List<String> COLUMNS = List.of("id", "tenant_id", "ticket_id", "ticket_number", "topic",
            "recipient_kind", "recipient_id", "recipient_role", "locale", "subject", "body", "urgent",
            "created_at", "created_nanos", "send_at", "send_nanos");

    private final Statements sql;
    private final SqlDialect dialect;
    private final Tables tables;

    /**
     * Makes the statements.
     *
     * @param sql     the statement runner
     * @param dialect the dialect
     * @param tables  the table names
     */
    public HeldNoticeRows(Statements sql, SqlDialect dialect, Tables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
    }

    /**
     * Keeps a notice, once per id.
     *
     * @param c      the connection
     * @param notice the notice
     * @throws SQLException when the database fails
     */
    public void hold(Connection c, Notification notice) throws SQLException {
        try {
            insert(c, notice);
        } catch (SQLException e) {
            // the same notice held at once by another instance (H2's MERGE reports the race as a duplicate)
            if (!dialect.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private void insert(Connection c, Notification notice) throws SQLException {
        sql.update(c, dialect.insertIgnore(tables.notice(), COLUMNS, List.of("id")), p -> {
            p.text(notice.id()).text(notice.tenant().value()).uuid(notice.ticket().value())
                    .number(notice.number().value()).text(notice.topic().name());
            if (notice.recipient() instanceof Recipient.Agent agent) {
                p.text("AGENT").text(agent.agent().value()).text(agent.role());
            } else {
                p.text("CUSTOMER").text(notice.recipient().id()).text((String) null);
            }
            p.text(notice.locale().toLanguageTag()).text(notice.subject()).text(notice.body()).flag(notice.urgent())
                    .instantAndNanos(notice.createdAt()).instantAndNanos(notice.sendAt());
        });
    }

    /**
     * Claims notices due at {@code now}, soonest first.
     *
     * @param c     the connection, in a transaction
     * @param now   the current time
     * @param limit the most to claim
     * @param until the end of the claim
     * @return the claimed notices
     * @throws SQLException when the database fails
     */
    public List<Notification> claim(Connection c, Instant now, int limit, Instant until) throws SQLException {
        String select = "SELECT " + String.join(", ", COLUMNS) + " FROM " + tables.notice()
                + " WHERE send_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
                + " ORDER BY send_at, id" + dialect.limitClause(limit);
        boolean skipLocked = dialect.supportsSkipLocked();
        List<Notification> due = sql.query(c, skipLocked ? select + dialect.forUpdateSkipLocked() : select,
                p -> p.instant(now).instant(now), this::read);
        List<Notification> claimed = new ArrayList<>();
        String update = "UPDATE " + tables.notice() + " SET claimed_until = ? WHERE id = ?"
                + (skipLocked ? "" : " AND (claimed_until IS NULL OR claimed_until <= ?)");
        for (Notification n : due) {
            if (n.sendAt().isAfter(now)) {
                continue;
            }
            int updated = sql.update(c, update, p -> {
                p.instant(until).text(n.id());
                if (!skipLocked) {
                    p.instant(now);
                }
            });
            if (updated == 1) {
                claimed.add(n);
            }
        }
        return claimed;
    }

    /**
     * Removes a sent notice.
     *
     * @param c  the connection
     * @param id the notice's id
     * @throws SQLException when the database fails
     */
    public void sent(Connection c, String id) throws SQLException {
        sql.update(c, "DELETE FROM " + tables.notice() + " WHERE id = ?", p -> p.text(id));
    }

    /**
     * Every held notice, soonest first.
     *
     * @param c the connection
     * @return the notices
     * @throws SQLException when the database fails
     */
    public List<Notification> all(Connection c) throws SQLException {
        return sql.query(c, "SELECT " + String.join(", ", COLUMNS) + " FROM " + tables.notice() + " ORDER BY send_at, id",
                Statements.Binder.NONE, this::read);
    }

    private Notification read(ResultSet r) throws SQLException {
        Recipient recipient = "AGENT".equals(r.getString("recipient_kind"))
                ? new Recipient.Agent(AgentId.of(r.getString("recipient_id")), Optional.ofNullable(r.getString("recipient_role")))
                : new Recipient.Customer(CustomerId.of(r.getString("recipient_id")));
        return Notification.builder()
                .id(r.getString("id"))
                .tenant(TenantId.of(r.getString("tenant_id")))
                .ticket(TicketId.of(dialect.getUuid(r, "ticket_id")))
                .number(TicketNumber.of(r.getLong("ticket_number")))
                .topic(Topic.valueOf(r.getString("topic")))
                .recipient(recipient)
                .locale(Locale.forLanguageTag(r.getString("locale")))
                .subject(r.getString("subject"))
                .body(r.getString("body"))
                .urgent(r.getBoolean("urgent"))
                .createdAt(instant(r, "created_at", "created_nanos"))
                .sendAt(instant(r, "send_at", "send_nanos"))
                .build();
    }

    private Instant instant(ResultSet r, String column, String nanos) throws SQLException {
        Instant micros = dialect.getInstant(r, column);
        return micros.plusNanos(r.getInt(nanos));
    }
}
