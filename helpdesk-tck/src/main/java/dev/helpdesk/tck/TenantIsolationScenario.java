package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tickets;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A model-based check that tenants never see each other's data: a sequence of steps (open,
 * reply, assign, solve, merge, reschedule, claim, and attempts to reach the other tenant's
 * tickets) runs against a store and against a plain model. After every step each tenant's
 * listings, and every few steps and at the end its lookups by id and number, due times and
 * histories, must equal the model of that tenant alone.
 *
 * <p>Both tenants number their tickets from 1, so every number exists in both. Steps are
 * plain data so that a random generator or a property-based testing library can make them;
 * {@link #randomSteps} makes them from a seeded {@link Random}.
 */
public final class TenantIsolationScenario {

    /** The first tenant. */
    public static final TenantId TENANT_A = TenantId.of("tenant-a");
    /** The second tenant. */
    public static final TenantId TENANT_B = TenantId.of("tenant-b");

    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    private static final List<CustomerId> CUSTOMERS = List.of(CustomerId.of("c-ada"), CustomerId.of("c-bo"),
            CustomerId.of("c-cy"));
    private static final List<AgentId> AGENTS = List.of(AgentId.of("a-ana"), AgentId.of("a-ben"));
    private static final List<Status> WORKING = List.of(Status.OPEN, Status.PENDING, Status.ON_HOLD);
    private static final Duration LEASE = Duration.ofMinutes(30);
    private static final int FULL_CHECK_EVERY = 5;

    /** What a step does; steps that do not apply to the picked ticket open a ticket instead. */
    public enum Kind {
        /** Opens a ticket, maybe with a due time. */
        OPEN,
        /** A customer replies. */
        REPLY,
        /** An agent adds an internal note. */
        NOTE,
        /** An agent takes the ticket. */
        ASSIGN,
        /** The status moves among OPEN, PENDING and ON_HOLD. */
        STATUS,
        /** The ticket is solved (assigned first if needed). */
        SOLVE,
        /** A solved ticket is reopened. */
        REOPEN,
        /** A solved ticket is closed. */
        CLOSE,
        /** One ticket is merged into another of the same tenant: a two-ticket commit. */
        MERGE,
        /** The due time is set or cleared without events. */
        RESCHEDULE,
        /** Due tickets of all tenants are claimed; each must name its own tenant. */
        CLAIM,
        /** A commit names the other tenant's ticket; it must be rejected. */
        FOREIGN_COMMIT,
        /** A reschedule names the other tenant's ticket; it must be not found. */
        FOREIGN_RESCHEDULE
    }

    /**
     * One step.
     *
     * @param tenant 0 for {@link #TENANT_A}, 1 for {@link #TENANT_B}
     * @param kind   what to do
     * @param pick   which ticket, taken modulo the number of candidates
     * @param value  a free choice: customer, agent, status, minutes of a due time
     */
    public record Step(int tenant, Kind kind, int pick, int value) {
        /**
         * Checks the parts.
         *
         * @param tenant 0 or 1
         * @param kind   what to do
         * @param pick   not negative
         * @param value  not negative
         * @throws IllegalArgumentException when a part is out of range
         */
        public Step {
            Objects.requireNonNull(kind, "kind");
            if (tenant != 0 && tenant != 1) {
                throw new IllegalArgumentException("tenant is 0 or 1");
            }
            if (pick < 0 || value < 0) {
                throw new IllegalArgumentException("pick and value are not negative");
            }
        }
    }

    private final TicketStore store;
    private final Map<TenantId, LinkedHashMap<TicketId, Ticket>> model = new HashMap<>();
    private final Map<TicketId, Optional<Instant>> due = new HashMap<>();
    private final Map<TenantId, Long> lastNumber = new HashMap<>();
    private int stepIndex;

    private TenantIsolationScenario(TicketStore store) {
        this.store = store;
        for (TenantId t : List.of(TENANT_A, TENANT_B)) {
            model.put(t, new LinkedHashMap<>());
            lastNumber.put(t, 0L);
        }
    }

    /**
     * Random steps.
     *
     * @param random the source; seed it to make a run reproducible
     * @param count  how many steps
     * @return the steps
     */
    public static List<Step> randomSteps(Random random, int count) {
        Kind[] kinds = Kind.values();
        List<Step> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // opening more often than anything else keeps enough tickets around
            Kind kind = random.nextInt(4) == 0 ? Kind.OPEN : kinds[random.nextInt(kinds.length)];
            steps.add(new Step(random.nextInt(2), kind, random.nextInt(1000), random.nextInt(1000)));
        }
        return steps;
    }

    /**
     * Runs steps against an empty store, checking both tenants after every step.
     *
     * @param store a store with no tickets of {@link #TENANT_A} or {@link #TENANT_B}, and no
     *              due tickets of any tenant
     * @param steps the steps
     * @throws AssertionError when a tenant sees anything but its own data
     */
    public static void run(TicketStore store, List<Step> steps) {
        TenantIsolationScenario scenario = new TenantIsolationScenario(store);
        for (Step step : steps) {
            scenario.apply(step);
            // listings after every step; lookups of every ticket and number, which cost a
            // query each on a database, every few steps and at the end
            scenario.checkListings();
            if (scenario.stepIndex % FULL_CHECK_EVERY == FULL_CHECK_EVERY - 1) {
                scenario.checkLookups();
            }
            scenario.stepIndex++;
        }
        scenario.checkLookups();
        scenario.checkHistories();
    }

    private void apply(Step step) {
        TenantId tenant = step.tenant() == 0 ? TENANT_A : TENANT_B;
        TenantId other = step.tenant() == 0 ? TENANT_B : TENANT_A;
        List<Ticket> live = model.get(tenant).values().stream().filter(t -> !t.status().isFinal()).toList();
        List<Ticket> all = List.copyOf(model.get(tenant).values());
        List<Ticket> foreign = List.copyOf(model.get(other).values());
        Ticket picked = live.isEmpty() ? null : live.get(step.pick() % live.size());
        switch (step.kind()) {
            case OPEN -> open(tenant, step);
            case REPLY, NOTE, ASSIGN, STATUS, SOLVE, REOPEN, CLOSE -> {
                if (picked == null) {
                    open(tenant, step);
                } else {
                    work(tenant, picked, step);
                }
            }
            case MERGE -> {
                if (live.size() < 2) {
                    open(tenant, step);
                } else {
                    Ticket source = picked;
                    Ticket target = live.get((step.pick() + 1 + step.value() % (live.size() - 1)) % live.size());
                    List<TicketChange> changes = TicketChangeBuilder.merge(source, target, Actor.agent("a-ana"));
                    List<Ticket> stored = accepted(store.commit(tenant, changes));
                    for (int i = 0; i < changes.size(); i++) {
                        remember(tenant, stored.get(i), changes.get(i).dueAt());
                    }
                }
            }
            case RESCHEDULE -> {
                if (all.isEmpty()) {
                    open(tenant, step);
                } else {
                    Ticket t = all.get(step.pick() % all.size());
                    Optional<Instant> when = dueFrom(step.value());
                    long version = accepted(store.reschedule(tenant, t.id(), t.version(), when));
                    assertEquals(t.version(), version, at("reschedule answers the ticket's unchanged version"));
                    due.put(t.id(), when);
                }
            }
            case CLAIM -> claim(step);
            case FOREIGN_COMMIT -> {
                if (foreign.isEmpty()) {
                    open(tenant, step);
                } else {
                    Ticket theirs = foreign.get(step.pick() % foreign.size());
                    TicketChange change = TicketChangeBuilder.on(asIfOwnedBy(tenant, theirs))
                            .reply(Actor.customer("c-ada"), "is this mine?").build();
                    Either<Rejection, ?> result = store.commit(tenant, change);
                    assertTrue(result.isLeft(), at("a commit on another tenant's ticket is rejected"));
                    assertInstanceOf(Rejection.ConcurrentModification.class, result.getLeft(),
                            at("a commit on another tenant's ticket finds no ticket at its version"));
                }
            }
            case FOREIGN_RESCHEDULE -> {
                if (foreign.isEmpty()) {
                    open(tenant, step);
                } else {
                    Ticket theirs = foreign.get(step.pick() % foreign.size());
                    Either<Rejection, Long> result = store.reschedule(tenant, theirs.id(), theirs.version(),
                            dueFrom(step.value()));
                    assertTrue(result.isLeft(), at("rescheduling another tenant's ticket is rejected"));
                    assertInstanceOf(Rejection.NotFound.class, result.getLeft(),
                            at("another tenant's ticket is not found"));
                }
            }
            default -> throw new IllegalStateException("unknown step " + step.kind());
        }
    }

    private void open(TenantId tenant, Step step) {
        long number = lastNumber.merge(tenant, 1L, Long::sum);
        TicketChange change = TicketChangeBuilder.open(tenant, TicketNumber.of(number), T0.plusSeconds(stepIndex * 60L))
                .requester(CUSTOMERS.get(step.value() % CUSTOMERS.size()))
                .dueAt(dueFrom(step.value()))
                .build();
        remember(tenant, accepted(store.commit(tenant, change)), change.dueAt());
    }

    private void work(TenantId tenant, Ticket ticket, Step step) {
        AgentId agent = AGENTS.get(step.value() % AGENTS.size());
        TicketChangeBuilder b = TicketChangeBuilder.on(ticket).by(new Actor.Agent(agent));
        switch (step.kind()) {
            case REPLY -> b.reply(new Actor.Customer(ticket.requester()), "reply " + stepIndex);
            case NOTE -> b.note(agent, "note " + stepIndex);
            case ASSIGN -> b.assign(agent);
            case STATUS -> b.status(WORKING.get(step.value() % WORKING.size()));
            case SOLVE, CLOSE, REOPEN -> {
                if (ticket.status() == Status.SOLVED && step.kind() == Kind.SOLVE) {
                    b.reopen().solve();
                } else if (ticket.status() != Status.SOLVED) {
                    if (ticket.assignee().isEmpty()) {
                        b.assign(agent);
                    }
                    b.solve();
                }
                if (step.kind() == Kind.CLOSE) {
                    b.close();
                } else if (step.kind() == Kind.REOPEN) {
                    b.reopen();
                }
            }
            default -> throw new IllegalStateException("not a step on one ticket: " + step.kind());
        }
        TicketChange change = b.dueAt(dueFrom(step.value() + 7)).build();
        remember(tenant, accepted(store.commit(tenant, change)), change.dueAt());
    }

    private void claim(Step step) {
        Instant now = T0.plus(Duration.ofMinutes(step.value()));
        List<DueTicket> claimed = store.claimDue(now, 1 + step.pick() % 5, LEASE);
        for (DueTicket d : claimed) {
            Ticket owned = model.get(d.tenant()) == null ? null : model.get(d.tenant()).get(d.id());
            if (owned == null) {
                fail(at("claimed ticket " + d.id() + " is not a ticket of the tenant it names, " + d.tenant()));
            }
            assertEquals(due.get(d.id()), Optional.of(d.dueAt()), at("a claimed ticket carries its own due time"));
            assertEquals(owned.version(), d.version(), at("a claimed ticket carries its own version"));
            assertTrue(!d.dueAt().isAfter(now), at("only due tickets are claimed"));
        }
    }

    private void checkListings() {
        for (TenantId tenant : List.of(TENANT_A, TENANT_B)) {
            List<Ticket> mine = mine(tenant);
            assertEquals(mine, listAll(tenant, TicketQuery.all()), at(tenant + " lists exactly its own tickets"));
            CustomerId customer = CUSTOMERS.get(stepIndex % CUSTOMERS.size());
            TicketQuery byRequester = TicketQuery.requestedBy(customer);
            assertEquals(mine.stream().filter(byRequester::matches).toList(), listAll(tenant, byRequester),
                    at(tenant + " lists its own tickets of " + customer));
            TicketQuery byAssignee = TicketQuery.assignedTo(AGENTS.get(stepIndex % AGENTS.size()));
            assertEquals(mine.stream().filter(byAssignee::matches).toList(), listAll(tenant, byAssignee),
                    at(tenant + " lists its own tickets of an agent"));
            TicketQuery byStatus = TicketQuery.inStatus(Status.values()[stepIndex % Status.values().length]);
            assertEquals(mine.stream().filter(byStatus::matches).toList(), listAll(tenant, byStatus),
                    at(tenant + " lists its own tickets in a status"));
        }
    }

    private void checkLookups() {
        for (TenantId tenant : List.of(TENANT_A, TENANT_B)) {
            TenantId other = tenant.equals(TENANT_A) ? TENANT_B : TENANT_A;
            List<Ticket> mine = mine(tenant);
            for (Ticket t : mine) {
                assertEquals(Optional.of(t), store.find(tenant, t.id()).toJavaOptional(), at(tenant + " finds its ticket"));
                assertEquals(due.get(t.id()), store.dueAt(tenant, t.id()), at(tenant + " sees its own due time"));
            }
            for (long n = 1; n <= Math.max(lastNumber.get(TENANT_A), lastNumber.get(TENANT_B)) + 1; n++) {
                TicketNumber number = TicketNumber.of(n);
                Optional<Ticket> expected = mine.stream().filter(t -> t.number().equals(number)).findFirst();
                assertEquals(expected, store.findByNumber(tenant, number).toJavaOptional(),
                        at(tenant + " finds its own ticket " + number + " and no other"));
            }
            for (Ticket theirs : model.get(other).values()) {
                assertTrue(store.find(tenant, theirs.id()).isEmpty(), at(tenant + " does not find " + other + "'s ticket"));
                assertTrue(store.history(tenant, theirs.id()).isEmpty(), at(tenant + " sees no history of " + other + "'s ticket"));
                assertEquals(Optional.empty(), store.dueAt(tenant, theirs.id()), at(tenant + " sees no due time of " + other + "'s ticket"));
            }
        }
    }

    private void checkHistories() {
        for (TenantId tenant : List.of(TENANT_A, TENANT_B)) {
            for (Ticket t : model.get(tenant).values()) {
                var history = store.history(tenant, t.id());
                assertEquals(t.version(), history.size(), at("the history of " + t.number() + " has one event per version"));
                history.forEach(r -> assertEquals(tenant, r.tenant(), at("events carry their own tenant")));
                assertEquals(t, Tickets.replay(tenant, history.stream().map(r -> r.event()).toList()),
                        at("the state of " + t.number() + " equals the replay of its history"));
            }
        }
    }

    private List<Ticket> mine(TenantId tenant) {
        return model.get(tenant).values().stream().sorted(Comparator.comparing(Ticket::number)).toList();
    }

    private List<Ticket> listAll(TenantId tenant, TicketQuery query) {
        List<Ticket> result = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(4));
        while (next.isPresent()) {
            Page page = store.list(tenant, query, next.get());
            result.addAll(page.items());
            next = page.next();
            if (result.size() > 10_000) {
                fail(at("listing does not end"));
            }
        }
        return result;
    }

    private void remember(TenantId tenant, Ticket stored, Optional<Instant> dueAt) {
        assertEquals(tenant, stored.tenant(), at("a committed ticket belongs to the committing tenant"));
        model.get(tenant).put(stored.id(), stored);
        due.put(stored.id(), dueAt);
    }

    private <T> T accepted(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail(at("expected the store to accept, got " + result.getLeft().message()));
        }
        return result.get();
    }

    private static Optional<Instant> dueFrom(int value) {
        return value % 3 == 0 ? Optional.empty() : Optional.of(T0.plus(Duration.ofMinutes(value % 600)));
    }

    private static Ticket asIfOwnedBy(TenantId tenant, Ticket t) {
        return Ticket.builder().from(t).tenant(tenant).build();
    }

    private String at(String what) {
        return "step " + stepIndex + ": " + what;
    }
}
