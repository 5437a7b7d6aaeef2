package dev.helpdesk.jdbc.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.Fixtures;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.jdbc.tx.JdbcTransactions;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.MessageFlag;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Visibility;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The desk's intake taking a batch of inbound messages in one transaction of the JDBC store
 * ({@code InboundIntake.acceptAll}): the same answers and tickets as the messages taken one by
 * one, threading inside the batch, nothing announced before the commit, and a failure or a
 * racing delivery in the middle of the batch rolling it back so that every message is taken
 * exactly once. Subclassed once per database (one database per class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntakeBatchBehaviour {
    private static final AtomicInteger TENANTS = new AtomicInteger();

    TestPool pool;
    JdbcTicketStore store;
    Helpdesk desk;
    final Crm crm = new Crm();
    /** Events handed to a listener right after their commit (the store without an outbox calls it directly). */
    final List<RecordedEvent> announced = new CopyOnWriteArrayList<>();

    abstract Database database();

    @BeforeAll
    void start() {
        pool = database().fresh();
        store = JdbcStores.builder(pool).outbox(false).build();
        desk = Helpdesk.builder().store(store).plugin(crm).plugin(new EventListener() {
            @Override
            public String name() {
                return "announced";
            }

            @Override
            public void on(RecordedEvent event) {
                announced.add(event);
            }
        }).build();
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    /** A CRM that knows every address as its own customer and can run something while the intake asks it. */
    static final class Crm implements CustomerDirectory {
        volatile Consumer<ContactAddress> onResolve = a -> { };

        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            onResolve.accept(address);
            return Optional.of(CustomerId.of("c:" + address.value()));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }

    static TenantId newTenant() {
        return TenantId.of("batch-" + TENANTS.incrementAndGet());
    }

    static InboundMessage mail(TenantId tenant, String id, String sender, String subject, String text,
                               String... references) {
        InboundMessage.Builder b = InboundMessage.builder().channel(Channel.EMAIL).tenant(tenant)
                .endpoint(EndpointId.of("support@acme.example")).sender(ContactAddress.email(sender))
                .subject(subject).text(text).externalId(ExternalMessageId.of(id))
                .receivedAt(Instant.parse("2026-03-02T09:00:00Z")).rawSize(100);
        for (String r : references) {
            b.addReferences(ExternalMessageId.of(r));
        }
        return b.build();
    }

    /**
     * Every kind of answer threaded by references only (a ticket number in a subject would name
     * numbers that a rolled-back batch leaves as gaps).
     */
    static List<InboundMessage> threaded(TenantId t) {
        return List.of(
                mail(t, "a1@x", "ana@example.com", "Printer offline", "Nothing prints."),
                mail(t, "b1@x", "bob@example.com", "Invoice wrong", "Charged twice."),
                mail(t, "a2@x", "ana@example.com", "Re: Printer offline", "Still nothing.", "a1@x"),
                InboundMessage.builder().from(mail(t, "ooo@x", "bob@example.com", "Out of office", "Back Monday.", "b1@x"))
                        .addFlags(MessageFlag.AUTO_REPLY).build(),
                mail(t, "c1@x", "cid@example.com", "Same problem", "Charged twice as well."),
                mail(t, "a1@x", "ana@example.com", "Printer offline", "Nothing prints."),
                mail(t, "b2@x", "bob@example.com", "Re: Invoice wrong", "Any news?", "b1@x"),
                mail(t, "a3@x", "ana@example.com", "Re: Printer offline", "Works now, thanks.", "a2@x", "a1@x"));
    }

    /** The same answers with the tickets' numbers replaced by their rank: 1 for the lowest, and so on. */
    static List<String> ranked(List<IntakeOutcome> outcomes) {
        List<Long> numbers = outcomes.stream().map(IntakeBatchBehaviour::number).filter(n -> n > 0).distinct()
                .sorted().toList();
        return outcomes.stream().map(o -> number(o) > 0
                ? shape(o).replace("#" + number(o), "#" + (numbers.indexOf(number(o)) + 1)) : shape(o)).toList();
    }

    private static long number(IntakeOutcome o) {
        if (o instanceof IntakeOutcome.Opened x) {
            return x.number().value();
        }
        if (o instanceof IntakeOutcome.Replied x) {
            return x.number().value();
        }
        if (o instanceof IntakeOutcome.Recorded x) {
            return x.number().value();
        }
        return 0;
    }

    /** Every kind of answer, in an order where later messages depend on earlier ones of the same batch. */
    static List<InboundMessage> conversation(TenantId t) {
        return List.of(
                mail(t, "a1@x", "ana@example.com", "Printer offline", "Nothing prints."),
                mail(t, "b1@x", "bob@example.com", "Invoice wrong", "Charged twice."),
                mail(t, "a2@x", "ana@example.com", "Re: Printer offline", "Still nothing.", "a1@x"),
                InboundMessage.builder().from(mail(t, "ooo@x", "bob@example.com", "Out of office", "Back Monday.", "b1@x"))
                        .addFlags(MessageFlag.AUTO_REPLY).build(),
                InboundMessage.builder().from(mail(t, "bulk@x", "news@example.com", "Newsletter", "Our news."))
                        .addFlags(MessageFlag.BULK).build(),
                mail(t, "a1@x", "ana@example.com", "Printer offline", "Nothing prints."),
                mail(t, "c1@x", "cid@example.com", "Re: Invoice wrong [#2]", "Not my ticket, but the same problem."),
                mail(t, "b2@x", "bob@example.com", "Re: Invoice wrong [#2]", "Any news?"),
                mail(t, "a3@x", "ana@example.com", "Re: Printer offline", "Works now, thanks.", "a2@x", "a1@x"));
    }

    /** An answer without the ids that differ between tenants. */
    static String shape(IntakeOutcome o) {
        if (o instanceof IntakeOutcome.Opened x) {
            return "opened #" + x.number().value();
        }
        if (o instanceof IntakeOutcome.Replied x) {
            return "replied #" + x.number().value() + (x.reopened() ? " reopened" : "");
        }
        if (o instanceof IntakeOutcome.FollowUp x) {
            return "follow-up #" + x.number().value();
        }
        if (o instanceof IntakeOutcome.Recorded x) {
            return "recorded #" + x.number().value() + " " + x.reason().code();
        }
        if (o instanceof IntakeOutcome.Duplicate x) {
            return "duplicate " + x.externalId().value();
        }
        if (o instanceof IntakeOutcome.Refused x) {
            return "refused " + x.reason().code();
        }
        return o.toString();
    }

    static List<String> shapes(List<IntakeOutcome> outcomes) {
        return outcomes.stream().map(IntakeBatchBehaviour::shape).toList();
    }

    /** Each ticket of the tenant in the order of their numbers, as status, requester and its messages' bodies. */
    List<String> ticketsInOrder(TenantId tenant) {
        return tickets(tenant).stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList();
    }

    /** Each ticket of the tenant as number, status, requester and its messages' bodies. */
    List<String> tickets(TenantId tenant) {
        List<Ticket> all = desk.tenant(tenant).tickets().list(TicketQuery.all(), PageRequest.first(100),
                Actor.agent("ben")).get().items();
        return all.stream().sorted(Comparator.comparingLong(t -> t.number().value()))
                .map(t -> "#" + t.number().value() + " " + t.status() + " " + t.requester().value() + " "
                        + t.messages().stream().map(m -> m.body()).toList())
                .toList();
    }

    /** The external ids the database holds for the tenant, each as often as it is stored. */
    List<String> storedIds(TenantId tenant) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT external_id FROM hd_external_message WHERE tenant_id = ? ORDER BY external_id")) {
            s.setString(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    @Test
    void a_batch_answers_and_records_what_the_messages_taken_one_by_one_do() throws SQLException {
        TenantId batched = newTenant();
        TenantId single = newTenant();
        List<IntakeOutcome> together = desk.intake().acceptAll(conversation(batched));
        List<IntakeOutcome> oneByOne = conversation(single).stream().map(desk.intake()::accept).toList();

        assertEquals(shapes(oneByOne), shapes(together));
        assertEquals(List.of("opened #1", "opened #2", "replied #1", "recorded #2 auto-reply", "refused bulk",
                "duplicate a1@x", "opened #3", "replied #2", "replied #1"), shapes(together));
        assertEquals(tickets(single), tickets(batched));
        assertEquals(storedIds(single), storedIds(batched));
    }

    @Test
    void a_reply_in_the_batch_threads_onto_the_ticket_an_earlier_mail_of_the_batch_opened() {
        TenantId t = newTenant();
        List<IntakeOutcome> outcomes = desk.intake().acceptAll(List.of(
                mail(t, "n1@x", "dora@example.com", "VPN down", "Cannot connect."),
                mail(t, "n2@x", "dora@example.com", "Re: VPN down", "Error 809.", "n1@x")));

        IntakeOutcome.Opened opened = assertInstanceOf(IntakeOutcome.Opened.class, outcomes.get(0));
        IntakeOutcome.Replied replied = assertInstanceOf(IntakeOutcome.Replied.class, outcomes.get(1));
        assertEquals(opened.ticket(), replied.ticket());
        assertEquals(List.of("#1 NEW c:dora@example.com [Cannot connect., Error 809.]"), tickets(t));
    }

    @Test
    void a_batch_is_one_transaction_and_nothing_of_it_is_announced_before_its_commit() throws SQLException {
        TenantId t = newTenant();
        List<Integer> seenDuringBatch = new ArrayList<>();
        List<Integer> storedDuringBatch = new ArrayList<>();
        crm.onResolve = address -> {
            seenDuringBatch.add(countFor(t));
            try {
                storedDuringBatch.add(storedIds(t).size());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            desk.intake().acceptAll(List.of(
                    mail(t, "e1@x", "eva@example.com", "Laptop", "Broken screen."),
                    mail(t, "e2@x", "eva@example.com", "Re: Laptop", "Photo attached.", "e1@x"),
                    mail(t, "f1@x", "finn@example.com", "Login", "Locked out.")));
        } finally {
            crm.onResolve = a -> { };
        }
        assertEquals(List.of(0, 0, 0), seenDuringBatch, "no event announced while the batch's transaction was open");
        assertEquals(List.of(0, 0, 0), storedDuringBatch, "another connection sees none of the batch before its commit");
        assertEquals(List.of("e1@x", "e2@x", "f1@x"), storedIds(t));
        assertTrue(countFor(t) >= 3, "every commit announced after the batch's commit");
    }

    private int countFor(TenantId t) {
        return (int) announced.stream().filter(e -> e.tenant().equals(t)).count();
    }

    @Test
    void a_failure_in_the_middle_rolls_the_batch_back_and_every_mail_is_taken_once() throws SQLException {
        TenantId failing = newTenant();
        TenantId reference = newTenant();
        AtomicInteger failures = new AtomicInteger();
        crm.onResolve = address -> {
            // the store failing while the batch's fifth message is decided, once
            if (address.value().equals("cid@example.com") && failures.getAndIncrement() == 0) {
                throw new StoreException("database connection lost", null);
            }
        };
        List<IntakeOutcome> outcomes;
        try {
            outcomes = desk.intake().acceptAll(threaded(failing));
        } finally {
            crm.onResolve = a -> { };
        }
        List<IntakeOutcome> expected = threaded(reference).stream().map(desk.intake()::accept).toList();

        assertEquals(2, failures.get(), "failed in the batch, then asked again one by one");
        // the numbers the rolled-back batch drew stay unused (gaps): the tickets keep their order
        assertEquals(ranked(expected), ranked(outcomes));
        assertEquals(List.of("opened #1", "opened #2", "replied #1", "recorded #2 auto-reply", "opened #3",
                "duplicate a1@x", "replied #2", "replied #1"), ranked(outcomes));
        assertEquals(ticketsInOrder(reference), ticketsInOrder(failing));
        assertEquals(List.of("a1@x", "a2@x", "a3@x", "b1@x", "b2@x", "c1@x", "ooo@x"), storedIds(failing));
        assertEquals(announcedKinds(reference), announcedKinds(failing),
                "the rolled-back batch announced nothing; each commit of the retry once");
    }

    private List<String> announcedKinds(TenantId t) {
        return announced.stream().filter(e -> e.tenant().equals(t)).map(e -> e.version() + ":" + e.event().kind())
                .sorted().toList();
    }

    @Test
    void a_mail_another_poller_committed_meanwhile_rolls_the_batch_back_and_is_answered_duplicate()
            throws SQLException {
        TenantId t = newTenant();
        TestPool otherPool = Database.anotherPool(pool);
        try {
            Helpdesk otherHost = Helpdesk.builder().store(JdbcStores.create(otherPool)).plugin(new Crm()).build();
            List<InboundMessage> batch = List.of(
                    mail(t, "g1@x", "gus@example.com", "Printer", "Jammed."),
                    mail(t, "g2@x", "gus@example.com", "Re: Printer", "Still jammed.", "g1@x"),
                    mail(t, "h1@x", "hana@example.com", "Phone", "No signal."),
                    mail(t, "i1@x", "ivo@example.com", "Badge", "Does not open the door."));
            AtomicInteger raced = new AtomicInteger();
            List<IntakeOutcome> byOther = new ArrayList<>();
            crm.onResolve = address -> {
                // after the batch's duplicate check of h1 and before its commit, another host takes h1
                if (address.value().equals("hana@example.com") && raced.getAndIncrement() == 0) {
                    byOther.add(otherHost.intake().accept(batch.get(2)));
                }
            };
            List<IntakeOutcome> outcomes;
            try {
                outcomes = desk.intake().acceptAll(batch);
            } finally {
                crm.onResolve = a -> { };
            }

            assertInstanceOf(IntakeOutcome.Opened.class, byOther.get(0));
            assertInstanceOf(IntakeOutcome.Opened.class, outcomes.get(0));
            assertInstanceOf(IntakeOutcome.Replied.class, outcomes.get(1));
            assertEquals("duplicate h1@x", shape(outcomes.get(2)));
            assertInstanceOf(IntakeOutcome.Opened.class, outcomes.get(3));
            assertEquals(List.of("g1@x", "g2@x", "h1@x", "i1@x"), storedIds(t), "each mail recorded once");
            List<String> tickets = tickets(t);
            assertEquals(3, tickets.size(), tickets.toString());
            assertEquals(1, tickets.stream().filter(s -> s.contains("[Jammed., Still jammed.]")).count(), tickets.toString());
            assertEquals(1, tickets.stream().filter(s -> s.contains("[No signal.]")).count(), tickets.toString());
            assertEquals(1, tickets.stream().filter(s -> s.contains("[Does not open the door.]")).count(), tickets.toString());
        } finally {
            otherPool.close();
        }
    }

    @Test
    void a_commit_the_store_refuses_inside_a_unit_ends_it_and_nothing_of_the_unit_is_written() {
        TenantId t = newTenant();
        Ticket existing = store.commit(t, Fixtures.open(t, 900)).get();
        TicketChange first = Fixtures.then(existing, Fixtures.reply(existing, Fixtures.T0, Visibility.PUBLIC, "First."));
        TicketChange stale = Fixtures.then(existing, Fixtures.reply(existing, Fixtures.T0, Visibility.PUBLIC, "Stale."));
        List<String> afterCommit = new ArrayList<>();

        StoreException refused = assertThrows(StoreException.class, () -> store.unit(() -> {
            store.commit(t, Fixtures.open(t, 901)).get();
            store.commit(t, first).get();
            store.afterCommit(() -> afterCommit.add("announced"));
            // based on the version the first change replaced: a conflict
            return store.commit(t, stale);
        }, result -> true));

        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        assertTrue(store.findByNumber(t, TicketNumber.of(901)).isEmpty(), "the unit's new ticket was rolled back");
        assertEquals(existing.version(), store.find(t, existing.id()).get().version(), "the unit's first change too");
        assertEquals(List.of(), afterCommit, "nothing announced for the rolled-back unit");
        assertEquals(existing.version() + 1, store.commit(t, first).get().version(), "the store works on");
    }

    @Test
    void mails_taken_before_the_batch_and_repeated_in_it_are_duplicates() throws SQLException {
        TenantId t = newTenant();
        InboundMessage earlier = mail(t, "p1@x", "pia@example.com", "Scanner", "Paper jam.");
        InboundMessage fresh = mail(t, "p2@x", "pia@example.com", "Re: Scanner", "Cleared it.", "p1@x");
        assertInstanceOf(IntakeOutcome.Opened.class, desk.intake().accept(earlier));

        List<IntakeOutcome> outcomes = desk.intake().acceptAll(List.of(earlier, fresh, fresh));

        assertEquals(List.of("duplicate p1@x", "replied #1", "duplicate p2@x"), shapes(outcomes));
        assertEquals(List.of("p1@x", "p2@x"), storedIds(t));
    }

    @Test
    void a_store_joining_host_transactions_takes_a_batch_one_by_one_in_the_hosts_transaction() throws SQLException {
        JdbcTransactions tx = new JdbcTransactions(pool);
        JdbcTicketStore hostStore = JdbcStores.builder(pool).transactions(tx).build();
        Helpdesk host = Helpdesk.builder().store(hostStore).plugin(new Crm()).build();
        TenantId kept = newTenant();
        TenantId undone = newTenant();
        TenantId reference = newTenant();

        assertEquals(false, hostStore.atomicUnits());
        List<IntakeOutcome> outcomes = tx.execute(unit -> host.intake().acceptAll(threaded(kept)));
        tx.execute(unit -> {
            host.intake().acceptAll(threaded(undone));
            unit.setRollbackOnly();
            return null;
        });
        List<IntakeOutcome> expected = threaded(reference).stream().map(desk.intake()::accept).toList();

        assertEquals(ranked(expected), ranked(outcomes));
        assertEquals(storedIds(reference), storedIds(kept));
        assertEquals(List.of(), storedIds(undone), "the host's rollback took the whole batch back");
    }
}
