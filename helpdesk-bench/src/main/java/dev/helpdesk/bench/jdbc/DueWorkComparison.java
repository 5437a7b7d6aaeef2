package dev.helpdesk.bench.jdbc;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.helpdesk.core.DueRun;
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
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Ticket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Due work across a cluster: the store's due-ticket sweep against db-scheduler in its
 * lock-and-fetch mode, both on one embedded PostgreSQL ({@code synchronous_commit=on}), two
 * nodes each, two worker threads per node, the same number of due items. Prints items handled
 * per second for both. Handling an item is the bookkeeping only (our sweep: claim a batch, then
 * one version-checked batch reschedule, as {@code Helpdesk.runDue} does for tickets with nothing
 * to do yet; db-scheduler: pick, then complete each), so the figure compares the claiming
 * machinery. A second run of the sweep also reads the claimed batch's histories in one call,
 * as {@code runDue} does before deciding; db-scheduler's empty task reads nothing, so that
 * figure is printed for honesty, not as a like-for-like ratio. A third run is the desk itself:
 * {@code Helpdesk.runDue} on each node's threads, which reads, replays and decides each ticket
 * (nothing to do yet: its automatic close is a week away) and reschedules the batch.
 *
 * <p>Run: {@code java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.jdbc.DueWorkComparison [items]}.
 */
public final class DueWorkComparison {
    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 2;
    private static final int BATCH = 100;

    private DueWorkComparison() {
    }

    /**
     * Runs both and prints the figures.
     *
     * @param args the number of due items (default 20,000)
     * @throws Exception when a database fails
     */
    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (BenchPostgres postgres = new BenchPostgres()) {
            double ours = ours(postgres.database(), items, false);
            double oursWithReads = ours(postgres.database(), items, true);
            double desk = desk(postgres.database(), items);
            // db-scheduler's batch is a fraction of its thread count: 1.0 is its usual setting, 50.0 gives
            // batches of 100 like the sweep's
            double theirs = dbScheduler(postgres.database(), items, 0.5, 1.0);
            double theirsBatched = dbScheduler(postgres.database(), items, 25.0, 50.0);
            System.out.printf("due work, %d items, %d nodes x %d threads: helpdesk sweep %.0f/s; db-scheduler lock-and-fetch"
                    + " %.0f/s (batch = threads), %.0f/s (batch 100); ratios %.2f and %.2f%n", items, NODES, THREADS_PER_NODE,
                    ours, theirs, theirsBatched, ours / theirs, ours / theirsBatched);
            System.out.printf("with runDue's read (the batch's histories): helpdesk sweep %.0f/s; ratios %.2f and %.2f%n",
                    oursWithReads, oursWithReads / theirs, oursWithReads / theirsBatched);
            System.out.printf("the desk's runDue (read, replay, decide, reschedule): %.0f/s; ratios %.2f and %.2f%n",
                    desk, desk / theirs, desk / theirsBatched);
        }
    }

    /**
     * Seeds {@code items} solved tickets of ten tenants, due a minute ago, each with a copy of
     * the four events of one real ticket solved through the desk just now.
     *
     * @return the seeded tickets' version
     */
    private static long seed(BenchPostgres.Pool pool, int items) throws Exception {
        JdbcTicketStore seeder = JdbcStores.create(pool);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE hd_ticket, hd_ticket_event, hd_outbox");
        }
        // one real solved ticket through the desk; every due ticket gets a copy of its four events
        // (opened, assigned, reply, solved), so that reading a history reads what a desk writes
        TicketDesk template = Helpdesk.builder().store(seeder).build().tenant(TenantId.of("template")).tickets();
        Ticket opened = template.open(TicketCommand.open().subject("Printer offline").body("Nothing prints since this morning.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("c-1")).build(),
                Actor.customer("c-1")).get();
        template.assign(opened.id(), AgentId.of("a-1"), Actor.agent("a-1")).get();
        template.reply(opened.id(), "Please restart it.", Channel.EMAIL, Actor.agent("a-1")).get();
        long version = template.solve(opened.id(), Actor.agent("a-1")).get().version();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO hd_ticket (tenant_id, id, number, subject, requester_id, channel, category, priority,"
                    + " tier, status, assignee_id, created_at, created_at_nanos, updated_at, updated_at_nanos, cycle, version,"
                    + " due_at, due_at_nanos)"
                    + " SELECT 't' || (g % 10), gen_random_uuid(), g, 'Printer offline', 'c-1', 'EMAIL', 'technical.hardware',"
                    + " 'NORMAL', 'L1', 'SOLVED', 'a-1', now(), 0, now(), 0, 1, " + version + ", now() - interval '1 minute', 0"
                    + " FROM generate_series(1, " + items + ") g");
            List<String> columns = new ArrayList<>();
            try (var r = s.executeQuery("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'hd_ticket_event' ORDER BY ordinal_position")) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
            String copied = columns.stream().map(col -> switch (col) {
                case "tenant_id" -> "t.tenant_id";
                case "ticket_id" -> "t.id";
                case "ticket_number" -> "CASE WHEN e.ticket_number IS NULL THEN NULL ELSE t.number END";
                default -> "e." + col;
            }).collect(java.util.stream.Collectors.joining(", "));
            s.execute("INSERT INTO hd_ticket_event (" + String.join(", ", columns) + ") SELECT " + copied
                    + " FROM hd_ticket t CROSS JOIN hd_ticket_event e WHERE e.tenant_id = 'template' AND t.tenant_id <> 'template'");
            s.execute("VACUUM ANALYZE hd_ticket");
            s.execute("VACUUM ANALYZE hd_ticket_event");
        }
        return version;
    }

    private static double ours(BenchPostgres.Pool pool, int items, boolean withReads) throws Exception {
        long version = seed(pool, items);
        List<JdbcTicketStore> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(JdbcStores.builder(pool.another()).migrate(false).build());
        }
        AtomicInteger handled = new AtomicInteger();
        long nanos = onEveryThread(nodes, node -> {
            List<DueTicket> batch;
            while (!(batch = node.claimDue(Instant.now(), BATCH, Duration.ofMinutes(5))).isEmpty()) {
                if (withReads && node.histories(batch).stream().anyMatch(h -> h.size() != version)) {
                    throw new IllegalStateException("a claimed ticket without its " + version + " events");
                }
                List<Reschedule> done = new ArrayList<>(batch.size());
                for (DueTicket d : batch) {
                    done.add(new Reschedule(d.tenant(), d.id(), d.version(), Optional.empty()));
                }
                for (var answer : node.rescheduleAll(done)) {
                    answer.get();
                    handled.incrementAndGet();
                }
            }
        });
        if (handled.get() != items) {
            throw new IllegalStateException("handled " + handled.get() + " of " + items);
        }
        return items / (nanos / 1e9);
    }

    /** The desk's own sweep: {@code Helpdesk.runDue} on every node's threads until nothing is due. */
    private static double desk(BenchPostgres.Pool pool, int items) throws Exception {
        seed(pool, items);
        List<Helpdesk> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(Helpdesk.builder().store(JdbcStores.builder(pool.another()).migrate(false).build())
                    .dueBatchSize(BATCH).build());
        }
        AtomicInteger claimed = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        long nanos = onEveryThread(nodes, node -> {
            DueRun run;
            do {
                run = node.runDue(Instant.now());
                claimed.addAndGet(run.claimed());
                changed.addAndGet(run.changed() + run.conflicts());
            } while (run.claimed() > 0);
        });
        if (claimed.get() != items || changed.get() != 0) {
            throw new IllegalStateException("claimed " + claimed.get() + " of " + items + ", " + changed.get()
                    + " changed or in conflict");
        }
        return items / (nanos / 1e9);
    }

    /** What one worker thread does on its node until nothing is due. */
    private interface Worker<N> {
        void work(N node) throws Exception;
    }

    /** Runs a worker on {@link #THREADS_PER_NODE} threads per node and answers the nanoseconds until all are done. */
    private static <N> long onEveryThread(List<N> nodes, Worker<N> worker) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size() * THREADS_PER_NODE);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (N node : nodes) {
                for (int t = 0; t < THREADS_PER_NODE; t++) {
                    running.add(threads.submit(() -> {
                        worker.work(node);
                        return null;
                    }));
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            threads.shutdown();
        }
    }

    private static double dbScheduler(BenchPostgres.Pool pool, int items, double lowerLimit, double upperLimit)
            throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scheduled_tasks ("
                    + " task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA,"
                    + " execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT,"
                    + " last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,"
                    + " consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,"
                    + " priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
            s.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
            s.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
            s.execute("CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");
            s.execute("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                    + " SELECT 'due', 'i' || g, now() - interval '1 minute', false, 1 FROM generate_series(1, " + items + ") g");
            s.execute("VACUUM ANALYZE scheduled_tasks");
        }
        AtomicInteger handled = new AtomicInteger();
        OneTimeTask<Void> task = Tasks.oneTime("due").execute((instance, context) -> handled.incrementAndGet());
        List<Scheduler> schedulers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < NODES; i++) {
            Scheduler scheduler = Scheduler.create(pool.another(), task)
                    .threads(THREADS_PER_NODE)
                    .pollUsingLockAndFetch(lowerLimit, upperLimit)
                    .pollingInterval(Duration.ofMillis(50))
                    .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("node-" + i))
                    .build();
            scheduler.start();
            schedulers.add(scheduler);
        }
        while (handled.get() < items) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        while (remaining(pool) > 0) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long nanos = System.nanoTime() - start;
        schedulers.forEach(Scheduler::stop);
        return items / (nanos / 1e9);
    }

    private static long remaining(BenchPostgres.Pool pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT COUNT(*) FROM scheduled_tasks")) {
            r.next();
            return r.getLong(1);
        }
    }
}
