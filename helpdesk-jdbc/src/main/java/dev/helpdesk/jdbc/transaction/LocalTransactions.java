package dev.helpdesk.jdbc.transaction;

import dev.helpdesk.spi.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The default runner: takes a connection from the {@code DataSource}, runs the work in a
 * transaction of its own, commits, and returns the connection. Rolls back when the work throws.
 * Costs one connection checkout per call (cheap with a pool).
 */
public final class LocalTransactions implements TransactionRunner {
    private final DataSource dataSource;

    /**
     * Makes a runner on a data source.
     *
     * @param dataSource where the connections come from
     */
    public LocalTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("database failure: " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Runs the work in auto-commit mode: one round trip less than {@link #inTransaction}.
     */
    @Override
    public <T> T singleStatement(TransactionalWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                if (!autoCommit) {
                    restoreManualCommit(connection);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("database failure: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean joinsHostTransactions() {
        return false;
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreManualCommit(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            // the connection is broken; the pool or the close that follows discards it
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // the connection is broken; the pool or the close that follows discards it
        }
    }
}
