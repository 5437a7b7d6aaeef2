package dev.helpdesk.jdbc.phone;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Params;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.phone.CallId;
import dev.helpdesk.spi.phone.CallLog;
import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The call log in {@code hd_phone_call}, in the store's transactions (so in the host's, when the
 * store joins them). A period is read through the index on the start time, a ticket's calls
 * through the index on the ticket. Thread-safe; holds no connection.
 */
public final class JdbcCallLog implements CallLog {
    private static final String COLUMNS = "id, caller, customer_id, agent_id, started_at, started_nanos, duration_nanos,"
            + " outcome, ticket_id";

    private final TransactionRunner transactions;
    private final SqlDialect dialect;
    private final Statements sql;
    private final String table;

    /**
     * Makes the log.
     *
     * @param transactions the store's transaction runner
     * @param dialect      the database's dialect
     * @param schema       the schema, or empty for the connection's default
     */
    public JdbcCallLog(TransactionRunner transactions, SqlDialect dialect, Optional<String> schema) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sql = new Statements(dialect);
        this.table = schema.map(s -> s + ".").orElse("") + "hd_phone_call";
    }

    @Override
    public Either<Rejection, PhoneCall> log(TenantId tenant, PhoneCall call) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(call, "call");
        return transactions.inTransaction(c -> {
            Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            try {
                sql.update(c, "INSERT INTO " + table + " (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        p -> {
                            p.text(tenant.value()).uuid(call.id().value()).text(call.caller().value())
                                    .text(call.customer().value()).text(call.agent().map(AgentId::value))
                                    .instantAndNanos(call.startedAt()).number(call.duration().toNanos())
                                    .text(call.outcome().name()).uuid(call.ticket().value());
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
                return Either.<Rejection, PhoneCall>left(Rejection.Invalid.of("call id", "is logged already"));
            }
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            return Either.<Rejection, PhoneCall>right(call);
        });
    }

    @Override
    public Option<PhoneCall> find(TenantId tenant, CallId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return Option.ofOptional(transactions.singleStatement(c -> sql.first(c, "SELECT " + COLUMNS + " FROM " + table
                + " WHERE tenant_id = ? AND id = ?", p -> p.text(tenant.value()).uuid(id.value()), this::read)));
    }

    @Override
    public List<PhoneCall> between(TenantId tenant, Instant from, Instant to, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000");
        }
        // the start is kept as microseconds plus the nanoseconds below them: compare both
        return transactions.singleStatement(c -> sql.query(c, "SELECT " + COLUMNS + " FROM " + table
                + " WHERE tenant_id = ?"
                + " AND (started_at > ? OR (started_at = ? AND started_nanos >= ?))"
                + " AND (started_at < ? OR (started_at = ? AND started_nanos < ?))"
                + " ORDER BY started_at, started_nanos, id " + dialect.limitClause(limit),
                p -> bound(bound(p.text(tenant.value()), from), to), this::read));
    }

    @Override
    public List<PhoneCall> ofTicket(TenantId tenant, TicketId ticket) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ticket, "ticket");
        return transactions.singleStatement(c -> sql.query(c, "SELECT " + COLUMNS + " FROM " + table
                + " WHERE tenant_id = ? AND ticket_id = ? ORDER BY started_at, started_nanos, id",
                p -> p.text(tenant.value()).uuid(ticket.value()), this::read));
    }

    private static Params bound(Params p, Instant at) throws SQLException {
        return p.instant(at).instant(at).integer(EventRows.nanos(at));
    }

    private PhoneCall read(ResultSet r) throws SQLException {
        String agent = r.getString("agent_id");
        return PhoneCall.builder()
                .id(CallId.of(dialect.getUuid(r, "id")))
                .caller(ContactAddress.phone(r.getString("caller")))
                .customer(CustomerId.of(r.getString("customer_id")))
                .agent(agent == null ? Optional.empty() : Optional.of(AgentId.of(agent)))
                .startedAt(dialect.getInstant(r, "started_at").plusNanos(r.getInt("started_nanos")))
                .duration(Duration.ofNanos(r.getLong("duration_nanos")))
                .outcome(CallOutcome.valueOf(r.getString("outcome")))
                .ticket(TicketId.of(dialect.getUuid(r, "ticket_id")))
                .build();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one transaction of the store (the host's, when the store joins it) for the work's
     * ticket commits and this port's writes.
     */
    @Override
    public <T> T unit(java.util.function.Supplier<T> work, java.util.function.Predicate<? super T> keep) {
        return transactions instanceof dev.helpdesk.jdbc.internal.Units units ? units.unit(work, keep) : work.get();
    }
}
