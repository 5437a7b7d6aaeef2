package dev.helpdesk.spi.sla;

/** Where one cycle of an SLA clock stands. */
public enum ClockStatus {
    /** Counting towards its target, not yet due. Outside opening hours it counts nothing, but it is not paused. */
    RUNNING,
    /** Not yet due, and not counting because the ticket is in one of the policy's pause statuses. */
    PAUSED,
    /** Stopped at or before its due time: by the response it waited for, or by the ticket being solved. */
    ACHIEVED,
    /** Its due time passed before it stopped; it may still be running (see {@link ClockState#stoppedAt()}). */
    BREACHED,
    /** Stopped before its due time because the ticket was merged into another one; counts as neither met nor missed. */
    CANCELLED
}
