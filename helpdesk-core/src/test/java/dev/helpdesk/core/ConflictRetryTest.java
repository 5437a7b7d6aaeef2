package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Conflicts between writers of one ticket are retried with back-off and jitter. */
class ConflictRetryTest {

    @Test
    void eight_writers_on_one_ticket_get_no_concurrent_modification_with_the_default_settings() throws Exception {
        Fixture f = new Fixture();
        Ticket ticket = f.openedBy(CAROL);
        int writers = 8;
        int notesEach = 25;
        ConcurrentLinkedQueue<Rejection> rejected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Actor agent = Actor.agent("agent-" + i);
            threads.add(new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int n = 0; n < notesEach; n++) {
                    Either<Rejection, Ticket> r = f.acme.note(ticket.id(), "note " + n + " by " + agent.display(), agent);
                    if (r.isLeft()) {
                        rejected.add(r.getLeft());
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertTrue(rejected.isEmpty(), () -> rejected.size() + " rejected, first: " + rejected.peek().message());
        List<RecordedEvent> history = f.desk.tenant(Fixture.ACME).tickets().history(ticket.id(), Fixture.ANA).get();
        long notes = history.stream().filter(r -> r.event() instanceof TicketEvent.MessagePosted m
                && m.actor() instanceof Actor.Agent).count();
        assertEquals(writers * notesEach, notes, "every note is in the history once");
        assertEquals(DeskSettings.DEFAULT_CONFLICT_RETRIES, f.desk.settings().conflictRetries());
    }

    @Test
    void settings_that_cannot_work_are_refused_at_build_naming_every_field() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.helpdesk.spi.ConfigurationException.class,
                () -> Helpdesk.builder().conflictRetries(-1).dueBatchSize(0)
                        .settings(DeskSettings.builder().conflictBackoff(java.time.Duration.ofSeconds(1))
                                .conflictBackoffMax(java.time.Duration.ofMillis(1)).build()));
        assertTrue(e.getMessage().contains("conflictBackoffMax"), e.getMessage());
        var both = org.junit.jupiter.api.Assertions.assertThrows(dev.helpdesk.spi.ConfigurationException.class,
                () -> Helpdesk.builder().conflictRetries(-1).dueBatchSize(0).build());
        assertTrue(both.getMessage().contains("conflictRetries") && both.getMessage().contains("dueBatchSize"),
                both.getMessage());
    }
}
