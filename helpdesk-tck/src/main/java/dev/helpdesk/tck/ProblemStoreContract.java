package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.problem.HandOff;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemId;
import dev.helpdesk.spi.problem.ProblemStatus;
import dev.helpdesk.spi.problem.ProblemStore;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
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
 * The contract of {@link ProblemStore}: problems read back exactly as kept, optimistic locking
 * (one winner among concurrent changes of one revision, nothing written for a loser), the
 * tickets linked to a problem read from the ticket store's {@code problem_linked}/{@code problem_unlinked}
 * events, hand-offs kept with the problem's change or not at all and claimed by one caller at a
 * time, and tenants kept apart.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ProblemStoreContract {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00.123456789Z");
    private static final Actor ANA = Actor.agent("agent-ana");

    private TicketStore tickets;
    private ProblemStore problems;
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();

    /** Creates the suite. */
    protected ProblemStoreContract() {
    }

    /**
     * Makes the ticket store the problem store reads links from, once per test.
     *
     * @return a ticket store holding nothing of any tenant
     */
    protected abstract TicketStore createTicketStore();

    /**
     * Makes the problem store under test, beside a ticket store.
     *
     * @param tickets the store made by {@link #createTicketStore()}
     * @return a problem store holding nothing of any tenant
     */
    protected abstract ProblemStore createProblemStore(TicketStore tickets);

    @BeforeEach
    final void freshStores() {
        tickets = createTicketStore();
        problems = createProblemStore(tickets);
        numbers.set(0);
    }

    private ProblemId newId() {
        return ProblemId.of(new UUID(0x0190_0000_0000_7000L + ids.incrementAndGet(), 0x8000_0000_0000_0000L | ids.get()));
    }

    private Problem problem(TenantId tenant, Instant at) {
        return Problem.builder().id(newId()).tenant(tenant).title("Printers drop off the network").status(ProblemStatus.NEW)
                .createdBy(ANA).createdAt(at).updatedAt(at).build();
    }

    private static <T> T accepted(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail("expected the store to accept, got: " + result.getLeft().message());
        }
        return result.get();
    }

    @Test
    void a_problem_reads_back_exactly_as_kept_with_every_part() {
        Problem full = Problem.builder().id(newId()).tenant(ACME).title("Ünïcode 'quotes' \"and\" ; DROP TABLE hd_problem; --")
                .description("line one\nline two\ttabbed").status(ProblemStatus.KNOWN_ERROR)
                .rootCause("Firmware 4.2 drops the DHCP lease").workaround("Give the printer a fixed IP — 固定IP")
                .workaroundArticle(ArticleId.of(new UUID(1, 2))).fixedIn("4.2.1").trackerReference("PROD-1234")
                .handedOffAt(T0.plusNanos(7)).createdBy(Actor.integration("tracker")).createdAt(T0).updatedAt(T0.plusSeconds(1))
                .build();
        assertEquals(full, accepted(problems.insert(full)));
        assertEquals(Optional.of(full), problems.find(ACME, full.id()));
        Problem bare = problem(ACME, T0.plusSeconds(5));
        accepted(problems.insert(bare));
        assertEquals(Optional.of(bare), problems.find(ACME, bare.id()));
        assertEquals(Optional.empty(), problems.find(GLOBEX, full.id()));
    }

    @Test
    void an_id_kept_already_is_refused_naming_the_id() {
        Problem p = accepted(problems.insert(problem(ACME, T0)));
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class,
                problems.insert(Problem.builder().from(p).title("another").build()).getLeft());
        assertEquals("id", r.errors().get(0).field());
        assertEquals("Printers drop off the network", problems.find(ACME, p.id()).orElseThrow().title());
    }

    @Test
    void the_list_is_newest_first_filtered_by_status_and_by_tenant() {
        Problem older = accepted(problems.insert(problem(ACME, T0)));
        Problem newer = accepted(problems.insert(problem(ACME, T0.plusSeconds(60))));
        Problem other = accepted(problems.insert(problem(GLOBEX, T0.plusSeconds(30))));
        Problem investigating = accepted(problems.update(Problem.builder().from(older).status(ProblemStatus.INVESTIGATING)
                .revision(2).build()));
        assertEquals(List.of(newer, investigating), problems.list(ACME, Set.of(), 10));
        assertEquals(List.of(investigating), problems.list(ACME, Set.of(ProblemStatus.INVESTIGATING, ProblemStatus.FIXED), 10));
        assertEquals(List.of(newer), problems.list(ACME, Set.of(), 1));
        assertEquals(List.of(other), problems.list(GLOBEX, Set.of(), 10));
    }

    @Test
    void an_update_keeps_the_next_revision_only() {
        Problem p = accepted(problems.insert(problem(ACME, T0)));
        Problem next = Problem.builder().from(p).status(ProblemStatus.INVESTIGATING).revision(2).updatedAt(T0.plusSeconds(1)).build();
        assertEquals(next, accepted(problems.update(next)));
        Rejection.ConcurrentModification stale = assertInstanceOf(Rejection.ConcurrentModification.class,
                problems.update(Problem.builder().from(p).title("stale").revision(2).build()).getLeft());
        assertEquals(List.of(1L, 2L), List.of(stale.expected(), stale.actual()));
        assertEquals(next, problems.find(ACME, p.id()).orElseThrow());
        assertInstanceOf(Rejection.NotFound.class, problems.update(Problem.builder().from(p).id(newId()).revision(2).build()).getLeft());
        assertInstanceOf(Rejection.NotFound.class, problems.update(Problem.builder().from(next).tenant(GLOBEX).revision(3).build()).getLeft());
    }

    @Test
    void of_concurrent_changes_of_one_revision_exactly_one_wins() throws Exception {
        Problem p = accepted(problems.insert(problem(ACME, T0)));
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Either<Rejection, Problem>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Problem mine = Problem.builder().from(p).title("racer " + i).revision(2).build();
                results.add(pool.submit(() -> {
                    start.await();
                    return problems.update(mine);
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<Either<Rejection, Problem>> f : results) {
                Either<Rejection, Problem> r = f.get(60, TimeUnit.SECONDS);
                if (r.isRight()) {
                    winners.add(r.get().title());
                } else {
                    assertInstanceOf(Rejection.ConcurrentModification.class, r.getLeft());
                }
            }
            assertEquals(1, winners.size());
            assertEquals(winners.get(0), problems.find(ACME, p.id()).orElseThrow().title());
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- links ----

    private Ticket opened(TenantId tenant) {
        return accepted(tickets.commit(tenant, TicketChangeBuilder.open(tenant, TicketNumber.of(numbers.incrementAndGet()), T0).build()));
    }

    private Ticket linked(TenantId tenant, Ticket t, ProblemId p, boolean link) {
        return accepted(tickets.commit(tenant, TicketChangeBuilder.on(t).by(ANA).event((id, at, by) -> link
                ? new TicketEvent.ProblemLinked(id, at, by, p.value()) : new TicketEvent.ProblemUnlinked(id, at, by, p.value())).build()));
    }

    private static List<TicketId> sorted(Ticket... ts) {
        return java.util.Arrays.stream(ts).map(Ticket::id).sorted(Comparator.comparing(TicketId::value)).toList();
    }

    @Test
    void the_linked_tickets_are_those_whose_latest_event_of_the_problem_is_a_link() {
        Problem p = accepted(problems.insert(problem(ACME, T0)));
        Problem q = accepted(problems.insert(problem(ACME, T0)));
        Ticket a = linked(ACME, opened(ACME), p.id(), true);
        Ticket b = linked(ACME, opened(ACME), p.id(), true);
        Ticket c = linked(ACME, linked(ACME, opened(ACME), p.id(), true), p.id(), false);
        Ticket d = linked(ACME, linked(ACME, linked(ACME, opened(ACME), p.id(), true), p.id(), false), p.id(), true);
        linked(ACME, b, q.id(), true);
        opened(ACME);
        Ticket foreign = opened(GLOBEX);
        linked(GLOBEX, foreign, p.id(), true);

        assertEquals(sorted(a, b, d), problems.linkedTickets(ACME, p.id()));
        assertEquals(sorted(b), problems.linkedTickets(ACME, q.id()));
        assertEquals(sorted(foreign), problems.linkedTickets(GLOBEX, p.id()));
        assertEquals(List.of(), problems.linkedTickets(ACME, newId()));
        List<TicketEvent> history = tickets.history(ACME, c.id()).stream().map(RecordedEvent::event).toList();
        assertEquals(new TicketEvent.ProblemUnlinked(c.id(), history.get(history.size() - 1).at(), ANA, p.id().value()),
                history.get(history.size() - 1), "the events read back as written");
    }

    // ---- hand-offs ----

    private HandOff handOff(Problem p, Instant at) {
        return HandOff.requested(new UUID(0x0190_0000_0000_7000L, ids.incrementAndGet()), p.tenant(), p.id(), at);
    }

    @Test
    void a_hand_off_is_kept_with_the_problems_change_or_not_at_all() {
        Problem p = accepted(problems.insert(problem(ACME, T0)));
        HandOff h = handOff(p, T0.plusSeconds(1));
        Problem next = Problem.builder().from(p).status(ProblemStatus.INVESTIGATING).handedOffAt(T0.plusSeconds(1)).revision(2).build();
        accepted(problems.update(next, h));
        assertEquals(List.of(h), problems.handOffs(ACME, p.id()));
        assertEquals(next, problems.find(ACME, p.id()).orElseThrow());

        HandOff lost = handOff(p, T0.plusSeconds(2));
        assertInstanceOf(Rejection.ConcurrentModification.class,
                problems.update(Problem.builder().from(p).revision(2).build(), lost).getLeft());
        assertEquals(List.of(h), problems.handOffs(ACME, p.id()), "the stale change kept no hand-off");
        assertEquals(List.of(), problems.handOffs(GLOBEX, p.id()));
    }

    @Test
    void due_hand_offs_are_claimed_once_per_lease_and_follow_their_outcome() {
        Problem p = accepted(problems.insert(problem(ACME, T0)));
        HandOff h = handOff(p, T0);
        accepted(problems.update(Problem.builder().from(p).revision(2).build(), h));
        Duration lease = Duration.ofMinutes(5);

        assertEquals(List.of(), problems.claimHandOffs(T0.minusSeconds(1), 10, lease), "not due yet");
        assertEquals(List.of(h), problems.claimHandOffs(T0, 10, lease));
        assertEquals(List.of(), problems.claimHandOffs(T0.plusSeconds(60), 10, lease), "claimed");
        assertEquals(List.of(h.id()), problems.claimHandOffs(T0.plus(lease), 10, lease).stream().map(HandOff::id).toList(),
                "due again when the lease ends");

        HandOff failed = new HandOff(h.id(), ACME, p.id(), T0, HandOff.State.PENDING, 1, T0.plus(Duration.ofHours(1)),
                Optional.empty(), Optional.of("503 Service Unavailable"));
        problems.recordAttempt(failed);
        assertEquals(List.of(failed), problems.handOffs(ACME, p.id()));
        assertEquals(List.of(), problems.claimHandOffs(T0.plus(Duration.ofMinutes(59)), 10, lease));
        assertEquals(List.of(failed), problems.claimHandOffs(T0.plus(Duration.ofHours(1)), 10, lease));

        HandOff done = new HandOff(h.id(), ACME, p.id(), T0, HandOff.State.DELIVERED, 1, T0.plus(Duration.ofHours(1)),
                Optional.of("PROD-7"), Optional.of("503 Service Unavailable"));
        problems.recordAttempt(done);
        assertEquals(List.of(done), problems.handOffs(ACME, p.id()));
        assertEquals(List.of(), problems.claimHandOffs(T0.plus(Duration.ofDays(1)), 10, lease), "delivered is final");
    }

    @Test
    void racing_claimers_never_take_the_same_hand_off() throws Exception {
        Set<UUID> all = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            Problem p = accepted(problems.insert(problem(ACME, T0)));
            HandOff h = handOff(p, T0.plusMillis(i));
            accepted(problems.update(Problem.builder().from(p).revision(2).build(), h));
            all.add(h.id());
        }
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<HandOff>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<List<HandOff>> claim = () -> {
                    start.await();
                    return problems.claimHandOffs(T0.plusSeconds(1), 5, Duration.ofMinutes(5));
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            List<UUID> claimed = new ArrayList<>();
            for (Future<List<HandOff>> f : results) {
                try {
                    f.get(60, TimeUnit.SECONDS).forEach(h -> claimed.add(h.id()));
                } catch (java.util.concurrent.ExecutionException e) {
                    // a claimer that lost a lock race may fail; it claimed nothing
                    assertTrue(e.getCause() instanceof RuntimeException, () -> "unexpected " + e.getCause());
                }
            }
            assertEquals(claimed.size(), new HashSet<>(claimed).size(), "no hand-off claimed twice");
            assertTrue(all.containsAll(claimed));
        } finally {
            pool.shutdownNow();
        }
    }
}
