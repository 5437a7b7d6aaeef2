package dev.helpdesk.jdbc;

import static dev.helpdesk.jdbc.support.Fixtures.AGENT;
import static dev.helpdesk.jdbc.support.Fixtures.T0;
import static dev.helpdesk.jdbc.support.Fixtures.assign;
import static dev.helpdesk.jdbc.support.Fixtures.open;
import static dev.helpdesk.jdbc.support.Fixtures.priority;
import static dev.helpdesk.jdbc.support.Fixtures.reply;
import static dev.helpdesk.jdbc.support.Fixtures.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.Fixtures;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Labels;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the JDBC store does on a real database, beyond the contract suite: the SQL-specific
 * promises (rows readable by SQL, text through bind parameters, zones, host transactions).
 * Subclassed once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreBehaviour {
    /** Every text field carries these: SQL metacharacters, a 4-byte emoji, a CJK character, quotes. */
    static final String NASTY = "'; DROP TABLE hd_ticket; -- \" \\ % _ ` $1 ? :name \uD83D\uDE00 \uD83E\uDD84 漢字 Ω";

    TestPool pool;
    JdbcTicketStore store;
    final TenantId tenant = TenantId.of("acme");

    abstract Database database();

    @BeforeAll
    void startStore() {
        pool = database().fresh();
        store = JdbcStores.builder(pool).build();
    }

    @AfterAll
    void closePool() {
        pool.close();
    }

    Ticket commit(TicketChange change) {
        return store.commit(tenant, change).getOrElseThrow(r -> new AssertionError(r.message()));
    }

    Ticket openTicket() {
        return commit(open(tenant, store.next(tenant).value()));
    }

    @Test
    void an_opened_ticket_is_found_by_id_and_number_and_equals_the_replay_of_its_history() {
        Ticket t = openTicket();
        Ticket t2 = commit(then(t, reply(t, T0.plusNanos(1), Visibility.PUBLIC, "hello"),
                assign(t, T0.plusNanos(2), "ana"), reply(t, T0.plusNanos(3), Visibility.INTERNAL, "note")));

        assertEquals(t2, store.find(tenant, t.id()).get());
        assertEquals(t2, store.findByNumber(tenant, t.number()).get());
        List<RecordedEvent> history = store.history(tenant, t.id());
        assertEquals(4, history.size());
        assertEquals(t2, Tickets.replay(tenant, history.stream().map(RecordedEvent::event).toList()));
        assertEquals(List.of(1L, 2L, 3L, 4L), history.stream().map(RecordedEvent::version).toList());
    }

    @Test
    void a_stale_change_is_a_concurrent_modification_and_writes_nothing() {
        Ticket t = openTicket();
        commit(then(t, priority(t, T0, Priority.HIGH)));

        Either<Rejection, Ticket> stale = store.commit(tenant, then(t, priority(t, T0, Priority.URGENT)));

        Rejection.ConcurrentModification conflict = assertInstanceOf(Rejection.ConcurrentModification.class, stale.getLeft());
        assertEquals(1, conflict.expected());
        assertEquals(2, conflict.actual());
        assertEquals(Priority.HIGH, store.find(tenant, t.id()).get().priority());
        assertEquals(2, store.history(tenant, t.id()).size());
        assertEquals(2, outboxRows(t));
    }

    @Test
    void creating_a_ticket_that_exists_is_a_concurrent_modification_not_an_exception() {
        Ticket t = openTicket();
        TicketChange again = new TicketChange(0, store.history(tenant, t.id()).stream().map(RecordedEvent::event).toList(),
                t, Optional.empty());

        Rejection.ConcurrentModification conflict = assertInstanceOf(Rejection.ConcurrentModification.class,
                store.commit(tenant, again).getLeft());

        assertEquals(0, conflict.expected());
        assertEquals(1, conflict.actual());
        assertEquals(1, store.history(tenant, t.id()).size());
    }

    @Test
    void a_commit_of_two_tickets_writes_both_or_neither() {
        Ticket a = openTicket();
        Ticket b = openTicket();
        Ticket bMoved = commit(then(b, priority(b, T0, Priority.LOW)));
        TicketEvent merged = new TicketEvent.Merged(a.id(), T0, AGENT, b.id());
        TicketEvent mergedIn = new TicketEvent.MergedIn(b.id(), T0, AGENT, a.id());

        Either<Rejection, List<Ticket>> rejected = store.commit(tenant, List.of(then(a, merged), then(b, mergedIn)));
        assertInstanceOf(Rejection.ConcurrentModification.class, rejected.getLeft());
        assertEquals(a, store.find(tenant, a.id()).get());
        assertEquals(1, store.history(tenant, a.id()).size());

        List<Ticket> both = store.commit(tenant, List.of(then(a, merged), then(bMoved, mergedIn))).get();
        assertEquals(Status.MERGED, store.find(tenant, a.id()).get().status());
        assertEquals(List.of(a.id()), store.find(tenant, b.id()).get().mergedFrom());
        assertEquals(both.get(1), store.find(tenant, b.id()).get());
    }

    @Test
    void another_tenants_ticket_is_not_found_anywhere() {
        Ticket t = openTicket();
        TenantId other = TenantId.of("ACME");

        assertTrue(store.find(other, t.id()).isEmpty());
        assertTrue(store.findByNumber(other, t.number()).isEmpty());
        assertTrue(store.history(other, t.id()).isEmpty());
        assertTrue(store.list(other, TicketQuery.all(), PageRequest.first(10)).items().isEmpty());
        assertInstanceOf(Rejection.NotFound.class, store.reschedule(other, t.id(), 1, Optional.of(T0)).getLeft());
        assertInstanceOf(Rejection.ConcurrentModification.class, store.commit(other, then(reTenant(t, other),
                priority(t, T0, Priority.HIGH))).getLeft());
    }

    private static Ticket reTenant(Ticket t, TenantId other) {
        return Ticket.builder().from(t).tenant(other).build();
    }

    @Test
    void listing_pages_by_ascending_number_and_filters_in_sql() {
        TenantId listed = TenantId.of("lister");
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            Ticket t = store.commit(listed, open(listed, store.next(listed).value())).get();
            if (i % 2 == 0) {
                t = store.commit(listed, then(t, assign(t, T0, "bob"),
                        reply(t, T0, Visibility.PUBLIC, "m" + i))).get();
            }
            tickets.add(t);
        }

        Page first = store.list(listed, TicketQuery.all(), PageRequest.first(3));
        Page second = store.list(listed, TicketQuery.all(), first.next().orElseThrow());
        Page third = store.list(listed, TicketQuery.all(), second.next().orElseThrow());
        List<Ticket> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertEquals(tickets, all);
        assertTrue(third.next().isEmpty());

        Page bobs = store.list(listed, TicketQuery.assignedTo(AgentId.of("bob")), PageRequest.first(10));
        assertEquals(List.of(tickets.get(1), tickets.get(3), tickets.get(5)), bobs.items());
        assertEquals(7, store.list(listed, TicketQuery.inStatus(Status.NEW).andRequester(CustomerId.of("c-1")),
                PageRequest.first(10)).items().size());
        assertTrue(store.list(listed, TicketQuery.inStatus(Status.SOLVED, Status.CLOSED), PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void a_due_ticket_is_claimed_once_until_its_lease_runs_out_or_it_is_rescheduled() {
        TenantId timed = TenantId.of("timed");
        Instant due = T0.plusSeconds(60);
        Ticket t = store.commit(timed, open(timed, store.next(timed).value(), T0, Optional.of(due))).get();
        assertEquals(Optional.of(due), store.dueAt(timed, t.id()));

        assertTrue(store.claimDue(due.minusNanos(1), 10, Duration.ofMinutes(1)).stream().noneMatch(d -> d.id().equals(t.id())));
        List<DueTicket> claimed = store.claimDue(due, 10, Duration.ofMinutes(1));
        assertEquals(List.of(new DueTicket(timed, t.id(), due, 1)), claimed.stream().filter(d -> d.id().equals(t.id())).toList());
        assertTrue(store.claimDue(due.plusSeconds(59), 10, Duration.ofMinutes(1)).stream().noneMatch(d -> d.id().equals(t.id())));
        assertTrue(store.claimDue(due.plusSeconds(60), 10, Duration.ofMinutes(1)).stream().anyMatch(d -> d.id().equals(t.id())));

        assertEquals(1L, store.reschedule(timed, t.id(), 1, Optional.of(due)).get());
        assertEquals(Optional.of(t), store.find(timed, t.id()).toJavaOptional());
        assertTrue(store.claimDue(due, 10, Duration.ofMinutes(1)).stream().anyMatch(d -> d.id().equals(t.id())));
        assertInstanceOf(Rejection.ConcurrentModification.class,
                store.reschedule(timed, t.id(), 7, Optional.empty()).getLeft());
        assertInstanceOf(Rejection.NotFound.class,
                store.reschedule(timed, Fixtures.ticketId(), 1, Optional.empty()).getLeft());
        store.reschedule(timed, t.id(), 1, Optional.empty()).get();
        assertEquals(Optional.empty(), store.dueAt(timed, t.id()));
        assertTrue(store.claimDue(due.plusSeconds(3600), 10, Duration.ofMinutes(1)).stream().noneMatch(d -> d.id().equals(t.id())));
    }

    @Test
    void a_commit_releases_a_claim_and_sets_the_new_due_time() {
        TenantId timed = TenantId.of("timed2");
        Ticket t = store.commit(timed, open(timed, store.next(timed).value(), T0, Optional.of(T0))).get();
        assertEquals(1, store.claimDue(T0, 100, Duration.ofHours(1)).stream().filter(d -> d.id().equals(t.id())).count());

        store.commit(timed, then(t, Optional.of(T0.plusSeconds(5)), priority(t, T0, Priority.HIGH))).get();

        assertEquals(Optional.of(T0.plusSeconds(5)), store.dueAt(timed, t.id()));
        assertEquals(1, store.claimDue(T0.plusSeconds(5), 100, Duration.ofHours(1)).stream()
                .filter(d -> d.id().equals(t.id()) && d.version() == 2).count());
    }

    @Test
    void ticket_numbers_are_unique_per_tenant_when_many_threads_ask_at_once() throws Exception {
        TenantId numbered = TenantId.of("numbers");
        Set<TicketNumber> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(threads.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        assertTrue(numbers.add(store.next(numbered)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(200, numbers.size());
        assertEquals(TicketNumber.of(201), store.next(numbered));
        assertEquals(TicketNumber.of(1), store.next(TenantId.of("numbers-2")));
    }

    @Test
    void sql_metacharacters_and_four_byte_unicode_pass_through_every_text_field_unchanged() {
        TenantId weird = TenantId.of("we.ird_-1");
        String id = NASTY.replace("\n", "");
        Actor customer = Actor.customer(id);
        TicketEvent.Opened o = new TicketEvent.Opened(Fixtures.ticketId(), T0, Actor.integration(id),
                TicketNumber.of(store.next(weird).value()), NASTY, CustomerId.of(id), Channel.of("WHATS_APP"),
                Category.of("custom.weird-area_1"), Priority.URGENT, Tier.L2, Optional.of(GroupId.of(id)), Optional.empty());
        Ticket t = store.commit(weird, new TicketChange(0, List.of(o), Tickets.open(weird, o), Optional.empty())).get();
        Message m = new Message(new MessageId(Fixtures.uuid()), customer, Visibility.PUBLIC, Channel.of("WHATS_APP"),
                NASTY + "\n" + NASTY.repeat(100), T0.plusNanos(7), true);
        Ticket after = store.commit(weird, then(t,
                new TicketEvent.MessagePosted(t.id(), T0, customer, m),
                new TicketEvent.Assigned(t.id(), T0, Actor.system(id), AgentId.of(id)),
                new TicketEvent.GroupChanged(t.id(), T0, Actor.agent(id), Optional.of(GroupId.of(id)), GroupId.of(id + "2")),
                new TicketEvent.TierChanged(t.id(), T0, Actor.agent(id), Tier.L2, Tier.L3, NASTY),
                new TicketEvent.Unassigned(t.id(), T0, Actor.agent(id), AgentId.of(id)))).get();

        assertEquals(after, store.find(weird, t.id()).get());
        assertEquals(NASTY, store.find(weird, t.id()).get().subject());
        assertEquals(m, store.find(weird, t.id()).get().messages().get(0));
        assertEquals(after, Tickets.replay(weird, store.history(weird, t.id()).stream().map(RecordedEvent::event).toList()));
        assertEquals(1, store.list(weird, TicketQuery.requestedBy(CustomerId.of(id)), PageRequest.first(5)).items().size());
        assertTrue(store.list(weird, TicketQuery.requestedBy(CustomerId.of(id.toUpperCase())), PageRequest.first(5)).items().isEmpty());
    }

    @Test
    void escalation_events_at_the_limits_of_their_values_come_back_unchanged() {
        Ticket t = openTicket();
        String label = "Az09._:-".repeat(Labels.MAX_LENGTH / 8);
        assertTrue(Labels.isValid(label));
        String longestText = "\uD83D\uDE00".repeat(CustomField.MAX_TEXT_LENGTH / 2);
        assertEquals(Optional.of(longestText), CustomField.Type.TEXT.canonical(longestText));
        // the longest canonical number: every digit before and after the point, and a sign
        String bigNumber = CustomField.Type.NUMBER.canonical("-" + "9".repeat(CustomField.MAX_INTEGER_DIGITS) + "."
                + "9".repeat(CustomField.MAX_FRACTION_DIGITS)).orElseThrow();
        assertEquals(2 + CustomField.MAX_INTEGER_DIGITS + CustomField.MAX_FRACTION_DIGITS, bigNumber.length());
        Actor rule = Actor.system("escalation:" + label);

        Ticket after = commit(then(t,
                new TicketEvent.RuleFired(t.id(), T0, rule, label, "sla_breach:first_response:" + Integer.MAX_VALUE, NASTY,
                        Integer.MAX_VALUE),
                new TicketEvent.RuleSkipped(t.id(), T0, Actor.system("escalation"), label, NASTY, NASTY),
                new TicketEvent.EscalatedToRole(t.id(), T0, rule, label, NASTY, true),
                new TicketEvent.EscalatedToRole(t.id(), T0, rule, label, "", false),
                new TicketEvent.AgentNotified(t.id(), T0, rule, AgentId.of(NASTY), NASTY, true),
                new TicketEvent.AgentNotified(t.id(), T0, rule, AgentId.of("ana"), "", false),
                new TicketEvent.CustomerNotified(t.id(), T0, rule, CustomerId.of(NASTY), NASTY),
                new TicketEvent.TagAdded(t.id(), T0, AGENT, label),
                new TicketEvent.TagRemoved(t.id(), T0, AGENT, label),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, label, Optional.of(longestText)),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, label, Optional.of(NASTY)),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "contract-value", Optional.of(bigNumber)),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, label, Optional.empty()),
                new TicketEvent.Queued(t.id(), T0, Actor.system("routing"), Optional.of(GroupId.of(NASTY)), NASTY),
                new TicketEvent.Queued(t.id(), T0, Actor.system("routing"), Optional.empty(), "")));

        List<TicketEvent> committed = store.history(tenant, t.id()).stream().map(RecordedEvent::event).toList();
        assertEquals(16, committed.size());
        assertEquals(after, store.find(tenant, t.id()).get());
        assertEquals(after, Tickets.replay(tenant, committed));
        assertEquals(Optional.of(bigNumber), committed.stream().filter(TicketEvent.FieldSet.class::isInstance)
                .map(TicketEvent.FieldSet.class::cast).filter(f -> f.field().equals("contract-value")).findFirst()
                .orElseThrow().value());
        assertEquals(List.of("opened", "rule_fired", "rule_skipped", "escalated_to_role", "escalated_to_role", "agent_notified",
                "agent_notified", "customer_notified", "tag_added", "tag_removed", "field_set", "field_set", "field_set",
                "field_set", "queued", "queued"), committed.stream().map(TicketEvent::kind).toList());
    }

    // knowledge base
    @Test
    void article_links_come_back_unchanged() {
        Ticket t = openTicket();
        java.util.UUID article = java.util.UUID.fromString("0190f000-0000-7000-8000-00000000abcd");
        Ticket after = commit(then(t,
                new TicketEvent.ArticleLinked(t.id(), T0, AGENT, article, false),
                new TicketEvent.ArticleLinked(t.id(), T0.plusNanos(1), Actor.customer(NASTY), article, true)));
        List<TicketEvent> committed = store.history(tenant, t.id()).stream().map(RecordedEvent::event).toList();
        assertEquals(after, Tickets.replay(tenant, committed));
        assertEquals(List.of(new TicketEvent.ArticleLinked(t.id(), T0, AGENT, article, false),
                new TicketEvent.ArticleLinked(t.id(), T0.plusNanos(1), Actor.customer(NASTY), article, true)),
                committed.subList(1, 3));
    }

    @Test
    void a_failed_rule_action_comes_back_unchanged() {
        Ticket t = openTicket();
        String label = "Az09._:-".repeat(Labels.MAX_LENGTH / 8);
        Actor rule = Actor.system("escalation:" + label);
        String problem = "invalid input: body must not contain control characters \uD83D\uDE00 " + NASTY;

        Ticket after = commit(then(t,
                new TicketEvent.RuleFired(t.id(), T0, rule, label, "opened@1", "r", 1),
                new TicketEvent.RuleActionFailed(t.id(), T0, rule, label, "add_note", problem),
                new TicketEvent.RuleActionFailed(t.id(), T0, rule, "vip", label, "x")));

        List<TicketEvent> committed = store.history(tenant, t.id()).stream().map(RecordedEvent::event).toList();
        assertEquals(List.of("opened", "rule_fired", "rule_action_failed", "rule_action_failed"),
                committed.stream().map(TicketEvent::kind).toList());
        assertEquals(new TicketEvent.RuleActionFailed(t.id(), T0, rule, label, "add_note", problem), committed.get(2));
        assertEquals(new TicketEvent.RuleActionFailed(t.id(), T0, rule, "vip", label, "x"), committed.get(3));
        assertEquals(after, store.find(tenant, t.id()).get());
        assertEquals(after, Tickets.replay(tenant, committed));
    }

    @Test
    void a_message_of_the_largest_size_is_stored_whole() {
        Ticket t = openTicket();
        String body = "\uD83D\uDE00".repeat(Message.MAX_BODY_BYTES / 4);
        assertEquals(Message.MAX_BODY_BYTES, Message.utf8Length(body));

        Ticket after = commit(then(t, reply(t, T0, Visibility.PUBLIC, body)));

        assertEquals(after, store.find(tenant, t.id()).get());
    }

    @Test
    void instants_come_back_to_the_nanosecond_whatever_the_session_and_jvm_zones() {
        Instant odd = Instant.parse("2026-10-04T03:30:00.000000999Z");
        Ticket t = store.commit(tenant, open(tenant, store.next(tenant).value(), odd, Optional.of(odd.plusNanos(1)))).get();

        Ticket found = store.find(tenant, t.id()).get();

        assertEquals(odd, found.createdAt());
        assertEquals(Optional.of(odd.plusNanos(1)), store.dueAt(tenant, t.id()));
    }

    @Test
    void the_history_is_readable_with_plain_sql() throws SQLException {
        Ticket t = openTicket();
        commit(then(t, reply(t, T0, Visibility.PUBLIC, "public"), reply(t, T0, Visibility.INTERNAL, "internal"),
                priority(t, T0, Priority.URGENT)));

        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT e.kind, e.message_visibility, e.message_body, e.priority_to,"
                     + " t.number FROM hd_ticket_event e JOIN hd_ticket t ON t.tenant_id = e.tenant_id AND t.id = e.ticket_id"
                     + " WHERE t.tenant_id = ? AND t.number = ? ORDER BY e.version")) {
            s.setString(1, tenant.value());
            s.setLong(2, t.number().value());
            try (ResultSet r = s.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4));
                }
                assertEquals(List.of("opened|null|null|NORMAL", "message_posted|PUBLIC|public|null",
                        "message_posted|INTERNAL|internal|null", "priority_changed|null|null|URGENT"), rows);
            }
        }
    }

    @Test
    void a_host_transaction_that_rolls_back_takes_the_ticket_with_it_and_a_rejection_keeps_the_hosts_work() throws SQLException {
        try (Connection host = pool.getConnection()) {
            host.setAutoCommit(false);
            TransactionRunner joined = new TransactionRunner() {
                @Override
                public <T> T inTransaction(TransactionalWork<T> work) {
                    try {
                        return work.run(host);
                    } catch (SQLException e) {
                        throw new StoreException("host transaction failed", e);
                    }
                }
            };
            JdbcTicketStore inHost = JdbcStores.builder(pool).transactions(joined).migrate(false).build();
            Ticket kept = openTicket();

            Ticket opened = inHost.commit(tenant, open(tenant, inHost.next(tenant).value())).get();
            Either<Rejection, Ticket> rejected = inHost.commit(tenant, then(kept, priority(kept, T0, Priority.HIGH)));
            assertTrue(rejected.isRight());
            Either<Rejection, Ticket> stale = inHost.commit(tenant, then(kept, priority(kept, T0, Priority.LOW)));
            assertInstanceOf(Rejection.ConcurrentModification.class, stale.getLeft());
            assertEquals(opened, inHost.find(tenant, opened.id()).get());
            host.rollback();

            assertTrue(store.find(tenant, opened.id()).isEmpty());
            assertEquals(kept, store.find(tenant, kept.id()).get());

            Ticket committed = inHost.commit(tenant, open(tenant, inHost.next(tenant).value())).get();
            host.commit();
            assertEquals(committed, store.find(tenant, committed.id()).get());
        }
    }

    @Test
    void an_after_commit_action_waits_for_the_host_commit_and_never_runs_when_the_host_rolls_back() throws SQLException {
        dev.helpdesk.jdbc.support.HostTransactions host = new dev.helpdesk.jdbc.support.HostTransactions(pool);
        JdbcTicketStore inHost = JdbcStores.builder(pool).transactions(host).migrate(false).build();
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();

        host.begin();
        Ticket lost = inHost.commit(tenant, open(tenant, inHost.next(tenant).value())).get();
        inHost.afterCommit(() -> ran.add("rolled back"));
        host.rollback();

        host.begin();
        Ticket kept = inHost.commit(tenant, open(tenant, inHost.next(tenant).value())).get();
        inHost.afterCommit(() -> ran.add("committed"));
        assertEquals(List.of(), ran);
        host.commit();

        inHost.commit(tenant, open(tenant, inHost.next(tenant).value())).get();
        inHost.afterCommit(() -> ran.add("own transaction"));

        assertEquals(List.of("committed", "own transaction"), ran);
        assertTrue(store.find(tenant, lost.id()).isEmpty());
        assertEquals(kept, store.find(tenant, kept.id()).get());
        store.afterCommit(() -> ran.add("default runner"));
        assertEquals("default runner", ran.get(2));
    }

    @Test
    void an_open_host_transaction_that_opened_a_ticket_does_not_hold_up_another_opening_of_its_tenant() throws Exception {
        dev.helpdesk.jdbc.support.HostTransactions host = new dev.helpdesk.jdbc.support.HostTransactions(pool);
        JdbcTicketStore inHost = JdbcStores.builder(pool).transactions(host).migrate(false).build();
        TenantId busy = TenantId.of("busy-" + System.nanoTime());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch firstOpened = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
            Future<Ticket> first = threads.submit(() -> {
                host.begin();
                Ticket t = inHost.commit(busy, open(busy, inHost.next(busy).value())).get();
                firstOpened.countDown();
                // stays open until the second host transaction has committed
                secondDone.await();
                host.commit();
                return t;
            });
            firstOpened.await();
            Future<Ticket> second = threads.submit(() -> {
                host.begin();
                Ticket t = inHost.commit(busy, open(busy, inHost.next(busy).value())).get();
                host.commit();
                return t;
            });
            // without waiting for the first: it is still open and only ends after this
            Ticket secondTicket = second.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(secondTicket, store.find(busy, secondTicket.id()).get());
            secondDone.countDown();
            Ticket firstTicket = first.get(120, java.util.concurrent.TimeUnit.SECONDS);

            assertEquals(List.of(1L, 2L), List.of(firstTicket.number().value(), secondTicket.number().value()));
            assertEquals(firstTicket, store.find(busy, firstTicket.id()).get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_number_taken_by_a_host_transaction_that_rolls_back_is_a_gap() throws SQLException {
        dev.helpdesk.jdbc.support.HostTransactions host = new dev.helpdesk.jdbc.support.HostTransactions(pool);
        JdbcTicketStore inHost = JdbcStores.builder(pool).transactions(host).migrate(false).build();
        TenantId gaps = TenantId.of("gaps-" + System.nanoTime());

        host.begin();
        assertEquals(1, inHost.next(gaps).value());
        host.rollback();

        assertEquals(2, inHost.next(gaps).value());
    }

    @Test
    void a_reschedule_inside_a_host_transaction_rolls_back_with_it() throws SQLException {
        Ticket t = openTicket();
        Optional<Instant> before = store.dueAt(tenant, t.id());
        Instant later = T0.plusSeconds(12_345);
        try (Connection host = pool.getConnection()) {
            host.setAutoCommit(false);
            JdbcTicketStore inHost = JdbcStores.builder(pool).transactions(new TransactionRunner() {
                @Override
                public <T> T inTransaction(TransactionalWork<T> work) {
                    try {
                        return work.run(host);
                    } catch (SQLException e) {
                        throw new StoreException("host transaction failed", e);
                    }
                }
            }).migrate(false).build();

            assertEquals(t.version(), inHost.reschedule(tenant, t.id(), t.version(), Optional.of(later)).get());
            assertEquals(Optional.of(later), inHost.dueAt(tenant, t.id()));
            host.rollback();

            assertEquals(before, store.dueAt(tenant, t.id()));
        }
    }

    @Test
    void a_rejected_change_inside_a_host_transaction_undoes_only_its_own_writes() throws SQLException {
        Ticket a = openTicket();
        Ticket b = openTicket();
        Ticket bMoved = commit(then(b, priority(b, T0, Priority.LOW)));
        try (Connection host = pool.getConnection()) {
            host.setAutoCommit(false);
            JdbcTicketStore inHost = JdbcStores.builder(pool).transactions(new TransactionRunner() {
                @Override
                public <T> T inTransaction(TransactionalWork<T> work) {
                    try {
                        return work.run(host);
                    } catch (SQLException e) {
                        throw new StoreException("host transaction failed", e);
                    }
                }
            }).migrate(false).build();
            Ticket hostWork = inHost.commit(tenant, open(tenant, inHost.next(tenant).value())).get();

            Either<Rejection, List<Ticket>> rejected = inHost.commit(tenant, List.of(
                    then(a, priority(a, T0, Priority.HIGH)), then(b, priority(b, T0, Priority.HIGH))));
            assertInstanceOf(Rejection.ConcurrentModification.class, rejected.getLeft());
            host.commit();

            assertEquals(hostWork, store.find(tenant, hostWork.id()).get());
            assertEquals(a, store.find(tenant, a.id()).get());
            assertEquals(bMoved, store.find(tenant, b.id()).get());
        }
    }

    @Test
    void tags_and_custom_field_values_are_state_kept_in_step_with_their_rows() {
        Ticket t = openTicket();
        Ticket tagged = commit(then(t, new TicketEvent.TagAdded(t.id(), T0, AGENT, "vip"),
                new TicketEvent.TagAdded(t.id(), T0, AGENT, "billing"),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "contract-value", Optional.of("1200")),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "product", Optional.of(NASTY))));
        Ticket edited = commit(then(tagged, new TicketEvent.TagRemoved(t.id(), T0, AGENT, "vip"),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "contract-value", Optional.empty()),
                reply(tagged, T0.plusNanos(1), Visibility.PUBLIC, "hello")));

        assertEquals(List.of("billing", "vip"), List.copyOf(tagged.tags()));
        assertEquals(List.of("billing"), List.copyOf(edited.tags()));
        assertEquals(java.util.Map.of("product", NASTY), edited.fields());
        assertEquals(edited, store.find(tenant, t.id()).get());
        assertEquals(edited, store.list(tenant, TicketQuery.requestedBy(edited.requester()), PageRequest.first(100))
                .items().stream().filter(x -> x.id().equals(t.id())).findFirst().orElseThrow());
        assertEquals(edited, Tickets.replay(tenant, store.history(tenant, t.id()).stream().map(RecordedEvent::event).toList()));
        assertEquals(List.of("billing"), rows(t, "SELECT tag FROM hd_ticket_tag WHERE tenant_id = ? AND ticket_id = ?"));
        assertEquals(List.of("product=" + NASTY), rows(t, "SELECT field_name, field_value FROM hd_ticket_field"
                + " WHERE tenant_id = ? AND ticket_id = ?"));
    }

    @Test
    void schema_version_5_fills_the_tag_and_field_rows_from_the_events_already_stored() throws SQLException {
        Ticket t = openTicket();
        commit(then(t, new TicketEvent.TagAdded(t.id(), T0, AGENT, "vip"),
                new TicketEvent.TagAdded(t.id(), T0, AGENT, "press"),
                new TicketEvent.TagRemoved(t.id(), T0, AGENT, "vip"),
                new TicketEvent.TagAdded(t.id(), T0, AGENT, "vip"),
                new TicketEvent.TagRemoved(t.id(), T0, AGENT, "press"),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "product", Optional.of("a")),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "product", Optional.of("b")),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "renewal", Optional.of("2026-03-02")),
                new TicketEvent.FieldSet(t.id(), T0, AGENT, "renewal", Optional.empty())));
        String tagSql = "SELECT tag FROM hd_ticket_tag WHERE tenant_id = ? AND ticket_id = ?";
        String fieldSql = "SELECT field_name, field_value FROM hd_ticket_field WHERE tenant_id = ? AND ticket_id = ?";
        assertEquals(List.of("vip"), rows(t, tagSql));
        assertEquals(List.of("product=b"), rows(t, fieldSql));

        // as a database migrated from version 4 finds them: events, no rows
        try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM hd_ticket_tag");
            s.executeUpdate("DELETE FROM hd_ticket_field");
            String script = dev.helpdesk.jdbc.schema.SchemaMigrator.script(store.dialect(),
                    new dev.helpdesk.jdbc.schema.Migration(5, "ticket_tags_and_fields"));
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (statement.strip().startsWith("INSERT")) {
                    s.executeUpdate(statement.strip());
                }
            }
        }
        assertEquals(List.of("vip"), rows(t, tagSql));
        assertEquals(List.of("product=b"), rows(t, fieldSql));
    }

    List<String> rows(Ticket t, String sql) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql + " ORDER BY 1")) {
            s.setString(1, t.tenant().value());
            store.dialect().setUuid(s, 2, t.id().value());
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getMetaData().getColumnCount() == 1 ? r.getString(1) : r.getString(1) + "=" + r.getString(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void every_committed_event_has_its_outbox_row_in_the_same_transaction() {
        Ticket t = openTicket();
        commit(then(t, priority(t, T0, Priority.HIGH), assign(t, T0, "zoe")));
        assertEquals(3, outboxRows(t));
    }

    long outboxRows(Ticket t) {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hd_outbox o JOIN hd_ticket_event e"
                     + " ON e.tenant_id = o.tenant_id AND e.ticket_id = o.ticket_id AND e.version = o.version"
                     + " WHERE o.tenant_id = ? AND o.ticket_id = ?")) {
            s.setString(1, t.tenant().value());
            store.dialect().setUuid(s, 2, t.id().value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_store_rejects_a_change_of_another_tenant_as_a_programming_error() {
        TicketChange change = open(TenantId.of("other"), 1);
        assertThrows(IllegalArgumentException.class, () -> store.commit(tenant, change));
        assertThrows(IllegalArgumentException.class, () -> store.claimDue(T0, 0, Duration.ofSeconds(1)));
    }

    @Test
    void a_store_in_its_own_schema_keeps_every_table_there() throws SQLException {
        String schema = "hd_own_" + Math.abs(System.nanoTime() % 100_000);
        try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute((database() == Database.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema);
        }
        JdbcTicketStore own = JdbcStores.builder(pool).schema(schema).build();

        Ticket t = own.commit(tenant, open(tenant, own.next(tenant).value())).get();

        assertEquals(t, own.find(tenant, t.id()).get());
        assertTrue(store.find(tenant, t.id()).isEmpty(), "the default schema's tables do not have it");
        try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + schema + ".hd_ticket_event")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
        assertEquals(1, own.relay(List.of()).deliver(T0, 10).delivered());
    }

    @Test
    void the_dialect_is_detected_from_the_database() {
        assertEquals(database().name().toLowerCase(java.util.Locale.ROOT), store.dialect().name());
        assertTrue(store.dialect().supportsSkipLocked());
        Set<Integer> versions = new HashSet<>(new dev.helpdesk.jdbc.schema.SchemaMigrator(pool, store.dialect(),
                Optional.empty()).installedVersions());
        assertEquals(dev.helpdesk.jdbc.schema.Migration.all().stream().map(dev.helpdesk.jdbc.schema.Migration::version)
                .collect(java.util.stream.Collectors.toSet()), versions);
    }

    @Test
    void round_robin_turns_go_round_the_candidates_and_are_shared_by_two_instances_on_one_database() {
        List<AgentId> candidates = List.of(AgentId.of("ana"), AgentId.of("ben"), AgentId.of("eve"));
        GroupId group = GroupId.of("turns-" + System.nanoTime());
        try (TestPool other = Database.anotherPool(pool)) {
            JdbcTicketStore second = JdbcStores.builder(other).migrate(false).build();
            List<AgentId> taken = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                taken.add((i % 2 == 0 ? store : second).routingTurns().nextTurn(tenant, group, candidates));
            }
            assertEquals(List.of("ana", "ben", "eve", "ana", "ben", "eve", "ana"),
                    taken.stream().map(AgentId::value).toList());
            // the last agent left the candidates: the turn starts again from the first
            assertEquals(AgentId.of("ben"), second.routingTurns().nextTurn(tenant, group,
                    List.of(AgentId.of("ben"), AgentId.of("eve"))));
            assertEquals(AgentId.of("ana"), store.routingTurns().nextTurn(TenantId.of("other"), group, candidates));
        }
    }

    @Test
    void concurrent_turns_hand_out_successive_candidates() throws Exception {
        List<AgentId> candidates = List.of(AgentId.of("a1"), AgentId.of("a2"), AgentId.of("a3"), AgentId.of("a4"));
        GroupId group = GroupId.of("busy-" + System.nanoTime());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<AgentId>> turns = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                turns.add(threads.submit(() -> store.routingTurns().nextTurn(tenant, group, candidates)));
            }
            java.util.Map<AgentId, Integer> counts = new java.util.HashMap<>();
            for (Future<AgentId> f : turns) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            assertEquals(java.util.Map.of(candidates.get(0), 10, candidates.get(1), 10, candidates.get(2), 10,
                    candidates.get(3), 10), counts);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void held_notices_are_kept_once_claimed_when_due_and_forgotten_when_sent() {
        dev.helpdesk.spi.notification.HeldNotices held = store.heldNotices();
        String run = Long.toString(System.nanoTime());
        Instant created = T0.plusNanos(123_456_789);
        dev.helpdesk.spi.notification.Notification early = notice(run + "-early", created, T0.plusSeconds(3600).plusNanos(7),
                new dev.helpdesk.spi.notification.Recipient.Agent(AgentId.of("ana"), Optional.of("supervisor")));
        dev.helpdesk.spi.notification.Notification late = notice(run + "-late", created, T0.plusSeconds(7200),
                new dev.helpdesk.spi.notification.Recipient.Customer(CustomerId.of("c-1")));
        held.hold(late);
        held.hold(early);
        held.hold(early);

        List<dev.helpdesk.spi.notification.Notification> mine = held.held().stream()
                .filter(n -> n.id().startsWith(run)).toList();
        assertEquals(List.of(early, late), mine);
        assertEquals(List.of(), held.claimDue(T0.plusSeconds(3599), 10, Duration.ofMinutes(5)).stream()
                .filter(n -> n.id().startsWith(run)).toList());
        assertEquals(List.of(early), held.claimDue(T0.plusSeconds(3601), 10, Duration.ofMinutes(5)).stream()
                .filter(n -> n.id().startsWith(run)).toList());
        // claimed: not again before the lease ends, again after it
        assertEquals(List.of(), held.claimDue(T0.plusSeconds(3700), 10, Duration.ofMinutes(5)).stream()
                .filter(n -> n.id().startsWith(run)).toList());
        assertEquals(List.of(early, late), held.claimDue(T0.plusSeconds(7300), 10, Duration.ofMinutes(5)).stream()
                .filter(n -> n.id().startsWith(run)).toList());
        held.sent(early.id());
        assertEquals(List.of(late), held.held().stream().filter(n -> n.id().startsWith(run)).toList());
    }

    private dev.helpdesk.spi.notification.Notification notice(String id, Instant created, Instant sendAt,
                                                                dev.helpdesk.spi.notification.Recipient to) {
        return dev.helpdesk.spi.notification.Notification.builder()
                .id(id).tenant(tenant).ticket(Fixtures.ticketId()).number(TicketNumber.of(42))
                .topic(dev.helpdesk.spi.notification.Topic.SLA_WARNING).recipient(to)
                .locale(java.util.Locale.forLanguageTag("nl-BE")).subject("Ticket #42 " + NASTY)
                .body("Body\n" + NASTY).urgent(to instanceof dev.helpdesk.spi.notification.Recipient.Agent)
                .createdAt(created).sendAt(sendAt).build();
    }
}
