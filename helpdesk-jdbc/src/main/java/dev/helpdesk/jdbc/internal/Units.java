package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The store's transaction runner with units of work: while a unit runs on a thread, every work
 * of the store on that thread (ticket commits, idempotency records, a call's log entry, a chat
 * session) runs on the unit's one connection and transaction, as in a host's transaction (each
 * with its savepoint), and the actions to run after a commit wait for the unit's. A unit whose
 * result is not kept is rolled back to its start, and an exception rolls it back too: its
 * writes commit together or not at all. Outside a unit it is the runner it wraps.
 */
public final class Units implements TransactionRunner {
    private final TransactionRunner delegate;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /**
     * The running unit of a thread: its connection, the actions waiting for its commit, and
     * whether it is all or nothing (a refused commit ends it instead of being undone alone).
     */
    private record Unit(Connection connection, List<Runnable> afterCommit, boolean strict) {
    }

    /** A unit's result that was not kept: its writes are undone. */
    private static final class Undone extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object result;

        Undone(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Wraps a runner.
     *
     * @param delegate the store's runner
     */
    public Units(TransactionRunner delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Runs work as one unit: every write of the store it makes on this thread commits with the
     * others, or none does. A unit inside a unit is part of the outer one.
     *
     * @param work the work
     * @param keep whether its result is kept; when not, every write it made is undone
     * @param <T>  its result
     * @return the work's result, kept or undone
     * @throws StoreException when the database failed (nothing written)
     */
    public <T> T unit(Supplier<T> work, Predicate<? super T> keep) {
        return run(work, keep, false);
    }

    /**
     * Runs work as one all-or-nothing unit, as {@link #unit} does, except that a commit the store
     * refuses inside it (a conflict, a full seat, an external id taken) is not undone on its own
     * behind a savepoint: the store ends the unit with a {@link StoreException} instead, and the
     * whole unit is rolled back. The commits in it need no savepoints, which saves two round
     * trips each: the channels' intake takes a batch of messages this way and, when the unit
     * fails, takes them one by one.
     *
     * @param work the work
     * @param keep whether its result is kept; when not, every write it made is undone
     * @param <T>  its result
     * @return the work's result, kept or undone
     * @throws StoreException when the database failed or a commit in the unit was refused
     *                        (nothing of the unit written)
     */
    public <T> T strictUnit(Supplier<T> work, Predicate<? super T> keep) {
        return run(work, keep, true);
    }

    /**
     * Tells whether the calling thread runs an all-or-nothing unit ({@link #strictUnit}), in
     * which a refused commit ends the unit.
     *
     * @return true inside such a unit
     */
    public boolean inStrictUnit() {
        Unit unit = current.get();
        return unit != null && unit.strict();
    }

    @SuppressWarnings("unchecked")
    private <T> T run(Supplier<T> work, Predicate<? super T> keep, boolean strict) {
        if (current.get() != null) {
            return work.get();
        }
        List<Runnable> after = new ArrayList<>();
        try {
            T result = delegate.inTransaction(c -> {
                // in a host's transaction only the unit's own writes are undone
                Savepoint start = delegate.joinsHostTransactions() ? c.setSavepoint() : null;
                current.set(new Unit(c, after, strict));
                T r;
                try {
                    r = work.get();
                } finally {
                    current.remove();
                }
                if (!keep.test(r)) {
                    if (start == null) {
                        throw new Undone(r);
                    }
                    c.rollback(start);
                    after.clear();
                }
                return r;
            });
            for (Runnable action : after) {
                delegate.afterCommit(action);
            }
            return result;
        } catch (Undone undone) {
            return (T) undone.result;
        }
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        Unit unit = current.get();
        if (unit == null) {
            return delegate.inTransaction(work);
        }
        try {
            return work.run(unit.connection());
        } catch (SQLException e) {
            throw new StoreException("database failure: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T singleStatement(TransactionalWork<T> work) {
        return current.get() == null ? delegate.singleStatement(work) : inTransaction(work);
    }

    @Override
    public boolean joinsHostTransactions() {
        return current.get() != null || delegate.joinsHostTransactions();
    }

    @Override
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) {
            delegate.afterCommit(action);
        } else {
            unit.afterCommit().add(action);
        }
    }
}
