package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.idempotency.IdempotencyRecord;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.idempotency.KeyTakenException;
import dev.helpdesk.spi.idempotency.Outcome;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link IdempotencyStore} must keep, as JUnit 5 tests: records round-trip
 * with every outcome a desk records (an answered ticket, and each kind of final rejection with
 * every part, also long and non-Latin text), the first record of a key stays, a commit and its
 * record are written together or not at all, a commit under a taken key writes nothing, keys
 * belong to their tenant, and of concurrent commits under one key exactly one is written.
 *
 * <p>A store subclasses it and supplies an empty ticket store and the idempotency store that
 * commits into it (for a ticket store that keeps records itself, the same object).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class IdempotencyStoreContract {
    /** The first tenant of the tests. */
    protected static final TenantId ACME = TenantId.of("acme");
    /** The second tenant of the tests. */
    protected static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00.123456789Z");
    private static final AtomicLong NUMBERS = new AtomicLong(1000);

    private TicketStore tickets;
    private IdempotencyStore records;

    /** Creates the suite. */
    protected IdempotencyStoreContract() {
    }

    /**
     * Makes an empty ticket store for one test.
     *
     * @return a store with no tickets and no records
     */
    protected abstract TicketStore createTicketStore();

    /**
     * The idempotency store under test, committing into a ticket store.
     *
     * @param tickets the store from {@link #createTicketStore()}
     * @return the idempotency store
     */
    protected abstract IdempotencyStore idempotencyOf(TicketStore tickets);

    /**
     * How many commits race under one key in the concurrency test.
     *
     * @return at least 2
     */
    protected int racers() {
        return 6;
    }

    private IdempotencyStore records() {
        if (records == null) {
            tickets = createTicketStore();
            records = idempotencyOf(tickets);
        }
        return records;
    }

    private static IdempotencyRecord record(String key, Outcome outcome) {
        return IdempotencyRecord.builder().key(IdempotencyKey.of(key)).fingerprint(fingerprint(key))
                .outcome(outcome).recordedAt(T0).build();
    }

    private static String fingerprint(String seed) {
        byte[] bytes = new byte[32];
        byte[] text = seed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (text[i % text.length] + i);
        }
        return HexFormat.of().formatHex(bytes);
    }

    private static TicketChange opening(TenantId tenant) {
        return TicketChangeBuilder.open(tenant, TicketNumber.of(NUMBERS.incrementAndGet()), T0).build();
    }

    private static Outcome answered(TicketChange change) {
        return new Outcome.Answered(change.ticketId(), change.newState().version());
    }

    @Test
    void an_unknown_key_has_no_record() {
        assertTrue(records().find(ACME, IdempotencyKey.of("nothing-yet")).isEmpty());
    }

    @Test
    void every_recorded_outcome_reads_back_as_written() {
        List<Outcome> outcomes = List.of(
                new Outcome.Answered(TckIds.ticketId(), 7),
                new Outcome.Refused(new Rejection.NotFound("ticket", "#4711")),
                new Outcome.Refused(new Rejection.NotAllowed("a customer may not write an internal note")),
                new Outcome.Refused(new Rejection.InvalidTransition("solve", "NEW", "a solved ticket needs an assignee")),
                new Outcome.Refused(new Rejection.Invalid(List.of(new FieldError("subject", "is required"),
                        new FieldError("body", "must be at most 65536 characters; 'quoted' \"text\" -- ; DROP"),
                        new FieldError("поле", "Überschrift 日本語 " + "x".repeat(3000))))));
        for (int i = 0; i < outcomes.size(); i++) {
            IdempotencyRecord written = record("k-" + i, outcomes.get(i));
            assertEquals(written, records().record(ACME, written));
            assertEquals(written, records().find(ACME, written.key()).get());
        }
    }

    @Test
    void a_key_keeps_its_first_record() {
        IdempotencyRecord first = record("once", new Outcome.Refused(new Rejection.NotAllowed("first")));
        IdempotencyRecord second = record("once", new Outcome.Refused(new Rejection.NotAllowed("second")));

        records().record(ACME, first);

        assertEquals(first, records().record(ACME, second));
        assertEquals(first, records().find(ACME, first.key()).get());
    }

    @Test
    void a_commit_under_a_key_writes_the_tickets_and_the_record_together() {
        TicketChange open = opening(ACME);
        IdempotencyRecord keyed = record("open-1", answered(open));

        Either<Rejection, List<Ticket>> committed = records().commit(ACME, List.of(open), keyed);

        assertEquals(List.of(open.newState()), committed.get());
        assertEquals(open.newState(), tickets.find(ACME, open.ticketId()).get());
        assertEquals(keyed, records().find(ACME, keyed.key()).get());
    }

    @Test
    void a_commit_under_a_taken_key_writes_nothing() {
        records().commit(ACME, List.of(opening(ACME)), record("taken", new Outcome.Answered(TckIds.ticketId(), 1)));
        TicketChange second = opening(ACME);

        assertThrows(KeyTakenException.class,
                () -> records().commit(ACME, List.of(second), record("taken", answered(second))));

        assertTrue(tickets.find(ACME, second.ticketId()).isEmpty());
    }

    @Test
    void a_commit_the_ticket_store_refuses_records_nothing() {
        TicketChange open = opening(ACME);
        tickets().commit(ACME, open);
        TicketChange again = TicketChangeBuilder.open(ACME, open.ticketId(), TicketNumber.of(NUMBERS.incrementAndGet()), T0)
                .build();

        Either<Rejection, List<Ticket>> refused = records().commit(ACME, List.of(again), record("dup", answered(again)));

        assertTrue(refused.isLeft());
        assertTrue(records().find(ACME, IdempotencyKey.of("dup")).isEmpty());
    }

    @Test
    void a_key_belongs_to_its_tenant() {
        IdempotencyRecord acme = record("shared", new Outcome.Refused(new Rejection.NotAllowed("acme's")));
        IdempotencyRecord globex = record("shared", new Outcome.Refused(new Rejection.NotAllowed("globex's")));

        records().record(ACME, acme);

        assertTrue(records().find(GLOBEX, acme.key()).isEmpty());
        assertEquals(globex, records().record(GLOBEX, globex));
        assertEquals(acme, records().find(ACME, acme.key()).get());
        TicketChange open = opening(GLOBEX);
        assertTrue(records().commit(GLOBEX, List.of(open), record("open-elsewhere", answered(open))).isRight());
        assertTrue(records().find(ACME, IdempotencyKey.of("open-elsewhere")).isEmpty());
    }

    @Test
    void of_concurrent_commits_under_one_key_exactly_one_is_written() throws Exception {
        records();
        int count = racers();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<TicketChange> changes = new ArrayList<>();
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                TicketChange change = opening(ACME);
                changes.add(change);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return records.commit(ACME, List.of(change), record("race", answered(change))).isRight();
                    } catch (KeyTakenException taken) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : futures) {
                won += f.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won);
            long stored = changes.stream().filter(c -> tickets.find(ACME, c.ticketId()).isDefined()).count();
            assertEquals(1, stored);
            Outcome recorded = records.find(ACME, IdempotencyKey.of("race")).get().outcome();
            assertTrue(changes.stream().anyMatch(c -> answered(c).equals(recorded)
                    && tickets.find(ACME, c.ticketId()).isDefined()));
        } finally {
            pool.shutdownNow();
        }
    }

    private TicketStore tickets() {
        records();
        return tickets;
    }

    @Test
    void pruning_deletes_the_oldest_records_before_the_cut_of_every_tenant_up_to_the_limit() {
        Instant cut = T0.plusSeconds(3600);
        for (int i = 0; i < 3; i++) {
            // a nanosecond apart, oldest first; the refused one carries field errors
            records().record(ACME, IdempotencyRecord.builder().key(IdempotencyKey.of("old-" + i)).fingerprint(fingerprint("o" + i))
                    .outcome(i == 0 ? new Outcome.Refused(new Rejection.Invalid(List.of(new FieldError("subject", "is required"))))
                            : new Outcome.Answered(TckIds.ticketId(), 1))
                    .recordedAt(T0.plusNanos(i)).build());
        }
        records().record(GLOBEX, record("old-g", new Outcome.Answered(TckIds.ticketId(), 1)));
        IdempotencyRecord atCut = IdempotencyRecord.builder().key(IdempotencyKey.of("at-cut")).fingerprint(fingerprint("c"))
                .outcome(new Outcome.Answered(TckIds.ticketId(), 1)).recordedAt(cut).build();
        records().record(ACME, atCut);
        IdempotencyRecord justBefore = IdempotencyRecord.builder().key(IdempotencyKey.of("just-before"))
                .fingerprint(fingerprint("b")).outcome(new Outcome.Answered(TckIds.ticketId(), 1))
                .recordedAt(cut.minusNanos(1)).build();
        records().record(ACME, justBefore);

        assertEquals(2, records().prune(cut, 2));
        assertTrue(records().find(ACME, IdempotencyKey.of("old-0")).isEmpty());
        // old-0 and old-g (both at T0) went first; old-1, old-2 and just-before are left before the cut
        assertEquals(3, records().prune(cut, 10));
        assertEquals(0, records().prune(cut, 10));

        for (String key : List.of("old-0", "old-1", "old-2", "just-before")) {
            assertTrue(records().find(ACME, IdempotencyKey.of(key)).isEmpty(), key);
        }
        assertTrue(records().find(GLOBEX, IdempotencyKey.of("old-g")).isEmpty());
        assertEquals(atCut, records().find(ACME, atCut.key()).get());
        // a pruned key is free: the refused record's errors went with it
        IdempotencyRecord again = record("old-0", new Outcome.Refused(new Rejection.NotAllowed("again")));
        assertEquals(again, records().record(ACME, again));
        assertEquals(again, records().find(ACME, again.key()).get());
    }
}
