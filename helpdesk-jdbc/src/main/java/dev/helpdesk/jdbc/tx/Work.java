package dev.helpdesk.jdbc.tx;

import java.sql.SQLException;

/**
 * A host's work inside a {@link UnitOfWork}.
 *
 * @param <T> its result
 */
@FunctionalInterface
public interface Work<T> {
    /**
     * Does the work: the host's own statements on {@link UnitOfWork#connection()} and the
     * desk's commands, which the store runs on the same connection.
     *
     * @param unit the unit of work
     * @return the result
     * @throws SQLException when a statement of the host fails; the unit rolls back
     */
    T run(UnitOfWork unit) throws SQLException;
}
