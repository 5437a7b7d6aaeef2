package dev.helpdesk.jdbc.support;

import dev.helpdesk.jdbc.transaction.LocalTransactions;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A host's transactions as a framework keeps them: one per thread between {@link #begin} and
 * {@link #commit} or {@link #rollback}, joined by the store, with after-commit actions run on
 * commit and dropped on rollback. Outside a host transaction the store's work runs in a
 * transaction of its own and actions run at once.
 */
public final class HostTransactions implements TransactionRunner {
    private final DataSource dataSource;
    private final LocalTransactions own;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    /**
     * Makes the runner.
     *
     * @param dataSource where the host's connections come from
     */
    public HostTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
        this.own = new LocalTransactions(dataSource);
    }

    /**
     * Begins a host transaction on this thread.
     *
     * @throws SQLException when no connection is to be had
     */
    public void begin() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        current.set(c);
        afterCommit.set(new ArrayList<>());
    }

    /**
     * Commits this thread's host transaction, then runs its after-commit actions.
     *
     * @throws SQLException when the commit fails
     */
    public void commit() throws SQLException {
        List<Runnable> actions = afterCommit.get();
        end(true);
        actions.forEach(Runnable::run);
    }

    /**
     * Rolls this thread's host transaction back and drops its after-commit actions.
     *
     * @throws SQLException when the rollback fails
     */
    public void rollback() throws SQLException {
        end(false);
    }

    private void end(boolean commit) throws SQLException {
        try (Connection c = current.get()) {
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            c.setAutoCommit(true);
        } finally {
            current.remove();
            afterCommit.remove();
        }
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        Connection c = current.get();
        if (c == null) {
            return own.inTransaction(work);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("host transaction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }
}
