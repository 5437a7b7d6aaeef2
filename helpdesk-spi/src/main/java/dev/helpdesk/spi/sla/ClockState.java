package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.ticket.ClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One cycle of one SLA clock of a ticket, as it stands at a given moment. Clock states are
 * not stored: the desk computes them from the ticket's events, the policy that applies to the
 * ticket now and the policy's calendars, so they always follow the configuration in force.
 *
 * <p>All durations are measured the way the target is: in business time of the target's
 * calendar, or in real time for a calendar-time target.
 *
 * @param kind      which clock
 * @param cycle     the cycle, from 1 (see {@link ClockKind} for what makes a new cycle)
 * @param policy    the name of the policy whose target applies
 * @param status    where it stands
 * @param target    how long it may run
 * @param startedAt when the cycle started: the time of the event that started it (the opening,
 *                  the customer message or the reopening), also outside opening hours; a
 *                  business-time clock started then counts only from the next opening, which
 *                  shows in {@code dueAt} and {@code elapsed}, not here
 * @param dueAt     when it breaches (or breached); for a paused clock, when it would breach if
 *                  it resumed at the moment of evaluation, so it moves later while the pause
 *                  lasts
 * @param stoppedAt when the cycle stopped (met, solved or cancelled), or empty while it runs
 * @param elapsed   the time counted so far, pauses excluded
 * @param remaining the target minus the elapsed time; negative once the clock has run past
 *                  its target
 * @param paused    the time the cycle spent paused (the part of the pauses that would have
 *                  counted)
 */
public record ClockState(ClockKind kind, int cycle, String policy, ClockStatus status, SlaTarget target,
                         Instant startedAt, Instant dueAt, Optional<Instant> stoppedAt, Duration elapsed,
                         Duration remaining, Duration paused) {

    /**
     * Checks every part is present.
     *
     * @param kind which clock
     * @param cycle the cycle, from 1 (see {@link ClockKind} for what makes a new cycle)
     * @param policy the name of the policy whose target applies
     * @param status where it stands
     * @param target how long it may run
     * @param startedAt when the cycle started: the time of the event that started it (the opening, the customer message or the reopening), also outside opening hours; a business-time clock started then counts only from the next opening, which shows in {@code dueAt} and {@code elapsed}, not here
     * @param dueAt when it breaches (or breached); for a paused clock, when it would breach if it resumed at the moment of evaluation, so it moves later while the pause lasts
     * @param stoppedAt when the cycle stopped (met, solved or cancelled), or empty while it runs
     * @param elapsed the time counted so far, pauses excluded
     * @param remaining the target minus the elapsed time; negative once the clock has run past its target
     * @param paused the time the cycle spent paused (the part of the pauses that would have counted)
     * @throws IllegalArgumentException when the cycle is below 1
     */
    public ClockState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(paused, "paused");
        if (cycle < 1) {
            throw new IllegalArgumentException("clock cycles start at 1: " + cycle);
        }
    }

    /**
     * Tells whether the cycle still runs (paused or not, breached or not).
     *
     * @return true until it stops
     */
    public boolean isRunning() {
        return stoppedAt.isEmpty();
    }

    /**
     * Tells whether the cycle missed its due time.
     *
     * @return true when {@link ClockStatus#BREACHED}
     */
    public boolean isBreached() {
        return status == ClockStatus.BREACHED;
    }
}
