package dev.helpdesk.bench.jdbc;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A ticket's life through the desk on the JDBC store against hand-written JDBC doing the same
 * writes in the same transactions, on embedded PostgreSQL with {@code synchronous_commit=on}:
 * open, an agent's reply, the assignment, the solve. The desk's side is what a host calls
 * ({@code TicketDesk.open}, {@code reply}, {@code assign}, {@code solve}); the hand-written side
 * takes its number in a short transaction of its own like the store, then per command writes in
 * one transaction exactly the rows the desk wrote for a template ticket (the ticket row inserted
 * or updated on its version, its event rows, its outbox rows), with values prepared beforehand:
 * it reads nothing and decides nothing, the fastest a host could do by hand.
 *
 * <p>Both run in alternating rounds on one database, which cancels the disk's drift; the figure
 * is the median of the per-round ratios.
 *
 * <p>Run: {@code java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.jdbc.LifecycleComparison [rounds] [ticketsPerRound]}.
 */
public final class LifecycleComparison {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final Actor CUSTOMER = Actor.customer("c-1");
    private static final Actor AGENT = Actor.agent("a-1");

    private final TicketDesk desk;
    private final BenchPostgres.Pool pool;
    /** The template's ticket row after each command: column names and values. */
    private final List<Row> ticketRows = new ArrayList<>();
    /** The template's event rows of each command. */
    private final List<List<Row>> eventRows = new ArrayList<>();
    /** The template's version after each command. */
    private final List<Long> templateVersions = new ArrayList<>();
    private long ids;

    /** A row read back: its column names and values. */
    private record Row(List<String> columns, List<Object> values) {
        Object get(String column) {
            return values.get(columns.indexOf(column));
        }
    }

    private LifecycleComparison(BenchPostgres.Pool pool) throws SQLException {
        this.pool = pool;
        JdbcTicketStore store = JdbcStores.create(pool);
        this.desk = Helpdesk.builder().store(store).build().tenant(TENANT).tickets();
        Ticket template = lifeThroughTheDesk();
        try (Connection c = pool.getConnection()) {
            List<Row> events = rows(c, "SELECT * FROM hd_ticket_event WHERE tenant_id = ? AND ticket_id = ? ORDER BY version",
                    template.id());
            long version = 0;
            for (long after : templateVersions) {
                List<Row> ofCommand = new ArrayList<>();
                for (Row e : events) {
                    long v = ((Number) e.get("version")).longValue();
                    if (v > version && v <= after) {
                        ofCommand.add(e);
                    }
                }
                eventRows.add(ofCommand);
                version = after;
            }
        }
    }


    /** One ticket's life through the desk; for the template, the ticket row after each command is kept. */
    private Ticket lifeThroughTheDesk() throws SQLException {
        boolean template = ticketRows.isEmpty() && templateVersions.isEmpty();
        Ticket t = desk.open(TicketCommand.open().subject("Printer offline").body("Nothing prints since this morning.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("c-1")).build(), CUSTOMER).get();
        keep(template, t);
        t = desk.reply(t.id(), "Please restart it and tell us what the display says.", Channel.EMAIL, AGENT).get();
        keep(template, t);
        t = desk.assign(t.id(), AgentId.of("a-1"), AGENT).get();
        keep(template, t);
        t = desk.solve(t.id(), AGENT).get();
        keep(template, t);
        return t;
    }

    private void keep(boolean template, Ticket t) throws SQLException {
        if (template) {
            templateVersions.add(t.version());
            try (Connection c = pool.getConnection()) {
                ticketRows.add(rows(c, "SELECT * FROM hd_ticket WHERE tenant_id = ? AND id = ?", t.id()).get(0));
            }
        }
    }

    private static List<Row> rows(Connection c, String sql, TicketId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, TENANT.value());
            s.setObject(2, id.value());
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                List<Row> rows = new ArrayList<>();
                while (r.next()) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        values.add(r.getObject(i));
                    }
                    rows.add(new Row(columns, values));
                }
                return rows;
            }
        }
    }

    /** The same writes by hand: the number, then one transaction per command. */
    private void lifeByHand() throws SQLException {
        UUID id = new UUID(0x0191_0000_0000_7000L | (++ids << 16), 0x8000_0000_0000_0000L | ids);
        long number;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE hd_ticket_number SET last_value = last_value + 1 WHERE tenant_id = ? RETURNING last_value")) {
                s.setString(1, TENANT.value());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    number = r.getLong(1);
                }
            }
            c.commit();
            for (int command = 0; command < ticketRows.size(); command++) {
                Row ticket = ticketRows.get(command);
                if (command == 0) {
                    insert(c, "hd_ticket", ticket, id, number);
                } else {
                    update(c, ticket, id, ((Number) ticketRows.get(command - 1).get("version")).longValue());
                }
                for (Row event : eventRows.get(command)) {
                    insert(c, "hd_ticket_event", event, id, number);
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO hd_outbox (tenant_id, ticket_id, version, state,"
                        + " attempts) VALUES (?, ?, ?, 'PENDING', 0)")) {
                    for (Row event : eventRows.get(command)) {
                        s.setString(1, TENANT.value());
                        s.setObject(2, id);
                        s.setLong(3, ((Number) event.get("version")).longValue());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            }
            c.setAutoCommit(true);
        }
    }

    private static Object value(Row row, int i, UUID id, long number) {
        return switch (row.columns().get(i)) {
            case "id", "ticket_id" -> id;
            case "number" -> number;
            case "ticket_number" -> row.values().get(i) == null ? null : number;
            case "message_id" -> row.values().get(i) == null ? null : UUID.randomUUID();
            default -> row.values().get(i);
        };
    }

    private static void insert(Connection c, String table, Row row, UUID id, long number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", row.columns())
                + ") VALUES (" + String.join(", ", Collections.nCopies(row.columns().size(), "?")) + ")")) {
            for (int i = 0; i < row.columns().size(); i++) {
                s.setObject(i + 1, value(row, i, id, number));
            }
            s.executeUpdate();
        }
    }

    private static void update(Connection c, Row row, UUID id, long expected) throws SQLException {
        List<String> set = row.columns().stream().filter(col -> !List.of("tenant_id", "id", "number").contains(col)).toList();
        try (PreparedStatement s = c.prepareStatement("UPDATE hd_ticket SET "
                + String.join(", ", set.stream().map(col -> col + " = ?").toList())
                + " WHERE tenant_id = ? AND id = ? AND version = ?")) {
            int i = 1;
            for (String col : set) {
                s.setObject(i++, row.get(col));
            }
            s.setString(i++, TENANT.value());
            s.setObject(i++, id);
            s.setLong(i, expected);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("the hand-written update found no row");
            }
        }
    }

    /**
     * Runs the comparison and prints the figures.
     *
     * @param args rounds (default 30) and tickets per round and variant (default 50)
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int tickets = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        try (BenchPostgres postgres = new BenchPostgres(); BenchPostgres.Pool pool = postgres.database()) {
            LifecycleComparison bench = new LifecycleComparison(pool);
            for (int i = 0; i < 200; i++) {
                bench.lifeThroughTheDesk();
                bench.lifeByHand();
            }
            List<Double> ratios = new ArrayList<>();
            double deskTotal = 0;
            double handTotal = 0;
            for (int r = 0; r < rounds; r++) {
                boolean deskFirst = r % 2 == 0;
                double d = 0;
                double h = 0;
                for (int pass = 0; pass < 2; pass++) {
                    boolean runDesk = (pass == 0) == deskFirst;
                    long start = System.nanoTime();
                    for (int i = 0; i < tickets; i++) {
                        if (runDesk) {
                            bench.lifeThroughTheDesk();
                        } else {
                            bench.lifeByHand();
                        }
                    }
                    double perSecond = tickets / ((System.nanoTime() - start) / 1e9);
                    if (runDesk) {
                        d = perSecond;
                    } else {
                        h = perSecond;
                    }
                }
                deskTotal += d;
                handTotal += h;
                ratios.add(d / h);
            }
            Collections.sort(ratios);
            System.out.printf("ticket life (open, reply, assign, solve), %d rounds x %d tickets each: desk on the JDBC store"
                    + " %.0f lives/s, hand-written JDBC %.0f lives/s (means); per-round ratio desk/hand-written: median %.2f,"
                    + " quartiles %.2f-%.2f%n", rounds, tickets, deskTotal / rounds, handTotal / rounds,
                    ratios.get(rounds / 2), ratios.get(rounds / 4), ratios.get(3 * rounds / 4));
        }
    }
}
