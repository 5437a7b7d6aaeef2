package dev.helpdesk.core.internal.idempotency;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.util.List;

/**
 * How a request's commit is written: plainly ({@link #NONE}), or together with the record of an
 * idempotency key, so that the commit and its record are one write.
 */
public interface CommitKey {

    /** A request without a key: the store's own commit. */
    CommitKey NONE = (store, tenant, changes, answer) -> store.commit(tenant, changes);

    /**
     * Commits the changes.
     *
     * @param store   the desk's store
     * @param tenant  the tenant
     * @param changes the changes
     * @param answer  which change's new state the request answers with
     * @return the new states, or the store's rejection
     */
    Either<Rejection, List<Ticket>> commit(TicketStore store, TenantId tenant, List<TicketChange> changes, int answer);
}
