package dev.helpdesk.bench.jdbc;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Opening a ticket through the JDBC adapter against hand-written JDBC that does the same three
 * inserts (ticket row, event row, outbox row) in one transaction, on embedded PostgreSQL with
 * {@code synchronous_commit=on}. The bar: the adapter reaches at least 0.8 of the
 * hand-written throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdbcOpenTicketBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final Actor CUSTOMER = Actor.customer("c-1");
    private static final Instant AT = Instant.parse("2026-03-02T12:00:00Z");

    private BenchPostgres postgres;
    private BenchPostgres.Pool pool;
    private JdbcTicketStore store;
    private long number;
    private long ids;

    /** Starts PostgreSQL and installs the schema. */
    @Setup(Level.Trial)
    public void start() {
        postgres = new BenchPostgres();
        pool = postgres.database();
        store = JdbcStores.create(pool);
    }

    /** Stops PostgreSQL. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.close();
        postgres.close();
    }

    private TicketEvent.Opened nextOpening() {
        number++;
        TicketId id = TicketId.of(new UUID(0x0190_0000_0000_7000L | (++ids << 16), 0x8000_0000_0000_0000L | ids));
        return new TicketEvent.Opened(id, AT, CUSTOMER, TicketNumber.of(number), "Printer on fire",
                CustomerId.of("c-1"), Channel.EMAIL, Category.HARDWARE, Priority.NORMAL, Tier.L1,
                Optional.of(GroupId.of("l1")), Optional.empty());
    }

    /**
     * The adapter: one {@code commit} of a new ticket.
     *
     * @return the committed ticket
     */
    @Benchmark
    public Ticket adapter() {
        TicketEvent.Opened opened = nextOpening();
        return store.commit(TENANT, new TicketChange(0, List.of(opened), Tickets.open(TENANT, opened), Optional.empty()))
                .getOrElseThrow(r -> new IllegalStateException(r.message()));
    }

    /**
     * Hand-written JDBC: the same rows, one transaction, no abstraction.
     *
     * @return the ticket's id
     * @throws SQLException when the database fails
     */
    @Benchmark
    public TicketId handWritten() throws SQLException {
        TicketEvent.Opened o = nextOpening();
        OffsetDateTime at = OffsetDateTime.ofInstant(o.at(), ZoneOffset.UTC);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("INSERT INTO hd_ticket (tenant_id, id, number, subject,"
                    + " requester_id, channel, category, priority, tier, status, assignee_id, group_id, follow_up_of,"
                    + " merged_into, created_at, created_at_nanos, updated_at, updated_at_nanos, solved_at, solved_at_nanos,"
                    + " cycle, version, due_at, due_at_nanos, claimed_until)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', NULL, ?, NULL, NULL, ?, 0, ?, 0, NULL, NULL, 1, 1, NULL, NULL, NULL)")) {
                t.setString(1, TENANT.value());
                t.setObject(2, o.ticketId().value());
                t.setLong(3, o.number().value());
                t.setString(4, o.subject());
                t.setString(5, o.requester().value());
                t.setString(6, o.channel().code());
                t.setString(7, o.category().code());
                t.setString(8, o.priority().name());
                t.setString(9, o.tier().name());
                t.setString(10, o.group().orElseThrow().value());
                t.setObject(11, at);
                t.setObject(12, at);
                t.executeUpdate();
            }
            try (PreparedStatement e = c.prepareStatement("INSERT INTO hd_ticket_event (tenant_id, ticket_id, version, kind,"
                    + " occurred_at, occurred_at_nanos, actor_kind, actor_id, ticket_number, subject, requester_id, channel,"
                    + " category_to, priority_to, tier_to, group_to, related_ticket_id)"
                    + " VALUES (?, ?, 1, 'opened', ?, 0, 'customer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                e.setString(1, TENANT.value());
                e.setObject(2, o.ticketId().value());
                e.setObject(3, at);
                e.setString(4, "c-1");
                e.setLong(5, o.number().value());
                e.setString(6, o.subject());
                e.setString(7, o.requester().value());
                e.setString(8, o.channel().code());
                e.setString(9, o.category().code());
                e.setString(10, o.priority().name());
                e.setString(11, o.tier().name());
                e.setString(12, o.group().orElseThrow().value());
                e.setNull(13, Types.OTHER);
                e.executeUpdate();
            }
            try (PreparedStatement x = c.prepareStatement("INSERT INTO hd_outbox (tenant_id, ticket_id, version, state, attempts)"
                    + " VALUES (?, ?, 1, 'PENDING', 0)")) {
                x.setString(1, TENANT.value());
                x.setObject(2, o.ticketId().value());
                x.executeUpdate();
            }
            c.commit();
        }
        return o.ticketId();
    }
}
