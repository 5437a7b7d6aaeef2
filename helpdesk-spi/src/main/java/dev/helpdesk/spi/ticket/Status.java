package dev.helpdesk.spi.ticket;

/**
 * Where a ticket is in its life.
 *
 * <pre>
 * NEW → OPEN → PENDING / ON_HOLD → SOLVED → CLOSED
 *                                         ↘ MERGED (from any non-final status)
 * </pre>
 *
 * A ticket never returns to {@link #NEW}; {@link #CLOSED} and {@link #MERGED} are final.
 */
public enum Status {
    /** Just registered; nobody on the desk has acted on it yet. */
    NEW,
    /** Being worked on by the desk. */
    OPEN,
    /** Waiting on the customer. A customer reply reopens it. */
    PENDING,
    /** Waiting on a third party (a supplier, another department). */
    ON_HOLD,
    /** The desk considers it solved; the customer can still reopen it by replying. */
    SOLVED,
    /** Final: solved and closed. A customer writing to it gets a linked follow-up ticket. */
    CLOSED,
    /** Final: merged into another ticket, which carries on. */
    MERGED;

    /**
     * Tells whether nothing can happen to the ticket any more.
     *
     * @return true for {@link #CLOSED} and {@link #MERGED}
     */
    public boolean isFinal() {
        return this == CLOSED || this == MERGED;
    }

    /**
     * Tells whether the ticket waits on someone outside the desk.
     *
     * @return true for {@link #PENDING} and {@link #ON_HOLD}
     */
    public boolean isWaiting() {
        return this == PENDING || this == ON_HOLD;
    }
}
