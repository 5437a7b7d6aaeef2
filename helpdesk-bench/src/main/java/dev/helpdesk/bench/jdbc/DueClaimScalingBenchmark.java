package dev.helpdesk.bench.jdbc;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.ticket.DueTicket;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Claiming a batch of 100 due tickets while many open tickets are not due yet (their deadlines
 * lie ahead): the claim reads the due-time index, so its cost must not follow the number of
 * open tickets. The bar: 1,000,000 open tickets cost at most twice as much as 10,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DueClaimScalingBenchmark {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(1);

    /** How many open tickets are not due. */
    @Param({"10000", "1000000"})
    public int notDue;

    private BenchPostgres postgres;
    private BenchPostgres.Pool pool;
    private JdbcTicketStore store;
    private Instant now;

    /**
     * Starts PostgreSQL and seeds 100 due tickets and {@link #notDue} open tickets due within
     * the next thirty days, with plain SQL (the rows are what the store would write).
     *
     * @throws SQLException when seeding fails
     */
    @Setup(Level.Trial)
    public void seed() throws SQLException {
        postgres = new BenchPostgres();
        pool = postgres.database();
        store = JdbcStores.create(pool);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO hd_ticket (tenant_id, id, number, subject, requester_id, channel, category, priority,"
                    + " tier, status, group_id, created_at, created_at_nanos, updated_at, updated_at_nanos, cycle, version,"
                    + " due_at, due_at_nanos)"
                    + " SELECT 't' || (g % 50), gen_random_uuid(), g, 'Subject ' || g, 'c-' || (g % 1000), 'EMAIL',"
                    + " 'technical.troubleshooting', 'NORMAL', 'L1', 'OPEN', 'l1', TIMESTAMPTZ '2026-03-01 00:00:00+00', 0,"
                    + " TIMESTAMPTZ '2026-03-01 00:00:00+00', 0, 1, 1,"
                    + " CASE WHEN g <= 100 THEN TIMESTAMPTZ '2026-03-02 11:00:00+00' - (g || ' seconds')::interval"
                    + " ELSE TIMESTAMPTZ '2026-03-02 12:00:01+00' + ((g % 2592000) || ' seconds')::interval END, 0"
                    + " FROM generate_series(1, " + (100 + notDue) + ") g");
            s.execute("VACUUM ANALYZE hd_ticket");
        }
        printPlan();
        now = NOW;
    }

    /**
     * Prints the plan of the claim's query with the pages it touched: the evidence that the
     * cost comes from the due-time index and not from the table's size.
     */
    private void printPlan() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (java.sql.ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)"
                    + " SELECT tenant_id, id, due_at, due_at_nanos, version FROM hd_ticket"
                    + " WHERE due_at <= TIMESTAMPTZ '2026-03-02 12:00:00+00' AND claimed_until IS NULL"
                    + " ORDER BY due_at, tenant_id, id LIMIT 100 FOR UPDATE SKIP LOCKED")) {
                System.out.println("plan with " + notDue + " open tickets not due:");
                while (r.next()) {
                    System.out.println("  " + r.getString(1));
                }
            }
            c.rollback();
        }
    }

    /** Stops PostgreSQL. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.close();
        postgres.close();
    }

    /**
     * Claims the 100 due tickets; each call is a lease later, so the previous claims expired.
     *
     * @return the claimed tickets
     */
    @Benchmark
    public List<DueTicket> claim100() {
        now = now.plus(LEASE).plusMillis(1);
        List<DueTicket> claimed = store.claimDue(now, 100, LEASE);
        if (claimed.size() != 100) {
            throw new IllegalStateException("claimed " + claimed.size());
        }
        return claimed;
    }
}
