package dev.helpdesk.spi.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a technician is at the customer's: from {@code start} (inclusive) to {@code end}
 * (exclusive). Two slots of one technician may touch (one ends when the next starts) but not
 * overlap. Whether a slot is acceptable (end after start, not too long) is checked when a visit
 * is planned or rescheduled, with a rejection naming {@code slot}.
 *
 * @param start when the technician arrives
 * @param end   when the technician leaves
 */
public record VisitSlot(Instant start, Instant end) {
    /**
     * Checks both ends are present.
     *
     * @param start when the technician arrives
     * @param end when the technician leaves
     */
    public VisitSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * A slot of a length from its start.
     *
     * @param start  when the technician arrives
     * @param length how long the visit is booked for
     * @return the slot
     */
    public static VisitSlot of(Instant start, Duration length) {
        return new VisitSlot(start, start.plus(length));
    }

    /**
     * Tells whether two slots share any moment.
     *
     * @param other another slot
     * @return true when they overlap (touching ends do not)
     */
    public boolean overlaps(VisitSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * The booked length.
     *
     * @return end minus start
     */
    public Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
