package dev.helpdesk.spi.ticket;

/**
 * The orders in which a {@link TicketQuery} lists tickets. Every order ends with the ticket's id
 * as a tie-break (compared as its canonical text, which is the unsigned order of its bytes and
 * the order every supported database keeps), so that pages never repeat or skip tickets whose
 * sort keys are equal.
 */
public enum TicketSort {
    /** By the per-tenant human number: the order tickets were numbered in. */
    NUMBER,
    /** By the ticket's creation instant. */
    CREATION,
    /**
     * By when the ticket is next due for timed work (its earliest SLA warning or breach, or its
     * automatic close), as last committed or rescheduled; tickets with nothing due come after
     * every ticket with a due time (they sort as if due at the end of time).
     */
    NEXT_DUE
}
