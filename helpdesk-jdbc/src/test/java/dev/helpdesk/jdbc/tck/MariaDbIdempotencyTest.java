package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.IdempotencyStoreContract;

/** The idempotency contract on MariaDb: the records share the ticket store's transactions. */
class MariaDbIdempotencyTest extends IdempotencyStoreContract {
    @Override
    protected TicketStore createTicketStore() {
        return SharedStores.empty(Database.MARIADB);
    }

    @Override
    protected IdempotencyStore idempotencyOf(TicketStore tickets) {
        return (IdempotencyStore) tickets;
    }
}
