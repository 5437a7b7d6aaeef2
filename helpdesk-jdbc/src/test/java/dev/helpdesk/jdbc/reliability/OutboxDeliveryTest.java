package dev.helpdesk.jdbc.reliability;

import static dev.helpdesk.jdbc.support.Fixtures.AGENT;
import static dev.helpdesk.jdbc.support.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.outbox.OutboxRelay;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.Fixtures;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.Tickets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A large outbox delivered to a listener that fails one time in ten at random (after it has
 * already acted, the worst case), next to a listener that never fails: every event arrives, in
 * order per ticket; the flaky listener sees duplicates only of events it failed on, the steady
 * one none. Size: {@code -Dhelpdesk.outbox.events} (the 100,000 by default).
 */
class OutboxDeliveryTest {
    static final int EVENTS = Integer.getInteger("helpdesk.outbox.events", 100_000);
    static final int EVENTS_PER_TICKET = 10;
    static final int BATCH = 1_000;

    /** Records every delivery per ticket; fails after recording, one time in ten. */
    private static final class Listener implements EventListener {
        private final String name;
        private final Random random;
        private final double failureRate;
        final Map<TicketId, List<Long>> received = new HashMap<>();
        final Set<String> failedOn = new HashSet<>();
        int deliveries;

        Listener(String name, long seed, double failureRate) {
            this.name = name;
            this.random = new Random(seed);
            this.failureRate = failureRate;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void on(RecordedEvent event) {
            deliveries++;
            received.computeIfAbsent(event.ticketId(), k -> new ArrayList<>()).add(event.version());
            if (random.nextDouble() < failureRate) {
                failedOn.add(event.eventId());
                throw new IllegalStateException("random failure");
            }
        }
    }

    @Test
    void every_event_arrives_in_order_per_ticket_and_duplicates_only_follow_failures() {
        TenantId tenant = TenantId.of("acme");
        int tickets = EVENTS / EVENTS_PER_TICKET;
        try (TestPool pool = Database.POSTGRESQL.fresh()) {
            JdbcTicketStore store = JdbcStores.builder(pool).relaySettings(OutboxRelay.Settings.defaults()
                    .withRetries(50, Duration.ofMillis(1), Duration.ofMillis(16))).build();
            Map<TicketId, Integer> expected = seed(store, tenant, tickets);
            Listener flaky = new Listener("flaky", 42, 0.10);
            Listener steady = new Listener("steady", 7, 0.0);
            OutboxRelay relay = store.relay(List.of(steady, flaky));

            long started = System.nanoTime();
            Instant now = T0;
            DeliveryReport total = DeliveryReport.NOTHING;
            int passes = 0;
            while (relay.backlog() > 0) {
                total = total.plus(relay.deliver(now, BATCH));
                now = now.plusMillis(20);
                passes++;
                assertTrue(passes < 100_000, "delivery makes progress");
            }
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(EVENTS, total.delivered());
            assertEquals(0, total.deadLettered());
            for (Map.Entry<TicketId, Integer> e : expected.entrySet()) {
                List<Long> steadyGot = steady.received.get(e.getKey());
                assertEquals(versions(e.getValue()), steadyGot, "steady: each event once, in order");
                List<Long> flakyGot = flaky.received.get(e.getKey());
                assertEquals(versions(e.getValue()), flakyGot.stream().distinct().toList(), "flaky: every event, in order");
                for (int i = 1; i < flakyGot.size(); i++) {
                    assertTrue(flakyGot.get(i) >= flakyGot.get(i - 1), "never an older event after a newer one");
                    if (flakyGot.get(i).equals(flakyGot.get(i - 1))) {
                        assertTrue(flaky.failedOn.contains(e.getKey() + "/" + flakyGot.get(i)),
                                "a duplicate only after a failure");
                    }
                }
            }
            System.out.printf("outbox: %d events on %d tickets delivered in %d ms over %d passes; flaky listener: %d failures,"
                    + " %d deliveries (%d duplicates); steady listener: %d deliveries%n", EVENTS, tickets, millis, passes,
                    flaky.failedOn.size(), flaky.deliveries, flaky.deliveries - EVENTS, steady.deliveries);
        }
    }

    private static List<Long> versions(int count) {
        List<Long> v = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            v.add(i);
        }
        return v;
    }

    /** Opens tickets and gives each nine more events, a hundred tickets per transaction. */
    private static Map<TicketId, Integer> seed(JdbcTicketStore store, TenantId tenant, int tickets) {
        Map<TicketId, Integer> expected = new HashMap<>();
        List<TicketChange> chunk = new ArrayList<>();
        for (int n = 1; n <= tickets; n++) {
            TicketEvent.Opened opened = Fixtures.opened(Fixtures.ticketId(), n, T0);
            Ticket t = Tickets.open(tenant, opened);
            List<TicketEvent> events = new ArrayList<>(List.of(opened));
            for (int i = 1; i < EVENTS_PER_TICKET; i++) {
                TicketEvent e = new TicketEvent.GroupChanged(t.id(), T0, AGENT, t.group(), GroupId.of("g" + i));
                t = Tickets.evolve(t, e);
                events.add(e);
            }
            chunk.add(new TicketChange(0, events, t, Optional.empty()));
            expected.put(t.id(), EVENTS_PER_TICKET);
            if (chunk.size() == 100 || n == tickets) {
                store.commit(tenant, chunk).get();
                chunk = new ArrayList<>();
            }
        }
        return expected;
    }
}
