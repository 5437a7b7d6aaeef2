package dev.helpdesk.jdbc.outbox;

import static dev.helpdesk.jdbc.support.Fixtures.T0;
import static dev.helpdesk.jdbc.support.Fixtures.assign;
import static dev.helpdesk.jdbc.support.Fixtures.open;
import static dev.helpdesk.jdbc.support.Fixtures.priority;
import static dev.helpdesk.jdbc.support.Fixtures.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox relay hands committed events to listeners: at least once, in order, with retries. */
class OutboxRelayTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final OutboxRelay.Settings FAST = OutboxRelay.Settings.defaults()
            .withRetries(3, Duration.ofSeconds(1), Duration.ofSeconds(4));

    private static JdbcTicketStore store(TestPool pool) {
        return JdbcStores.builder(pool).relaySettings(FAST).build();
    }

    /** Opens a ticket and makes two more events on it: three events, versions 1 to 3. */
    private static Ticket threeEvents(JdbcTicketStore store) {
        Ticket t = store.commit(TENANT, open(TENANT, store.next(TENANT).value())).get();
        t = store.commit(TENANT, then(t, priority(t, T0, Priority.HIGH))).get();
        return store.commit(TENANT, then(t, assign(t, T0, "ana"))).get();
    }

    private static List<String> ids(Ticket t, long... versions) {
        return java.util.Arrays.stream(versions).mapToObj(v -> t.id() + "/" + v).toList();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void every_event_reaches_every_listener_once_in_order_with_its_id(Database database) {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = store(pool);
            Ticket a = threeEvents(store);
            Ticket b = threeEvents(store);
            RecordingListener first = new RecordingListener("first", e -> false);
            RecordingListener second = new RecordingListener("second", e -> false);
            OutboxRelay relay = store.relay(List.of(first, second));

            assertEquals(new DeliveryReport(6, 0, 0), relay.deliver(T0, 100));

            assertEquals(List.of(a.id() + "/1", a.id() + "/2", a.id() + "/3", b.id() + "/1", b.id() + "/2", b.id() + "/3"),
                    first.received);
            assertEquals(first.received, second.received);
            assertEquals(0, relay.backlog());
            assertEquals(DeliveryReport.NOTHING, relay.deliver(T0, 100));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_failed_event_is_retried_after_its_back_off_and_the_later_events_of_its_ticket_wait_behind_it(Database database) {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = store(pool);
            Ticket a = threeEvents(store);
            Ticket b = threeEvents(store);
            AtomicReference<Boolean> failing = new AtomicReference<>(true);
            RecordingListener flaky = new RecordingListener("flaky",
                    e -> failing.get() && e.eventId().equals(a.id() + "/2"));
            OutboxRelay relay = store.relay(List.of(flaky));

            assertEquals(new DeliveryReport(4, 1, 0), relay.deliver(T0, 100));
            assertEquals(ids(a, 1, 2), flaky.received.subList(0, 2));
            assertFalse(flaky.received.contains(a.id() + "/3"), "the later event waits behind the failed one");

            assertEquals(DeliveryReport.NOTHING, relay.deliver(T0.plusMillis(999), 100), "not before the back-off");
            failing.set(false);
            assertEquals(new DeliveryReport(2, 0, 0), relay.deliver(T0.plusSeconds(1), 100));
            assertEquals(List.of(a.id() + "/1", a.id() + "/2", b.id() + "/1", b.id() + "/2", b.id() + "/3",
                    a.id() + "/2", a.id() + "/3"), flaky.received);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void an_event_that_keeps_failing_becomes_a_dead_letter_until_an_operator_releases_it(Database database) {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = store(pool);
            Ticket a = threeEvents(store);
            AtomicReference<Boolean> failing = new AtomicReference<>(true);
            RecordingListener broken = new RecordingListener("broken", e -> failing.get() && e.version() == 1);
            OutboxRelay relay = store.relay(List.of(broken));

            assertEquals(new DeliveryReport(0, 1, 0), relay.deliver(T0, 100));
            assertEquals(new DeliveryReport(0, 1, 0), relay.deliver(T0.plusSeconds(1), 100));
            assertEquals(new DeliveryReport(0, 0, 1), relay.deliver(T0.plusSeconds(3), 100));
            assertEquals(DeliveryReport.NOTHING, relay.deliver(T0.plusSeconds(3600), 100), "dead letters stay");

            List<DeadLetter> dead = relay.deadLetters(10);
            assertEquals(1, dead.size());
            assertEquals(a.id() + "/1", dead.get(0).eventId());
            assertEquals(3, dead.get(0).attempts());
            assertTrue(dead.get(0).lastError().contains("broken"), dead.get(0).lastError());

            failing.set(false);
            assertTrue(relay.release(a.id() + "/1"));
            assertFalse(relay.release(a.id() + "/1"), "released once");
            assertEquals(new DeliveryReport(3, 0, 0), relay.deliver(T0.plusSeconds(3600), 100));
            assertEquals(List.of(), relay.deadLetters(10));
            assertEquals(0, relay.backlog());
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_listener_that_received_an_event_does_not_get_it_again_when_another_listener_failed(Database database) {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = store(pool);
            Ticket a = threeEvents(store);
            AtomicReference<Boolean> failing = new AtomicReference<>(true);
            RecordingListener steady = new RecordingListener("steady", e -> false);
            RecordingListener flaky = new RecordingListener("flaky", e -> failing.get() && e.version() == 2);
            OutboxRelay relay = store.relay(List.of(steady, flaky));

            relay.deliver(T0, 100);
            failing.set(false);
            relay.deliver(T0.plusSeconds(5), 100);

            assertEquals(ids(a, 1, 2, 3), steady.received);
            assertEquals(ids(a, 1, 2, 2, 3), flaky.received);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void while_one_instance_delivers_another_instance_delivers_nothing(Database database) {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = store(pool);
            threeEvents(store);
            JdbcTicketStore otherHost = JdbcStores.builder(Database.anotherPool(pool))
                    .relaySettings(FAST.withOwner("other-host")).build();
            RecordingListener theirs = new RecordingListener("listener", e -> false);
            OutboxRelay other = otherHost.relay(List.of(theirs));
            AtomicReference<DeliveryReport> seenByOther = new AtomicReference<>();
            EventListener ours = new EventListener() {
                @Override
                public String name() {
                    return "listener";
                }

                @Override
                public void on(RecordedEvent event) {
                    if (event.version() == 2) {
                        seenByOther.set(other.deliver(T0, 100));
                    }
                }
            };

            assertEquals(3, store.relay(List.of(ours)).deliver(T0, 100).delivered());

            assertEquals(DeliveryReport.NOTHING, seenByOther.get());
            assertEquals(List.of(), theirs.received);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Database.class, names = "H2")
    void the_relays_own_thread_delivers_until_stopped_and_a_stuck_listener_never_blocks_a_command(Database database)
            throws InterruptedException {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = store(pool);
            CountDownLatch stuck = new CountDownLatch(1);
            CountDownLatch entered = new CountDownLatch(1);
            EventListener blocking = new EventListener() {
                @Override
                public String name() {
                    return "blocking";
                }

                @Override
                public void on(RecordedEvent event) throws InterruptedException {
                    entered.countDown();
                    stuck.await();
                }
            };
            OutboxRelay relay = store.relay(List.of(blocking));
            relay.start(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMillis(10), 10);
            try {
                threeEvents(store);
                assertTrue(entered.await(30, TimeUnit.SECONDS), "the relay's thread picked the event up");
                Ticket more = threeEvents(store);
                assertEquals(3, store.history(TENANT, more.id()).size(), "commands go on while the listener is stuck");
            } finally {
                stuck.countDown();
                relay.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_listener_failure_with_nul_and_unpaired_surrogates_is_stored_safely_and_holds_up_no_other_ticket(Database database) {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore store = store(pool);
            Ticket poisoned = threeEvents(store);
            Ticket healthy = threeEvents(store);
            Ticket later = threeEvents(store);
            List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            EventListener picky = new EventListener() {
                @Override
                public String name() {
                    return "picky";
                }

                @Override
                public void on(RecordedEvent event) {
                    if (event.ticketId().equals(poisoned.id())) {
                        throw new IllegalStateException("bad\u0000byte \uD800 from the listener " + "x".repeat(5000));
                    }
                    received.add(event.eventId());
                }
            };
            OutboxRelay relay = store.relay(List.of(picky));

            assertEquals(new DeliveryReport(6, 1, 0), relay.deliver(T0, 100));
            assertEquals(new DeliveryReport(0, 1, 0), relay.deliver(T0.plusSeconds(1), 100));
            assertEquals(new DeliveryReport(0, 0, 1), relay.deliver(T0.plusSeconds(3), 100));
            assertEquals(DeliveryReport.NOTHING, relay.deliver(T0.plusSeconds(60), 100));

            assertEquals(List.of(healthy.id() + "/1", healthy.id() + "/2", healthy.id() + "/3",
                    later.id() + "/1", later.id() + "/2", later.id() + "/3"), received, "each healthy event once");
            DeadLetter dead = relay.deadLetters(10).get(0);
            assertEquals(poisoned.id() + "/1", dead.eventId());
            assertTrue(dead.lastError().startsWith("picky: java.lang.IllegalStateException: bad\uFFFDbyte \uFFFD from"),
                    dead.lastError());
            assertEquals(SafeText.ERROR_LENGTH, dead.lastError().codePointCount(0, dead.lastError().length()));
        }
    }
}
