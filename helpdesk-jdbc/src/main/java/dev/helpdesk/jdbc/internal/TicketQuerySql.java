package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketSort;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Translates a {@link TicketQuery} and a page into one {@code SELECT} on {@code hd_ticket t}:
 * a {@code WHERE} per present criterion (tags through {@code hd_ticket_tag}), the query's order
 * with the id as tie-break, and a keyset condition that starts after the previous page's last
 * ticket. Each criterion leads with {@code tenant_id}, as the indexes of V1 and V6 do.
 */
final class TicketQuerySql {
    /** Tickets with nothing due sort after every due time: 0 for a due time, 1 for none. */
    private static final String NO_DUE = "CASE WHEN t.due_at IS NULL THEN 1 ELSE 0 END";

    private final Tables tables;
    private final SqlDialect dialect;
    private final Statements sql;

    TicketQuerySql(Statements sql, SqlDialect dialect, Tables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
    }

    /** One column of the sort key and its value in the previous page's last ticket. */
    private record Part(String column, Statements.Binder value) {
    }

    /** The previous page's last ticket, as the keyset sees it. */
    private record After(long number, UUID id, Instant createdAt, int createdNanos, Instant dueAt, int dueNanos) {
    }

    /** The statement and its parameters. */
    record Select(String sql, Statements.Binder binder) {
    }

    /**
     * Builds the statement for one page.
     *
     * @param c       the connection, to read the previous page's last ticket when the order is
     *                not by number
     * @param tenant  the tenant
     * @param query   the query
     * @param columns the ticket columns to select, each prefixed {@code t.}
     * @param after   the previous page's last ticket
     * @param limit   the largest number of rows
     * @return the statement, or empty when the previous page's last ticket does not exist
     * @throws SQLException when the database fails
     */
    Optional<Select> select(Connection c, TenantId tenant, TicketQuery query, String columns,
                            Optional<TicketNumber> after, int limit) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Statements.Binder> values = new ArrayList<>();
        where.add("t.tenant_id = ?");
        values.add(p -> p.text(tenant.value()));
        criteria(query, where, values);
        List<Part> key = new ArrayList<>();
        if (after.isPresent()) {
            Optional<After> last = query.sort() == TicketSort.NUMBER
                    ? Optional.of(new After(after.get().value(), null, null, 0, null, 0))
                    : readAfter(c, tenant, after.get());
            if (last.isEmpty()) {
                return Optional.empty();
            }
            key = key(query.sort(), last.get());
            where.add(keyset(key, query.descending() ? "<" : ">"));
            for (int i = 0; i < key.size(); i++) {
                for (int j = 0; j <= i; j++) {
                    values.add(key.get(j).value());
                }
            }
        }
        String direction = query.descending() ? " DESC" : "";
        List<String> order = switch (query.sort()) {
            case NUMBER -> List.of("t.number");
            case CREATION -> List.of("t.created_at", "t.created_at_nanos", "t.id");
            case NEXT_DUE -> List.of(NO_DUE, "t.due_at", "t.due_at_nanos", "t.id");
        };
        String statement = "SELECT " + columns + " FROM " + tables.ticket() + " t WHERE " + String.join(" AND ", where)
                + " ORDER BY " + String.join(", ", order.stream().map(col -> col + direction).toList())
                + dialect.limitClause(limit);
        return Optional.of(new Select(statement, p -> {
            for (Statements.Binder value : values) {
                value.bind(p);
            }
        }));
    }

    private void criteria(TicketQuery query, List<String> where, List<Statements.Binder> values) {
        List<Status> statuses = query.statuses().stream().sorted().toList();
        if (!statuses.isEmpty()) {
            where.add("t.status IN (" + Statements.placeholders(statuses.size()) + ")");
            statuses.forEach(s -> values.add(p -> p.text(s.name())));
        }
        if (query.assignee().isPresent()) {
            where.add("t.assignee_id = ?");
            values.add(p -> p.text(query.assignee().map(AgentId::value)));
        }
        if (query.unassigned()) {
            where.add("t.assignee_id IS NULL");
        }
        if (query.group().isPresent()) {
            where.add("t.group_id = ?");
            values.add(p -> p.text(query.group().map(GroupId::value)));
        }
        List<Priority> priorities = query.priorities().stream().sorted().toList();
        if (!priorities.isEmpty()) {
            where.add("t.priority IN (" + Statements.placeholders(priorities.size()) + ")");
            priorities.forEach(x -> values.add(p -> p.text(x.name())));
        }
        for (String tag : query.tags().stream().sorted().toList()) {
            where.add("EXISTS (SELECT 1 FROM " + tables.tag() + " g"
                    + " WHERE g.tenant_id = t.tenant_id AND g.ticket_id = t.id AND g.tag = ?)");
            values.add(p -> p.text(tag));
        }
        List<String> channels = query.channels().stream().map(Channel::code).sorted().toList();
        if (!channels.isEmpty()) {
            where.add("t.channel IN (" + Statements.placeholders(channels.size()) + ")");
            channels.forEach(code -> values.add(p -> p.text(code)));
        }
        if (query.requester().isPresent()) {
            where.add("t.requester_id = ?");
            values.add(p -> p.text(query.requester().map(CustomerId::value)));
        }
    }

    private Optional<After> readAfter(Connection c, TenantId tenant, TicketNumber number) throws SQLException {
        return sql.first(c, "SELECT number, id, created_at, created_at_nanos, due_at, due_at_nanos FROM "
                        + tables.ticket() + " WHERE tenant_id = ? AND number = ?",
                p -> p.text(tenant.value()).number(number.value()),
                r -> new After(r.getLong("number"), dialect.getUuid(r, "id"),
                        dialect.getInstant(r, "created_at"), r.getInt("created_at_nanos"),
                        dialect.getInstant(r, "due_at"), r.getInt("due_at_nanos")));
    }

    private static List<Part> key(TicketSort sort, After last) {
        return switch (sort) {
            case NUMBER -> List.of(new Part("t.number", p -> p.number(last.number())));
            case CREATION -> List.of(
                    new Part("t.created_at", p -> p.instant(last.createdAt())),
                    new Part("t.created_at_nanos", p -> p.integer(last.createdNanos())),
                    new Part("t.id", p -> p.uuid(last.id())));
            case NEXT_DUE -> last.dueAt() == null
                    ? List.of(new Part(NO_DUE, p -> p.integer(1)), new Part("t.id", p -> p.uuid(last.id())))
                    : List.of(new Part(NO_DUE, p -> p.integer(0)),
                            new Part("t.due_at", p -> p.instant(last.dueAt())),
                            new Part("t.due_at_nanos", p -> p.integer(last.dueNanos())),
                            new Part("t.id", p -> p.uuid(last.id())));
        };
    }

    /** {@code (k1 > ?) OR (k1 = ? AND k2 > ?) OR ...}: after the key, in the key's order. */
    private static String keyset(List<Part> key, String op) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(key.get(j).column() + " = ?");
            }
            terms.add(key.get(i).column() + " " + op + " ?");
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
