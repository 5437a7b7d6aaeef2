package dev.helpdesk.jdbc.idempotency;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.idempotency.IdempotencyRecord;
import dev.helpdesk.spi.idempotency.Outcome;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes idempotency records on a connection inside the caller's transaction. A
 * record is one row of {@code hd_idempotency} (typed columns: the answered ticket, or the
 * rejection's kind and parts) plus, for an invalid-input rejection, one row of
 * {@code hd_idempotency_error} per field error. Thread-safe; holds no connection.
 */
public final class IdempotencyRows {
    private final Statements sql;
    private final SqlDialect dialect;
    private final String record;
    private final String error;

    /**
     * Makes the rows of a schema.
     *
     * @param dialect the database's dialect
     * @param schema  the schema, or empty for the connection's default
     */
    public IdempotencyRows(SqlDialect dialect, Optional<String> schema) {
        this.sql = new Statements(dialect);
        this.dialect = dialect;
        String prefix = schema.map(s -> s + ".").orElse("");
        this.record = prefix + "hd_idempotency";
        this.error = prefix + "hd_idempotency_error";
    }

    /**
     * Inserts a record unless its key has one. A duplicate key is undone (to the savepoint, or
     * the whole transaction when there is none) so that the connection stays usable.
     *
     * @param c         the connection
     * @param tenant    the tenant
     * @param value     the record
     * @param savepoint where to go back to when the key is taken, or null to roll back the
     *                  transaction
     * @return true when inserted, false when the key was taken (and this transaction's work
     *         since the savepoint is undone)
     * @throws SQLException when the database fails otherwise
     */
    public boolean insert(Connection c, TenantId tenant, IdempotencyRecord value, Savepoint savepoint) throws SQLException {
        try {
            sql.update(c, "INSERT INTO " + record + " (tenant_id, idem_key, fingerprint, outcome, ticket_id,"
                    + " ticket_version, rejection_subject, rejection_ref, rejection_reason, recorded_at, recorded_nanos)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p -> {
                Parts parts = Parts.of(value.outcome());
                p.text(tenant.value()).text(value.key().value()).text(value.fingerprint()).text(parts.kind)
                        .uuid(parts.ticket);
                if (parts.version == null) {
                    p.statement().setNull(p.position(), java.sql.Types.BIGINT);
                    p.skip(1);
                } else {
                    p.number(parts.version);
                }
                p.text(parts.subject).text(parts.ref).text(parts.reason).instantAndNanos(value.recordedAt());
            });
        } catch (SQLException e) {
            if (!dialect.isDuplicateKey(e)) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            } else {
                c.rollback();
            }
            return false;
        }
        if (value.outcome() instanceof Outcome.Refused refused && refused.rejection() instanceof Rejection.Invalid invalid) {
            sql.batch(c, "INSERT INTO " + error + " (tenant_id, idem_key, error_index, field, problem) VALUES (?, ?, ?, ?, ?)",
                    indexed(invalid.errors()), (p, e) -> p.text(tenant.value()).text(value.key().value())
                            .integer(e.index()).text(e.error().field()).text(e.error().problem()));
        }
        return true;
    }

    /**
     * Reads the record of a key.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param key    the key
     * @return the record, or empty
     * @throws SQLException when the database fails
     */
    public Optional<IdempotencyRecord> find(Connection c, TenantId tenant, IdempotencyKey key) throws SQLException {
        Optional<IdempotencyRecord> found = sql.first(c, "SELECT fingerprint, outcome, ticket_id, ticket_version,"
                + " rejection_subject, rejection_ref, rejection_reason, recorded_at, recorded_nanos FROM " + record
                + " WHERE tenant_id = ? AND idem_key = ?", p -> p.text(tenant.value()).text(key.value()), r -> read(r, key));
        if (found.isEmpty() || !(found.get().outcome() instanceof Outcome.Refused refused
                && refused.rejection() instanceof Rejection.Invalid)) {
            return found;
        }
        List<FieldError> errors = sql.query(c, "SELECT field, problem FROM " + error
                + " WHERE tenant_id = ? AND idem_key = ? ORDER BY error_index", p -> p.text(tenant.value()).text(key.value()),
                r -> new FieldError(r.getString("field"), r.getString("problem")));
        if (errors.isEmpty()) {
            throw new StoreException("idempotency key " + key + " of tenant " + tenant
                    + " records an invalid-input rejection without its field errors", null);
        }
        return Optional.of(IdempotencyRecord.builder().from(found.get())
                .outcome(new Outcome.Refused(new Rejection.Invalid(errors))).build());
    }

    private IdempotencyRecord read(ResultSet r, IdempotencyKey key) throws SQLException {
        String kind = r.getString("outcome");
        Outcome outcome;
        switch (kind) {
            case "ANSWERED" -> outcome = new Outcome.Answered(TicketId.of(dialect.getUuid(r, "ticket_id")),
                    r.getLong("ticket_version"));
            case "NOT_FOUND" -> outcome = new Outcome.Refused(new Rejection.NotFound(r.getString("rejection_subject"),
                    r.getString("rejection_ref")));
            case "NOT_ALLOWED" -> outcome = new Outcome.Refused(new Rejection.NotAllowed(r.getString("rejection_reason")));
            case "INVALID_TRANSITION" -> outcome = new Outcome.Refused(new Rejection.InvalidTransition(
                    r.getString("rejection_subject"), r.getString("rejection_ref"), r.getString("rejection_reason")));
            // the field errors are read next, from their own table; a placeholder holds their place until then
            case "INVALID" -> outcome = new Outcome.Refused(Rejection.Invalid.of("-", "-"));
            default -> throw new StoreException("unknown idempotency outcome " + kind + " for key " + key, null);
        }
        Instant at = dialect.getInstant(r, "recorded_at").plusNanos(r.getInt("recorded_nanos"));
        return IdempotencyRecord.builder().key(key).fingerprint(r.getString("fingerprint")).outcome(outcome)
                .recordedAt(at).build();
    }

    private static String kindOf(Rejection rejection) {
        if (rejection instanceof Rejection.NotFound) {
            return "NOT_FOUND";
        }
        if (rejection instanceof Rejection.NotAllowed) {
            return "NOT_ALLOWED";
        }
        if (rejection instanceof Rejection.InvalidTransition) {
            return "INVALID_TRANSITION";
        }
        if (rejection instanceof Rejection.Invalid) {
            return "INVALID";
        }
        throw new IllegalArgumentException("a " + rejection.getClass().getSimpleName() + " is not recorded");
    }

    private record Indexed(int index, FieldError error) {
    }

    private static List<Indexed> indexed(List<FieldError> errors) {
        return java.util.stream.IntStream.range(0, errors.size()).mapToObj(i -> new Indexed(i, errors.get(i))).toList();
    }

    /** A record's outcome in the row's columns. */
    private record Parts(String kind, java.util.UUID ticket, Long version, String subject, String ref, String reason) {
        static Parts of(Outcome outcome) {
            if (outcome instanceof Outcome.Answered a) {
                return new Parts("ANSWERED", a.ticket().value(), a.version(), null, null, null);
            }
            Rejection r = ((Outcome.Refused) outcome).rejection();
            if (r instanceof Rejection.NotFound n) {
                return new Parts(kindOf(r), null, null, n.what(), n.id(), null);
            }
            if (r instanceof Rejection.NotAllowed n) {
                return new Parts(kindOf(r), null, null, null, null, n.reason());
            }
            if (r instanceof Rejection.InvalidTransition t) {
                return new Parts(kindOf(r), null, null, t.command(), t.status(), t.reason());
            }
            return new Parts(kindOf(r), null, null, null, null, null);
        }
    }

    /**
     * Deletes the oldest records written before a time, with their field errors.
     *
     * @param c              the connection, in a transaction
     * @param recordedBefore the cut: records written earlier go
     * @param limit          the most records to delete
     * @return how many records were deleted
     * @throws SQLException when the database fails
     */
    public int prune(Connection c, java.time.Instant recordedBefore, int limit) throws SQLException {
        String older = "(recorded_at < ? OR (recorded_at = ? AND recorded_nanos < ?))";
        List<String[]> keys = sql.query(c, "SELECT tenant_id, idem_key FROM " + record + " WHERE " + older
                + " ORDER BY recorded_at, recorded_nanos LIMIT " + limit,
                p -> p.instant(recordedBefore).instantAndNanos(recordedBefore),
                r -> new String[] {r.getString(1), r.getString(2)});
        if (keys.isEmpty()) {
            return 0;
        }
        sql.batch(c, "DELETE FROM " + error + " WHERE tenant_id = ? AND idem_key = ?", keys,
                (p, k) -> p.text(k[0]).text(k[1]));
        int deleted = 0;
        for (int n : sql.batch(c, "DELETE FROM " + record + " WHERE tenant_id = ? AND idem_key = ? AND " + older, keys,
                (p, k) -> p.text(k[0]).text(k[1]).instant(recordedBefore).instantAndNanos(recordedBefore))) {
            // a driver that cannot count a batch's rows answers SUCCESS_NO_INFO (-2): the row was there
            deleted += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : n;
        }
        return deleted;
    }
}
