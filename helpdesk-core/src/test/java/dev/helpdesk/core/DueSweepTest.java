package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** How runDue hands the tickets that had nothing to do yet back to the store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DueSweepTest {
    private static final Duration AUTO_CLOSE = Duration.ofDays(7);

    /** Records every batch reschedule and every single one. */
    static final class RecordingStore extends DelegatingStore {
        final List<List<Reschedule>> batches = new ArrayList<>();
        int singles;

        RecordingStore() {
            super(new InMemoryTicketStore());
        }

        @Override
        public synchronized List<Either<Rejection, Long>> rescheduleAll(List<Reschedule> items) {
            batches.add(List.copyOf(items));
            return super.rescheduleAll(items);
        }

        @Override
        public synchronized Either<Rejection, Long> reschedule(TenantId tenant, TicketId id, long expectedVersion,
                                                               Optional<Instant> dueAt) {
            singles++;
            return super.reschedule(tenant, id, expectedVersion, dueAt);
        }
    }

    private final RecordingStore store = new RecordingStore();
    private final Fixture f = new Fixture(b -> b.store(store).autoCloseAfter(AUTO_CLOSE).dueBatchSize(2));

    /** Solved tickets whose stored due time was moved into the past: due, with nothing to do. */
    private List<Ticket> dueWithNothingToDo(int count) {
        List<Ticket> solved = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Ticket t = f.openedBy(CAROL);
            ok(f.acme.assign(t.id(), AgentId.of("ana"), ANA));
            Ticket s = ok(f.acme.solve(t.id(), ANA));
            ok(store.reschedule(Fixture.ACME, s.id(), s.version(), Optional.of(f.clock.instant().minusSeconds(60))));
            solved.add(s);
        }
        store.singles = 0;
        return solved;
    }

    @Test
    void tickets_due_with_nothing_to_do_are_rescheduled_together_once_per_claimed_batch() {
        List<Ticket> solved = dueWithNothingToDo(5);

        DueRun run = f.desk.runDue(f.clock.instant());

        assertEquals(new DueRun(5, 0, 0, 0), run);
        assertEquals(List.of(2, 2, 1), store.batches.stream().map(List::size).toList(), "one call per batch of 2");
        assertEquals(0, store.singles, "no ticket rescheduled on its own");
        for (Ticket s : solved) {
            assertEquals(Optional.of(s.solvedAt().orElseThrow().plus(AUTO_CLOSE)), store.dueAt(Fixture.ACME, s.id()),
                    "back at its automatic close");
            assertEquals(Status.SOLVED, ok(f.acme.get(s.id(), ANA)).status());
        }
        assertEquals(DueRun.NOTHING, f.desk.runDue(f.clock.instant()), "nothing due any more");
    }

    @Test
    void a_ticket_that_moved_on_after_its_claim_counts_as_a_conflict_and_keeps_its_own_due_time() {
        Ticket ticket = dueWithNothingToDo(1).get(0);
        // a second desk on the same store, where another instance reopens the ticket between
        // the claim and the batch reschedule
        Fixture racing = new Fixture(b -> b.store(new DelegatingStore(store) {
            @Override
            public List<Either<Rejection, Long>> rescheduleAll(List<Reschedule> items) {
                ok(f.acme.reopen(ticket.id(), ANA));
                return super.rescheduleAll(items);
            }
        }).autoCloseAfter(AUTO_CLOSE));

        DueRun run = racing.desk.runDue(f.clock.instant());

        assertEquals(new DueRun(1, 0, 0, 1), run);
        assertEquals(Status.OPEN, ok(f.acme.get(ticket.id(), ANA)).status());
        assertEquals(Optional.empty(), store.dueAt(Fixture.ACME, ticket.id()), "the reopen's own due time stays");
    }
}
