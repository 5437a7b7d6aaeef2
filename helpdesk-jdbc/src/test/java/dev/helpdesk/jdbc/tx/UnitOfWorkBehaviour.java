package dev.helpdesk.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host without a framework: its own writes and the desk's commands in one unit of work
 * commit or roll back together; after-commit actions and listeners see only committed work.
 * Subclassed once per database.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class UnitOfWorkBehaviour {
    static final Actor CAROL = Actor.customer("carol");

    TestPool pool;
    JdbcTransactions tx;
    JdbcTicketStore store;
    Helpdesk desk;
    final List<RecordedEvent> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger nextNote = new AtomicInteger();
    TenantId tenant;

    abstract Database database();

    @BeforeAll
    void start() throws SQLException {
        pool = database().fresh();
        tx = new JdbcTransactions(pool);
        store = JdbcStores.builder(pool).transactions(tx).build();
        desk = Helpdesk.builder().store(store).plugin(new EventListener() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void on(RecordedEvent event) {
                delivered.add(event);
            }
        }).build();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm_note (id INT PRIMARY KEY, tenant VARCHAR(40) NOT NULL, text VARCHAR(200) NOT NULL)");
        }
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void freshTenant() {
        tenant = TenantId.of("t-" + System.nanoTime());
        desk.deliverEvents(Instant.now());
        delivered.clear();
    }

    TicketCommand.Open opening(String subject) {
        return TicketCommand.open().subject(subject).body("Since this morning").channel(Channel.EMAIL)
                .category(Category.HARDWARE).requester(CustomerId.of("carol")).build();
    }

    void writeNote(UnitOfWork unit, String text) throws SQLException {
        try (PreparedStatement s = unit.connection().prepareStatement("INSERT INTO crm_note (id, tenant, text) VALUES (?, ?, ?)")) {
            s.setInt(1, nextNote.incrementAndGet());
            s.setString(2, tenant.value());
            s.setString(3, text);
            s.executeUpdate();
        }
    }

    int notes() throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM crm_note WHERE tenant = ?")) {
            s.setString(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    Ticket open(String subject) {
        return desk.tenant(tenant).tickets().open(opening(subject), CAROL)
                .getOrElseThrow(r -> new AssertionError(r.message()));
    }

    @Test
    void the_host_write_and_the_ticket_commit_together_and_after_commit_actions_run_only_after_the_commit() throws SQLException {
        List<String> ran = new CopyOnWriteArrayList<>();

        Ticket opened = tx.execute(unit -> {
            writeNote(unit, "customer called");
            Ticket t = open("Printer offline");
            store.afterCommit(() -> ran.add("announced"));
            assertEquals(List.of(), ran);
            return t;
        });

        assertEquals(List.of("announced"), ran);
        assertEquals(1, notes());
        assertTrue(store.find(tenant, opened.id()).isDefined());
        desk.deliverEvents(Instant.now());
        assertEquals(List.of(opened.id()), delivered.stream().map(RecordedEvent::ticketId).distinct().toList());
    }

    @Test
    void work_that_throws_rolls_back_the_host_write_and_the_ticket_and_drops_after_commit_actions() throws SQLException {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Ticket> seen = new CopyOnWriteArrayList<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> tx.execute(unit -> {
            writeNote(unit, "customer called");
            seen.add(open("Printer offline"));
            store.afterCommit(() -> ran.add("announced"));
            throw new IllegalStateException("the host changed its mind");
        }));

        assertEquals("the host changed its mind", thrown.getMessage());
        assertEquals(List.of(), ran);
        assertEquals(0, notes());
        assertTrue(store.find(tenant, seen.get(0).id()).isEmpty());
        desk.deliverEvents(Instant.now());
        assertEquals(List.of(), delivered);
        assertFalse(tx.current().isPresent());
    }

    @Test
    void a_unit_set_rollback_only_rolls_back_although_its_work_returned() throws SQLException {
        Ticket opened = tx.execute(unit -> {
            writeNote(unit, "draft");
            Ticket t = open("Draft");
            unit.setRollbackOnly();
            return t;
        });

        assertEquals(0, notes());
        assertTrue(store.find(tenant, opened.id()).isEmpty());
    }

    @Test
    void a_unit_inside_a_unit_joins_it_and_rolls_back_with_it() throws SQLException {
        List<Ticket> inner = new CopyOnWriteArrayList<>();

        assertThrows(IllegalStateException.class, () -> tx.execute(outer -> {
            inner.add(tx.execute(unit -> {
                assertTrue(unit == outer);
                writeNote(unit, "inner");
                return open("Inner");
            }));
            throw new IllegalStateException("outer fails after the inner unit returned");
        }));

        assertEquals(0, notes());
        assertTrue(store.find(tenant, inner.get(0).id()).isEmpty());
    }

    @Test
    void a_failing_host_statement_surfaces_as_a_store_exception_and_rolls_the_ticket_back() throws SQLException {
        List<Ticket> seen = new CopyOnWriteArrayList<>();

        StoreException failure = assertThrows(StoreException.class, () -> tx.execute(unit -> {
            seen.add(open("Before the failure"));
            try (Statement s = unit.connection().createStatement()) {
                s.executeUpdate("INSERT INTO crm_no_such_table VALUES (1)");
            }
            return null;
        }));

        assertInstanceOf(SQLException.class, failure.getCause());
        assertTrue(store.find(tenant, seen.get(0).id()).isEmpty());
    }

    @Test
    void outside_a_unit_the_store_commits_on_its_own_and_after_commit_actions_run_at_once() {
        List<String> ran = new CopyOnWriteArrayList<>();

        Ticket opened = open("On its own");
        store.afterCommit(() -> ran.add("at once"));

        assertEquals(List.of("at once"), ran);
        assertTrue(store.find(tenant, opened.id()).isDefined());
        assertFalse(tx.current().isPresent());
    }

    @Test
    void an_after_commit_action_that_throws_does_not_stop_the_others_nor_undo_the_commit() throws SQLException {
        List<String> ran = new CopyOnWriteArrayList<>();

        Ticket opened = tx.execute(unit -> {
            Ticket t = open("Noisy");
            unit.afterCommit(() -> {
                throw new IllegalStateException("a broken notifier");
            });
            unit.afterCommit(() -> ran.add("second"));
            return t;
        });

        assertEquals(List.of("second"), ran);
        assertTrue(store.find(tenant, opened.id()).isDefined());
    }
}
