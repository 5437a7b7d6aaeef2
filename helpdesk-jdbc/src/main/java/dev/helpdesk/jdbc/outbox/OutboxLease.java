package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row in {@code hd_lease} that lets one relay of a cluster deliver at a time: taken for a
 * pass, given back after it, and taken over by another instance once it has run out.
 */
final class OutboxLease {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxLease.class);
    private static final String NAME = "outbox";

    private final TransactionRunner transactions;
    private final Statements sql;
    private final Tables tables;
    private final String owner;
    private final Duration length;

    OutboxLease(TransactionRunner transactions, Statements sql, Tables tables, String owner, Duration length) {
        this.transactions = transactions;
        this.sql = sql;
        this.tables = tables;
        this.owner = owner;
        this.length = length;
    }

    /** Takes the lease until {@code now} plus its length; false when another owner holds it. */
    boolean acquire(Instant now) {
        return transactions.inTransaction(c -> sql.update(c, "UPDATE " + tables.lease()
                        + " SET owner = ?, leased_until = ?"
                        + " WHERE name = ? AND (leased_until IS NULL OR leased_until <= ? OR owner = ?)",
                p -> p.text(owner).instant(now.plus(length)).text(NAME).instant(now).text(owner)) == 1);
    }

    /** Gives the lease back; a failure only logs, since the lease runs out by itself. */
    void release() {
        try {
            transactions.inTransaction(c -> sql.update(c, "UPDATE " + tables.lease()
                            + " SET owner = NULL, leased_until = NULL WHERE name = ? AND owner = ?",
                    p -> p.text(NAME).text(owner)));
        } catch (RuntimeException e) {
            LOG.warn("could not release the outbox lease: {}", e.toString());
        }
    }
}
