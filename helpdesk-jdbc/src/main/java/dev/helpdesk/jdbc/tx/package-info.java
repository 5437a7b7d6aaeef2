/**
 * Transactions for hosts without a framework: {@link dev.helpdesk.jdbc.tx.JdbcTransactions}
 * binds one connection to the calling thread for a {@link dev.helpdesk.jdbc.tx.UnitOfWork}, and
 * the JDBC store joins it; after-commit actions run only once the unit has committed.
 */
package dev.helpdesk.jdbc.tx;
