package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that prepares statements: prepare, bind, execute and map, then close. Every SQL
 * statement of the adapter runs through it, so binding is written as a sequence of named
 * {@link Params} calls and rows are read by column name through {@link RowMapper}s.
 *
 * <pre>{@code
 * Optional<Long> version = sql.first(c,
 *         "SELECT version FROM hd_ticket WHERE tenant_id = ? AND id = ?",
 *         p -> p.text(tenant.value()).uuid(id.value()),
 *         r -> r.getLong("version"));
 * }</pre>
 */
public final class Statements {
    private final SqlDialect dialect;

    /**
     * Makes a runner.
     *
     * @param dialect the dialect, for UUID and timestamp binding
     */
    public Statements(SqlDialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** Binds the parameters of one statement. */
    @FunctionalInterface
    public interface Binder {
        /** Binds nothing. */
        Binder NONE = p -> { };

        /**
         * Binds the parameters, in order.
         *
         * @param p the parameters
         * @throws SQLException when the driver refuses
         */
        void bind(Params p) throws SQLException;
    }

    /**
     * Binds the parameters of one item of a batch.
     *
     * @param <T> the item
     */
    @FunctionalInterface
    public interface ItemBinder<T> {
        /**
         * Binds one item's parameters, in order.
         *
         * @param p    the parameters, starting at the first again
         * @param item the item
         * @throws SQLException when the driver refuses
         */
        void bind(Params p, T item) throws SQLException;
    }

    /**
     * Reads one row by column name.
     *
     * @param <T> what a row becomes
     */
    @FunctionalInterface
    public interface RowMapper<T> {
        /**
         * Maps the current row.
         *
         * @param r the result, positioned on the row
         * @return the value
         * @throws SQLException when the driver refuses
         */
        T map(ResultSet r) throws SQLException;
    }

    /** Takes each row in turn, for results folded into something other than a list. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * Handles the current row.
         *
         * @param r the result, positioned on the row
         * @throws SQLException when the driver refuses
         */
        void handle(ResultSet r) throws SQLException;
    }

    /**
     * Runs an insert, update or delete.
     *
     * @param c      the connection
     * @param sql    the statement
     * @param binder its parameters
     * @return the number of rows it changed
     * @throws SQLException when the database refuses
     */
    public int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(new Params(s, dialect));
            return s.executeUpdate();
        }
    }

    /**
     * Runs one statement for each item, as one batch; a single item runs as a plain update
     * (one round trip less on some drivers) and no items run nothing.
     *
     * @param c      the connection
     * @param sql    the statement
     * @param items  the items
     * @param binder binds one item
     * @param <T>    the item type
     * @return the update count of each item, in order; a driver may answer
     *         {@link java.sql.Statement#SUCCESS_NO_INFO}
     * @throws SQLException when the database refuses
     */
    public <T> int[] batch(Connection c, String sql, Collection<? extends T> items, ItemBinder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Params p = new Params(s, dialect);
            if (items.size() == 1) {
                binder.bind(p, items.iterator().next());
                return new int[] {s.executeUpdate()};
            }
            for (T item : items) {
                binder.bind(p.restart(), item);
                s.addBatch();
            }
            return s.executeBatch();
        }
    }

    /**
     * Runs a query and maps every row.
     *
     * @param c      the connection
     * @param sql    the query
     * @param binder its parameters
     * @param mapper reads one row
     * @param <T>    what a row becomes
     * @return the rows, in the result's order
     * @throws SQLException when the database refuses
     */
    public <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        forEach(c, sql, binder, r -> rows.add(mapper.map(r)));
        return rows;
    }

    /**
     * Runs a query and maps its first row.
     *
     * @param c      the connection
     * @param sql    the query
     * @param binder its parameters
     * @param mapper reads the row
     * @param <T>    what the row becomes
     * @return the first row, or empty when there is none
     * @throws SQLException when the database refuses
     */
    public <T> Optional<T> first(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(new Params(s, dialect));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(mapper.map(r)) : Optional.empty();
            }
        }
    }

    /**
     * Runs a query and hands each row to a handler.
     *
     * @param c       the connection
     * @param sql     the query
     * @param binder  its parameters
     * @param handler takes each row
     * @throws SQLException when the database refuses
     */
    public void forEach(Connection c, String sql, Binder binder, RowHandler handler) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(new Params(s, dialect));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    handler.handle(r);
                }
            }
        }
    }

    /**
     * {@code ?, ?, ?}: the placeholders of an {@code IN} list.
     *
     * @param count how many, at least 1
     * @return the placeholders
     */
    public static String placeholders(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN list has at least one value");
        }
        return "?" + ", ?".repeat(count - 1);
    }
}
