package dev.helpdesk.jdbc.transaction;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of the store's work on one connection, inside a transaction that a
 * {@link TransactionRunner} provides.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface TransactionalWork<T> {
    /**
     * Does the work. It never commits or closes the connection: the runner does. (The store may
     * roll back its own writes when the runner owns the transaction, see
     * {@link TransactionRunner#joinsHostTransactions()}.)
     *
     * @param connection a connection with auto-commit off, inside the transaction
     * @return the result
     * @throws SQLException when the database fails
     */
    T run(Connection connection) throws SQLException;
}
