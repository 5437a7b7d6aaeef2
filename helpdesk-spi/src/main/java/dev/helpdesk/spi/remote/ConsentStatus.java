package dev.helpdesk.spi.remote;

/** Where a consent request stands. */
public enum ConsentStatus {
    /** Asked, not answered yet. */
    REQUESTED,
    /** Granted: sessions may run until the consented duration, counted from the grant, runs out. */
    GRANTED,
    /** Denied by the customer. Final. */
    DENIED,
    /** Granted, then taken back by the customer. Final. */
    REVOKED
}
