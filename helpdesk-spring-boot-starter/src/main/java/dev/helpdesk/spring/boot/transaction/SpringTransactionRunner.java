package dev.helpdesk.spring.boot.transaction;

import dev.helpdesk.jdbc.transaction.LocalTransactions;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the JDBC store's work in the Spring-managed transaction of the calling thread, when
 * there is one on the store's {@link DataSource}, and in a short transaction of the store's own
 * otherwise.
 *
 * <p>Inside {@code @Transactional} (or a {@code TransactionTemplate}) whose transaction manager
 * binds a connection of the data source (Spring's {@code DataSourceTransactionManager},
 * {@code JdbcTransactionManager} or {@code JpaTransactionManager}), the store writes on that
 * very connection: a ticket opened while the host saves a customer commits or rolls back with
 * the customer's row. A rejected command is undone with a savepoint, so the host's own writes
 * survive a rejection; a store failure marks the host's transaction rollback-only.
 *
 * <p>{@link #afterCommit} keeps an action until the host's transaction commits and drops it on
 * rollback, so the desk announces nothing for a ticket that was never committed.
 */
public final class SpringTransactionRunner implements TransactionRunner {
    private final DataSource dataSource;
    private final LocalTransactions own;

    /**
     * Makes a runner on the data source the store uses.
     *
     * @param dataSource the application's data source, the one its transaction manager binds
     */
    public SpringTransactionRunner(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.own = new LocalTransactions(dataSource);
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        ConnectionHolder holder = boundHolder();
        if (holder == null) {
            return own.inTransaction(work);
        }
        return inHost(holder, work);
    }

    @Override
    public <T> T singleStatement(TransactionalWork<T> work) {
        ConnectionHolder holder = boundHolder();
        if (holder == null) {
            return own.singleStatement(work);
        }
        return inHost(holder, work);
    }

    @Override
    public boolean joinsHostTransactions() {
        return true;
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * Tells whether the calling thread is inside a Spring transaction that holds a connection of
     * this runner's data source.
     *
     * @return true when the store's work would join the host's transaction
     */
    public boolean inHostTransaction() {
        return boundHolder() != null;
    }

    private ConnectionHolder boundHolder() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Object resource = TransactionSynchronizationManager.getResource(dataSource);
        if (resource instanceof ConnectionHolder holder && holder.isSynchronizedWithTransaction()) {
            return holder;
        }
        return null;
    }

    private <T> T inHost(ConnectionHolder holder, TransactionalWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            holder.setRollbackOnly();
            throw new StoreException("database failure in the host's transaction: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            holder.setRollbackOnly();
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
