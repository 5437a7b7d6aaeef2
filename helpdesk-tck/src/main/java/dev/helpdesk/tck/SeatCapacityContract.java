package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract of agents' seats ({@link SeatClaim}) and of {@link TicketStore#openCounts}: a
 * commit that claims a seat is accepted only while the agent holds fewer counted tickets on the
 * channel than the capacity, atomically with its write, also when many commits race for the
 * last seat. A store that claims seats subclasses this suite beside
 * {@link TicketStoreContract}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SeatCapacityContract {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final AgentId ANA = AgentId.of("agent-ana");
    private static final AgentId BEN = AgentId.of("agent-ben");

    private TicketStore store;
    private final AtomicLong numbers = new AtomicLong();

    /** Creates the suite. */
    protected SeatCapacityContract() {
    }

    /**
     * Makes the store under test, once per test.
     *
     * @return a store that holds no tickets of any tenant
     */
    protected abstract TicketStore createStore();

    /**
     * How many threads race for the last seat.
     *
     * @return 8 by default
     */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void freshStore() {
        store = createStore();
        numbers.set(0);
    }

    @Test
    void a_claim_below_capacity_commits_the_assignment() {
        assigned(ACME, ANA, Channel.EMAIL, 1);
        Ticket second = accepted(store.commit(ACME, claiming(opening(ACME).channel(Channel.EMAIL).assign(ANA), ANA, 2)));

        assertEquals(Optional.of(ANA), second.assignee());
        assertEquals(Map.of(Channel.EMAIL, 2), store.openCounts(ACME, ANA));
    }

    @Test
    void a_claim_at_capacity_is_refused_and_nothing_of_the_commit_is_written() {
        assigned(ACME, ANA, Channel.EMAIL, 1);
        Ticket waiting = accepted(store.commit(ACME, opening(ACME).channel(Channel.EMAIL).build()));
        TicketChange assign = claiming(TicketChangeBuilder.on(waiting).assign(ANA), ANA, 1);

        Rejection.NoCapacity refused = assertInstanceOf(Rejection.NoCapacity.class, store.commit(ACME, assign).getLeft());

        assertEquals(new Rejection.NoCapacity(ANA.value(), Channel.EMAIL.code(), 1), refused);
        assertEquals(waiting, store.find(ACME, waiting.id()).get());
        assertEquals(1, store.history(ACME, waiting.id()).size());
    }

    @Test
    void a_refused_claim_in_a_two_ticket_commit_writes_neither_ticket() {
        assigned(ACME, ANA, Channel.EMAIL, 1);
        Ticket free = accepted(store.commit(ACME, opening(ACME).build()));
        Ticket waiting = accepted(store.commit(ACME, opening(ACME).channel(Channel.EMAIL).build()));

        Either<Rejection, List<Ticket>> result = store.commit(ACME, List.of(
                TicketChangeBuilder.on(free).status(Status.OPEN).build(),
                claiming(TicketChangeBuilder.on(waiting).assign(ANA), ANA, 1)));

        assertInstanceOf(Rejection.NoCapacity.class, result.getLeft());
        assertEquals(free, store.find(ACME, free.id()).get());
        assertEquals(waiting, store.find(ACME, waiting.id()).get());
    }

    @Test
    void only_unsolved_tickets_on_the_claimed_channel_of_that_agent_and_tenant_take_seats() {
        assigned(ACME, ANA, Channel.PHONE, 3);
        assigned(ACME, BEN, Channel.EMAIL, 3);
        assigned(GLOBEX, ANA, Channel.EMAIL, 3);
        for (Status done : List.of(Status.SOLVED, Status.CLOSED)) {
            TicketChangeBuilder b = opening(ACME).channel(Channel.EMAIL).assign(ANA).solve();
            if (done == Status.CLOSED) {
                b.close();
            }
            accepted(store.commit(ACME, b.build()));
        }
        Ticket pending = accepted(store.commit(ACME, opening(ACME).channel(Channel.EMAIL).assign(ANA)
                .status(Status.PENDING).build()));

        assertEquals(Map.of(Channel.PHONE, 3, Channel.EMAIL, 1), store.openCounts(ACME, ANA));
        accepted(store.commit(ACME, claiming(opening(ACME).channel(Channel.EMAIL).assign(ANA), ANA, 2)));
        assertInstanceOf(Rejection.NoCapacity.class,
                store.commit(ACME, claiming(opening(ACME).channel(Channel.EMAIL).assign(ANA), ANA, 2)).getLeft());

        // solving frees a seat; the committed ticket itself never counts against its own claim
        accepted(store.commit(ACME, TicketChangeBuilder.on(pending).solve().build()));
        accepted(store.commit(ACME, claiming(opening(ACME).channel(Channel.EMAIL).assign(ANA), ANA, 2)));
        Ticket held = store.findByNumber(ACME, TicketNumber.of(numbers.get())).get();
        accepted(store.commit(ACME, claiming(TicketChangeBuilder.on(held).status(Status.OPEN), ANA, 2)));
    }

    @Test
    void a_capacity_of_zero_refuses_every_claim() {
        assertInstanceOf(Rejection.NoCapacity.class,
                store.commit(ACME, claiming(opening(ACME).channel(Channel.EMAIL).assign(ANA), ANA, 0)).getLeft());
        assertEquals(Map.of(), store.openCounts(ACME, ANA));
    }

    @Test
    void racers_for_the_last_free_seat_let_exactly_one_win_in_every_round() throws Exception {
        int capacity = 3;
        assigned(ACME, ANA, Channel.LIVE_CHAT, capacity - 1);
        ExecutorService pool = Executors.newFixedThreadPool(racers());
        try {
            for (int round = 0; round < 10; round++) {
                List<TicketChange> changes = new ArrayList<>();
                for (int i = 0; i < racers(); i++) {
                    changes.add(claiming(opening(ACME).channel(Channel.LIVE_CHAT).assign(ANA), ANA, capacity));
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Either<Rejection, Ticket>>> results = new ArrayList<>();
                for (TicketChange change : changes) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.commit(ACME, change);
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Either<Rejection, Ticket>> f : results) {
                    Either<Rejection, Ticket> result = f.get(120, TimeUnit.SECONDS);
                    if (result.isRight()) {
                        won++;
                    } else {
                        assertInstanceOf(Rejection.NoCapacity.class, result.getLeft());
                    }
                }
                assertEquals(1, won, "round " + round);
                assertEquals(Map.of(Channel.LIVE_CHAT, capacity), store.openCounts(ACME, ANA));
                // free the seat again for the next round
                Ticket winner = store.findByNumber(ACME, TicketNumber.of(highestAssigned())).get();
                accepted(store.commit(ACME, TicketChangeBuilder.on(winner).solve().build()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long highestAssigned() {
        for (long n = numbers.get(); n > 0; n--) {
            Optional<Ticket> t = store.findByNumber(ACME, TicketNumber.of(n)).toJavaOptional();
            if (t.isPresent() && t.get().assignee().isPresent() && t.get().status() == Status.NEW) {
                return n;
            }
        }
        throw new AssertionError("no assigned ticket");
    }

    private TicketChangeBuilder opening(TenantId tenant) {
        return TicketChangeBuilder.open(tenant, TicketNumber.of(numbers.incrementAndGet()), T0);
    }

    private void assigned(TenantId tenant, AgentId agent, Channel channel, int count) {
        for (int i = 0; i < count; i++) {
            accepted(store.commit(tenant, opening(tenant).channel(channel).assign(agent).build()));
        }
    }

    private static TicketChange claiming(TicketChangeBuilder builder, AgentId agent, int capacity) {
        TicketChange plain = builder.build();
        return new TicketChange(plain.expectedVersion(), plain.events(), plain.newState(), plain.dueAt(),
                Optional.of(new SeatClaim(agent, plain.newState().channel(), capacity)));
    }

    private static <T> T accepted(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail("expected the store to accept, got: " + result.getLeft().message());
        }
        return result.get();
    }
}
