package dev.helpdesk.spi.problem;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a problem stands. The ways forward:
 * <pre>
 * NEW ──► INVESTIGATING ──► KNOWN_ERROR ──► FIXED ──► CLOSED
 *              │                             ▲  │
 *              └─────────────────────────────┘  └──► INVESTIGATING (the fix did not hold)
 * </pre>
 * A new problem may also be closed at once (not a problem after all); closed is final.
 */
public enum ProblemStatus {
    /** Recorded, nobody looked into it yet. */
    NEW,
    /** Someone (support or the developers) is finding the root cause. */
    INVESTIGATING,
    /** The root cause is known and a workaround exists; the fix is still to come. */
    KNOWN_ERROR,
    /** The developers fixed it (usually in a named version). */
    FIXED,
    /** Done with. Final. */
    CLOSED;

    /**
     * The statuses this one may move to.
     *
     * @return the next statuses, empty for {@link #CLOSED}
     */
    public Set<ProblemStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(INVESTIGATING, CLOSED);
            case INVESTIGATING -> EnumSet.of(KNOWN_ERROR, FIXED);
            case KNOWN_ERROR -> EnumSet.of(FIXED);
            case FIXED -> EnumSet.of(CLOSED, INVESTIGATING);
            case CLOSED -> EnumSet.noneOf(ProblemStatus.class);
        };
    }

    /**
     * Tells whether a problem in this status may move to another.
     *
     * @param to the status wanted
     * @return true when {@code to} is one of {@link #next()}
     */
    public boolean canMoveTo(ProblemStatus to) {
        return next().contains(to);
    }

    /**
     * A lower-case name with spaces, as people say it: {@code known error}.
     *
     * @return the words
     */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
