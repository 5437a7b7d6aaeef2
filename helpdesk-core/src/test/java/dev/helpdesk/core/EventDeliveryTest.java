package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.outbox.EventOutbox;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {

    /** Records what it receives; fails on demand. */
    static final class Recorder implements EventListener {
        final List<RecordedEvent> received = new ArrayList<>();
        final String name;
        boolean fail;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void on(RecordedEvent event) {
            if (fail) {
                throw new IllegalStateException("listener down");
            }
            received.add(event);
        }
    }

    @Test
    void listeners_get_every_event_right_after_the_commit_with_the_in_memory_store() {
        Recorder recorder = new Recorder("recorder");
        Fixture f = new Fixture(b -> b.plugin(recorder));

        Ticket t = f.openedBy(CAROL);

        assertEquals(2, recorder.received.size());
        assertEquals(t.id() + "/1", recorder.received.get(0).eventId());
        assertTrue(recorder.received.get(1).event() instanceof TicketEvent.MessagePosted);
    }

    @Test
    void a_failing_listener_never_breaks_the_command() {
        Recorder broken = new Recorder("broken");
        broken.fail = true;
        Recorder healthy = new Recorder("healthy");
        Fixture f = new Fixture(b -> b.plugin(broken).plugin(healthy));

        Ticket t = f.openedBy(CAROL);

        assertEquals(1, t.version() - 1);
        assertEquals(2, healthy.received.size());
    }

    @Test
    void registering_the_same_plugin_twice_is_a_no_op() {
        Recorder recorder = new Recorder("recorder");
        Fixture f = new Fixture(b -> b.plugin(recorder).plugin(recorder));

        f.openedBy(CAROL);

        assertEquals(1, f.desk.plugins().size());
        assertEquals(2, recorder.received.size());
    }

    @Test
    void with_an_outbox_store_events_reach_listeners_when_the_desk_delivers_them() {
        OutboxStore store = new OutboxStore();
        Recorder recorder = new Recorder("recorder");
        Fixture f = new Fixture(b -> b.store(store).plugin(recorder));

        f.openedBy(CAROL);
        assertEquals(0, recorder.received.size(), "not at commit time");

        f.desk.runDue();

        assertEquals(2, recorder.received.size());
        assertEquals(0, f.desk.deliverEvents(f.clock.instant()).handled());
    }

    /** An in-memory store with a trivial outbox: events wait until delivered. */
    static final class OutboxStore extends DelegatingStore implements EventOutbox {
        private final List<RecordedEvent> pending = new ArrayList<>();

        OutboxStore() {
            super(new InMemoryTicketStore());
        }

        @Override
        public synchronized Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
            Either<Rejection, List<Ticket>> result = super.commit(tenant, changes);
            if (result.isRight()) {
                for (TicketChange c : changes) {
                    long v = c.expectedVersion();
                    for (TicketEvent e : c.events()) {
                        pending.add(new RecordedEvent(tenant, ++v, e));
                    }
                }
            }
            return result;
        }

        @Override
        public synchronized DeliveryReport deliver(Instant now, int limit, List<? extends EventListener> listeners) {
            int n = Math.min(limit, pending.size());
            for (int i = 0; i < n; i++) {
                RecordedEvent e = pending.remove(0);
                for (EventListener l : listeners) {
                    try {
                        l.on(e);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            }
            return new DeliveryReport(n, 0, 0);
        }
    }
}
