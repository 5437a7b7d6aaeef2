package dev.helpdesk.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL 12 and later: {@code uuid} and {@code timestamptz} columns, {@code SKIP LOCKED},
 * {@code ON CONFLICT DO NOTHING}.
 */
public class PostgresDialect implements SqlDialect {

    /** Makes the dialect. */
    public PostgresDialect() {
        // stateless
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public String insertIgnore(String table, List<String> columns, List<String> keyColumns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ") ON CONFLICT ("
                + String.join(", ", keyColumns) + ") DO NOTHING";
    }

    @Override
    public void useSchema(java.sql.Connection connection, String schema) throws SQLException {
        // a search path, so that the value read by currentSchema (which may list several) comes back whole;
        // the builder admits plain identifiers only
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
    }

    @Override
    public String currentSchema(java.sql.Connection connection) throws SQLException {
        try (java.sql.Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SHOW search_path")) {
            r.next();
            return r.getString(1);
        }
    }

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public UUID getUuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public java.util.Optional<String> incrementReturning(String table, String counter, String key) {
        return java.util.Optional.of("UPDATE " + table + " SET " + counter + " = " + counter + " + 1 WHERE " + key
                + " = ? RETURNING " + counter);
    }

    @Override
    public java.util.Optional<String> incrementReturningUnflushed(String table, String counter, String key) {
        // set_config(..., true) is SET LOCAL for the statement's own (auto-commit) transaction, in the same round trip
        return java.util.Optional.of("UPDATE " + table + " SET " + counter + " = " + counter + " + 1"
                + " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed"
                + " WHERE " + key + " = ? RETURNING " + counter);
    }

    @Override
    public boolean supportsInsertingWith() {
        return true;
    }
}
