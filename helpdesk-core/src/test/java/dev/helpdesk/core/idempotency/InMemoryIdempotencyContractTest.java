package dev.helpdesk.core.idempotency;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.IdempotencyStoreContract;

/** The idempotency contract on the in-memory records beside the in-memory ticket store. */
class InMemoryIdempotencyContractTest extends IdempotencyStoreContract {
    @Override
    protected TicketStore createTicketStore() {
        return new InMemoryTicketStore();
    }

    @Override
    protected IdempotencyStore idempotencyOf(TicketStore tickets) {
        return new InMemoryIdempotencyStore(tickets);
    }
}
