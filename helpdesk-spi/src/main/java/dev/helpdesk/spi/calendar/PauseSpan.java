package dev.helpdesk.spi.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of real time {@code [from, to)} that does not count towards a target, for instance
 * while a ticket waits on the customer. Business time inside a pause is excluded; pauses
 * given together may overlap and come in any order.
 *
 * @param from the first instant of the pause
 * @param to   the first instant after the pause; equal to {@code from} for an empty pause
 */
public record PauseSpan(Instant from, Instant to) {

    /**
     * Checks the span.
     *
     * @param from the first instant of the pause
     * @param to the first instant after the pause; equal to {@code from} for an empty pause
     * @throws IllegalArgumentException when {@code to} lies before {@code from}
     */
    public PauseSpan {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a pause ends at or after its start: " + from + " > " + to);
        }
    }

    /**
     * Makes a pause.
     *
     * @param from the first instant of the pause
     * @param to   the first instant after the pause
     * @return the pause
     * @throws IllegalArgumentException when {@code to} lies before {@code from}
     */
    public static PauseSpan of(Instant from, Instant to) {
        return new PauseSpan(from, to);
    }

    /**
     * Tells whether the pause holds no time at all.
     *
     * @return true when {@code from} equals {@code to}
     */
    public boolean isEmpty() {
        return from.equals(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
