package dev.helpdesk.spi.outbox;

/**
 * The outcome of one {@link EventOutbox#deliver} call.
 *
 * @param delivered    events that reached every listener and left the outbox
 * @param failed       events that some listener failed on; they are retried later
 * @param deadLettered events that failed for the last allowed time and now wait for an operator
 */
public record DeliveryReport(int delivered, int failed, int deadLettered) {
    /** A call that handled nothing. */
    public static final DeliveryReport NOTHING = new DeliveryReport(0, 0, 0);

    /**
     * Checks the counts.
     *
     * @param delivered events that reached every listener and left the outbox
     * @param failed events that some listener failed on; they are retried later
     * @param deadLettered events that failed for the last allowed time and now wait for an operator
     * @throws IllegalArgumentException when a count is negative
     */
    public DeliveryReport {
        if (delivered < 0 || failed < 0 || deadLettered < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /**
     * How many events the call handled.
     *
     * @return the sum of the counts
     */
    public int handled() {
        return delivered + failed + deadLettered;
    }

    /**
     * Adds two reports.
     *
     * @param other another report
     * @return the sums
     */
    public DeliveryReport plus(DeliveryReport other) {
        return new DeliveryReport(delivered + other.delivered, failed + other.failed, deadLettered + other.deadLettered);
    }
}
