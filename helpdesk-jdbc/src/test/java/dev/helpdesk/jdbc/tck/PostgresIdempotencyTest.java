package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.IdempotencyStoreContract;

/** The idempotency contract on Postgres: the records share the ticket store's transactions. */
class PostgresIdempotencyTest extends IdempotencyStoreContract {
    @Override
    protected TicketStore createTicketStore() {
        return SharedStores.empty(Database.POSTGRESQL);
    }

    @Override
    protected IdempotencyStore idempotencyOf(TicketStore tickets) {
        return (IdempotencyStore) tickets;
    }
}
