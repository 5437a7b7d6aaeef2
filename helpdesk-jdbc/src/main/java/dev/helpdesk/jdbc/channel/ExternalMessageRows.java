package dev.helpdesk.jdbc.channel;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.ExternalMessageRecord;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of {@code hd_external_message}: one per external id a commit links, inserted in the
 * commit's transaction before the ticket rows, so that the primary key (tenant, channel,
 * external id) refuses the second commit of the same message whole, also when two commits
 * race (the second waits for the first and then fails on the key).
 */
public final class ExternalMessageRows {
    private static final String COLUMNS = "tenant_id, channel, external_id, ticket_id, message_id, outbound, recorded_at,"
            + " recorded_at_nanos";

    private final Statements sql;
    private final SqlDialect dialect;
    private final EventRows rows;
    private final String table;

    /**
     * Makes the mapper.
     *
     * @param sql     the statement runner
     * @param dialect the dialect
     * @param schema  the schema the tables are in, or empty for the connection's default
     */
    public ExternalMessageRows(Statements sql, SqlDialect dialect, Optional<String> schema) {
        this.sql = sql;
        this.dialect = dialect;
        this.rows = new EventRows(dialect);
        this.table = schema.map(s -> s + ".").orElse("") + "hd_external_message";
    }

    /**
     * Inserts the links of a commit's changes.
     *
     * @param c       the connection, in the commit's transaction
     * @param tenant  the tenant
     * @param changes the changes
     * @return the rejection when an id is linked already; the caller must then roll back
     * @throws SQLException when the database fails otherwise
     */
    public Optional<Rejection> insert(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        String insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        for (TicketChange change : changes) {
            for (TicketEvent e : change.events()) {
                if (!(e instanceof TicketEvent.ExternalMessageLinked link)) {
                    continue;
                }
                // one statement at a time: a duplicate key in a batch is reported differently by each driver
                try {
                    sql.update(c, insert, p -> p.text(tenant.value())
                            .text(link.channel().code())
                            .text(link.externalId())
                            .uuid(link.ticketId().value())
                            .uuid(link.message().value())
                            .flag(link.outbound())
                            .instantAndNanos(link.at()));
                } catch (SQLException failure) {
                    if (dialect.isDuplicateKey(failure)) {
                        return Optional.of(new Rejection.ConcurrentModification(ExternalMessages.TAKEN, link.externalId(),
                                0, 1));
                    }
                    throw failure;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The records of some external ids of one tenant and channel.
     *
     * @param c           the connection
     * @param tenant      the tenant
     * @param channel     the channel
     * @param externalIds the ids, at most a few hundred
     * @return the records found, by id
     * @throws SQLException when the database fails
     */
    public Map<ExternalMessageId, ExternalMessageRecord> find(Connection c, TenantId tenant, Channel channel,
                                                              List<ExternalMessageId> externalIds) throws SQLException {
        Map<ExternalMessageId, ExternalMessageRecord> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        sql.forEach(c, "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND channel = ? AND external_id IN ("
                        + Statements.placeholders(externalIds.size()) + ")",
                p -> {
                    p.text(tenant.value()).text(channel.code());
                    for (ExternalMessageId id : externalIds) {
                        p.text(id.value());
                    }
                },
                r -> {
                    ExternalMessageId id = ExternalMessageId.of(r.getString("external_id"));
                    found.put(id, new ExternalMessageRecord(tenant, channel, id, TicketId.of(dialect.getUuid(r, "ticket_id")),
                            new MessageId(dialect.getUuid(r, "message_id")), r.getBoolean("outbound"),
                            rows.instant(r, "recorded_at")));
                });
        return found;
    }
}
