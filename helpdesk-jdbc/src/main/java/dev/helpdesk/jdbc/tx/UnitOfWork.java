package dev.helpdesk.jdbc.tx;

/**
 * One unit of a host's work: one connection bound to the calling thread, one transaction.
 * Handed to the host's code by {@link JdbcTransactions#execute}; the store's work on the same
 * thread runs on the same connection.
 *
 * <p>Not thread-safe: it belongs to the thread that runs the unit.
 */
public interface UnitOfWork {

    /**
     * The unit's connection, with auto-commit off. The host runs its own statements on it; it
     * never commits, rolls back or closes it ({@link JdbcTransactions} does).
     *
     * @return the connection
     */
    java.sql.Connection connection();

    /**
     * Makes the unit roll back when it ends, even when its work returns normally.
     */
    void setRollbackOnly();

    /**
     * Tells whether the unit will roll back.
     *
     * @return true after {@link #setRollbackOnly()} or a failure of the store inside the unit
     */
    boolean isRollbackOnly();

    /**
     * Runs an action once the unit has committed; never when it rolls back. Actions run in the
     * order they were added, on the thread that ran the unit, after the connection went back to
     * the data source. An action that throws is logged and does not stop the others.
     *
     * @param action what to run
     */
    void afterCommit(Runnable action);
}
