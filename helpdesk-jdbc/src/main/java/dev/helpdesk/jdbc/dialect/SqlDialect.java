package dev.helpdesk.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the store needs to know about one database: its capabilities and the few pieces of SQL
 * and of type mapping that differ between databases. Everything else the store writes is plain
 * SQL that H2, PostgreSQL, MariaDB and MySQL share.
 *
 * <p>The built-in dialects are chosen from {@link java.sql.DatabaseMetaData} by
 * {@link Dialects#detect}. To support another database, a host implements this interface
 * (usually by extending the closest built-in one), ships the schema scripts for it under
 * {@code db/helpdesk/<name>/V1__init.sql}, {@code V2__...} on the class path (one script for
 * every version the built-in dialects have) and passes the dialect to the store's builder
 * explicitly.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface SqlDialect {

    /**
     * A short, stable name, such as {@code postgresql}; also the folder of the dialect's schema
     * scripts under {@code db/helpdesk/}.
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether the database can skip rows locked by other transactions
     * ({@code SELECT ... FOR UPDATE SKIP LOCKED}). When it can, due tickets are claimed with it;
     * otherwise with an optimistic, version-checked update per ticket, which is correct but
     * slower when many instances compete.
     *
     * @return true when {@link #forUpdateSkipLocked()} may be used
     */
    boolean supportsSkipLocked();

    /**
     * The clause that limits a query's rows, appended after {@code ORDER BY}.
     *
     * @param limit the largest number of rows
     * @return such as {@code " LIMIT 100"}
     */
    default String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    /**
     * The clause that locks the selected rows for this transaction and skips those locked by
     * others, appended after the limit clause.
     *
     * @return such as {@code " FOR UPDATE SKIP LOCKED"}
     * @throws UnsupportedOperationException when {@link #supportsSkipLocked()} is false
     */
    default String forUpdateSkipLocked() {
        if (!supportsSkipLocked()) {
            throw new UnsupportedOperationException(name() + " cannot skip locked rows");
        }
        return " FOR UPDATE SKIP LOCKED";
    }

    /**
     * The clause that locks the selected rows for this transaction, waiting for other holders.
     *
     * @return such as {@code " FOR UPDATE"}
     */
    default String forUpdate() {
        return " FOR UPDATE";
    }

    /**
     * An update that adds one to a counter column and returns the new value in the same
     * statement ({@code UPDATE ... RETURNING}), where the database has one: the ticket number
     * then costs one round trip in auto-commit instead of an update, a select and a commit.
     *
     * @param table   the qualified table
     * @param counter the counter column
     * @param key     the key column, bound as the only parameter
     * @return the statement, whose result has the new value in the counter column; empty when
     *         the database cannot return from an update
     */
    default java.util.Optional<String> incrementReturning(String table, String counter, String key) {
        return java.util.Optional.empty();
    }

    /**
     * As {@link #incrementReturning}, for a statement run in auto-commit whose own commit need
     * not wait for the flush of its log record, where the database can say so inside the
     * statement (PostgreSQL: {@code synchronous_commit} set for the statement's transaction
     * only). Safe for the ticket number's counter: its log record comes before that of any
     * ticket holding the number, and that ticket's own commit flushes the log up to itself.
     *
     * @param table   the qualified table
     * @param counter the counter column
     * @param key     the key column, bound as the only parameter
     * @return the statement, whose result has the new value in the counter column; empty when
     *         the database has no such statement
     */
    default java.util.Optional<String> incrementReturningUnflushed(String table, String counter, String key) {
        return java.util.Optional.empty();
    }

    /**
     * Whether a statement may insert into two tables at once through a data-modifying
     * {@code WITH} ({@code WITH a AS (INSERT ... RETURNING ...) INSERT ... SELECT ... FROM a}).
     * When it can, a commit writes each event row and its outbox row in one statement, and the
     * batch of them in one round trip.
     *
     * @return true on PostgreSQL
     */
    default boolean supportsInsertingWith() {
        return false;
    }

    /**
     * The clause that makes a query read the latest committed rows, whatever snapshot the
     * transaction holds, appended to the capacity count of a seat claim. Databases whose
     * statements each see the latest commits (PostgreSQL and H2 in read committed, their
     * defaults) need none; InnoDB's repeatable read keeps the transaction's first snapshot, so
     * MariaDB and MySQL read with a shared lock.
     *
     * @return such as {@code " LOCK IN SHARE MODE"}, or empty
     */
    default String latestCommitted() {
        return "";
    }

    /**
     * An insert of one row that does nothing when a row with the same key exists: the
     * database's "insert ignore" or upsert without update. Only a duplicate key may be
     * ignored, never another error.
     *
     * @param table      the (possibly schema-qualified) table
     * @param columns    the columns, bound as parameters in this order
     * @param keyColumns the columns of the unique key that may collide
     * @return the statement
     */
    String insertIgnore(String table, List<String> columns, List<String> keyColumns);

    /**
     * Binds a UUID the way this database's schema stores it.
     *
     * @param statement the statement
     * @param index     the parameter index
     * @param value     the value, may be null
     * @throws SQLException when the driver refuses
     */
    void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException;

    /**
     * Reads a UUID column.
     *
     * @param row    the row
     * @param column the column label
     * @return the value, or null when the column is null
     * @throws SQLException when the driver refuses
     */
    UUID getUuid(ResultSet row, String column) throws SQLException;

    /**
     * Binds an instant to a timestamp column, independently of the JVM's and the session's time
     * zone. The database keeps microseconds or better; the store keeps the rest of the
     * nanoseconds in a column of its own.
     *
     * @param statement the statement
     * @param index     the parameter index
     * @param value     the value, may be null
     * @throws SQLException when the driver refuses
     */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    /**
     * Reads a timestamp column written by {@link #setInstant}.
     *
     * @param row    the row
     * @param column the column label
     * @return the value, or null when the column is null
     * @throws SQLException when the driver refuses
     */
    Instant getInstant(ResultSet row, String column) throws SQLException;

    /**
     * Tells whether a failure is a violated unique or primary key.
     *
     * @param failure the failure
     * @return true for a duplicate key
     */
    default boolean isDuplicateKey(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a failure is a lock wait that timed out or a deadlock, which a caller may
     * retry.
     *
     * @param failure the failure
     * @return true when retrying may succeed
     */
    default boolean isTransient(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03"));
    }

    /**
     * Makes a connection use a schema (or, for MariaDB and MySQL, a database) for the
     * unqualified table names of the schema scripts.
     *
     * @param connection the connection
     * @param schema     the schema's name
     * @throws SQLException when the schema does not exist or the driver refuses
     */
    default void useSchema(java.sql.Connection connection, String schema) throws SQLException {
        connection.setSchema(schema);
    }

    /**
     * The connection's current schema setting, in the form {@link #useSchema} takes back: the
     * migrator restores it before a pooled connection goes back to the pool.
     *
     * @param connection the connection
     * @return the setting
     * @throws SQLException when the driver refuses
     */
    default String currentSchema(java.sql.Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /**
     * The class-path folder of this dialect's schema scripts.
     *
     * @return such as {@code db/helpdesk/postgresql}
     */
    default String migrationFolder() {
        return "db/helpdesk/" + name();
    }
}
