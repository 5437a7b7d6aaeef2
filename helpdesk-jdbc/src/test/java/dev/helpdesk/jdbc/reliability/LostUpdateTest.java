package dev.helpdesk.jdbc.reliability;

import static dev.helpdesk.jdbc.support.Fixtures.AGENT;
import static dev.helpdesk.jdbc.support.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.Fixtures;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads fire commands at one ticket at once: every accepted command is in the history
 * exactly once, every other is a {@link Rejection.ConcurrentModification}, nothing is silently
 * overwritten. Sizes: {@code -Dhelpdesk.lostupdate.threads} (16) and
 * {@code -Dhelpdesk.lostupdate.commands} per thread (500 on PostgreSQL, the size; a
 * fifth of that on H2 and MariaDB).
 */
class LostUpdateTest {
    static final int THREADS = Integer.getInteger("helpdesk.lostupdate.threads", 16);
    static final int COMMANDS = Integer.getInteger("helpdesk.lostupdate.commands", 500);

    @ParameterizedTest
    @EnumSource(Database.class)
    void sixteen_threads_on_one_ticket_lose_no_accepted_command_and_overwrite_nothing(Database database) throws Exception {
        int commands = database == Database.POSTGRESQL ? COMMANDS : Math.max(1, COMMANDS / 5);
        TenantId tenant = TenantId.of("acme");
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = JdbcStores.create(pool);
            Ticket opened = store.commit(tenant, Fixtures.open(tenant, 1)).get();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger conflicts = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int n = 0; n < THREADS; n++) {
                    int thread = n;
                    running.add(threads.submit(() -> {
                        start.await();
                        for (int i = 0; i < commands; i++) {
                            Ticket t = store.find(tenant, opened.id()).get();
                            String marker = "t" + thread + "-" + i;
                            TicketEvent e = new TicketEvent.GroupChanged(t.id(), T0, AGENT, t.group(), GroupId.of(marker));
                            Either<Rejection, Ticket> result = store.commit(tenant, Fixtures.then(t, e));
                            if (result.isRight()) {
                                accepted.add(marker);
                            } else {
                                assertInstanceOf(Rejection.ConcurrentModification.class, result.getLeft());
                                conflicts.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                threads.shutdown();
            }

            List<RecordedEvent> history = store.history(tenant, opened.id());
            List<String> stored = history.stream().skip(1)
                    .map(r -> ((TicketEvent.GroupChanged) r.event()).to().value()).toList();
            assertEquals(THREADS * commands, accepted.size() + conflicts.get(), "every command accepted or rejected");
            assertEquals(accepted, new HashSet<>(stored), "every accepted command is in the history");
            assertEquals(stored.size(), new HashSet<>(stored).size(), "none twice");
            for (int v = 0; v < history.size(); v++) {
                assertEquals(v + 1, history.get(v).version());
            }
            Ticket last = store.find(tenant, opened.id()).get();
            assertEquals(Tickets.replay(tenant, history.stream().map(RecordedEvent::event).toList()), last);
            assertEquals(stored.get(stored.size() - 1), last.group().orElseThrow().value(), "the last accepted change wins");
            System.out.printf("lost-update on %s: %d threads x %d commands: %d accepted, %d conflicts%n",
                    database, THREADS, commands, accepted.size(), conflicts.get());
        }
    }
}
