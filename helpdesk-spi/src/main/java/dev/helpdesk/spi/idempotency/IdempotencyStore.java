package dev.helpdesk.spi.idempotency;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * Where the outcomes of keyed requests live. A ticket store that implements this port writes a
 * record in the same transaction as the tickets of the command it answers
 * ({@link #commit}), so that a command is never committed without its record nor recorded
 * without its commit; the in-memory and JDBC stores do. Every implementation must pass
 * {@code IdempotencyStoreContract} of {@code helpdesk-tck}.
 *
 * <p>Rules every implementation keeps: one record per tenant and key, never replaced; another
 * tenant's record is not found; safe for concurrent use.
 */
public interface IdempotencyStore {

    /**
     * Reads the record of a key.
     *
     * @param tenant the tenant
     * @param key    the key
     * @return the record, or none when no request under the key has an outcome yet
     */
    Option<IdempotencyRecord> find(TenantId tenant, IdempotencyKey key);

    /**
     * Records an outcome that needed no commit (a rejection, or a command that changed
     * nothing), unless the key has one already.
     *
     * @param tenant the tenant
     * @param record the record
     * @return the record now stored under the key: this one, or the one that was there first
     */
    IdempotencyRecord record(TenantId tenant, IdempotencyRecord record);

    /**
     * Commits the changes of one command, as {@link dev.helpdesk.spi.ticket.TicketStore#commit}
     * does, together with the record of its outcome: both or neither.
     *
     * @param tenant  the tenant
     * @param changes the changes
     * @param record  the record of the answer these changes give
     * @return the new states, or the store's rejection (nothing written, no record)
     * @throws KeyTakenException when the key already has a record (nothing written)
     */
    Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes, IdempotencyRecord record);

    /**
     * Deletes the records written before a time, of every tenant, oldest first, at most
     * {@code limit} of them: a key whose record is deleted is free again, so a request sent
     * again under it after the retention runs anew. The desk calls it from {@code runDue} with
     * its retention; a host may call it itself.
     *
     * @param recordedBefore records with an earlier {@link IdempotencyRecord#recordedAt()} go
     * @param limit          the most records to delete, 1 to 10,000
     * @return how many were deleted; fewer than {@code limit} when no older ones are left
     */
    int prune(java.time.Instant recordedBefore, int limit);
}
