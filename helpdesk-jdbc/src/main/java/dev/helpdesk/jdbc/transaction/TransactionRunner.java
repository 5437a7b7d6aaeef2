package dev.helpdesk.jdbc.transaction;

/**
 * Runs the store's work inside a transaction. The store uses it for every read and write, so
 * a host that supplies its own runner makes the store join the host's transaction: a ticket
 * opened while the host saves an order commits or rolls back with the order.
 *
 * <p>Without a runner the store uses {@link LocalTransactions}: one connection from the
 * {@code DataSource} and one transaction per call.
 *
 * <p>A runner for Spring, for example, runs the work in a {@code TransactionTemplate} on the
 * connection bound to the current transaction:
 *
 * <pre>{@code
 * TransactionRunner spring = new TransactionRunner() {
 *     public <T> T inTransaction(TransactionalWork<T> work) {
 *         return template.execute(status -> {
 *             Connection c = DataSourceUtils.getConnection(dataSource);
 *             try {
 *                 return work.run(c);
 *             } catch (SQLException e) {
 *                 throw new StoreException("helpdesk store failed", e);
 *             } finally {
 *                 DataSourceUtils.releaseConnection(c, dataSource);
 *             }
 *         });
 *     }
 * };
 * }</pre>
 *
 * When the store joins a transaction it does not own, it undoes a rejected change with a
 * savepoint, so a rejection leaves the host's own work in the transaction untouched.
 *
 * <p>A runner that joins the host's transactions also says what happens after they end
 * ({@link #afterCommit}), so that the desk announces nothing (notices, direct listener calls)
 * for a ticket whose host transaction rolls back. With Spring:
 *
 * <pre>{@code
 * public void afterCommit(Runnable action) {
 *     if (TransactionSynchronizationManager.isSynchronizationActive()) {
 *         TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
 *             public void afterCommit() { action.run(); }
 *         });
 *     } else {
 *         action.run();    // no host transaction: the store's work has committed already
 *     }
 * }
 * }</pre>
 */
public interface TransactionRunner {

    /**
     * Runs the work in a transaction: the current one of the host, or a new one. When the
     * work throws, the transaction must not commit the work's writes.
     *
     * @param work the work
     * @param <T>  its result
     * @return the work's result
     * @throws dev.helpdesk.spi.StoreException when the work or the transaction fails; a
     *                                         runner wraps an {@link java.sql.SQLException}
     *                                         in it
     */
    <T> T inTransaction(TransactionalWork<T> work);

    /**
     * Runs work that is one statement (a write, atomic on its own, or a read, which sees one
     * snapshot), so it needs no transaction of its own; any further reads it makes may each see
     * their own snapshot. The default
     * runs it like any other work, in {@link #inTransaction}; a runner that would open a
     * transaction just for the store may run it in auto-commit mode instead, which saves the
     * separate commit's round trip. The store uses it for rescheduling due tickets and for the
     * reads of one ticket and of a due batch's histories.
     *
     * @param work the work
     * @param <T>  its result
     * @return the work's result
     * @throws dev.helpdesk.spi.StoreException when the work fails
     */
    default <T> T singleStatement(TransactionalWork<T> work) {
        return inTransaction(work);
    }

    /**
     * Tells whether the runner may hand the store a transaction that holds other work of the
     * host. When it does (the default), the store undoes its own rejected writes with a
     * savepoint instead of rolling back the whole transaction.
     *
     * @return true unless the runner always opens a transaction just for the store
     */
    default boolean joinsHostTransactions() {
        return true;
    }

    /**
     * Runs an action once the transaction that the calling thread's last work ran in has
     * committed, and never when it rolls back. The store calls it for
     * {@link dev.helpdesk.spi.ticket.TicketStore#afterCommit}.
     *
     * <p>The default runs the action at once, which is right for a runner whose every call is a
     * transaction of its own that has committed when {@link #inTransaction} returns (such as
     * {@link LocalTransactions}). A runner that joins the host's transactions overrides it: it
     * keeps the action until the host's transaction commits (dropping it on rollback), and runs
     * it at once when the thread is in no host transaction.
     *
     * @param action what to run; it must not throw
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
