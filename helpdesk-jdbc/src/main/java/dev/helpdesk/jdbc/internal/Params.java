package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The parameters of one statement, bound in order: each call binds the next {@code ?}. Made by
 * {@link Statements}; instants are bound as the dialect's timestamp in whole microseconds, with
 * {@link #instantAndNanos} for the columns that keep the rest beside them.
 */
public final class Params {
    private final PreparedStatement statement;
    private final SqlDialect dialect;
    private int index = 1;

    Params(PreparedStatement statement, SqlDialect dialect) {
        this.statement = statement;
        this.dialect = dialect;
    }

    Params restart() {
        index = 1;
        return this;
    }

    /**
     * The statement, for a mapper that binds many columns itself; it must continue at
     * {@link #position()} and then {@link #skip} what it bound.
     *
     * @return the statement
     */
    public PreparedStatement statement() {
        return statement;
    }

    /**
     * The index of the next parameter.
     *
     * @return the index, from 1
     */
    public int position() {
        return index;
    }

    /**
     * Moves past parameters bound through {@link #statement()}.
     *
     * @param count how many were bound
     * @return these parameters
     */
    public Params skip(int count) {
        index += count;
        return this;
    }

    /**
     * Binds a text.
     *
     * @param value the text, or null
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params text(String value) throws SQLException {
        if (value == null) {
            statement.setNull(index++, Types.VARCHAR);
        } else {
            statement.setString(index++, value);
        }
        return this;
    }

    /**
     * Binds a text that may be absent.
     *
     * @param value the text
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params text(Optional<String> value) throws SQLException {
        return text(value.orElse(null));
    }

    /**
     * Binds a whole number.
     *
     * @param value the number
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params number(long value) throws SQLException {
        statement.setLong(index++, value);
        return this;
    }

    /**
     * Binds a small whole number.
     *
     * @param value the number
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params integer(int value) throws SQLException {
        statement.setInt(index++, value);
        return this;
    }

    /**
     * Binds a yes or no.
     *
     * @param value the value
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params flag(boolean value) throws SQLException {
        statement.setBoolean(index++, value);
        return this;
    }

    /**
     * Binds a UUID in the dialect's type.
     *
     * @param value the UUID, or null
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params uuid(UUID value) throws SQLException {
        dialect.setUuid(statement, index++, value);
        return this;
    }

    /**
     * Binds an instant as a timestamp, truncated to microseconds.
     *
     * @param at the instant, or null
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params instant(Instant at) throws SQLException {
        dialect.setInstant(statement, index++, EventRows.micros(at));
        return this;
    }

    /**
     * Binds an instant as a timestamp and, in the next parameter, its nanoseconds below the
     * microsecond: the pair of columns {@code x_at, x_at_nanos}.
     *
     * @param at the instant, or null for two nulls
     * @return these parameters
     * @throws SQLException when the driver refuses
     */
    public Params instantAndNanos(Instant at) throws SQLException {
        instant(at);
        if (at == null) {
            statement.setNull(index++, Types.INTEGER);
        } else {
            statement.setInt(index++, EventRows.nanos(at));
        }
        return this;
    }
}
