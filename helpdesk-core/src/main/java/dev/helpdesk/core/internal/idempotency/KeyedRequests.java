package dev.helpdesk.core.internal.idempotency;

import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.idempotency.IdempotencyRecord;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.idempotency.KeyTakenException;
import dev.helpdesk.spi.idempotency.Outcome;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tickets;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs a request under an idempotency key: the first request's outcome is recorded under the
 * key (with its commit, when it commits), and every later request with the key gets that outcome
 * back without running again.
 *
 * <p>Two requests with one key may both start before either has an outcome. Both decide; the
 * first to commit records the outcome with its commit, and the other's commit finds the key
 * taken, writes nothing and answers with the first one's record. Requests that commit nothing
 * (a rejection, a command that changed nothing) record their outcome alone, unless one is there
 * already, and answer with whichever record is stored.
 */
public final class KeyedRequests {
    private final IdempotencyStore records;
    private final TicketStore store;
    private final Clock clock;
    private final BiFunction<Actor, Ticket, Ticket> view;

    /**
     * Makes the runner.
     *
     * @param records where outcomes are recorded
     * @param store   the ticket store, to read an answered ticket's history
     * @param clock   the desk's clock
     * @param view    a ticket as an actor may see it
     */
    public KeyedRequests(IdempotencyStore records, TicketStore store, Clock clock, BiFunction<Actor, Ticket, Ticket> view) {
        this.records = records;
        this.store = store;
        this.clock = clock;
        this.view = view;
    }

    /**
     * The port the outcomes are kept in.
     *
     * @return the records
     */
    public IdempotencyStore records() {
        return records;
    }

    /**
     * Runs a request once per key.
     *
     * @param tenant  the tenant
     * @param key     the request's key
     * @param request what the request is, in words that stay the same when it is sent again
     *                (the command's text form and its target)
     * @param actor   who sends it
     * @param run     the request, committing the way the given {@link CommitKey} says
     * @return the first request's answer under the key
     */
    public Either<Rejection, Ticket> run(TenantId tenant, IdempotencyKey key, String request, Actor actor,
                                         Function<CommitKey, Either<Rejection, Ticket>> run) {
        String fingerprint = fingerprint(request, actor);
        Option<IdempotencyRecord> known = records.find(tenant, key);
        if (known.isDefined()) {
            return answer(tenant, known.get(), fingerprint, actor);
        }
        Recording recording = new Recording(key, fingerprint);
        Either<Rejection, Ticket> result;
        try {
            result = run.apply(recording);
        } catch (KeyTakenException taken) {
            return answer(tenant, records.find(tenant, key).getOrElseThrow(() -> taken), fingerprint, actor);
        }
        if (recording.written) {
            return result;
        }
        if (result.isLeft() && !Outcome.isFinal(result.getLeft())) {
            return result;
        }
        Outcome outcome = result.isRight() ? new Outcome.Answered(result.get().id(), result.get().version())
                : new Outcome.Refused(result.getLeft());
        IdempotencyRecord stored = records.record(tenant, record(key, fingerprint, outcome));
        return stored.outcome().equals(outcome) && stored.fingerprint().equals(fingerprint) ? result
                : answer(tenant, stored, fingerprint, actor);
    }

    /** The stored outcome as the actor sees it, or a refusal when the key named another request. */
    private Either<Rejection, Ticket> answer(TenantId tenant, IdempotencyRecord record, String fingerprint, Actor actor) {
        if (!record.fingerprint().equals(fingerprint)) {
            return Either.left(Rejection.Invalid.of("idempotencyKey", "was used for another request"));
        }
        if (record.outcome() instanceof Outcome.Refused refused) {
            return Either.left(refused.rejection());
        }
        Outcome.Answered answered = (Outcome.Answered) record.outcome();
        List<RecordedEvent> history = store.history(tenant, answered.ticket());
        if (history.size() < answered.version()) {
            return Either.left(new Rejection.NotFound("ticket", answered.ticket().toString()));
        }
        Ticket then = Tickets.replay(tenant, history.subList(0, (int) answered.version()).stream()
                .map(RecordedEvent::event).toList());
        return Either.right(view.apply(actor, then));
    }

    private IdempotencyRecord record(IdempotencyKey key, String fingerprint, Outcome outcome) {
        return IdempotencyRecord.builder().key(key).fingerprint(fingerprint).outcome(outcome)
                .recordedAt(clock.instant()).build();
    }

    /**
     * The SHA-256 of a request and its actor, in hex.
     *
     * @param request the request in words
     * @param actor   who sends it
     * @return 64 lower-case hex digits
     */
    static String fingerprint(String request, Actor actor) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(actor.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The commit of one keyed request: with the record of the answer it gives. */
    private final class Recording implements CommitKey {
        private final IdempotencyKey key;
        private final String fingerprint;
        private boolean written;

        Recording(IdempotencyKey key, String fingerprint) {
            this.key = key;
            this.fingerprint = fingerprint;
        }

        @Override
        public Either<Rejection, List<Ticket>> commit(TicketStore store, TenantId tenant, List<TicketChange> changes,
                                                      int answer) {
            Ticket answered = changes.get(answer).newState();
            Either<Rejection, List<Ticket>> committed = records.commit(tenant, changes,
                    record(key, fingerprint, new Outcome.Answered(answered.id(), answered.version())));
            written |= committed.isRight();
            return committed;
        }
    }
}
