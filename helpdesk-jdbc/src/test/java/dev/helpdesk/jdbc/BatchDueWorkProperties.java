package dev.helpdesk.jdbc;

import static dev.helpdesk.jdbc.support.Fixtures.T0;
import static dev.helpdesk.jdbc.support.Fixtures.open;
import static dev.helpdesk.jdbc.support.Fixtures.priority;
import static dev.helpdesk.jdbc.support.Fixtures.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.Fixtures;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The JDBC store's batch operations of the due sweep against their one-at-a-time meaning, on
 * H2: {@code rescheduleAll} answers and writes exactly what one {@code reschedule} per item
 * would, whatever mix of fresh, stale, unknown and other tenants' items a batch holds, and
 * {@code histories} equals one {@code history} per ticket, in the batch's order.
 */
class BatchDueWorkProperties {
    private static TestPool pool;
    private static JdbcTicketStore store;
    private static final AtomicInteger TRIES = new AtomicInteger();

    /** How a batch item relates to its ticket. */
    enum Kind { FRESH, STALE, UNKNOWN, OTHER_TENANT }

    /** One item of a batch: its kind, its ticket's tenant (0-2), events after the opening, new due time. */
    record Plan(Kind kind, int tenant, int changes, Optional<Integer> dueInSeconds) {
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
    Arbitrary<List<Plan>> batches() {
        Arbitrary<Plan> plan = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(-600, 3600).optional())
                .as(Plan::new);
        return plan.list().ofMinSize(0).ofMaxSize(25);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void a_batch_reschedule_answers_and_writes_what_one_reschedule_per_item_would(@ForAll("batches") List<Plan> plans) {
        int run = TRIES.incrementAndGet();
        List<TenantId> tenants = List.of(TenantId.of("p" + run + "-a"), TenantId.of("p" + run + "-b"),
                TenantId.of("p" + run + "-c"));
        List<Reschedule> items = new ArrayList<>();
        List<Ticket> tickets = new ArrayList<>();
        for (Plan plan : plans) {
            TenantId tenant = tenants.get(plan.tenant());
            Ticket t = ticket(tenant, plan.changes());
            tickets.add(t);
            Optional<Instant> due = plan.dueInSeconds().map(T0::plusSeconds);
            items.add(switch (plan.kind()) {
                case FRESH -> new Reschedule(tenant, t.id(), t.version(), due);
                case STALE -> new Reschedule(tenant, t.id(), t.version() > 1 ? t.version() - 1 : t.version() + 1, due);
                case UNKNOWN -> new Reschedule(tenant, Fixtures.ticketId(), 1, due);
                case OTHER_TENANT -> new Reschedule(tenants.get((plan.tenant() + 1) % 3), t.id(), t.version(), due);
            });
        }

        List<Either<Rejection, Long>> answers = store.rescheduleAll(items);

        assertEquals(items.size(), answers.size());
        for (int i = 0; i < items.size(); i++) {
            Plan plan = plans.get(i);
            Reschedule item = items.get(i);
            Ticket t = tickets.get(i);
            TenantId owner = tenants.get(plan.tenant());
            Either<Rejection, Long> answer = answers.get(i);
            switch (plan.kind()) {
                case FRESH -> {
                    assertEquals(Either.right(t.version()), answer, "item " + i);
                    assertEquals(item.dueAt(), store.dueAt(owner, t.id()), "item " + i + " written");
                }
                case STALE -> {
                    Rejection.ConcurrentModification c = assertInstanceOf(Rejection.ConcurrentModification.class,
                            answer.getLeft(), "item " + i);
                    assertEquals(item.expectedVersion(), c.expected());
                    assertEquals(t.version(), c.actual());
                    assertEquals(Optional.of(T0), store.dueAt(owner, t.id()), "item " + i + " not written");
                }
                case UNKNOWN, OTHER_TENANT -> {
                    assertInstanceOf(Rejection.NotFound.class, answer.getLeft(), "item " + i);
                    assertEquals(Optional.of(T0), store.dueAt(owner, t.id()), "item " + i + "'s ticket not written");
                }
            }
        }

        List<DueTicket> asked = items.stream().map(r -> new DueTicket(r.tenant(), r.id(), T0, r.expectedVersion())).toList();
        List<List<RecordedEvent>> histories = store.histories(asked);
        assertEquals(asked.size(), histories.size());
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(store.history(asked.get(i).tenant(), asked.get(i).id()), histories.get(i), "history " + i);
        }
    }

    /** A ticket due at {@link Fixtures#T0} with {@code changes} priority changes after its opening. */
    private static Ticket ticket(TenantId tenant, int changes) {
        Ticket t = commit(tenant, open(tenant, store.next(tenant).value(), T0, Optional.of(T0)));
        for (int i = 0; i < changes; i++) {
            Priority to = i % 2 == 0 ? Priority.HIGH : Priority.LOW;
            t = commit(tenant, then(t, Optional.of(T0), priority(t, T0.plusSeconds(i + 1), to)));
        }
        return t;
    }

    private static Ticket commit(TenantId tenant, TicketChange change) {
        return store.commit(tenant, change).getOrElseThrow(r -> new AssertionError(r.message()));
    }
}
