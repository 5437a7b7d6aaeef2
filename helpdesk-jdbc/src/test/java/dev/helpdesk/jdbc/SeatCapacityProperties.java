package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.tck.TicketChangeBuilder;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Capacity holds under concurrency on H2: whatever mix of openings with an assignment, later
 * assignments and solves several threads commit at once, no agent ever holds more counted
 * tickets on a channel than the capacity its claims named, neither in any count read while the
 * threads run nor at the end.
 */
class SeatCapacityProperties {
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final int CAPACITY = 2;
    private static final List<AgentId> AGENTS = List.of(AgentId.of("ana"), AgentId.of("ben"));
    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.PHONE);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static TestPool pool;
    private static JdbcTicketStore store;

    /** What one step of a thread does. */
    enum Kind { OPEN_ASSIGNED, OPEN_THEN_ASSIGN, SOLVE_ONE }

    /** One step: its kind, which agent and which channel. */
    record Step(Kind kind, int agent, int channel) {
    }

    @BeforeContainer
    static void startStore() {
        pool = Database.H2.fresh();
        store = JdbcStores.builder(pool).build();
    }

    @AfterContainer
    static void closePool() {
        pool.close();
    }

    @Provide
    Arbitrary<List<List<Step>>> threads() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, AGENTS.size() - 1),
                Arbitraries.integers().between(0, CHANNELS.size() - 1)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(2).ofMaxSize(6);
    }

    @Property(tries = 40)
    void no_interleaving_of_openings_assignments_and_solves_leaves_an_agent_above_capacity(
            @ForAll("threads") List<List<Step>> threads) throws Exception {
        TenantId tenant = TenantId.of("cap-" + RUNS.incrementAndGet());
        ConcurrentLinkedQueue<String> overflows = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(threads.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (List<Step> steps : threads) {
                done.add(workers.submit(() -> {
                    start.await();
                    for (Step step : steps) {
                        run(tenant, step);
                        check(tenant, overflows);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        check(tenant, overflows);
        assertTrue(overflows.isEmpty(), String.join("; ", overflows));
    }

    private static void run(TenantId tenant, Step step) {
        AgentId agent = AGENTS.get(step.agent());
        Channel channel = CHANNELS.get(step.channel());
        switch (step.kind()) {
            case OPEN_ASSIGNED -> store.commit(tenant, claiming(opening(tenant, channel).assign(agent), agent));
            case OPEN_THEN_ASSIGN -> {
                Ticket waiting = accepted(store.commit(tenant, opening(tenant, channel).build()));
                store.commit(tenant, claiming(TicketChangeBuilder.on(waiting).assign(agent), agent));
            }
            case SOLVE_ONE -> {
                List<Ticket> held = store.list(tenant, TicketQuery.assignedTo(agent).andStatus(SeatClaim.COUNTED),
                        PageRequest.first(1)).items();
                if (!held.isEmpty()) {
                    // a concurrent change of the same ticket may win; the step then does nothing
                    store.commit(tenant, TicketChangeBuilder.on(held.get(0)).solve().build());
                }
            }
        }
    }

    private static void check(TenantId tenant, ConcurrentLinkedQueue<String> overflows) {
        for (AgentId agent : AGENTS) {
            Map<Channel, Integer> counts = store.openCounts(tenant, agent);
            counts.forEach((channel, count) -> {
                if (count > CAPACITY) {
                    overflows.add(agent + " holds " + count + " on " + channel);
                }
            });
        }
    }

    private static TicketChangeBuilder opening(TenantId tenant, Channel channel) {
        TicketNumber number = store.next(tenant);
        return TicketChangeBuilder.open(tenant, number, T0).channel(channel);
    }

    private static TicketChange claiming(TicketChangeBuilder builder, AgentId agent) {
        TicketChange plain = builder.build();
        return new TicketChange(plain.expectedVersion(), plain.events(), plain.newState(), plain.dueAt(),
                Optional.of(new SeatClaim(agent, plain.newState().channel(), CAPACITY)));
    }

    private static <T> T accepted(Either<Rejection, T> result) {
        return result.getOrElseThrow(r -> new AssertionError(r.message()));
    }
}
