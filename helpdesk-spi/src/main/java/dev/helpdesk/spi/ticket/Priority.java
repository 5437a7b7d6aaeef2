package dev.helpdesk.spi.ticket;

/** How urgent a ticket is; SLA policies usually pick their targets by priority. */
public enum Priority {
    /** Can wait. */
    LOW,
    /** The default. */
    NORMAL,
    /** Hinders the customer's work. */
    HIGH,
    /** Stops the customer's work or business. */
    URGENT
}
