package dev.helpdesk.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * MariaDB 10.3 and later (10.6 and later skip locked rows). UUIDs are {@code CHAR(36)};
 * instants are {@code DATETIME(6)} in UTC, so neither the server's nor the session's time zone
 * changes them; text is {@code utf8mb4} with a binary collation, so ids that differ only in case
 * stay different.
 */
public class MariaDbDialect implements SqlDialect {
    private final boolean skipLocked;

    /**
     * Makes the dialect.
     *
     * @param skipLocked whether the server supports {@code SKIP LOCKED} (10.6 and later)
     */
    public MariaDbDialect(boolean skipLocked) {
        this.skipLocked = skipLocked;
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public boolean supportsSkipLocked() {
        return skipLocked;
    }

    @Override
    public String insertIgnore(String table, List<String> columns, List<String> keyColumns) {
        // INSERT IGNORE would also swallow truncation and other errors; a no-op update ignores only the duplicate
        String key = keyColumns.get(0);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ") ON DUPLICATE KEY UPDATE "
                + key + " = " + key;
    }

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.CHAR);
        } else {
            statement.setString(index, value.toString());
        }
    }

    @Override
    public UUID getUuid(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public void useSchema(java.sql.Connection connection, String schema) throws SQLException {
        connection.setCatalog(schema);
    }

    @Override
    public String currentSchema(java.sql.Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public boolean isTransient(SQLException failure) {
        // 1205 lock wait timeout, 1213 deadlock
        return SqlDialect.super.isTransient(failure) || failure.getErrorCode() == 1205 || failure.getErrorCode() == 1213;
    }

    @Override
    public String latestCommitted() {
        return " LOCK IN SHARE MODE";
    }
}
