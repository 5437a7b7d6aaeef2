package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.OutboxState;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * The operator's side of the outbox: lists dead letters and sends them again, with the events
 * held behind them.
 */
final class DeadLetters {
    private final TransactionRunner transactions;
    private final Statements sql;
    private final SqlDialect dialect;
    private final Tables tables;

    DeadLetters(TransactionRunner transactions, Statements sql, SqlDialect dialect, Tables tables) {
        this.transactions = transactions;
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
    }

    List<DeadLetter> list(int limit) {
        return transactions.inTransaction(c -> sql.query(c,
                "SELECT tenant_id, ticket_id, version, attempts, last_error FROM " + tables.outbox()
                        + " WHERE state = " + OutboxState.DEAD.literal() + " ORDER BY id" + dialect.limitClause(limit),
                Statements.Binder.NONE,
                r -> {
                    String error = r.getString("last_error");
                    return new DeadLetter(TenantId.of(r.getString("tenant_id")),
                            dialect.getUuid(r, "ticket_id") + "/" + r.getLong("version"), r.getInt("attempts"),
                            error == null ? "" : error);
                }));
    }

    boolean release(UUID ticket, long version) {
        return transactions.inTransaction(c -> {
            int released = sql.update(c, "UPDATE " + tables.outbox()
                            + " SET state = " + OutboxState.PENDING.literal() + ", attempts = 0, next_attempt_at = NULL"
                            + " WHERE ticket_id = ? AND version = ? AND state = " + OutboxState.DEAD.literal(),
                    p -> p.uuid(ticket).number(version));
            if (released > 0) {
                sql.update(c, "UPDATE " + tables.outbox()
                                + " SET state = " + OutboxState.PENDING.literal() + ", next_attempt_at = NULL"
                                + " WHERE ticket_id = ? AND state = " + OutboxState.HELD.literal(),
                        p -> p.uuid(ticket));
            }
            return released > 0;
        });
    }

    int releaseAll() {
        return transactions.inTransaction(c -> {
            int released = sql.update(c, "UPDATE " + tables.outbox()
                    + " SET state = " + OutboxState.PENDING.literal() + ", attempts = 0, next_attempt_at = NULL"
                    + " WHERE state = " + OutboxState.DEAD.literal(), Statements.Binder.NONE);
            sql.update(c, "UPDATE " + tables.outbox()
                    + " SET state = " + OutboxState.PENDING.literal() + ", next_attempt_at = NULL"
                    + " WHERE state = " + OutboxState.HELD.literal(), Statements.Binder.NONE);
            return released;
        });
    }
}
