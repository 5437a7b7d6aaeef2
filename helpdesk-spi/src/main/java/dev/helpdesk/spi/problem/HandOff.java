package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A problem's hand-off to the developers as the {@link ProblemStore} keeps it until a
 * {@link DeveloperBridge} took it: the problem's own outbox entry. What is sent is built when it
 * is sent (the problem and its impact as they are then), so a retry carries the latest figures.
 *
 * @param id            the hand-off's id
 * @param tenant        the tenant
 * @param problem       the problem
 * @param requestedAt   when an agent handed the problem off
 * @param state         where the delivery stands
 * @param attempts      the failed attempts so far
 * @param nextAttemptAt when it is due (again); a claimed hand-off is due again when its lease ends
 * @param reference     the tracker's reference, once delivered
 * @param lastError     why the latest attempt failed, if it did
 */
public record HandOff(UUID id, TenantId tenant, ProblemId problem, Instant requestedAt, State state, int attempts,
                      Instant nextAttemptAt, Optional<String> reference, Optional<String> lastError) {
    /** The longest error kept, in characters. */
    public static final int MAX_ERROR = 1000;

    /** Where a hand-off's delivery stands. */
    public enum State {
        /** To be delivered (again) at {@code nextAttemptAt}. */
        PENDING,
        /** The tracker took it. Final. */
        DELIVERED,
        /** Every attempt failed; it waits for an operator, who may make it pending again with {@code ProblemStore.recordAttempt}. */
        DEAD
    }

    /** Checks every part.
     *
     * @param id the hand-off's id
     * @param tenant the tenant
     * @param problem the problem
     * @param requestedAt when an agent handed the problem off
     * @param state where the delivery stands
     * @param attempts the failed attempts so far
     * @param nextAttemptAt when it is due (again); a claimed hand-off is due again when its lease ends
     * @param reference the tracker's reference, once delivered
     * @param lastError why the latest attempt failed, if it did
     */
    public HandOff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(lastError, "lastError");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative: " + attempts);
        }
    }

    /**
     * A new hand-off, due at once.
     *
     * @param id      its id
     * @param tenant  the tenant
     * @param problem the problem
     * @param at      when it was asked for
     * @return the pending hand-off
     */
    public static HandOff requested(UUID id, TenantId tenant, ProblemId problem, Instant at) {
        return new HandOff(id, tenant, problem, at, State.PENDING, 0, at, Optional.empty(), Optional.empty());
    }
}
