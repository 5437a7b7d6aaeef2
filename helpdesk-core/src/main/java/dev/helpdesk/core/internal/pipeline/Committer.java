package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.idempotency.CommitKey;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The commit step, and the one place that retries. A command is an {@link Attempt}: load,
 * decide, rules, routing, schedule and commit on the ticket as stored now. When the store
 * answers {@link Rejection.ConcurrentModification} (another command changed the ticket between
 * the load and the commit) the attempt runs again on fresh state, after a pause that doubles
 * with each conflict up to a bound, each pause drawn at random between zero and that bound
 * ("full jitter"), so that writers who collided do not collide again in step. When the store
 * answers {@link Rejection.NoCapacity} (another commit took the last seat of the agent routing
 * chose) the attempt runs again at once without that agent, so routing picks the next candidate
 * or leaves the ticket waiting in its group's queue; an agent is never placed above capacity.
 *
 * <p>What remains: the retries are bounded ({@code conflictRetries}), so a ticket written by
 * very many writers at once, or a store whose commits take longer than the largest pause, can
 * still answer a command with {@link Rejection.ConcurrentModification}; the caller may send the
 * command again. A pause holds the calling thread (it parks; an interrupt ends the retries and
 * answers the conflict).
 */
public final class Committer {
    private final TicketStore store;
    private final int retries;
    private final long firstPauseNanos;
    private final long maxPauseNanos;
    private final AfterCommitDelivery delivery;

    /**
     * What one command does on fresh state each time it runs.
     *
     * @param <T> what it answers
     */
    @FunctionalInterface
    interface Attempt<T> {
        /**
         * Runs the command once.
         *
         * @param full agents found without a free seat by earlier attempts; routing skips them
         * @return the answer, or the store's rejection
         */
        Either<Rejection, T> run(Set<AgentId> full);
    }

    /**
     * The tickets a commit wrote, and the routed groups whose queues may drain because an agent
     * freed a seat with it.
     *
     * @param tickets the new states, in the order of the changes
     * @param freed   the groups to drain, possibly none
     */
    record Committed(List<Ticket> tickets, Set<GroupId> freed) {
    }

    /**
     * Makes the step.
     *
     * @param store      the desk's store
     * @param retries    how often a conflicting command runs again, 0 to 100
     * @param firstPause the bound of the first pause; each conflict doubles it
     * @param maxPause   the largest bound
     * @param delivery   what runs once a commit is durable
     */
    Committer(TicketStore store, int retries, Duration firstPause, Duration maxPause, AfterCommitDelivery delivery) {
        this.store = store;
        this.retries = retries;
        this.firstPauseNanos = firstPause.toNanos();
        this.maxPauseNanos = Math.max(firstPauseNanos, maxPause.toNanos());
        this.delivery = delivery;
    }

    /**
     * Runs an attempt until it is not refused for a conflict or a full seat, within the bounds.
     *
     * @param attempt   the command
     * @param conflicts whether to run it again after a conflict (the due sweep does not: the
     *                  ticket's own commit scheduled it)
     * @param <T>       what it answers
     * @return the last attempt's answer
     */
    <T> Either<Rejection, T> run(Attempt<T> attempt, boolean conflicts) {
        return run(attempt, conflicts, null);
    }

    /**
     * Whether an attempt's answer is final: anything but a conflict or a full seat.
     *
     * @param result the answer
     * @return true when no retry could change it
     */
    static boolean settled(Either<Rejection, ?> result) {
        return result.isRight() || !(result.getLeft() instanceof Rejection.ConcurrentModification
                || result.getLeft() instanceof Rejection.NoCapacity) || taken(result.getLeft());
    }

    /** Channel intake: an external message id linked already stays linked; no retry changes that. */
    private static boolean taken(Rejection why) {
        return why instanceof Rejection.ConcurrentModification c && ExternalMessages.TAKEN.equals(c.what());
    }

    /**
     * Goes on from a first attempt the caller ran itself (the command path runs it as plain
     * code, without building the retry's closure).
     *
     * @param attempt   the command, for the retries
     * @param conflicts whether to run it again after a conflict
     * @param first     the first attempt's answer, or null to run the first attempt here
     * @param <T>       what it answers
     * @return the last attempt's answer
     */
    <T> Either<Rejection, T> run(Attempt<T> attempt, boolean conflicts, Either<Rejection, T> first) {
        // made on the first full seat: almost every command claims none
        Set<AgentId> full = Set.of();
        int conflict = 0;
        Either<Rejection, T> next = first;
        while (true) {
            Either<Rejection, T> result = next != null ? next : attempt.run(full);
            next = null;
            if (result.isRight()) {
                return result;
            }
            Rejection why = result.getLeft();
            if (why instanceof Rejection.NoCapacity seat) {
                if (full.isEmpty()) {
                    full = new HashSet<>();
                }
                if (full.add(AgentId.of(seat.agent()))) {
                    continue;
                }
            }
            if (!(why instanceof Rejection.ConcurrentModification) || taken(why) || !conflicts || conflict >= retries
                    || !pause(conflict++)) {
                return result;
            }
        }
    }

    /**
     * Commits changes and hands what follows a commit (listeners without an outbox, notices) to
     * the store's after-commit hook.
     *
     * @param tenant  the tenant
     * @param changes the changes
     * @return the states and the groups to drain, or the store's rejection
     */
    Either<Rejection, Committed> commit(TenantId tenant, List<TicketChange> changes) {
        return commit(tenant, changes, CommitKey.NONE, 0);
    }

    /**
     * Commits changes as {@link #commit(TenantId, List)} does, written the way the request's key
     * says (with the key's record, or plainly).
     *
     * @param tenant  the tenant
     * @param changes the changes
     * @param key     how to write them
     * @param answer  which change's new state the request answers with
     * @return the states and the groups to drain, or the store's rejection
     */
    Either<Rejection, Committed> commit(TenantId tenant, List<TicketChange> changes, CommitKey key, int answer) {
        Either<Rejection, List<Ticket>> committed = key.commit(store, tenant, changes, answer);
        if (committed.isLeft()) {
            return Either.left(committed.getLeft());
        }
        return Either.right(new Committed(committed.get(), delivery.committed(tenant, changes)));
    }

    /** Waits before the next try; false when interrupted. */
    private boolean pause(int conflict) {
        if (firstPauseNanos == 0) {
            return true;
        }
        long bound = conflict >= 30 ? maxPauseNanos : Math.min(maxPauseNanos, firstPauseNanos << conflict);
        long nanos = ThreadLocalRandom.current().nextLong(bound + 1);
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
