package dev.helpdesk.jdbc.tx;

import dev.helpdesk.jdbc.transaction.LocalTransactions;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions for hosts without a framework: a unit of work binds one connection to the
 * calling thread, and the JDBC store given this runner does its work on that connection, so
 * the host's own writes and the desk's commands commit or roll back together. Actions the
 * desk hands to {@link #afterCommit} (notices, direct listener calls) run after the commit and
 * never for a rollback.
 *
 * <pre>{@code
 * JdbcTransactions tx = new JdbcTransactions(dataSource);
 * JdbcTicketStore store = JdbcStores.builder(dataSource).transactions(tx).build();
 * Helpdesk desk = Helpdesk.builder().store(store).build();
 *
 * Ticket ticket = tx.execute(unit -> {
 *     try (PreparedStatement s = unit.connection().prepareStatement("INSERT INTO customer ...")) {
 *         s.executeUpdate();
 *     }
 *     return desk.tenant(acme).tickets().open(command, actor).getOrElseThrow(Rejected::new);
 * });   // commits both, then runs the after-commit actions; rolls both back when the work throws
 * }</pre>
 *
 * <p>A unit started inside another on the same thread joins it (one transaction, the outer
 * unit commits). Outside a unit the store opens a short transaction of its own per call, as
 * with {@link LocalTransactions}. A rejected command inside a unit is undone with a savepoint,
 * so the host's work in the unit survives it; a store failure makes the unit roll back.
 *
 * <p>Give {@link dev.helpdesk.jdbc.JdbcStores#builder} the same plain data source: ticket
 * numbers come from short transactions of the store's own on it.
 *
 * <p>Thread-safe: each thread has its own unit.
 */
public final class JdbcTransactions implements TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final DataSource dataSource;
    private final LocalTransactions own;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /**
     * Makes the runner on the host's data source.
     *
     * @param dataSource where connections come from; a pool is recommended
     */
    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.own = new LocalTransactions(dataSource);
    }

    /**
     * Runs work in a unit of work: takes a connection, turns auto-commit off, binds it to the
     * thread, runs the work, commits, gives the connection back, then runs the after-commit
     * actions. When the work throws or the unit was set rollback-only, rolls back instead and
     * drops the actions. Inside a unit of the same thread, joins it.
     *
     * @param work the work
     * @param <T>  its result
     * @return the work's result
     * @throws StoreException when a connection cannot be had, the commit fails, or the work
     *                        throws an {@link SQLException}
     */
    public <T> T execute(Work<T> work) {
        Objects.requireNonNull(work, "work");
        Unit outer = current.get();
        if (outer != null) {
            return joined(outer, work);
        }
        Unit unit = open();
        current.set(unit);
        T result;
        try {
            result = work.run(unit);
        } catch (SQLException e) {
            end(unit, false, e);
            throw new StoreException("unit of work failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            end(unit, false, e);
            throw e;
        }
        boolean commit = !unit.rollbackOnly;
        end(unit, commit, null);
        if (commit) {
            unit.runAfterCommit();
        }
        return result;
    }

    /**
     * The unit of work of the calling thread.
     *
     * @return the unit, or empty outside {@link #execute}
     */
    public Optional<UnitOfWork> current() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        Unit unit = current.get();
        return unit == null ? own.inTransaction(work) : onUnit(unit, work);
    }

    @Override
    public <T> T singleStatement(TransactionalWork<T> work) {
        Unit unit = current.get();
        return unit == null ? own.singleStatement(work) : onUnit(unit, work);
    }

    @Override
    public boolean joinsHostTransactions() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inside a unit of work the action waits for the unit's commit; outside one it runs at
     * once (the store's own transaction has committed).
     */
    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit(action);
        }
    }

    private static <T> T onUnit(Unit unit, TransactionalWork<T> work) {
        try {
            return work.run(unit.connection);
        } catch (SQLException e) {
            unit.rollbackOnly = true;
            throw new StoreException("database failure in the unit of work: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            unit.rollbackOnly = true;
            throw e;
        }
    }

    private static <T> T joined(Unit outer, Work<T> work) {
        try {
            return work.run(outer);
        } catch (SQLException e) {
            outer.rollbackOnly = true;
            throw new StoreException("unit of work failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            outer.rollbackOnly = true;
            throw e;
        }
    }

    private Unit open() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot open a unit of work: " + e.getMessage(), e);
        }
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            return new Unit(connection, autoCommit);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new StoreException("cannot open a unit of work: " + e.getMessage(), e);
        }
    }

    private void end(Unit unit, boolean commit, Throwable failure) {
        current.remove();
        Connection c = unit.connection;
        try {
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                try {
                    c.rollback();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                closeQuietly(c, e);
                throw new StoreException("the unit of work did not commit: " + e.getMessage(), e);
            }
        }
        if (unit.restoreAutoCommit) {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is broken; closing it lets the pool discard it
            }
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a unit of work's connection failed", e);
        }
    }

    private static void closeQuietly(Connection c, Throwable cause) {
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The unit of one thread. */
    private static final class Unit implements UnitOfWork {
        final Connection connection;
        final boolean restoreAutoCommit;
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean rollbackOnly;

        Unit(Connection connection, boolean restoreAutoCommit) {
            this.connection = connection;
            this.restoreAutoCommit = restoreAutoCommit;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public void setRollbackOnly() {
            rollbackOnly = true;
        }

        @Override
        public boolean isRollbackOnly() {
            return rollbackOnly;
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(Objects.requireNonNull(action, "action"));
        }

        void runAfterCommit() {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("an after-commit action failed; the unit of work had committed", e);
                }
            }
        }
    }
}
