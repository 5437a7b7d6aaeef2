package dev.helpdesk.jdbc.internal;

/**
 * The states of an outbox row ({@code hd_outbox.state}): the one spelling of these values in
 * the adapter.
 */
public enum OutboxState {
    /** Waiting to be delivered, or for its next attempt after a failure. */
    PENDING,
    /** Waiting behind a dead letter of the same ticket. */
    HELD,
    /** Failed too often: waits for an operator's release. */
    DEAD;

    /**
     * The value as an SQL string literal, for conditions that an index or a plan should see as
     * a constant.
     *
     * @return the quoted name, such as {@code 'PENDING'}
     */
    public String literal() {
        return "'" + name() + "'";
    }
}
