package dev.helpdesk.jdbc.reliability;

import static dev.helpdesk.jdbc.support.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.dialect.PostgresDialect;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.Fixtures;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Several desks (host instances), each on its own data source, sweep due tickets of one
 * PostgreSQL database: every due ticket is handled exactly once, none is missed, also when one
 * desk stops in the middle of its batch. The size is {@code -Dhelpdesk.cluster.tickets}
 * (the 10,000 by default).
 */
class ClusterClaimTest {
    static final int TICKETS = Integer.getInteger("helpdesk.cluster.tickets", 10_000);
    static final int DESKS = 4;
    static final int BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Instant NOW = T0.plusSeconds(86_400);

    /** What every desk records: how often each ticket was handled. */
    private final Map<TicketId, AtomicInteger> handled = new ConcurrentHashMap<>();

    @Test
    void four_desks_handle_every_due_ticket_exactly_once() throws Exception {
        try (TestPool pool = Database.POSTGRESQL.fresh()) {
            Set<TicketId> due = seed(JdbcStores.create(pool), TICKETS);
            List<JdbcTicketStore> desks = desks(pool, p -> JdbcStores.builder(p).migrate(false).build());

            sweepUntilDry(desks, NOW);

            assertExactlyOnce(due);
        }
    }

    @Test
    void when_one_desk_stops_mid_batch_the_others_take_its_tickets_after_the_lease_and_none_runs_twice() throws Exception {
        try (TestPool pool = Database.POSTGRESQL.fresh()) {
            Set<TicketId> due = seed(JdbcStores.create(pool), TICKETS);
            List<JdbcTicketStore> desks = desks(pool, p -> JdbcStores.builder(p).migrate(false).build());
            JdbcTicketStore dying = desks.get(DESKS - 1);
            List<DueTicket> orphaned = dying.claimDue(NOW, BATCH, LEASE);
            handle(dying, orphaned.subList(0, BATCH / 2));
            List<JdbcTicketStore> survivors = desks.subList(0, DESKS - 1);

            sweepUntilDry(survivors, NOW);
            assertEquals(TICKETS - BATCH / 2, handled.size(), "the dead desk's unhandled claims wait for their lease");
            sweepUntilDry(survivors, NOW.plus(LEASE));

            assertExactlyOnce(due);
        }
    }

    @Test
    void without_skip_locked_the_version_checked_claim_is_exactly_once_too() throws Exception {
        try (TestPool pool = Database.POSTGRESQL.fresh()) {
            Set<TicketId> due = seed(JdbcStores.create(pool), Math.min(TICKETS, 2_000));
            PostgresDialect optimistic = new PostgresDialect() {
                @Override
                public boolean supportsSkipLocked() {
                    return false;
                }
            };
            List<JdbcTicketStore> desks = desks(pool, p -> JdbcStores.builder(p).dialect(optimistic).migrate(false).build());

            sweepUntilDry(desks, NOW);

            assertExactlyOnce(due);
        }
    }

    @Test
    void on_mariadb_four_desks_handle_every_due_ticket_exactly_once() throws Exception {
        try (TestPool pool = Database.MARIADB.fresh()) {
            Set<TicketId> due = seed(JdbcStores.create(pool), Math.min(TICKETS, 2_000));
            List<JdbcTicketStore> desks = desks(pool, p -> JdbcStores.builder(p).migrate(false).build());

            sweepUntilDry(desks, NOW);

            assertExactlyOnce(due);
        }
    }

    private static List<JdbcTicketStore> desks(TestPool pool, Function<TestPool, JdbcTicketStore> make) {
        List<JdbcTicketStore> desks = new ArrayList<>();
        for (int i = 0; i < DESKS; i++) {
            desks.add(make.apply(Database.anotherPool(pool)));
        }
        return desks;
    }

    /** Commits due tickets across three tenants, a few hundred per transaction. */
    static Set<TicketId> seed(JdbcTicketStore store, int count) {
        Set<TicketId> ids = ConcurrentHashMap.newKeySet();
        List<TenantId> tenants = List.of(TenantId.of("t1"), TenantId.of("t2"), TenantId.of("t3"));
        for (TenantId tenant : tenants) {
            int share = count / 3 + (tenants.indexOf(tenant) < count % 3 ? 1 : 0);
            List<TicketChange> chunk = new ArrayList<>();
            for (int i = 1; i <= share; i++) {
                TicketChange c = Fixtures.open(tenant, i, T0, Optional.of(T0.plusSeconds(i % 3600)));
                chunk.add(c);
                ids.add(c.ticketId());
                if (chunk.size() == 250 || i == share) {
                    store.commit(tenant, chunk).get();
                    chunk = new ArrayList<>();
                }
            }
        }
        return ids;
    }

    private void sweepUntilDry(List<JdbcTicketStore> desks, Instant now) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(desks.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (JdbcTicketStore desk : desks) {
                running.add(threads.submit(() -> {
                    List<DueTicket> batch;
                    while (!(batch = desk.claimDue(now, BATCH, LEASE)).isEmpty()) {
                        handle(desk, batch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    /**
     * Handling a claimed batch as the desk's sweep does: count each ticket, then take the whole
     * batch out of due work with one version-checked batch reschedule.
     */
    private void handle(JdbcTicketStore desk, List<DueTicket> batch) {
        List<Reschedule> done = new ArrayList<>(batch.size());
        for (DueTicket d : batch) {
            handled.computeIfAbsent(d.id(), k -> new AtomicInteger()).incrementAndGet();
            done.add(new Reschedule(d.tenant(), d.id(), d.version(), Optional.empty()));
        }
        assertTrue(desk.rescheduleAll(done).stream().allMatch(Either::isRight), "every claimed ticket rescheduled");
    }

    private void assertExactlyOnce(Set<TicketId> due) {
        assertEquals(due, handled.keySet(), "no due ticket missed, none invented");
        List<TicketId> twice = handled.entrySet().stream().filter(e -> e.getValue().get() != 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "no ticket handled twice");
    }
}
