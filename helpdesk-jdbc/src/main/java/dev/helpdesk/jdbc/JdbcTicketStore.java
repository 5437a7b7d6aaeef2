package dev.helpdesk.jdbc;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.jdbc.internal.TicketRows;
import dev.helpdesk.jdbc.outbox.OutboxRelay;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.outbox.EventOutbox;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket store in a relational database: tickets in {@code hd_ticket}, their histories in
 * {@code hd_ticket_event}, human numbers in {@code hd_ticket_number} and, unless disabled, every
 * committed event in the outbox {@code hd_outbox}. Made by {@link JdbcStores#builder}.
 *
 * <p>One commit is one transaction (the store's own, or the host's through a
 * {@link TransactionRunner}): ticket rows, events and outbox rows are written together or not at
 * all. A change names the version it is based on; the update is
 * {@code UPDATE ... WHERE id = ? AND version = ?}, so a stale change updates no row and comes
 * back as {@link Rejection.ConcurrentModification} with nothing written. A ticket is loaded from
 * its row plus its message and merge events, which equals the replay of its whole history.
 *
 * <p>Thread-safe; holds no connection between calls.
 */
public final class JdbcTicketStore implements TicketStore, TicketNumberSequence, EventOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTicketStore.class);
    /** The most ticket ids one history query binds. */
    private static final int HISTORY_CHUNK = 500;
    private static final List<String> TICKET_COLUMN_LIST = concat(List.of("tenant_id", "id", "number"), TicketRows.STATE_COLUMNS);
    private static final String TICKET_COLUMNS = String.join(", ", TICKET_COLUMN_LIST);
    private static final String EXTRA_EVENT_COLUMNS = String.join(", ", List.of("related_ticket_id", "message_id",
            "message_author_kind", "message_author_id", "message_visibility", "message_channel", "message_body",
            "message_at", "message_at_nanos", "message_automatic", "tag", "field_name", "field_value").stream()
            .map(col -> "e." + col).toList());
    /** The events whose effect a ticket's row does not hold: they are read with the row. */
    private static final String EXTRA_KINDS = "('message_posted', 'merged_in', 'tag_added', 'tag_removed', 'field_set')";

    private final SqlDialect dialect;
    private final TransactionRunner transactions;
    private final Optional<String> schema;
    private final Tables tables;
    private final boolean outbox;
    private final EventRows eventRows;
    private final TicketRows ticketRows;
    private final OutboxRelay.Settings relaySettings;
    private final Map<List<String>, OutboxRelay> relays = new ConcurrentHashMap<>();

    JdbcTicketStore(SqlDialect dialect, TransactionRunner transactions, Optional<String> schema, boolean outbox,
                    OutboxRelay.Settings relaySettings) {
        this.dialect = dialect;
        this.transactions = transactions;
        this.schema = schema;
        this.tables = Tables.in(schema);
        this.outbox = outbox;
        this.eventRows = new EventRows(dialect);
        this.ticketRows = new TicketRows(dialect);
        this.relaySettings = relaySettings;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * The dialect in use, as detected or configured.
     *
     * @return the dialect
     */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Tells whether commits write outbox rows.
     *
     * @return true unless the outbox was disabled on the builder
     */
    public boolean hasOutbox() {
        return outbox;
    }

    /**
     * Makes a relay that delivers this store's outbox to event listeners, with the retry
     * settings given on the builder. A host drives it with {@link OutboxRelay#deliver} or lets
     * it run on a thread of its own with {@link OutboxRelay#start}.
     *
     * @param listeners the listeners, called in this order for each event
     * @return the relay
     */
    public OutboxRelay relay(List<? extends EventListener> listeners) {
        return new OutboxRelay(transactions, dialect, schema, relaySettings, listeners);
    }

    @Override
    public boolean isActive() {
        return outbox;
    }

    @Override
    public DeliveryReport deliver(Instant now, int limit, List<? extends EventListener> listeners) {
        List<String> key = listeners.stream().map(l -> l.name() + "@" + System.identityHashCode(l)).toList();
        return relays.computeIfAbsent(key, k -> relay(listeners)).deliver(now, limit);
    }

    /** Transient failures (deadlocks, lock timeouts) are retried this often in the store's own transactions. */
    private static final int ATTEMPTS = 5;

    /**
     * Runs work through the runner. In a transaction of its own the store retries a deadlock or
     * lock timeout, which rolled everything back, so a retry cannot apply anything twice; in a
     * host's transaction the failure goes to the host, whose transaction is lost anyway.
     */
    private <T> T inTransaction(TransactionalWork<T> work) {
        return retrying(work, false);
    }

    private <T> T retrying(TransactionalWork<T> work, boolean singleStatement) {
        for (int attempt = 1; ; attempt++) {
            try {
                return singleStatement ? transactions.singleStatement(work) : transactions.inTransaction(work);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || transactions.joinsHostTransactions()
                        || !(e.getCause() instanceof SQLException sql) || !dialect.isTransient(sql)) {
                    throw e;
                }
                LOG.debug("retrying after a transient database failure: {}", sql.toString());
            }
        }
    }

    // ---------------------------------------------------------------- commit

    @Override
    public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
        Objects.requireNonNull(tenant, "tenant");
        checkChanges(tenant, changes);
        return inTransaction(c -> {
            Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            Optional<TicketChange> conflict;
            try {
                conflict = write(c, tenant, changes);
            } catch (SQLException | RuntimeException e) {
                if (savepoint != null) {
                    rollbackQuietly(c, savepoint, e);
                }
                throw e;
            }
            if (conflict.isEmpty()) {
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return Either.<Rejection, List<Ticket>>right(changes.stream().map(TicketChange::newState).toList());
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            } else {
                c.rollback();
            }
            TicketChange failed = conflict.get();
            long actual = currentVersion(c, tenant, failed.ticketId()).orElse(0L);
            if (failed.isCreation() && actual == 0) {
                throw new StoreException("ticket number " + failed.newState().number() + " of tenant " + tenant
                        + " is already taken by another ticket", null);
            }
            return Either.<Rejection, List<Ticket>>left(new Rejection.ConcurrentModification("ticket",
                    failed.ticketId().toString(), failed.expectedVersion(), actual));
        });
    }

    private static void checkChanges(TenantId tenant, List<TicketChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a commit has at least one change");
        }
        Set<TicketId> seen = new HashSet<>();
        for (TicketChange change : changes) {
            if (!change.newState().tenant().equals(tenant)) {
                throw new IllegalArgumentException("a change of tenant " + change.newState().tenant()
                        + " committed as tenant " + tenant);
            }
            if (!seen.add(change.ticketId())) {
                throw new IllegalArgumentException("two changes of ticket " + change.ticketId() + " in one commit");
            }
        }
    }

    private static void rollbackQuietly(Connection c, Savepoint savepoint, Exception cause) {
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Writes every change; returns the first change that conflicts, after which nothing more is written. */
    private Optional<TicketChange> write(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        for (TicketChange change : changes) {
            boolean written = change.isCreation() ? insertTicket(c, tenant, change) : updateTicket(c, tenant, change);
            if (!written) {
                return Optional.of(change);
            }
        }
        insertEvents(c, tenant, changes);
        writeTagsAndFields(c, tenant, changes);
        if (outbox) {
            insertOutbox(c, tenant, changes);
        }
        return Optional.empty();
    }

    private boolean insertTicket(Connection c, TenantId tenant, TicketChange change) throws SQLException {
        Ticket t = change.newState();
        String sql = "INSERT INTO " + tables.ticket() + " (" + TICKET_COLUMNS + ", due_at, due_at_nanos, claimed_until)"
                + " VALUES (" + "?, ".repeat(3 + TicketRows.STATE_COLUMNS.size() + 2) + "NULL)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant.value());
            dialect.setUuid(s, 2, t.id().value());
            s.setLong(3, t.number().value());
            int next = ticketRows.bindState(s, 4, t);
            ticketRows.bindInstant(s, next, change.dueAt().orElse(null));
            s.executeUpdate();
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
        String sql = "UPDATE " + tables.ticket() + " SET "
                + String.join(", ", TicketRows.STATE_COLUMNS.stream().map(col -> col + " = ?").toList())
                + ", due_at = ?, due_at_nanos = ?, claimed_until = NULL"
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = ticketRows.bindState(s, 1, t);
            i = ticketRows.bindInstant(s, i, change.dueAt().orElse(null));
            s.setString(i++, tenant.value());
            dialect.setUuid(s, i++, t.id().value());
            s.setLong(i, change.expectedVersion());
            return s.executeUpdate() == 1;
        }
    }

    private void insertEvents(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(EventRows.insertSql(tables.event()))) {
            int rows = 0;
            for (TicketChange change : changes) {
                long version = change.expectedVersion();
                for (TicketEvent event : change.events()) {
                    eventRows.bind(s, tenant, ++version, event);
                    rows++;
                    if (rows == 1 && isSingleEvent(changes)) {
                        s.executeUpdate();
                        return;
                    }
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
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
            replaceRows(c, tenant, tables.tag(), tagged, "tag", t -> t.tags().stream().map(tag -> new String[] {tag}).toList());
        }
        if (!fielded.isEmpty()) {
            replaceRows(c, tenant, tables.field(), fielded, "field_name, field_value", t -> t.fields().entrySet().stream()
                    .map(f -> new String[] {f.getKey(), f.getValue()}).toList());
        }
    }

    private void replaceRows(Connection c, TenantId tenant, String table, List<Ticket> tickets, String columns,
                             java.util.function.Function<Ticket, List<String[]>> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ? AND ticket_id = ?")) {
            for (Ticket t : tickets) {
                s.setString(1, tenant.value());
                dialect.setUuid(s, 2, t.id().value());
                s.addBatch();
            }
            s.executeBatch();
        }
        int width = columns.split(",").length;
        String sql = "INSERT INTO " + table + " (tenant_id, ticket_id, " + columns + ") VALUES (?, ?"
                + ", ?".repeat(width) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int count = 0;
            for (Ticket t : tickets) {
                for (String[] row : rows.apply(t)) {
                    s.setString(1, tenant.value());
                    dialect.setUuid(s, 2, t.id().value());
                    for (int i = 0; i < width; i++) {
                        s.setString(3 + i, row[i]);
                    }
                    s.addBatch();
                    count++;
                }
            }
            if (count > 0) {
                s.executeBatch();
            }
        }
    }

    private void insertOutbox(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        String sql = "INSERT INTO " + tables.outbox() + " (tenant_id, ticket_id, version, state, attempts)"
                + " VALUES (?, ?, ?, 'PENDING', 0)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            boolean single = isSingleEvent(changes);
            for (TicketChange change : changes) {
                long version = change.expectedVersion();
                for (int n = 0; n < change.events().size(); n++) {
                    s.setString(1, tenant.value());
                    dialect.setUuid(s, 2, change.ticketId().value());
                    s.setLong(3, ++version);
                    if (single) {
                        s.executeUpdate();
                        return;
                    }
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static boolean isSingleEvent(List<TicketChange> changes) {
        return changes.size() == 1 && changes.get(0).events().size() == 1;
    }

    private Optional<Long> currentVersion(Connection c, TenantId tenant, TicketId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT version FROM " + tables.ticket() + " WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, tenant.value());
            dialect.setUuid(s, 2, id.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Option<Ticket> find(TenantId tenant, TicketId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return inTransaction(c -> Option.ofOptional(load(c, tenant, "id = ?",
                s -> dialect.setUuid(s, 2, id.value()))));
    }

    @Override
    public Option<Ticket> findByNumber(TenantId tenant, TicketNumber number) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        return inTransaction(c -> Option.ofOptional(load(c, tenant, "number = ?",
                s -> s.setLong(2, number.value()))));
    }

    /** Binds the parameters after the tenant. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Loads one ticket in one statement: its row joined with its message and merge events
     * (one row per such event, or one row with null event columns), so that the desk's read
     * before every command costs a single round trip and sees one consistent snapshot.
     */
    private Optional<Ticket> load(Connection c, TenantId tenant, String condition, Binder binder) throws SQLException {
        String sql = "SELECT " + String.join(", ", TICKET_COLUMN_LIST.stream().map(col -> "t." + col).toList())
                + ", e.kind AS e_kind, e.version AS e_version, " + EXTRA_EVENT_COLUMNS
                + " FROM " + tables.ticket() + " t LEFT JOIN " + tables.event() + " e"
                + " ON e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind IN " + EXTRA_KINDS
                + " AND e.version <= t.version"
                + " WHERE t.tenant_id = ? AND t." + condition + " ORDER BY e.version";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant.value());
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Extras extras = Extras.empty();
                Ticket bare = ticketRows.read(r, eventRows, List.of(), List.of());
                do {
                    addExtra(extras, r.getString("e_kind"), r);
                } while (r.next());
                return Optional.of(withExtras(bare, extras));
            }
        }
    }

    /** What a ticket's row does not hold: its messages, the tickets merged into it, its tags and fields. */
    private record Extras(List<Message> messages, List<TicketId> mergedFrom, SortedSet<String> tags,
                          SortedMap<String, String> fields) {
        static Extras empty() {
            return new Extras(new ArrayList<>(), new ArrayList<>(), new TreeSet<>(), new TreeMap<>());
        }
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
        String in = String.join(", ", versions.keySet().stream().map(k -> "?").toList());
        String sql = "SELECT " + EventRows.selectList() + " FROM " + tables.event()
                + " WHERE tenant_id = ? AND ticket_id IN (" + in + ") AND kind IN " + EXTRA_KINDS
                + " ORDER BY ticket_id, version";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant.value());
            int i = 2;
            for (TicketId id : versions.keySet()) {
                dialect.setUuid(s, i++, id.value());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    TicketId id = TicketId.of(dialect.getUuid(r, "ticket_id"));
                    if (r.getLong("version") > versions.get(id)) {
                        continue;
                    }
                    addExtra(result.computeIfAbsent(id, k -> Extras.empty()), r.getString("kind"), r);
                }
            }
        }
        return result;
    }

    @Override
    public List<RecordedEvent> history(TenantId tenant, TicketId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        String sql = "SELECT " + EventRows.selectList() + " FROM " + tables.event()
                + " WHERE tenant_id = ? AND ticket_id = ? ORDER BY version";
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, tenant.value());
                dialect.setUuid(s, 2, id.value());
                try (ResultSet r = s.executeQuery()) {
                    List<RecordedEvent> events = new ArrayList<>();
                    while (r.next()) {
                        events.add(eventRows.read(r));
                    }
                    return List.copyOf(events);
                }
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one transaction, and per tenant one query for up to {@value #HISTORY_CHUNK}
     * tickets ({@code ticket_id IN (...)}, served by the event table's primary key).
     */
    @Override
    public List<List<RecordedEvent>> histories(List<DueTicket> tickets) {
        Objects.requireNonNull(tickets, "tickets");
        if (tickets.isEmpty()) {
            return List.of();
        }
        Map<TenantId, List<TicketId>> byTenant = new LinkedHashMap<>();
        for (DueTicket t : tickets) {
            byTenant.computeIfAbsent(t.tenant(), k -> new ArrayList<>()).add(t.id());
        }
        Map<TenantId, Map<TicketId, List<RecordedEvent>>> found = inTransaction(c -> {
            Map<TenantId, Map<TicketId, List<RecordedEvent>>> read = new HashMap<>();
            for (Map.Entry<TenantId, List<TicketId>> tenant : byTenant.entrySet()) {
                Map<TicketId, List<RecordedEvent>> ofTenant = read.computeIfAbsent(tenant.getKey(), k -> new HashMap<>());
                List<TicketId> ids = tenant.getValue();
                for (int from = 0; from < ids.size(); from += HISTORY_CHUNK) {
                    readHistories(c, tenant.getKey(), ids.subList(from, Math.min(ids.size(), from + HISTORY_CHUNK)), ofTenant);
                }
            }
            return read;
        });
        List<List<RecordedEvent>> histories = new ArrayList<>(tickets.size());
        for (DueTicket t : tickets) {
            histories.add(List.copyOf(found.get(t.tenant()).getOrDefault(t.id(), List.of())));
        }
        return List.copyOf(histories);
    }

    private void readHistories(Connection c, TenantId tenant, List<TicketId> ids,
                               Map<TicketId, List<RecordedEvent>> into) throws SQLException {
        String sql = "SELECT " + EventRows.selectList() + " FROM " + tables.event()
                + " WHERE tenant_id = ? AND ticket_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ") ORDER BY ticket_id, version";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant.value());
            for (int i = 0; i < ids.size(); i++) {
                dialect.setUuid(s, i + 2, ids.get(i).value());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    RecordedEvent event = eventRows.read(r);
                    into.computeIfAbsent(event.event().ticketId(), k -> new ArrayList<>()).add(event);
                }
            }
        }
    }

    @Override
    public Page list(TenantId tenant, TicketQuery query, PageRequest page) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        StringBuilder sql = new StringBuilder("SELECT ").append(TICKET_COLUMNS).append(" FROM ").append(tables.ticket())
                .append(" WHERE tenant_id = ?");
        List<Status> statuses = query.statuses().stream().sorted().toList();
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (").append(String.join(", ", statuses.stream().map(x -> "?").toList())).append(')');
        }
        query.assignee().ifPresent(a -> sql.append(" AND assignee_id = ?"));
        query.requester().ifPresent(r -> sql.append(" AND requester_id = ?"));
        page.after().ifPresent(a -> sql.append(" AND number > ?"));
        sql.append(" ORDER BY number").append(dialect.limitClause(page.size() + 1));
        return inTransaction(c -> {
            List<Ticket> items = new ArrayList<>();
            boolean more;
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setString(i++, tenant.value());
                for (Status status : statuses) {
                    s.setString(i++, status.name());
                }
                if (query.assignee().isPresent()) {
                    s.setString(i++, query.assignee().map(AgentId::value).orElseThrow());
                }
                if (query.requester().isPresent()) {
                    s.setString(i++, query.requester().map(CustomerId::value).orElseThrow());
                }
                if (page.after().isPresent()) {
                    s.setLong(i, page.after().orElseThrow().value());
                }
                try (ResultSet r = s.executeQuery()) {
                    Map<TicketId, Long> versions = new LinkedHashMap<>();
                    List<Ticket> bare = new ArrayList<>();
                    while (r.next() && bare.size() < page.size() + 1) {
                        Ticket t = ticketRows.read(r, eventRows, List.of(), List.of());
                        bare.add(t);
                    }
                    more = bare.size() > page.size();
                    if (more) {
                        bare.remove(bare.size() - 1);
                    }
                    bare.forEach(t -> versions.put(t.id(), t.version()));
                    Map<TicketId, Extras> extras = extras(c, tenant, versions);
                    for (Ticket t : bare) {
                        Extras e = extras.get(t.id());
                        items.add(e == null ? t : withExtras(t, e));
                    }
                }
            }
            Optional<PageRequest> next = more
                    ? Optional.of(new PageRequest(page.size(), Optional.of(items.get(items.size() - 1).number())))
                    : Optional.empty();
            return new Page(items, next);
        });
    }

    private static Ticket withExtras(Ticket t, Extras e) {
        return Ticket.builder().from(t)
                .messages(e.messages)
                .mergedFrom(e.mergedFrom)
                .tags(e.tags)
                .fields(e.fields)
                .build();
    }

    // ---------------------------------------------------------------- due work

    @Override
    public List<DueTicket> claimDue(Instant now, int limit, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
        Instant until = now.plus(lease);
        return inTransaction(c -> dialect.supportsSkipLocked()
                ? claimSkippingLocked(c, now, limit, until)
                : claimOptimistically(c, now, limit, until));
    }

    private String dueQuery(int limit) {
        return "SELECT tenant_id, id, due_at, due_at_nanos, version FROM " + tables.ticket()
                + " WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
                + " ORDER BY due_at, tenant_id, id" + dialect.limitClause(limit);
    }

    private List<DueTicket> claimSkippingLocked(Connection c, Instant now, int limit, Instant until) throws SQLException {
        List<DueTicket> due = selectDue(c, dueQuery(limit) + dialect.forUpdateSkipLocked(), now);
        if (due.isEmpty()) {
            return due;
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE " + tables.ticket() + " SET claimed_until = ? WHERE tenant_id = ? AND id = ?")) {
            for (DueTicket d : due) {
                dialect.setInstant(s, 1, EventRows.micros(until));
                s.setString(2, d.tenant().value());
                dialect.setUuid(s, 3, d.id().value());
                s.addBatch();
            }
            s.executeBatch();
        }
        return due;
    }

    private List<DueTicket> claimOptimistically(Connection c, Instant now, int limit, Instant until) throws SQLException {
        List<DueTicket> candidates = selectDue(c, dueQuery(limit), now);
        List<DueTicket> claimed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.ticket() + " SET claimed_until = ?"
                + " WHERE tenant_id = ? AND id = ? AND version = ? AND due_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ?)")) {
            for (DueTicket d : candidates) {
                dialect.setInstant(s, 1, EventRows.micros(until));
                s.setString(2, d.tenant().value());
                dialect.setUuid(s, 3, d.id().value());
                s.setLong(4, d.version());
                dialect.setInstant(s, 5, EventRows.micros(now));
                dialect.setInstant(s, 6, EventRows.micros(now));
                if (s.executeUpdate() == 1) {
                    claimed.add(d);
                }
            }
        }
        return claimed;
    }

    private List<DueTicket> selectDue(Connection c, String sql, Instant now) throws SQLException {
        List<DueTicket> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            dialect.setInstant(s, 1, EventRows.micros(now));
            dialect.setInstant(s, 2, EventRows.micros(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant dueAt = eventRows.instant(r, "due_at");
                    if (!dueAt.isAfter(now)) {
                        UUID id = dialect.getUuid(r, "id");
                        due.add(new DueTicket(TenantId.of(r.getString("tenant_id")), TicketId.of(id), dueAt, r.getLong("version")));
                    }
                }
            }
        }
        return due;
    }

    @Override
    public Either<Rejection, Long> reschedule(TenantId tenant, TicketId id, long expectedVersion, Optional<Instant> dueAt) {
        Reschedule item = new Reschedule(tenant, id, expectedVersion, dueAt);
        // one conditional update is atomic on its own: without a host transaction it runs
        // auto-committed, saving the commit's round trip on every due ticket
        return retrying(c -> {
            try (PreparedStatement s = c.prepareStatement(rescheduleSql())) {
                bindReschedule(s, item);
                if (s.executeUpdate() == 1) {
                    return Either.<Rejection, Long>right(expectedVersion);
                }
            }
            return notRescheduled(c, item);
        }, true);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one transaction and one batched conditional update for all items, written in
     * tenant and id order so that two instances rescheduling overlapping batches cannot
     * deadlock; only the items that did not match are read again, to tell a stale version from
     * a missing ticket. A transient failure retries the whole batch, which is idempotent.
     */
    @Override
    public List<Either<Rejection, Long>> rescheduleAll(List<Reschedule> items) {
        Reschedule.checkDistinct(items);
        if (items.isEmpty()) {
            return List.of();
        }
        // written in tenant and id order; answered in the items' order
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> items.get(i).tenant().value())
                .thenComparing(i -> items.get(i).id().value()));
        return inTransaction(c -> {
            int[] counts;
            try (PreparedStatement s = c.prepareStatement(rescheduleSql())) {
                for (int i : order) {
                    bindReschedule(s, items.get(i));
                    s.addBatch();
                }
                counts = s.executeBatch();
            }
            List<Either<Rejection, Long>> answers = new ArrayList<>(Collections.nCopies(items.size(), null));
            for (int k = 0; k < order.length; k++) {
                Reschedule item = items.get(order[k]);
                boolean matched = k < counts.length && counts[k] == 1;
                if (!matched && (k >= counts.length || counts[k] < 0)) {
                    // a driver that reports no count per statement: ask the row itself; the
                    // update is idempotent, so running it again changes nothing it already did
                    try (PreparedStatement s = c.prepareStatement(rescheduleSql())) {
                        bindReschedule(s, item);
                        matched = s.executeUpdate() == 1;
                    }
                }
                answers.set(order[k], matched ? Either.right(item.expectedVersion()) : notRescheduled(c, item));
            }
            return List.copyOf(answers);
        });
    }

    private String rescheduleSql() {
        return "UPDATE " + tables.ticket() + " SET due_at = ?, due_at_nanos = ?, claimed_until = NULL"
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    private void bindReschedule(PreparedStatement s, Reschedule item) throws SQLException {
        int i = ticketRows.bindInstant(s, 1, item.dueAt().orElse(null));
        s.setString(i++, item.tenant().value());
        dialect.setUuid(s, i++, item.id().value());
        s.setLong(i, item.expectedVersion());
    }

    private Either<Rejection, Long> notRescheduled(Connection c, Reschedule item) throws SQLException {
        Optional<Long> actual = currentVersion(c, item.tenant(), item.id());
        if (actual.isEmpty()) {
            return Either.left(new Rejection.NotFound("ticket", item.id().toString()));
        }
        return Either.left(new Rejection.ConcurrentModification("ticket", item.id().toString(),
                item.expectedVersion(), actual.get()));
    }

    @Override
    public Optional<Instant> dueAt(TenantId tenant, TicketId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT due_at, due_at_nanos FROM " + tables.ticket()
                    + " WHERE tenant_id = ? AND id = ?")) {
                s.setString(1, tenant.value());
                dialect.setUuid(s, 2, id.value());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(eventRows.instant(r, "due_at")) : Optional.<Instant>empty();
                }
            }
        });
    }

    // ---------------------------------------------------------------- numbers

    @Override
    public TicketNumber next(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<TicketNumber> taken = inTransaction(c -> {
                if (increment(c, tenant) == 0) {
                    return Optional.<TicketNumber>empty();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT last_value FROM " + tables.number() + " WHERE tenant_id = ?")) {
                    s.setString(1, tenant.value());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        return Optional.of(TicketNumber.of(r.getLong(1)));
                    }
                }
            });
            if (taken.isPresent()) {
                return taken.get();
            }
            // the tenant's first number: create its counter in a transaction of its own. Inserting
            // in the transaction whose update found no row would hold InnoDB's gap lock across the
            // insert, and concurrent first numbers would then deadlock each other.
            inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement(dialect.insertIgnore(tables.number(),
                        List.of("tenant_id", "last_value"), List.of("tenant_id")))) {
                    s.setString(1, tenant.value());
                    s.setLong(2, 0);
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (!dialect.isDuplicateKey(e)) {
                        throw e;
                    }
                }
                return null;
            });
        }
        throw new StoreException("cannot create the number counter of tenant " + tenant, null);
    }

    private int increment(Connection c, TenantId tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE " + tables.number() + " SET last_value = last_value + 1 WHERE tenant_id = ?")) {
            s.setString(1, tenant.value());
            return s.executeUpdate();
        }
    }
}
