package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads tickets and histories inside the caller's transaction. A ticket is its row plus the
 * events whose effect the row does not hold (messages, merges, tags, fields), which equals the
 * replay of its whole history.
 */
public final class TicketReader {
    private static final List<String> TICKET_COLUMN_LIST = concat(List.of("tenant_id", "id", "number"), TicketRows.STATE_COLUMNS);
    private static final String EXTRA_EVENT_COLUMNS = String.join(", ", List.of("related_ticket_id", "message_id",
            "message_author_kind", "message_author_id", "message_visibility", "message_channel", "message_body",
            "message_at", "message_at_nanos", "message_automatic", "tag", "field_name", "field_value").stream()
            .map(col -> "e." + col).toList());
    /** The events whose effect a ticket's row does not hold: they are read with the row. */
    private static final String EXTRA_KINDS = "('message_posted', 'merged_in', 'tag_added', 'tag_removed', 'field_set')";

    private final Statements sql;
    private final SqlDialect dialect;
    private final Tables tables;
    private final EventRows eventRows;
    private final TicketRows ticketRows;
    private final TicketQuerySql querySql;

    /**
     * Makes the reader.
     *
     * @param sql     the statement runner
     * @param dialect the dialect
     * @param tables  the table names
     */
    public TicketReader(Statements sql, SqlDialect dialect, Tables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
        this.eventRows = new EventRows(dialect);
        this.ticketRows = new TicketRows(dialect);
        this.querySql = new TicketQuerySql(sql, dialect, tables);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * Loads a ticket by id.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param id     the id
     * @return the ticket, or empty
     * @throws SQLException when the database fails
     */
    public Optional<Ticket> byId(Connection c, TenantId tenant, TicketId id) throws SQLException {
        return load(c, "t.id = ?", p -> p.text(tenant.value()).uuid(id.value()));
    }

    /**
     * Loads a ticket by number.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param number the number
     * @return the ticket, or empty
     * @throws SQLException when the database fails
     */
    public Optional<Ticket> byNumber(Connection c, TenantId tenant, TicketNumber number) throws SQLException {
        return load(c, "t.number = ?", p -> p.text(tenant.value()).number(number.value()));
    }

    /**
     * Loads one ticket in one statement: its row joined with its message and merge events
     * (one row per such event, or one row with null event columns), so that the desk's read
     * before every command costs a single round trip and sees one consistent snapshot.
     */
    private Optional<Ticket> load(Connection c, String condition, Statements.Binder binder) throws SQLException {
        String query = "SELECT " + String.join(", ", TICKET_COLUMN_LIST.stream().map(col -> "t." + col).toList())
                + ", e.kind AS e_kind, e.version AS e_version, " + EXTRA_EVENT_COLUMNS
                + " FROM " + tables.ticket() + " t LEFT JOIN " + tables.event() + " e"
                + " ON e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind IN " + EXTRA_KINDS
                + " AND e.version <= t.version"
                + " WHERE t.tenant_id = ? AND " + condition + " ORDER BY e.version";
        Ticket[] bare = new Ticket[1];
        Extras extras = Extras.empty();
        sql.forEach(c, query, binder, r -> {
            if (bare[0] == null) {
                bare[0] = ticketRows.read(r, eventRows, List.of(), List.of());
            }
            addExtra(extras, r.getString("e_kind"), r);
        });
        return bare[0] == null ? Optional.empty() : Optional.of(withExtras(bare[0], extras));
    }

    /** What a ticket's row does not hold: its messages, the tickets merged into it, its tags and fields. */
    private record Extras(List<Message> messages, List<TicketId> mergedFrom, SortedSet<String> tags,
                          SortedMap<String, String> fields) {
        static Extras empty() {
            return new Extras(new ArrayList<>(), new ArrayList<>(), new TreeSet<>(), new TreeMap<>());
        }
    }

    private static Ticket withExtras(Ticket t, Extras e) {
        return Ticket.builder().from(t)
                .messages(e.messages)
                .mergedFrom(e.mergedFrom)
                .tags(e.tags)
                .fields(e.fields)
                .build();
    }

    /** Applies one event read with a ticket's row, in version order; other kinds (or none) change nothing. */
    private void addExtra(Extras extras, String kind, ResultSet r) throws SQLException {
        if (kind == null) {
            return;
        }
        switch (kind) {
            case "message_posted" -> extras.messages.add(eventRows.message(r));
            case "merged_in" -> extras.mergedFrom.add(TicketId.of(dialect.getUuid(r, "related_ticket_id")));
            case "tag_added" -> extras.tags.add(r.getString("tag"));
            case "tag_removed" -> extras.tags.remove(r.getString("tag"));
            case "field_set" -> {
                String value = r.getString("field_value");
                if (value == null) {
                    extras.fields.remove(r.getString("field_name"));
                } else {
                    extras.fields.put(r.getString("field_name"), value);
                }
            }
            default -> {
            }
        }
    }

    /**
     * Reads the message and merge events of some tickets up to the version of their rows, so
     * that a row and its events read in two statements always agree.
     */
    private Map<TicketId, Extras> extras(Connection c, TenantId tenant, Map<TicketId, Long> versions) throws SQLException {
        Map<TicketId, Extras> result = new HashMap<>();
        if (versions.isEmpty()) {
            return result;
        }
        List<TicketId> ids = List.copyOf(versions.keySet());
        sql.forEach(c, "SELECT " + EventRows.selectList() + " FROM " + tables.event()
                        + " WHERE tenant_id = ? AND ticket_id IN (" + Statements.placeholders(ids.size()) + ")"
                        + " AND kind IN " + EXTRA_KINDS + " ORDER BY ticket_id, version",
                p -> {
                    p.text(tenant.value());
                    for (TicketId id : ids) {
                        p.uuid(id.value());
                    }
                },
                r -> {
                    TicketId id = TicketId.of(dialect.getUuid(r, "ticket_id"));
                    if (r.getLong("version") <= versions.get(id)) {
                        addExtra(result.computeIfAbsent(id, k -> Extras.empty()), r.getString("kind"), r);
                    }
                });
        return result;
    }

    /**
     * Lists a page of a tenant's tickets that match a query.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param query  the query
     * @param page   the page
     * @return the page
     * @throws SQLException when the database fails
     */
    public Page list(Connection c, TenantId tenant, TicketQuery query, PageRequest page) throws SQLException {
        Optional<TicketQuerySql.Select> select = querySql.select(c, tenant, query,
                String.join(", ", TICKET_COLUMN_LIST.stream().map(col -> "t." + col).toList()), page.after(), page.size() + 1);
        if (select.isEmpty()) {
            return new Page(List.of(), Optional.empty());
        }
        List<Ticket> bare = sql.query(c, select.get().sql(), select.get().binder(),
                r -> ticketRows.read(r, eventRows, List.of(), List.of()));
        return page(c, tenant, bare, page);
    }

    private Page page(Connection c, TenantId tenant, List<Ticket> bare, PageRequest page) throws SQLException {
        List<Ticket> rows = new ArrayList<>(bare);
        boolean more = rows.size() > page.size();
        if (more) {
            rows.subList(page.size(), rows.size()).clear();
        }
        Map<TicketId, Long> versions = new LinkedHashMap<>();
        rows.forEach(t -> versions.put(t.id(), t.version()));
        Map<TicketId, Extras> extras = extras(c, tenant, versions);
        List<Ticket> items = new ArrayList<>(rows.size());
        for (Ticket t : rows) {
            Extras e = extras.get(t.id());
            items.add(e == null ? t : withExtras(t, e));
        }
        Optional<PageRequest> next = more
                ? Optional.of(new PageRequest(page.size(), Optional.of(items.get(items.size() - 1).number())))
                : Optional.empty();
        return new Page(items, next);
    }

    /**
     * A ticket's whole history.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param id     the ticket
     * @return its events, oldest first
     * @throws SQLException when the database fails
     */
    public List<RecordedEvent> history(Connection c, TenantId tenant, TicketId id) throws SQLException {
        return List.copyOf(sql.query(c, "SELECT " + EventRows.selectList() + " FROM " + tables.event()
                        + " WHERE tenant_id = ? AND ticket_id = ? ORDER BY version",
                p -> p.text(tenant.value()).uuid(id.value()),
                eventRows::read));
    }

    /**
     * Reads the histories of some tickets of any tenants in one query:
     * {@code tenant_id IN (...) AND ticket_id IN (...)}, served by the event table's primary
     * key, with the rows of a ticket id under another of the tenants (a coincidence of ids
     * across tenants) left out.
     *
     * @param c       the connection
     * @param tickets the tickets, at least one
     * @param into    where each ticket's events are added, oldest first
     * @throws SQLException when the database fails
     */
    public void histories(Connection c, List<DueTicket> tickets, Map<TicketKey, List<RecordedEvent>> into)
            throws SQLException {
        List<TenantId> tenants = tickets.stream().map(DueTicket::tenant).distinct().toList();
        List<TicketId> ids = tickets.stream().map(DueTicket::id).distinct().toList();
        java.util.Set<TicketKey> wanted = new java.util.HashSet<>();
        tickets.forEach(t -> wanted.add(new TicketKey(t.tenant(), t.id())));
        sql.forEach(c, "SELECT " + EventRows.selectList() + " FROM " + tables.event()
                        + " WHERE tenant_id IN (" + Statements.placeholders(tenants.size()) + ")"
                        + " AND ticket_id IN (" + Statements.placeholders(ids.size()) + ") ORDER BY tenant_id, ticket_id, version",
                p -> {
                    for (TenantId tenant : tenants) {
                        p.text(tenant.value());
                    }
                    for (TicketId id : ids) {
                        p.uuid(id.value());
                    }
                },
                r -> {
                    RecordedEvent event = eventRows.read(r);
                    TicketKey key = new TicketKey(event.tenant(), event.event().ticketId());
                    if (wanted.contains(key)) {
                        into.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
                    }
                });
    }
}
