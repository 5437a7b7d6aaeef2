package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketSort;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link TicketStore} must keep, as JUnit 5 tests. A store
 * implementation subclasses this class in its own tests and supplies a fresh, empty store:
 *
 * <pre>{@code
 * class JdbcTicketStoreOnH2Test extends TicketStoreContract {
 *     protected TicketStore createStore() {
 *         database.truncateAll();
 *         return JdbcStores.create(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: a commit round-trips through {@code find}, {@code findByNumber} and
 * {@code history}; the stored state equals {@link Tickets#replay} of the stored history;
 * commits are atomic across tickets; a stale expected version is rejected with
 * {@link Rejection.ConcurrentModification} and writes nothing; tenants are isolated; listings
 * page in ascending number by keyset and filter by status, assignee and requester; concurrent
 * commits lose nothing; ticket numbers are unique per tenant under concurrency (when the store
 * is also a {@link TicketNumberSequence}); due work is claimed soonest first, once per lease,
 * and released by a commit or a reschedule.
 *
 * <p>Every test runs on a new store from {@link #createStore()} and takes well under a second
 * in memory. The sizes of the concurrent and randomised tests can be lowered for slow stores
 * by overriding {@link #threads()}, {@link #commitsPerThread()} and
 * {@link #isolationSteps()}. All instants are whole seconds in 2026, which every supported
 * database stores exactly.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TicketStoreContract {

    /** The first tenant of the tests. */
    protected static final TenantId ACME = TenantId.of("acme");
    /** The second tenant of the tests; it numbers its tickets from 1 like the first. */
    protected static final TenantId GLOBEX = TenantId.of("globex");
    /** The time the tests start at. */
    protected static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

    private static final AgentId ANA = AgentId.of("agent-ana");
    private static final AgentId BEN = AgentId.of("agent-ben");
    private static final CustomerId CARLA = CustomerId.of("customer-carla");
    private static final CustomerId DIEGO = CustomerId.of("customer-diego");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final long TIMEOUT_SECONDS = 120;

    private volatile TicketStore store;
    private final Map<TenantId, Long> lastNumber = new HashMap<>();

    /** Creates the suite; subclasses add their own set-up. */
    protected TicketStoreContract() {
    }

    /**
     * Makes the store under test. Called once per test, the first time the test needs the
     * store (so after the subclass's own {@code @BeforeEach} methods).
     *
     * @return a store that holds no tickets of any tenant
     */
    protected abstract TicketStore createStore();

    /**
     * The sequence to check for unique numbers under concurrency. By default the store
     * itself when it also implements {@link TicketNumberSequence}; the sequence tests are
     * skipped when this is empty.
     *
     * @param store the store under test
     * @return the sequence, or empty when the implementation has none
     */
    protected Optional<TicketNumberSequence> numberSequence(TicketStore store) {
        return store instanceof TicketNumberSequence sequence ? Optional.of(sequence) : Optional.empty();
    }

    /**
     * How many threads the concurrency tests run.
     *
     * @return 8 by default
     */
    protected int threads() {
        return 8;
    }

    /**
     * How many accepted commits each thread of a concurrency test makes.
     *
     * @return 25 by default
     */
    protected int commitsPerThread() {
        return 25;
    }

    /**
     * How many steps each randomised tenant-isolation run takes.
     *
     * @return 60 by default
     */
    protected int isolationSteps() {
        return 60;
    }

    /**
     * The store under test, made by {@link #createStore()} on first use in each test.
     *
     * @return the store
     */
    protected final TicketStore store() {
        TicketStore made = store;
        if (made == null) {
            // the concurrency tests may ask for the store first from several threads at once
            synchronized (this) {
                made = store;
                if (made == null) {
                    made = createStore();
                    store = made;
                }
            }
        }
        return made;
    }

    @BeforeEach
    final void forgetTheStoreOfThePreviousTest() {
        // a subclass may run with one instance per class; every test still gets a new store
        store = null;
        lastNumber.clear();
    }

    // ======================================================================================
    // Round trip
    // ======================================================================================

    @Test
    void a_committed_ticket_is_found_by_id_and_by_number_as_committed() {
        TicketChange opening = TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).build();

        Ticket committed = accepted(store().commit(ACME, opening));

        assertEquals(opening.newState(), committed);
        assertEquals(Optional.of(committed), store().find(ACME, committed.id()).toJavaOptional());
        assertEquals(Optional.of(committed), store().findByNumber(ACME, committed.number()).toJavaOptional());
    }

    @Test
    void history_returns_every_committed_event_oldest_first_with_its_version_and_tenant() {
        TicketChangeBuilder opening = TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .assign(ANA).reply(Actor.agent("agent-ana"), "Looking into it");
        Ticket first = accepted(store().commit(ACME, opening.build()));
        TicketChangeBuilder more = TicketChangeBuilder.on(first).status(Status.PENDING);
        Ticket second = accepted(store().commit(ACME, more.build()));

        List<RecordedEvent> history = store().history(ACME, second.id());

        List<TicketEvent> expected = new ArrayList<>(opening.events());
        expected.addAll(more.events());
        assertEquals(expected, history.stream().map(RecordedEvent::event).toList());
        assertEquals(LongStream.rangeClosed(1, 4).boxed().toList(), history.stream().map(RecordedEvent::version).toList());
        assertTrue(history.stream().allMatch(r -> r.tenant().equals(ACME)));
    }

    @Test
    void a_history_read_earlier_does_not_change_when_the_ticket_moves_on() {
        Ticket ticket = openTicket(ACME);
        List<RecordedEvent> before = store().history(ACME, ticket.id());
        Page listedBefore = store().list(ACME, TicketQuery.all(), PageRequest.first(5));

        accepted(store().commit(ACME, TicketChangeBuilder.on(ticket).assign(ANA).note(ANA, "later").build()));

        assertEquals(1, before.size(), "a history is a snapshot, not a live view");
        assertEquals(List.of(ticket), listedBefore.items(), "a page is a snapshot, not a live view");
        assertEquals(3, store().history(ACME, ticket.id()).size());
    }

    @Test
    void commit_returns_the_new_states_in_the_order_of_the_changes() {
        Ticket source = openTicket(ACME);
        Ticket target = openTicket(ACME);
        List<TicketChange> merge = TicketChangeBuilder.merge(source, target, Actor.agent("agent-ana"));

        List<Ticket> states = accepted(store().commit(ACME, merge));

        assertEquals(List.of(merge.get(0).newState(), merge.get(1).newState()), states);
        assertEquals(Status.MERGED, states.get(0).status());
        assertEquals(List.of(source.id()), states.get(1).mergedFrom());
    }

    @Test
    void stored_state_equals_the_replay_of_the_stored_history_through_a_whole_life() {
        Ticket ticket = livedTicket(ACME);

        assertEquals(Status.CLOSED, ticket.status());
        assertEquals(Optional.of(ticket), store().find(ACME, ticket.id()).toJavaOptional());
        assertEquals(ticket, replayStored(ACME, ticket.id()));
        assertEquals(ticket.version(), store().history(ACME, ticket.id()).size());
    }

    @Test
    void tags_and_custom_field_values_are_part_of_the_stored_state() {
        Ticket t = openTicket(ACME);
        Ticket tagged = accepted(store().commit(ACME, TicketChangeBuilder.on(t).by(Actor.system("escalation:vip"))
                .tagAdded("vip").tagAdded("billing").fieldSet("product", Optional.of("router"))
                .fieldSet("contract-value", Optional.of("1200")).build()));
        Ticket edited = accepted(store().commit(ACME, TicketChangeBuilder.on(tagged).by(Actor.system("escalation:vip"))
                .tagRemoved("vip").fieldSet("contract-value", Optional.empty()).build()));

        assertEquals(List.of("billing", "vip"), List.copyOf(tagged.tags()));
        assertEquals(List.of("billing"), List.copyOf(edited.tags()));
        assertEquals(Map.of("product", "router"), edited.fields());
        assertEquals(Optional.of(edited), store().find(ACME, t.id()).toJavaOptional());
        assertEquals(edited, replayStored(ACME, t.id()));
        assertTrue(store().list(ACME, TicketQuery.requestedBy(edited.requester()), PageRequest.first(500)).items()
                .contains(edited), "a listed ticket carries its tags and fields");
    }

    @Test
    void every_kind_of_event_and_actor_round_trips_unchanged() {
        Ticket lived = livedTicket(ACME);
        Ticket source = openTicket(ACME);
        Ticket target = openTicket(ACME);
        List<Ticket> merged = accepted(store().commit(ACME,
                TicketChangeBuilder.merge(source, target, Actor.system("duplicate-detector"))));
        Ticket followUp = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0.plusSeconds(9999))
                .followUpOf(lived.id()).openedBy(Actor.integration("mail-gateway")).build()));

        // channel intake: a mail's external id and its attachments
        Ticket mailed = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0.plusSeconds(9999))
                .linkExternal(Channel.EMAIL, "round-trip-" + followUp.id() + "@example.com", false)
                .attach("scan.pdf", "application/pdf", 4096, false).build()));

        Ticket fieldWork = fieldWorkTicket(ACME);
        Set<Class<?>> kinds = new HashSet<>();
        for (Ticket t : List.of(lived, merged.get(0), merged.get(1), followUp, mailed, fieldWork)) {
            assertEquals(t, replayStored(ACME, t.id()));
            store().history(ACME, t.id()).forEach(r -> kinds.add(r.event().getClass()));
        }
        assertEquals(Set.copyOf(Arrays.asList(TicketEvent.class.getPermittedSubclasses())), kinds,
                "the lived and merged tickets hold every kind of event");
        Set<Class<?>> actors = store().history(ACME, lived.id()).stream()
                .map(r -> r.event().actor().getClass()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Arrays.asList(Actor.class.getPermittedSubclasses())), actors,
                "the lived ticket has events of every kind of actor");
    }

    @Test
    void text_with_quotes_unicode_and_the_largest_sizes_round_trips_unchanged() {
        String subject = "Impressora não imprime — 'quoted' \"double\" ; DROP TABLE hd_ticket; -- ☕ \\ %_ 😀 ".repeat(3);
        String longSubject = fill(subject, Ticket.MAX_SUBJECT_LENGTH);
        String largestBody = "é".repeat(Message.MAX_BODY_BYTES / 2);
        assertEquals(Message.MAX_BODY_BYTES, Message.utf8Length(largestBody));
        TicketChange change = TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .subject(longSubject)
                .requester(CustomerId.of("Zoë O'Brien <zoe@example.com>"))
                .channel(Channel.of("WHATSAPP"))
                .category(Category.of("customer.billing.refunds"))
                .reply(Actor.customer("Zoë O'Brien <zoe@example.com>"), largestBody)
                .note(AgentId.of("ana \"the fixer\""), "line one\nline two\r\n\ttabbed 🚀")
                .build();

        Ticket committed = accepted(store().commit(ACME, change));

        assertEquals(change.newState(), store().find(ACME, committed.id()).get());
        assertEquals(change.events(), store().history(ACME, committed.id()).stream().map(RecordedEvent::event).toList());
    }

    @Test
    void an_unknown_ticket_is_not_found_anywhere() {
        openTicket(ACME);
        TicketId unknown = TckIds.ticketId();

        assertTrue(store().find(ACME, unknown).isEmpty());
        assertTrue(store().findByNumber(ACME, TicketNumber.of(999_999)).isEmpty());
        assertEquals(List.of(), store().history(ACME, unknown));
        assertEquals(Optional.empty(), store().dueAt(ACME, unknown));
        assertInstanceOf(Rejection.NotFound.class, store().reschedule(ACME, unknown, 1, Optional.of(T0)).getLeft());
    }

    @Test
    void a_tenant_that_never_committed_has_nothing() {
        TenantId nobody = TenantId.of("never-seen");

        assertTrue(store().find(nobody, TckIds.ticketId()).isEmpty());
        assertTrue(store().findByNumber(nobody, TicketNumber.of(1)).isEmpty());
        Page page = store().list(nobody, TicketQuery.all(), PageRequest.first(10));
        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.next());
    }

    // ======================================================================================
    // Optimistic locking and atomicity
    // ======================================================================================

    @Test
    void a_stale_expected_version_is_rejected_and_nothing_is_written() {
        Ticket v1 = openTicket(ACME);
        Ticket v2 = accepted(store().commit(ACME, TicketChangeBuilder.on(v1).assign(ANA).dueAt(T0.plusSeconds(60)).build()));
        List<RecordedEvent> historyBefore = store().history(ACME, v1.id());

        Either<Rejection, Ticket> stale = store().commit(ACME,
                TicketChangeBuilder.on(v1).assign(BEN).dueAt(T0.plusSeconds(3600)).build());

        Rejection.ConcurrentModification rejection = concurrentModification(stale);
        assertEquals(v1.id().toString(), rejection.id());
        assertEquals(1, rejection.expected());
        assertEquals(2, rejection.actual());
        assertUnchanged(ACME, v2, historyBefore, Optional.of(T0.plusSeconds(60)));
    }

    @Test
    void a_version_ahead_of_the_store_is_rejected() {
        Ticket v1 = openTicket(ACME);
        List<RecordedEvent> history = store().history(ACME, v1.id());
        TicketChange ahead = TicketChangeBuilder.on(v1.withVersion(2)).assign(ANA).build();

        Rejection.ConcurrentModification rejection = concurrentModification(store().commit(ACME, ahead));

        assertEquals(2, rejection.expected());
        assertEquals(1, rejection.actual());
        assertUnchanged(ACME, v1, history, Optional.empty());
    }

    @Test
    void a_change_on_a_ticket_that_does_not_exist_is_rejected_and_creates_nothing() {
        openTicket(ACME);
        Ticket never = TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).state();
        TicketChange change = TicketChangeBuilder.on(never).assign(ANA).dueAt(T0).build();

        Rejection.ConcurrentModification rejection = concurrentModification(store().commit(ACME, change));

        assertEquals(1, rejection.expected());
        assertEquals(0, rejection.actual());
        assertTrue(store().find(ACME, never.id()).isEmpty());
        assertTrue(store().findByNumber(ACME, never.number()).isEmpty());
        assertEquals(List.of(), store().history(ACME, never.id()));
        assertEquals(Optional.empty(), store().dueAt(ACME, never.id()));
    }

    @Test
    void creating_a_ticket_whose_id_already_exists_is_rejected_and_leaves_the_first_intact() {
        TicketId id = TckIds.ticketId();
        Ticket first = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, id, nextNumber(ACME), T0)
                .subject("the first").dueAt(T0).build()));
        List<RecordedEvent> historyBefore = store().history(ACME, id);

        Either<Rejection, Ticket> again = store().commit(ACME, TicketChangeBuilder.open(ACME, id, nextNumber(ACME), T0)
                .subject("the second").dueAt(T0.plusSeconds(600)).build());

        Rejection.ConcurrentModification rejection = concurrentModification(again);
        assertEquals(0, rejection.expected());
        assertEquals(1, rejection.actual());
        assertUnchanged(ACME, first, historyBefore, Optional.of(T0));
        assertTrue(store().findByNumber(ACME, TicketNumber.of(lastNumber.get(ACME))).isEmpty(),
                "the second opening's number was not taken");
    }

    @Test
    void a_two_ticket_commit_with_one_stale_change_writes_neither() {
        Ticket source = openTicket(ACME);
        Ticket staleTarget = openTicket(ACME);
        Ticket target = accepted(store().commit(ACME, TicketChangeBuilder.on(staleTarget).assign(ANA).dueAt(T0).build()));
        List<RecordedEvent> sourceHistory = store().history(ACME, source.id());
        List<RecordedEvent> targetHistory = store().history(ACME, target.id());

        Either<Rejection, List<Ticket>> result = store().commit(ACME,
                TicketChangeBuilder.merge(source, staleTarget, Actor.agent("agent-ana")));

        assertEquals(staleTarget.id().toString(), concurrentModification(result).id());
        assertUnchanged(ACME, source, sourceHistory, Optional.empty());
        assertUnchanged(ACME, target, targetHistory, Optional.of(T0));
    }

    @Test
    void a_two_ticket_commit_whose_first_change_is_stale_writes_neither() {
        Ticket staleSource = openTicket(ACME);
        Ticket source = accepted(store().commit(ACME, TicketChangeBuilder.on(staleSource).assign(ANA).build()));
        Ticket target = openTicket(ACME);
        List<RecordedEvent> sourceHistory = store().history(ACME, source.id());
        List<RecordedEvent> targetHistory = store().history(ACME, target.id());

        Either<Rejection, List<Ticket>> result = store().commit(ACME,
                TicketChangeBuilder.merge(staleSource, target, Actor.agent("agent-ana")));

        assertEquals(staleSource.id().toString(), concurrentModification(result).id());
        assertUnchanged(ACME, source, sourceHistory, Optional.empty());
        assertUnchanged(ACME, target, targetHistory, Optional.empty());
    }

    @Test
    void a_commit_that_creates_one_ticket_and_fails_on_another_creates_nothing() {
        Ticket existing = openTicket(ACME);
        Ticket moved = accepted(store().commit(ACME, TicketChangeBuilder.on(existing).assign(ANA).build()));
        TicketChange creation = TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).dueAt(T0).build();
        TicketChange stale = TicketChangeBuilder.on(existing).note(BEN, "stale").build();

        Either<Rejection, List<Ticket>> result = store().commit(ACME, List.of(creation, stale));

        assertEquals(existing.id().toString(), concurrentModification(result).id());
        assertTrue(store().find(ACME, creation.ticketId()).isEmpty());
        assertTrue(store().findByNumber(ACME, creation.newState().number()).isEmpty());
        assertEquals(List.of(), store().history(ACME, creation.ticketId()));
        assertEquals(Optional.empty(), store().dueAt(ACME, creation.ticketId()));
        assertEquals(List.of(moved), listAll(ACME, TicketQuery.all()));
        assertEquals(List.of(), store().claimDue(T0.plusSeconds(3600), 10, LEASE));
    }

    @Test
    void a_number_already_taken_in_the_tenant_is_refused_and_nothing_is_written() {
        Ticket first = openTicket(ACME);
        TicketChange other = TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).build();
        TicketChange duplicate = TicketChangeBuilder.open(ACME, first.number(), T0.plusSeconds(1)).build();

        assertThrows(StoreException.class, () -> store().commit(ACME, List.of(other, duplicate)),
                "a number is unique in its tenant; a second ticket with it is a defect of the caller");

        assertEquals(Optional.of(first), store().findByNumber(ACME, first.number()).toJavaOptional());
        assertTrue(store().find(ACME, duplicate.ticketId()).isEmpty());
        assertTrue(store().find(ACME, other.ticketId()).isEmpty(), "the other change of the commit is not written");
        assertEquals(List.of(first), listAll(ACME, TicketQuery.all()));
    }

    // ======================================================================================
    // Tenant isolation
    // ======================================================================================

    @Test
    void the_same_number_in_two_tenants_names_two_different_tickets() {
        Ticket acme = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, TicketNumber.of(1), T0)
                .subject("acme's").build()));
        Ticket globex = accepted(store().commit(GLOBEX, TicketChangeBuilder.open(GLOBEX, TicketNumber.of(1), T0)
                .subject("globex's").build()));

        assertEquals(Optional.of(acme), store().findByNumber(ACME, TicketNumber.of(1)).toJavaOptional());
        assertEquals(Optional.of(globex), store().findByNumber(GLOBEX, TicketNumber.of(1)).toJavaOptional());
        assertNotEquals(acme.id(), globex.id());
    }

    @Test
    void another_tenants_ticket_is_not_found_has_no_history_and_no_due_time() {
        Ticket theirs = accepted(store().commit(GLOBEX, TicketChangeBuilder.open(GLOBEX, TicketNumber.of(7), T0)
                .assign(ANA).dueAt(T0).build()));

        assertTrue(store().find(ACME, theirs.id()).isEmpty());
        assertTrue(store().findByNumber(ACME, theirs.number()).isEmpty());
        assertEquals(List.of(), store().history(ACME, theirs.id()));
        assertEquals(Optional.empty(), store().dueAt(ACME, theirs.id()));
        assertEquals(List.of(), store().list(ACME, TicketQuery.all(), PageRequest.first(10)).items());
        assertEquals(List.of(), store().list(ACME, TicketQuery.assignedTo(ANA), PageRequest.first(10)).items());
        assertEquals(List.of(), store().list(ACME, TicketQuery.requestedBy(theirs.requester()), PageRequest.first(10)).items());
    }

    @Test
    void listing_never_returns_another_tenants_tickets() {
        List<Ticket> acme = new ArrayList<>();
        List<Ticket> globex = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acme.add(openTicket(ACME));
            globex.add(openTicket(GLOBEX));
        }

        assertEquals(acme, listAll(ACME, TicketQuery.all()));
        assertEquals(globex, listAll(GLOBEX, TicketQuery.all()));
        assertEquals(acme, listAll(ACME, TicketQuery.requestedBy(TicketChangeBuilder.DEFAULT_REQUESTER)));
        assertEquals(acme, listAll(ACME, TicketQuery.inStatus(Status.NEW)));
    }

    @Test
    void a_commit_naming_another_tenants_ticket_is_rejected_and_changes_nothing() {
        Ticket theirs = accepted(store().commit(GLOBEX, TicketChangeBuilder.open(GLOBEX, nextNumber(GLOBEX), T0)
                .dueAt(T0).build()));
        List<RecordedEvent> history = store().history(GLOBEX, theirs.id());

        Either<Rejection, Ticket> result = store().commit(ACME,
                TicketChangeBuilder.on(asIfOwnedBy(ACME, theirs)).assign(ANA).dueAt(T0.plusSeconds(99)).build());

        concurrentModification(result);
        assertUnchanged(GLOBEX, theirs, history, Optional.of(T0));
        assertTrue(store().find(ACME, theirs.id()).isEmpty());
    }

    @Test
    void rescheduling_another_tenants_ticket_is_not_found_and_changes_nothing() {
        Ticket theirs = accepted(store().commit(GLOBEX, TicketChangeBuilder.open(GLOBEX, nextNumber(GLOBEX), T0)
                .dueAt(T0).build()));

        Either<Rejection, Long> result = store().reschedule(ACME, theirs.id(), theirs.version(), Optional.empty());

        assertInstanceOf(Rejection.NotFound.class, result.getLeft());
        assertEquals(Optional.of(T0), store().dueAt(GLOBEX, theirs.id()));
        assertEquals(List.of(theirs.id()), store().claimDue(T0, 10, LEASE).stream().map(DueTicket::id).toList());
    }

    @Test
    void claimed_due_tickets_name_their_own_tenant() {
        Map<TicketId, TenantId> owners = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            for (TenantId tenant : List.of(ACME, GLOBEX)) {
                Ticket t = accepted(store().commit(tenant, TicketChangeBuilder.open(tenant, nextNumber(tenant), T0)
                        .dueAt(T0.plusSeconds(i)).build()));
                owners.put(t.id(), tenant);
            }
        }

        List<DueTicket> claimed = store().claimDue(T0.plusSeconds(10), 10, LEASE);

        assertEquals(owners.keySet(), claimed.stream().map(DueTicket::id).collect(Collectors.toSet()));
        for (DueTicket d : claimed) {
            assertEquals(owners.get(d.id()), d.tenant(), "the tenant of " + d.id());
            assertEquals(Optional.of(d.dueAt()), store().dueAt(d.tenant(), d.id()));
        }
    }

    @ParameterizedTest(name = "random commits across two tenants never leak, seed {0}")
    @ValueSource(longs = {20260302L, 7L, 1234567L})
    void random_commits_across_two_tenants_never_let_one_tenant_see_the_others_data(long seed) {
        TenantIsolationScenario.run(store(), TenantIsolationScenario.randomSteps(new Random(seed), isolationSteps()));
    }

    // ======================================================================================
    // Listing and paging
    // ======================================================================================

    @Test
    void listing_returns_tickets_in_ascending_number_a_page_at_a_time() {
        Map<Long, Ticket> byNumber = new HashMap<>();
        for (long n : new long[] {5, 3, 9, 1, 7, 2, 8}) {
            byNumber.put(n, accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, TicketNumber.of(n), T0).build())));
        }

        Page first = store().list(ACME, TicketQuery.all(), PageRequest.first(3));
        Page second = store().list(ACME, TicketQuery.all(), first.next().orElseThrow());
        Page third = store().list(ACME, TicketQuery.all(), second.next().orElseThrow());

        assertEquals(List.of(byNumber.get(1L), byNumber.get(2L), byNumber.get(3L)), first.items());
        assertEquals(Optional.of(new PageRequest(3, Optional.of(TicketNumber.of(3)))), first.next());
        assertEquals(List.of(byNumber.get(5L), byNumber.get(7L), byNumber.get(8L)), second.items());
        assertEquals(List.of(byNumber.get(9L)), third.items());
        assertEquals(Optional.empty(), third.next());
    }

    @Test
    void a_full_last_page_has_no_next_page() {
        for (int i = 0; i < 6; i++) {
            openTicket(ACME);
        }

        Page first = store().list(ACME, TicketQuery.all(), PageRequest.first(3));
        Page second = store().list(ACME, TicketQuery.all(), first.next().orElseThrow());
        Page exact = store().list(ACME, TicketQuery.all(), PageRequest.first(6));

        assertEquals(3, second.items().size());
        assertEquals(Optional.empty(), second.next());
        assertEquals(6, exact.items().size());
        assertEquals(Optional.empty(), exact.next());
    }

    @Test
    void an_empty_listing_is_one_empty_page_without_a_next_page() {
        openTicket(ACME);

        Page page = store().list(ACME, TicketQuery.inStatus(Status.CLOSED), PageRequest.first(5));

        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.next());
    }

    @Test
    void a_page_starts_after_its_number_even_when_no_ticket_has_that_number() {
        Ticket three = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, TicketNumber.of(3), T0).build()));
        Ticket five = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, TicketNumber.of(5), T0).build()));

        Page afterFour = store().list(ACME, TicketQuery.all(), new PageRequest(10, Optional.of(TicketNumber.of(4))));
        Page afterTwo = store().list(ACME, TicketQuery.all(), new PageRequest(10, Optional.of(TicketNumber.of(2))));
        Page afterFive = store().list(ACME, TicketQuery.all(), new PageRequest(10, Optional.of(TicketNumber.of(5))));

        assertEquals(List.of(five), afterFour.items());
        assertEquals(List.of(three, five), afterTwo.items());
        assertEquals(List.of(), afterFive.items());
    }

    @Test
    void pages_stay_stable_while_tickets_are_added() {
        List<Ticket> before = new ArrayList<>();
        for (long n : new long[] {10, 20, 30, 40, 50}) {
            before.add(accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, TicketNumber.of(n), T0).build())));
        }
        List<Ticket> seen = new ArrayList<>();
        Page page = store().list(ACME, TicketQuery.all(), PageRequest.first(2));
        seen.addAll(page.items());

        Ticket behind = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, TicketNumber.of(15), T0).build()));
        Ticket ahead = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, TicketNumber.of(35), T0).build()));
        while (page.next().isPresent()) {
            page = store().list(ACME, TicketQuery.all(), page.next().get());
            seen.addAll(page.items());
        }

        List<Ticket> expected = new ArrayList<>(before);
        expected.add(ahead);
        expected.sort(Comparator.comparing(Ticket::number));
        assertEquals(expected, seen, "every ticket once, in order; one added behind the cursor is not seen");
        assertFalse(seen.contains(behind));
    }

    @Test
    void a_page_of_one_walks_every_ticket_once_and_the_largest_page_takes_them_all() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tickets.add(openTicket(ACME));
        }

        List<Ticket> walked = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(1));
        int pages = 0;
        while (next.isPresent()) {
            Page page = store().list(ACME, TicketQuery.all(), next.get());
            assertEquals(1, page.items().size());
            walked.addAll(page.items());
            next = page.next();
            pages++;
        }
        Page largest = store().list(ACME, TicketQuery.all(), PageRequest.first(PageRequest.MAX_SIZE));

        assertEquals(7, pages);
        assertEquals(tickets, walked);
        assertEquals(tickets, largest.items());
        assertEquals(Optional.empty(), largest.next());
    }

    @Test
    void listing_filters_by_status_and_shows_the_latest_state() {
        Ticket fresh = openTicket(ACME);
        Ticket open = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).status(Status.OPEN).build()));
        Ticket pending = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).status(Status.PENDING).build()));
        Ticket onHold = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).status(Status.ON_HOLD).build()));
        Ticket solved = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).assign(ANA).solve().build()));
        Ticket closed = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).assign(ANA).solve().close().build()));

        assertEquals(List.of(fresh), listAll(ACME, TicketQuery.inStatus(Status.NEW)));
        assertEquals(List.of(open, pending, onHold), listAll(ACME, TicketQuery.inStatus(Status.OPEN, Status.PENDING, Status.ON_HOLD)));
        assertEquals(List.of(solved, closed), listAll(ACME, TicketQuery.inStatus(Status.SOLVED, Status.CLOSED)));
        assertEquals(List.of(), listAll(ACME, TicketQuery.inStatus(Status.MERGED)));

        Ticket reopened = accepted(store().commit(ACME, TicketChangeBuilder.on(solved).reopen().build()));

        assertEquals(List.of(closed), listAll(ACME, TicketQuery.inStatus(Status.SOLVED, Status.CLOSED)));
        assertEquals(List.of(open, reopened), listAll(ACME, TicketQuery.inStatus(Status.OPEN)));
    }

    @Test
    void listing_filters_by_assignee_and_follows_reassignment() {
        Ticket anas = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).assign(ANA).build()));
        Ticket bens = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).assign(BEN).build()));
        openTicket(ACME);
        Ticket movedToBen = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).assign(ANA).assign(BEN).build()));
        accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).assign(ANA).unassign().build()));

        assertEquals(List.of(anas), listAll(ACME, TicketQuery.assignedTo(ANA)));
        assertEquals(List.of(bens, movedToBen), listAll(ACME, TicketQuery.assignedTo(BEN)));
    }

    @Test
    void listing_filters_by_requester() {
        Ticket carlas = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).requester(CARLA).build()));
        Ticket diegos = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).requester(DIEGO).build()));
        Ticket carlasToo = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).requester(CARLA)
                .openedBy(Actor.agent("agent-ana")).build()));

        assertEquals(List.of(carlas, carlasToo), listAll(ACME, TicketQuery.requestedBy(CARLA)));
        assertEquals(List.of(diegos), listAll(ACME, TicketQuery.requestedBy(DIEGO)));
        assertEquals(List.of(), listAll(ACME, TicketQuery.requestedBy(CustomerId.of("customer-nobody"))));
    }

    @Test
    void every_criterion_of_a_query_must_match() {
        Ticket match = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).requester(CARLA)
                .assign(ANA).status(Status.PENDING).build()));
        accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).requester(DIEGO)
                .assign(ANA).status(Status.PENDING).build()));
        accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).requester(CARLA)
                .assign(BEN).status(Status.PENDING).build()));
        accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0).requester(CARLA)
                .assign(ANA).status(Status.OPEN).build()));

        TicketQuery query = TicketQuery.assignedTo(ANA).andRequester(CARLA).andStatus(Set.of(Status.PENDING));

        assertEquals(List.of(match), listAll(ACME, query));
    }

    @Test
    void a_filtered_listing_fills_its_pages_with_matching_tickets_in_order() {
        List<Ticket> matching = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Ticket t = openTicket(ACME);
            if (i % 2 == 1) {
                matching.add(accepted(store().commit(ACME, TicketChangeBuilder.on(t).assign(ANA).build())));
            }
        }

        Page first = store().list(ACME, TicketQuery.assignedTo(ANA), PageRequest.first(2));
        Page second = store().list(ACME, TicketQuery.assignedTo(ANA), first.next().orElseThrow());
        Page third = store().list(ACME, TicketQuery.assignedTo(ANA), second.next().orElseThrow());

        assertEquals(matching.subList(0, 2), first.items());
        assertEquals(matching.subList(2, 4), second.items());
        assertEquals(matching.subList(4, 5), third.items());
        assertEquals(Optional.empty(), third.next());
    }

    // ======================================================================================
    // Queries: every filter and order of a ticket query
    // ======================================================================================

    @Test
    void listing_filters_by_group_and_by_unassigned() {
        GroupId billing = GroupId.of("billing");
        Ticket queued = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .startingGroup(billing).build()));
        Ticket taken = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .startingGroup(billing).assign(ANA).build()));
        Ticket moved = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).group(billing).build()));
        Ticket elsewhere = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .startingGroup(GroupId.of("sales")).build()));
        Ticket nowhere = openTicket(ACME);

        assertEquals(List.of(queued, taken, moved), listAll(ACME, TicketQuery.builder().inGroup(billing).build()));
        assertEquals(List.of(queued, moved), listAll(ACME, TicketQuery.builder().inGroup(billing).unassigned(true).build()));
        assertEquals(List.of(queued, moved, elsewhere, nowhere), listAll(ACME, TicketQuery.builder().unassigned(true).build()));
        assertEquals(List.of(taken), listAll(ACME, TicketQuery.builder().inGroup(billing).assignee(ANA).build()));
    }

    @Test
    void listing_filters_by_priority_and_by_channel() {
        Ticket urgentMail = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .priority(Priority.URGENT).channel(Channel.EMAIL).build()));
        Ticket highPhone = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .priority(Priority.HIGH).channel(Channel.PHONE).build()));
        Ticket lowMail = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                .priority(Priority.LOW).channel(Channel.EMAIL).build()));
        Ticket raised = accepted(store().commit(ACME, TicketChangeBuilder.on(lowMail).priority(Priority.URGENT).build()));

        assertEquals(List.of(urgentMail, raised), listAll(ACME, TicketQuery.builder().addPriority(Priority.URGENT).build()));
        assertEquals(List.of(urgentMail, highPhone, raised), listAll(ACME, TicketQuery.builder()
                .addPriorities(Priority.URGENT, Priority.HIGH).build()));
        assertEquals(List.of(urgentMail, raised), listAll(ACME, TicketQuery.builder().addChannel(Channel.EMAIL).build()));
        assertEquals(List.of(highPhone), listAll(ACME, TicketQuery.builder().addChannels(Channel.PHONE, Channel.LIVE_CHAT)
                .addPriority(Priority.HIGH).build()));
        assertEquals(List.of(), listAll(ACME, TicketQuery.builder().addChannel(Channel.PHONE)
                .addPriority(Priority.URGENT).build()));
    }

    @Test
    void listing_by_tag_requires_every_tag_named_and_follows_removal() {
        Ticket vip = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME)).tagAdded("vip").build()));
        Ticket vipRefund = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME))
                .tagAdded("vip").tagAdded("refund").build()));
        Ticket wasVip = accepted(store().commit(ACME, TicketChangeBuilder.on(openTicket(ACME))
                .tagAdded("vip").tagRemoved("vip").tagAdded("refund").build()));
        openTicket(ACME);

        assertEquals(List.of(vip, vipRefund), listAll(ACME, TicketQuery.builder().taggedWith("vip").build()));
        assertEquals(List.of(vipRefund), listAll(ACME, TicketQuery.builder().taggedWith("vip", "refund").build()));
        assertEquals(List.of(vipRefund, wasVip), listAll(ACME, TicketQuery.builder().taggedWith("refund").build()));
        assertEquals(List.of(), listAll(ACME, TicketQuery.builder().taggedWith("vi").build()));
    }

    @Test
    void listing_by_descending_number_walks_the_pages_backwards() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tickets.add(openTicket(ACME));
        }
        List<Ticket> expected = new ArrayList<>(tickets);
        java.util.Collections.reverse(expected);

        assertEquals(expected, listAll(ACME, TicketQuery.builder().sortedBy(TicketSort.NUMBER, true).build()));
    }

    @Test
    void listing_by_creation_breaks_ties_by_id_in_both_directions_across_pages() {
        // ids whose first bit differs: the order is the unsigned order of the bytes, as text
        TicketId[] ids = {
            TicketId.of(java.util.UUID.fromString("f0000000-0000-7000-8000-000000000001")),
            TicketId.of(java.util.UUID.fromString("10000000-0000-7000-8000-000000000002")),
            TicketId.of(java.util.UUID.fromString("80000000-0000-7000-8000-000000000003")),
            TicketId.of(java.util.UUID.fromString("7fffffff-0000-7000-8000-000000000004")),
        };
        Instant[] created = {T0.plusSeconds(5), T0, T0, T0.plusNanos(1)};
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            tickets.add(accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, ids[i], nextNumber(ACME), created[i]).build())));
        }
        Ticket later = accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0.plusSeconds(1)).build()));

        List<Ticket> ascending = List.of(tickets.get(1), tickets.get(2), tickets.get(3), later, tickets.get(0));
        List<Ticket> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertEquals(ascending, listAll(ACME, TicketQuery.builder().sortedBy(TicketSort.CREATION, false).build()));
        assertEquals(descending, listAll(ACME, TicketQuery.builder().sortedBy(TicketSort.CREATION, true).build()));
    }

    @Test
    void listing_by_next_due_puts_tickets_with_nothing_due_last_and_breaks_ties_by_id() {
        Ticket dueLate = dueTicket(ACME, T0.plusSeconds(300));
        Ticket nothingDue = openTicket(ACME);
        Ticket dueSoon = dueTicket(ACME, T0.plusSeconds(60));
        Ticket dueSoonToo = dueTicket(ACME, T0.plusSeconds(60));
        Ticket nothingDueToo = openTicket(ACME);
        Ticket rescheduled = dueTicket(ACME, T0.plusSeconds(900));
        accepted(store().reschedule(ACME, rescheduled.id(), rescheduled.version(), Optional.of(T0.plusSeconds(1))));

        List<Ticket> ascending = List.of(rescheduled, dueSoon, dueSoonToo, dueLate, nothingDue, nothingDueToo);
        List<Ticket> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertEquals(ascending, listAll(ACME, TicketQuery.builder().sortedBy(TicketSort.NEXT_DUE, false).build()));
        assertEquals(descending, listAll(ACME, TicketQuery.builder().sortedBy(TicketSort.NEXT_DUE, true).build()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void any_query_lists_exactly_the_matching_tickets_in_the_query_order(long seed) {
        Random random = new Random(seed);
        GroupId[] groups = {GroupId.of("billing"), GroupId.of("sales")};
        AgentId[] agents = {ANA, BEN};
        Channel[] channels = {Channel.EMAIL, Channel.PHONE, Channel.LIVE_CHAT};
        String[] tags = {"vip", "refund", "bug"};
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant at = T0.plusSeconds(random.nextInt(4));
            TicketChangeBuilder b = TicketChangeBuilder.open(ACME, nextNumber(ACME), at)
                    .channel(channels[random.nextInt(channels.length)])
                    .priority(Priority.values()[random.nextInt(Priority.values().length)])
                    .requester(random.nextBoolean() ? CARLA : DIEGO);
            if (random.nextBoolean()) {
                b.startingGroup(groups[random.nextInt(groups.length)]);
            }
            if (random.nextInt(3) > 0) {
                b.assign(agents[random.nextInt(agents.length)]);
            }
            for (String tag : tags) {
                if (random.nextInt(3) == 0) {
                    b.tagAdded(tag);
                }
            }
            if (random.nextInt(3) == 0) {
                b.dueAt(T0.plusSeconds(random.nextInt(5)));
            }
            if (random.nextInt(4) == 0) {
                b.status(Status.PENDING);
            }
            tickets.add(accepted(store().commit(ACME, b.build())));
        }
        for (int q = 0; q < 40; q++) {
            TicketQuery.Builder query = TicketQuery.builder()
                    .sortedBy(TicketSort.values()[random.nextInt(TicketSort.values().length)], random.nextBoolean());
            switch (random.nextInt(4)) {
                case 0 -> query.assignee(agents[random.nextInt(agents.length)]);
                case 1 -> query.unassigned(true);
                default -> { }
            }
            if (random.nextInt(3) == 0) {
                query.inGroup(groups[random.nextInt(groups.length)]);
            }
            if (random.nextInt(3) == 0) {
                query.addPriority(Priority.values()[random.nextInt(Priority.values().length)]);
            }
            if (random.nextInt(3) == 0) {
                query.taggedWith(tags[random.nextInt(tags.length)]);
            }
            if (random.nextInt(3) == 0) {
                query.addChannel(channels[random.nextInt(channels.length)]);
            }
            if (random.nextInt(4) == 0) {
                query.inStatus(Status.PENDING);
            }
            if (random.nextInt(4) == 0) {
                query.requester(CARLA);
            }
            TicketQuery built = query.build();
            List<Ticket> expected = tickets.stream().filter(built::matches)
                    .sorted(built.order(t -> store().dueAt(ACME, t.id()))).toList();
            assertEquals(expected, listAll(ACME, built), built.toString());
        }
    }

    // ======================================================================================
    // Identifiers compare exactly
    // ======================================================================================

    @Test
    void identifiers_a_database_could_not_store_faithfully_are_refused_when_parsed() {
        assertTrue(CustomerId.parse("c-42 ").isLeft(), "trailing space");
        assertTrue(CustomerId.parse(" c-42").isLeft(), "leading space");
        assertTrue(CustomerId.parse("c-42\u00A0").isLeft(), "trailing no-break space");
        assertTrue(CustomerId.parse("bob\uD800").isLeft(), "unpaired high surrogate");
        assertTrue(CustomerId.parse("bob\uDC00x").isLeft(), "unpaired low surrogate");
        assertTrue(AgentId.parse("ana ").isLeft(), "an agent id with a trailing space");
        assertTrue(GroupId.parse("billing\uD83D").isLeft(), "a group id with a broken emoji");
    }

    @Test
    void stored_identifiers_that_differ_in_case_accents_or_a_question_mark_never_match_each_other() {
        List<String> requesters = List.of("bob", "Bob", "BOB", "bob?", "bob\uD83D\uDE00", "bob\uFFFD",
                "b\u00F6b", "bo\u0308b", "stra\u00DFe", "strasse", "c-42", "c-42 x", "c 42", "c  42");
        Map<String, Ticket> byRequester = new HashMap<>();
        for (String id : requesters) {
            CustomerId customer = CustomerId.parse(id).getOrElseThrow(r -> new AssertionError(r.message()));
            byRequester.put(id, accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, nextNumber(ACME), T0)
                    .requester(customer).startingGroup(GroupId.of(id)).assign(AgentId.of(id)).build())));
        }
        for (String id : requesters) {
            List<Ticket> expected = List.of(byRequester.get(id));
            assertEquals(expected, listAll(ACME, TicketQuery.requestedBy(CustomerId.of(id))), "requester " + id);
            assertEquals(expected, listAll(ACME, TicketQuery.assignedTo(AgentId.of(id))), "assignee " + id);
            assertEquals(expected, listAll(ACME, TicketQuery.builder().inGroup(GroupId.of(id)).build()), "group " + id);
            assertEquals(Map.of(Channel.EMAIL, 1), store().openCounts(ACME, AgentId.of(id)), "seats of " + id);
        }
    }

    // ======================================================================================
    // Concurrency
    // ======================================================================================

    @Test
    void concurrent_commits_on_distinct_tickets_lose_nothing() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < threads(); i++) {
            tickets.add(openTicket(i % 2 == 0 ? ACME : GLOBEX));
        }

        runConcurrently(threads(), thread -> {
            Ticket t = tickets.get(thread);
            for (int k = 0; k < commitsPerThread(); k++) {
                t = accepted(store().commit(t.tenant(), TicketChangeBuilder.on(t)
                        .note(ANA, "thread " + thread + " commit " + k).build()));
            }
            return t;
        });

        for (Ticket t : tickets) {
            Ticket stored = store().find(t.tenant(), t.id()).get();
            assertEquals(1 + commitsPerThread(), stored.version());
            assertEquals(stored, replayStored(t.tenant(), t.id()));
        }
    }

    @Test
    void concurrent_commits_on_one_ticket_with_retry_lose_nothing() {
        Ticket ticket = openTicket(ACME);

        List<List<String>> acceptedPerThread = runConcurrently(threads(), thread -> {
            List<String> accepted = new ArrayList<>();
            int attempts = 0;
            while (accepted.size() < commitsPerThread()) {
                if (++attempts > commitsPerThread() * 1_000) {
                    fail("thread " + thread + " could not commit in " + attempts + " attempts");
                }
                Ticket current = store().find(ACME, ticket.id()).get();
                String body = "thread " + thread + " attempt " + attempts;
                Either<Rejection, Ticket> result = store().commit(ACME, TicketChangeBuilder.on(current).note(ANA, body).build());
                if (result.isRight()) {
                    accepted.add(body);
                } else {
                    assertInstanceOf(Rejection.ConcurrentModification.class, result.getLeft());
                }
            }
            return accepted;
        });

        List<String> accepted = acceptedPerThread.stream().flatMap(List::stream).toList();
        Ticket stored = store().find(ACME, ticket.id()).get();
        List<RecordedEvent> history = store().history(ACME, ticket.id());
        assertEquals(1 + (long) threads() * commitsPerThread(), stored.version(), "one version per accepted commit");
        assertEquals(LongStream.rangeClosed(1, stored.version()).boxed().toList(),
                history.stream().map(RecordedEvent::version).toList(), "versions without gaps or repeats");
        List<String> bodies = stored.messages().stream().map(Message::body).toList();
        assertEquals(Set.copyOf(accepted), Set.copyOf(bodies), "every accepted note and no rejected one");
        assertEquals(accepted.size(), bodies.size(), "each accepted note once");
        assertEquals(stored, replayStored(ACME, ticket.id()));
    }

    @Test
    void concurrent_creations_of_the_same_ticket_let_exactly_one_win() {
        TicketId id = TckIds.ticketId();
        TicketNumber number = nextNumber(ACME);

        List<Either<Rejection, Ticket>> results = runConcurrently(threads(), thread ->
                store().commit(ACME, TicketChangeBuilder.open(ACME, id, number, T0).subject("try " + thread).build()));

        List<Ticket> winners = results.stream().filter(Either::isRight).map(Either::get).toList();
        assertEquals(1, winners.size(), "exactly one creation wins");
        results.stream().filter(Either::isLeft)
                .forEach(r -> assertInstanceOf(Rejection.ConcurrentModification.class, r.getLeft()));
        assertEquals(Optional.of(winners.get(0)), store().find(ACME, id).toJavaOptional());
        assertEquals(1, store().history(ACME, id).size());
    }

    @Test
    void concurrent_creations_in_one_tenant_are_all_listed() {
        List<List<Ticket>> created = runConcurrently(threads(), thread -> {
            List<Ticket> mine = new ArrayList<>();
            for (int k = 0; k < commitsPerThread(); k++) {
                TicketNumber number = TicketNumber.of(1L + thread + (long) k * threads());
                mine.add(accepted(store().commit(ACME, TicketChangeBuilder.open(ACME, number, T0).build())));
            }
            return mine;
        });

        List<Ticket> expected = created.stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Ticket::number)).toList();
        assertEquals(expected, listAll(ACME, TicketQuery.all()));
    }

    @Test
    void ticket_numbers_are_unique_per_tenant_under_concurrency() {
        Optional<TicketNumberSequence> sequence = numberSequence(store());
        assumeTrue(sequence.isPresent(), "the store has no ticket number sequence");
        TenantId north = TenantId.of("north");
        TenantId south = TenantId.of("south");

        List<List<TicketNumber>> drawn = runConcurrently(threads(), thread -> {
            TenantId tenant = thread % 2 == 0 ? north : south;
            List<TicketNumber> numbers = new ArrayList<>();
            for (int k = 0; k < commitsPerThread(); k++) {
                numbers.add(sequence.get().next(tenant));
            }
            return numbers;
        });

        for (int parity = 0; parity < 2; parity++) {
            List<TicketNumber> all = new ArrayList<>();
            for (int thread = parity; thread < drawn.size(); thread += 2) {
                all.addAll(drawn.get(thread));
            }
            assertEquals(all.size(), Set.copyOf(all).size(), "no number handed out twice in a tenant");
        }
    }

    @Test
    void each_tenant_numbers_its_tickets_from_one() {
        Optional<TicketNumberSequence> sequence = numberSequence(store());
        assumeTrue(sequence.isPresent(), "the store has no ticket number sequence");
        TenantId first = TenantId.of("first-tenant");
        TenantId second = TenantId.of("second-tenant");

        TicketNumber a1 = sequence.get().next(first);
        TicketNumber a2 = sequence.get().next(first);
        TicketNumber a3 = sequence.get().next(first);
        TicketNumber b1 = sequence.get().next(second);

        assertEquals(TicketNumber.of(1), a1);
        assertEquals(TicketNumber.of(1), b1, "another tenant's numbers do not advance this one's");
        assertEquals(3, Set.of(a1, a2, a3).size());
    }

    // ======================================================================================
    // Due work
    // ======================================================================================

    @Test
    void claim_due_returns_only_tickets_due_at_or_before_now_soonest_first() {
        Ticket dueInTen = dueTicket(ACME, T0.plusSeconds(600));
        Ticket dueInFive = dueTicket(GLOBEX, T0.plusSeconds(300));
        dueTicket(ACME, T0.plusSeconds(1200));
        openTicket(ACME);
        Ticket dueLongAgo = dueTicket(GLOBEX, T0.minus(Duration.ofDays(3)));

        List<DueTicket> claimed = store().claimDue(T0.plusSeconds(600), 10, LEASE);

        assertEquals(List.of(dueLongAgo.id(), dueInFive.id(), dueInTen.id()), claimed.stream().map(DueTicket::id).toList());
    }

    @Test
    void a_claimed_ticket_carries_its_tenant_due_time_and_version() {
        Ticket opened = dueTicket(GLOBEX, T0.plusSeconds(30));
        Ticket worked = accepted(store().commit(GLOBEX, TicketChangeBuilder.on(opened).assign(ANA).note(ANA, "on it")
                .dueAt(T0.plusSeconds(45)).build()));

        List<DueTicket> claimed = store().claimDue(T0.plusSeconds(60), 10, LEASE);

        assertEquals(List.of(new DueTicket(GLOBEX, worked.id(), T0.plusSeconds(45), worked.version())), claimed);
    }

    @Test
    void claim_due_respects_its_limit_and_takes_the_soonest() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            tickets.add(0, dueTicket(i % 2 == 0 ? ACME : GLOBEX, T0.plusSeconds(i)));
        }
        Instant now = T0.plusSeconds(10);

        List<TicketId> first = store().claimDue(now, 2, LEASE).stream().map(DueTicket::id).toList();
        List<TicketId> second = store().claimDue(now, 2, LEASE).stream().map(DueTicket::id).toList();
        List<TicketId> third = store().claimDue(now, 2, LEASE).stream().map(DueTicket::id).toList();
        List<TicketId> fourth = store().claimDue(now, 2, LEASE).stream().map(DueTicket::id).toList();

        List<TicketId> ids = tickets.stream().map(Ticket::id).toList();
        assertEquals(ids.subList(0, 2), first);
        assertEquals(ids.subList(2, 4), second);
        assertEquals(ids.subList(4, 5), third);
        assertEquals(List.of(), fourth);
    }

    @Test
    void a_ticket_without_a_due_time_or_due_later_is_never_claimed() {
        openTicket(ACME);
        Ticket later = dueTicket(ACME, T0.plus(Duration.ofDays(1)));
        Ticket cleared = accepted(store().commit(ACME, TicketChangeBuilder.on(dueTicket(ACME, T0)).assign(ANA)
                .dueAt(Optional.empty()).build()));

        assertEquals(List.of(), store().claimDue(T0.plusSeconds(3600), 10, LEASE));
        assertEquals(Optional.empty(), store().dueAt(ACME, cleared.id()));
        assertEquals(List.of(later.id()), store().claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)
                .stream().map(DueTicket::id).toList());
    }

    @Test
    void a_claimed_ticket_is_not_claimed_again_before_its_lease_expires() {
        Ticket ticket = dueTicket(ACME, T0);
        Instant now = T0.plusSeconds(60);

        assertEquals(List.of(ticket.id()), ids(store().claimDue(now, 10, LEASE)));

        assertEquals(List.of(), store().claimDue(now, 10, LEASE));
        assertEquals(List.of(), store().claimDue(now.plus(LEASE).minusSeconds(1), 10, LEASE));
        assertEquals(Optional.of(T0), store().dueAt(ACME, ticket.id()), "a claim does not change the due time");
    }

    @Test
    void a_claimed_ticket_is_claimable_again_once_its_lease_has_expired() {
        Ticket ticket = dueTicket(ACME, T0);
        Instant now = T0.plusSeconds(60);
        store().claimDue(now, 10, LEASE);

        List<DueTicket> again = store().claimDue(now.plus(LEASE).plusSeconds(1), 10, LEASE);

        assertEquals(List.of(new DueTicket(ACME, ticket.id(), T0, ticket.version())), again);
        assertEquals(List.of(), store().claimDue(now.plus(LEASE).plusSeconds(2), 10, LEASE), "and then claimed again");
    }

    @Test
    void a_commit_releases_the_claim() {
        Ticket ticket = dueTicket(ACME, T0);
        Instant now = T0.plusSeconds(60);
        store().claimDue(now, 10, LEASE);

        Ticket worked = accepted(store().commit(ACME, TicketChangeBuilder.on(ticket).note(ANA, "still due")
                .dueAt(T0.plusSeconds(30)).build()));

        assertEquals(List.of(new DueTicket(ACME, ticket.id(), T0.plusSeconds(30), worked.version())),
                store().claimDue(now, 10, LEASE));
    }

    @Test
    void a_rejected_commit_keeps_the_claim_and_the_due_time() {
        Ticket ticket = dueTicket(ACME, T0);
        accepted(store().commit(ACME, TicketChangeBuilder.on(ticket).assign(ANA).dueAt(T0).build()));
        Instant now = T0.plusSeconds(60);
        store().claimDue(now, 10, LEASE);

        concurrentModification(store().commit(ACME, TicketChangeBuilder.on(ticket).note(ANA, "stale")
                .dueAt(T0.plusSeconds(1)).build()));

        assertEquals(List.of(), store().claimDue(now, 10, LEASE));
        assertEquals(Optional.of(T0), store().dueAt(ACME, ticket.id()));
    }

    @Test
    void a_reschedule_releases_the_claim_and_sets_the_due_time_without_events() {
        Ticket ticket = dueTicket(ACME, T0);
        List<RecordedEvent> history = store().history(ACME, ticket.id());
        Instant now = T0.plusSeconds(60);
        store().claimDue(now, 10, LEASE);

        long version = accepted(store().reschedule(ACME, ticket.id(), ticket.version(), Optional.of(T0.plusSeconds(50))));

        assertEquals(ticket.version(), version);
        assertUnchanged(ACME, ticket, history, Optional.of(T0.plusSeconds(50)));
        assertEquals(List.of(new DueTicket(ACME, ticket.id(), T0.plusSeconds(50), ticket.version())),
                store().claimDue(now, 10, LEASE));
    }

    @Test
    void a_reschedule_into_the_future_or_to_nothing_takes_the_ticket_out_of_due_work() {
        Ticket later = dueTicket(ACME, T0);
        Ticket never = dueTicket(ACME, T0);
        Instant now = T0.plusSeconds(60);

        accepted(store().reschedule(ACME, later.id(), later.version(), Optional.of(T0.plusSeconds(3600))));
        accepted(store().reschedule(ACME, never.id(), never.version(), Optional.empty()));

        assertEquals(List.of(), store().claimDue(now, 10, LEASE));
        assertEquals(Optional.empty(), store().dueAt(ACME, never.id()));
        assertEquals(List.of(later.id()), ids(store().claimDue(T0.plusSeconds(3600), 10, LEASE)));
    }

    @Test
    void a_stale_reschedule_is_rejected_and_keeps_the_claim_and_the_due_time() {
        Ticket ticket = dueTicket(ACME, T0);
        Ticket worked = accepted(store().commit(ACME, TicketChangeBuilder.on(ticket).assign(ANA).dueAt(T0.plusSeconds(10)).build()));
        Instant now = T0.plusSeconds(60);
        store().claimDue(now, 10, LEASE);

        Rejection.ConcurrentModification rejection = concurrentModification(
                store().reschedule(ACME, ticket.id(), ticket.version(), Optional.of(T0.plusSeconds(20))));

        assertEquals(ticket.version(), rejection.expected());
        assertEquals(worked.version(), rejection.actual());
        assertEquals(Optional.of(T0.plusSeconds(10)), store().dueAt(ACME, ticket.id()));
        assertEquals(List.of(), store().claimDue(now, 10, LEASE));
    }

    @Test
    void due_at_reflects_the_last_commit_or_reschedule() {
        Ticket ticket = dueTicket(ACME, T0.plusSeconds(100));
        assertEquals(Optional.of(T0.plusSeconds(100)), store().dueAt(ACME, ticket.id()));

        Ticket v2 = accepted(store().commit(ACME, TicketChangeBuilder.on(ticket).assign(ANA).dueAt(T0.plusSeconds(50)).build()));
        assertEquals(Optional.of(T0.plusSeconds(50)), store().dueAt(ACME, ticket.id()));

        accepted(store().reschedule(ACME, ticket.id(), v2.version(), Optional.of(T0.plusSeconds(70))));
        assertEquals(Optional.of(T0.plusSeconds(70)), store().dueAt(ACME, ticket.id()));

        Ticket v3 = accepted(store().commit(ACME, TicketChangeBuilder.on(v2).status(Status.OPEN).build()));
        assertEquals(Optional.empty(), store().dueAt(ACME, ticket.id()), "a commit without a due time clears it");

        accepted(store().reschedule(ACME, ticket.id(), v3.version(), Optional.of(T0)));
        assertEquals(Optional.of(T0), store().dueAt(ACME, ticket.id()));
    }

    @Test
    void the_histories_of_claimed_tickets_come_in_the_claims_order_and_replay_to_their_states() {
        Ticket first = dueTicket(ACME, T0);
        Ticket worked = accepted(store().commit(ACME, TicketChangeBuilder.on(first).assign(ANA)
                .reply(Actor.agent(ANA.value()), "On it").dueAt(T0.plusSeconds(1)).build()));
        Ticket theirs = dueTicket(GLOBEX, T0.plusSeconds(2));
        Ticket second = dueTicket(ACME, T0.plusSeconds(3));
        List<DueTicket> claimed = store().claimDue(T0.plusSeconds(60), 10, LEASE);
        List<DueTicket> asked = new ArrayList<>(claimed);
        asked.add(new DueTicket(ACME, theirs.id(), T0, 1));
        asked.add(new DueTicket(GLOBEX, TckIds.ticketId(), T0, 1));

        List<List<RecordedEvent>> histories = store().histories(asked);

        assertEquals(List.of(worked.id(), theirs.id(), second.id()), ids(claimed));
        assertEquals(asked.size(), histories.size());
        for (int i = 0; i < claimed.size(); i++) {
            DueTicket d = claimed.get(i);
            assertEquals(store().history(d.tenant(), d.id()), histories.get(i), "the history of " + d.id());
            assertEquals(store().find(d.tenant(), d.id()).get(),
                    Tickets.replay(d.tenant(), histories.get(i).stream().map(RecordedEvent::event).toList()));
        }
        assertEquals(worked.version(), histories.get(0).size());
        assertEquals(List.of(), histories.get(3), "another tenant's ticket has no history here");
        assertEquals(List.of(), histories.get(4), "an unknown ticket has no history");
        assertEquals(List.of(), store().histories(List.of()));
    }

    @Test
    void a_batch_reschedule_sets_each_due_time_releases_each_claim_and_answers_in_the_items_order() {
        Ticket acmeLater = dueTicket(ACME, T0);
        Ticket globexNever = dueTicket(GLOBEX, T0);
        Ticket acmeSoon = dueTicket(ACME, T0.plusSeconds(1));
        List<RecordedEvent> history = store().history(ACME, acmeLater.id());
        Instant now = T0.plusSeconds(60);
        assertEquals(3, store().claimDue(now, 10, LEASE).size());

        List<Either<Rejection, Long>> answers = store().rescheduleAll(List.of(
                new Reschedule(ACME, acmeLater.id(), acmeLater.version(), Optional.of(T0.plusSeconds(3600))),
                new Reschedule(GLOBEX, globexNever.id(), globexNever.version(), Optional.empty()),
                new Reschedule(ACME, acmeSoon.id(), acmeSoon.version(), Optional.of(T0.plusSeconds(30)))));

        assertEquals(List.of(Either.right(acmeLater.version()), Either.right(globexNever.version()),
                Either.right(acmeSoon.version())), answers);
        assertUnchanged(ACME, acmeLater, history, Optional.of(T0.plusSeconds(3600)));
        assertEquals(Optional.empty(), store().dueAt(GLOBEX, globexNever.id()));
        assertEquals(List.of(new DueTicket(ACME, acmeSoon.id(), T0.plusSeconds(30), acmeSoon.version())),
                store().claimDue(now, 10, LEASE), "the claim released, due again at its new time");
        assertEquals(List.of(), store().rescheduleAll(List.of()));
    }

    @Test
    void a_stale_or_unknown_item_of_a_batch_reschedule_is_rejected_on_its_own() {
        Ticket fresh = dueTicket(ACME, T0);
        Ticket stale = dueTicket(ACME, T0);
        Ticket worked = accepted(store().commit(ACME, TicketChangeBuilder.on(stale).assign(ANA).dueAt(T0.plusSeconds(10)).build()));
        Ticket theirs = dueTicket(GLOBEX, T0);
        TicketId unknown = TckIds.ticketId();

        List<Either<Rejection, Long>> answers = store().rescheduleAll(List.of(
                new Reschedule(ACME, stale.id(), stale.version(), Optional.of(T0.plusSeconds(20))),
                new Reschedule(ACME, theirs.id(), theirs.version(), Optional.empty()),
                new Reschedule(ACME, unknown, 1, Optional.empty()),
                new Reschedule(ACME, fresh.id(), fresh.version(), Optional.of(T0.plusSeconds(40)))));

        Rejection.ConcurrentModification conflict = concurrentModification(answers.get(0));
        assertEquals(stale.version(), conflict.expected());
        assertEquals(worked.version(), conflict.actual());
        assertInstanceOf(Rejection.NotFound.class, answers.get(1).getLeft(), "another tenant's ticket is not found");
        assertInstanceOf(Rejection.NotFound.class, answers.get(2).getLeft());
        assertEquals(Either.right(fresh.version()), answers.get(3));
        assertEquals(Optional.of(T0.plusSeconds(10)), store().dueAt(ACME, stale.id()), "the stale item wrote nothing");
        assertEquals(Optional.of(T0), store().dueAt(GLOBEX, theirs.id()), "the other tenant's ticket untouched");
        assertEquals(Optional.of(T0.plusSeconds(40)), store().dueAt(ACME, fresh.id()));
    }

    @Test
    void a_batch_reschedule_naming_a_ticket_twice_is_refused_before_anything_is_written() {
        Ticket ticket = dueTicket(ACME, T0);

        assertThrows(IllegalArgumentException.class, () -> store().rescheduleAll(List.of(
                new Reschedule(ACME, ticket.id(), ticket.version(), Optional.empty()),
                new Reschedule(ACME, ticket.id(), ticket.version(), Optional.of(T0.plusSeconds(5))))));

        assertEquals(Optional.of(T0), store().dueAt(ACME, ticket.id()));
    }

    @Test
    void concurrent_claimers_never_claim_the_same_ticket_twice_and_miss_none() {
        Set<TicketId> due = new HashSet<>();
        int count = Math.max(threads() * 4, 8);
        for (int i = 0; i < count; i++) {
            TenantId tenant = i % 2 == 0 ? ACME : GLOBEX;
            due.add(dueTicket(tenant, T0.plusSeconds(i)).id());
        }
        Instant now = T0.plusSeconds(count);
        Set<TicketId> claimed = ConcurrentHashMap.newKeySet();

        List<Integer> duplicates = runConcurrently(threads(), thread -> {
            int dup = 0;
            List<DueTicket> batch;
            do {
                batch = store().claimDue(now, 3, Duration.ofHours(1));
                for (DueTicket d : batch) {
                    if (!claimed.add(d.id())) {
                        dup++;
                    }
                }
            } while (!batch.isEmpty());
            return dup;
        });

        assertEquals(0, duplicates.stream().mapToInt(Integer::intValue).sum(), "no ticket claimed twice");
        assertEquals(due, claimed, "every due ticket claimed");
    }

    // ======================================================================================
    // Helpers for subclasses and the tests above
    // ======================================================================================

    /**
     * The next ticket number of a tenant in this test: 1, 2, 3, ...
     *
     * @param tenant the tenant
     * @return a number not yet used by this test in that tenant
     */
    protected final TicketNumber nextNumber(TenantId tenant) {
        return TicketNumber.of(lastNumber.merge(tenant, 1L, Long::sum));
    }

    /**
     * Opens and commits a new ticket with the next number and no due time.
     *
     * @param tenant the tenant
     * @return the stored ticket
     */
    protected final Ticket openTicket(TenantId tenant) {
        return accepted(store().commit(tenant, TicketChangeBuilder.open(tenant, nextNumber(tenant), T0).build()));
    }

    /**
     * Opens and commits a new ticket due at a given time.
     *
     * @param tenant the tenant
     * @param dueAt  when it is due
     * @return the stored ticket
     */
    protected final Ticket dueTicket(TenantId tenant, Instant dueAt) {
        return accepted(store().commit(tenant, TicketChangeBuilder.open(tenant, nextNumber(tenant), T0).dueAt(dueAt).build()));
    }

    /**
     * Commits a ticket through a whole life in several commits: opened by an agent on the
     * phone into a group, replies and notes from every kind of actor, assignment and
     * reassignment, every status, priority, category, tier and group change, solved,
     * reopened, solved again and closed automatically.
     *
     * @param tenant the tenant
     * @return the stored, closed ticket
     */
    protected final Ticket livedTicket(TenantId tenant) {
        Ticket t = accepted(store().commit(tenant, TicketChangeBuilder.open(tenant, nextNumber(tenant), T0)
                .openedBy(Actor.agent("agent-ana")).requester(CARLA).channel(Channel.PHONE)
                .startingGroup(GroupId.of("first-line")).startingTier(Tier.L1).priority(Priority.HIGH)
                .category(Category.INSTALLATION)
                .dueAt(T0.plusSeconds(3600)).build()));
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t)
                .post(Actor.integration("mail-gateway"), Visibility.PUBLIC, Channel.EMAIL, "We received your request", true)
                .assign(ANA).status(Status.OPEN)
                .reply(Actor.agent("agent-ana"), "Which version do you run?")
                .status(Status.PENDING).dueAt(T0.plusSeconds(7200)).build()));
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t)
                .by(new Actor.Customer(CARLA)).reply(new Actor.Customer(CARLA), "Version 4.2")
                .status(Status.OPEN).build()));
        // due times with sub-second parts, as business-time arithmetic produces them
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t).by(Actor.system("sla"))
                .slaWarning(ClockKind.NEXT_RESPONSE, 1, 75, T0.plusSeconds(5400).plusNanos(123_456_789))
                .slaBreached(ClockKind.RESOLUTION, 1, T0.plusSeconds(5000).plusNanos(1))
                .build()));
        // an escalation rule firing, with every kind of escalation, notice, tag, field and queue payload
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t).by(Actor.system("escalation:breach-to-l2"))
                .ruleFired("breach-to-l2", "sla_breach:resolution:1", "Resolution breached: specialists take over", 1)
                .escalatedToRole("supervisor", "Resolution breached", true)
                .agentNotified(ANA, "Resolution breached", false)
                .customerNotified("Passed on to specialists")
                .tagAdded("breached").tagAdded("skill:installer").tagRemoved("skill:installer")
                .fieldSet("contract-value", Optional.of("1200.5")).fieldSet("contract-value", Optional.empty())
                .ruleSkipped("echo", "tier_changed@12", "the chain of rules reached the desk's depth bound of 5")
                .ruleActionFailed("breach-to-l2", "add_note", "invalid input: body must not contain control characters")
                .queued(Optional.of(GroupId.of("installers")), "nobody available in group installers works at L2")
                .build()));
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t)
                .note(ANA, "Needs a specialist").tier(Tier.L2, "installer crash").group(GroupId.of("installers"))
                .unassign().assign(BEN).priority(Priority.URGENT).category(Category.SOFTWARE_UPDATES)
                .status(Status.ON_HOLD).status(Status.OPEN).build()));
        // channels: the phone ticket continues by email
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t).channelMoved(Channel.EMAIL,
                "follow-up by email, as agreed on the call").build()));
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t)
                .by(Actor.agent("agent-ben")).reply(Actor.agent("agent-ben"), "Install patch 4.2.1")
                .articleLinked(java.util.UUID.fromString("0190f000-0000-7000-8000-0000000000a1"), true).solve().build()));
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t)
                .by(new Actor.Customer(CARLA)).reply(new Actor.Customer(CARLA), "Still broken").reopen()
                .dueAt(T0.plusSeconds(9000)).build()));
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t)
                .by(Actor.agent("agent-ben")).solve()
                // feedback: the requester rates the solved cycle
                .satisfactionRated(2, 5, "Took two tries, \"but\" fixed; ok").build()));
        // problems: linked to one, then moved to another
        java.util.UUID first = java.util.UUID.fromString("0190f000-0000-7000-8000-0000000000b1");
        java.util.UUID second = java.util.UUID.fromString("0190f000-0000-7000-8000-0000000000b2");
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t).by(Actor.agent("agent-ben"))
                .event((id, at, by) -> new TicketEvent.ProblemLinked(id, at, by, first))
                .event((id, at, by) -> new TicketEvent.ProblemUnlinked(id, at, by, first))
                .event((id, at, by) -> new TicketEvent.ProblemLinked(id, at, by, second)).build()));
        // the SLA policy on record: one applies, then none does any more
        t = accepted(store().commit(tenant, TicketChangeBuilder.on(t).by(Actor.system("sla"))
                .event((id, at, by) -> new TicketEvent.SlaPolicyApplied(id, at, by, java.util.Optional.of("Gold 24/7")))
                .event((id, at, by) -> new TicketEvent.SlaCompleted(id, at, by, ClockKind.RESOLUTION, 2, "Gold 24/7",
                        T0.plusSeconds(7 * 3600).plusNanos(123_000), false))
                .event((id, at, by) -> new TicketEvent.SlaCompleted(id, at, by, ClockKind.FIRST_RESPONSE, 1, "Gold 24/7",
                        T0.plusSeconds(3600), true))
                .event((id, at, by) -> new TicketEvent.SlaPolicyApplied(id, at, by, java.util.Optional.empty())).build()));
        return accepted(store().commit(tenant, TicketChangeBuilder.on(t)
                .by(Actor.system("auto-close")).close(true).build()));
    }

    /**
     * Rebuilds a ticket from the history the store holds.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @return the replayed state
     */
    protected final Ticket replayStored(TenantId tenant, TicketId id) {
        return Tickets.replay(tenant, store().history(tenant, id).stream().map(RecordedEvent::event).toList());
    }

    /**
     * Every ticket of a tenant that matches a query, walking all pages.
     *
     * @param tenant the tenant
     * @param query  the query
     * @return the tickets in listing order
     */
    protected final List<Ticket> listAll(TenantId tenant, TicketQuery query) {
        List<Ticket> all = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(3));
        while (next.isPresent()) {
            Page page = store().list(tenant, query, next.get());
            all.addAll(page.items());
            next = page.next();
            if (all.size() > 100_000) {
                fail("the listing does not end");
            }
        }
        return all;
    }

    /**
     * The value of an accepted result, failing the test with the rejection otherwise.
     *
     * @param result a store's answer
     * @param <T>    the value's type
     * @return the value
     */
    protected static <T> T accepted(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail("expected the store to accept, got: " + result.getLeft().message());
        }
        return result.get();
    }

    /**
     * The rejection of a result, failing the test unless it is a concurrent modification.
     *
     * @param result a store's answer
     * @return the rejection
     */
    protected static Rejection.ConcurrentModification concurrentModification(Either<Rejection, ?> result) {
        assertTrue(result.isLeft(), "expected a rejection, the store accepted " + (result.isRight() ? result.get() : ""));
        return assertInstanceOf(Rejection.ConcurrentModification.class, result.getLeft());
    }

    /**
     * Runs a task on several threads at once, each given its index, and returns their results
     * in index order. Rethrows the first failure.
     *
     * @param threads how many threads
     * @param task    the work of one thread
     * @param <T>     the result type
     * @return the results, one per thread
     */
    protected static <T> List<T> runConcurrently(int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> work = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(work));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError("a concurrent task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("concurrent tasks did not finish in " + TIMEOUT_SECONDS + " s", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertUnchanged(TenantId tenant, Ticket expected, List<RecordedEvent> history, Optional<Instant> dueAt) {
        assertEquals(Optional.of(expected), store().find(tenant, expected.id()).toJavaOptional(), "state unchanged");
        assertEquals(Optional.of(expected), store().findByNumber(tenant, expected.number()).toJavaOptional(), "number unchanged");
        assertEquals(history, store().history(tenant, expected.id()), "history unchanged");
        assertEquals(expected.version(), store().history(tenant, expected.id()).size(), "one event per version");
        assertEquals(expected, replayStored(tenant, expected.id()), "state equals the replay of the history");
        assertEquals(dueAt, store().dueAt(tenant, expected.id()), "due time unchanged");
    }

    /** A text of exactly {@code length} chars that starts with {@code text}, never splitting a surrogate pair. */
    private static String fill(String text, int length) {
        StringBuilder b = new StringBuilder(length);
        text.codePoints().forEach(cp -> {
            if (b.length() + Character.charCount(cp) <= length) {
                b.appendCodePoint(cp);
            }
        });
        while (b.length() < length) {
            b.append('x');
        }
        return b.toString();
    }

    private static List<TicketId> ids(Collection<DueTicket> due) {
        return due.stream().map(DueTicket::id).toList();
    }

    private static Ticket asIfOwnedBy(TenantId tenant, Ticket t) {
        return Ticket.builder().from(t).tenant(tenant).build();
    }

    // ---- remote sessions and on-site visits ----------------------------------

    /** A ticket with every event of remote sessions and visits, committed in one change. */
    private Ticket fieldWorkTicket(TenantId tenant) {
        dev.helpdesk.spi.remote.ConsentId consent = dev.helpdesk.spi.remote.ConsentId.of(java.util.UUID.randomUUID());
        dev.helpdesk.spi.remote.RemoteSessionId session = dev.helpdesk.spi.remote.RemoteSessionId.of(java.util.UUID.randomUUID());
        dev.helpdesk.spi.visit.VisitId visit = dev.helpdesk.spi.visit.VisitId.of(java.util.UUID.randomUUID());
        dev.helpdesk.spi.visit.VisitSlot slot = dev.helpdesk.spi.visit.VisitSlot.of(T0.plus(java.time.Duration.ofDays(1)),
                java.time.Duration.ofHours(2));
        dev.helpdesk.spi.visit.Address address = dev.helpdesk.spi.visit.Address.builder().street("Main Street 1")
                .postalCode("1000").city("Brussels").country("BE").build();
        AgentId technician = AgentId.of("tck-technician-" + java.util.UUID.randomUUID());
        return accepted(store().commit(tenant, TicketChangeBuilder.open(tenant, nextNumber(tenant), T0)
                .event((id, at, by) -> new TicketEvent.ConsentRequested(id, at, by, consent, "look at the device",
                        dev.helpdesk.spi.remote.ConsentScope.VIEW_ONLY, java.time.Duration.ofMinutes(15), at.plusSeconds(3600)))
                .event((id, at, by) -> new TicketEvent.ConsentGranted(id, at, by, consent, dev.helpdesk.spi.remote.ConsentRoute.LINK))
                .event((id, at, by) -> new TicketEvent.ConsentDenied(id, at, by, consent, dev.helpdesk.spi.remote.ConsentRoute.PORTAL))
                .event((id, at, by) -> new TicketEvent.RemoteSessionStarted(id, at, by, session, consent,
                        TicketChangeBuilder.DEFAULT_AGENT, "remote-assist"))
                .event((id, at, by) -> new TicketEvent.RemoteActionRecorded(id, at, by, session, "restarted the service"))
                .event((id, at, by) -> new TicketEvent.ConsentRevoked(id, at, by, consent))
                .event((id, at, by) -> new TicketEvent.RemoteSessionEnded(id, at, by, session,
                        dev.helpdesk.spi.remote.SessionEnd.CONSENT_REVOKED))
                .event((id, at, by) -> new TicketEvent.VisitPlanned(id, at, by, visit, technician, address, slot, at.plusSeconds(28800)))
                .event((id, at, by) -> new TicketEvent.VisitConfirmed(id, at, by, visit))
                .event((id, at, by) -> new TicketEvent.VisitRescheduled(id, at, by, visit,
                        dev.helpdesk.spi.visit.VisitSlot.of(slot.end(), java.time.Duration.ofHours(1)), "part late"))
                .event((id, at, by) -> new TicketEvent.VisitCancelled(id, at, by, visit, "not needed"))
                .event((id, at, by) -> new TicketEvent.VisitDone(id, at, by, visit, "nothing to do"))
                .build()));
    }
}
