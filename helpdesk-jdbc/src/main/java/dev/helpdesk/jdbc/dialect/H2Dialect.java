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
 * H2 2.x: the embedded default, in memory or in a file. Skips locked rows from 2.2.220 on.
 */
public class H2Dialect implements SqlDialect {
    private final boolean skipLocked;

    /**
     * Makes the dialect.
     *
     * @param skipLocked whether the H2 version supports {@code FOR UPDATE SKIP LOCKED}
     *                   (2.2.220 and later)
     */
    public H2Dialect(boolean skipLocked) {
        this.skipLocked = skipLocked;
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean supportsSkipLocked() {
        return skipLocked;
    }

    @Override
    public String insertIgnore(String table, List<String> columns, List<String> keyColumns) {
        // standard MERGE without a MATCHED branch: inserts when absent, leaves an existing row alone
        String on = String.join(" AND ", keyColumns.stream().map(k -> "t." + k + " = s." + k).toList());
        return "MERGE INTO " + table + " t USING (VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList())
                + ")) s(" + String.join(", ", columns) + ") ON " + on
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "s." + c).toList()) + ")";
    }

    @Override
    public void useSchema(java.sql.Connection connection, String schema) throws SQLException {
        // unquoted, so that H2 folds the name to upper case as it did in CREATE SCHEMA;
        // the builder admits plain identifiers only
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET SCHEMA " + schema);
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
}
