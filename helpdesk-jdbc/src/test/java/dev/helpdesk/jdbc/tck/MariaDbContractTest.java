package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.TicketStoreContract;

/** The store contract on MariaDb. */
class MariaDbContractTest extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.MARIADB);
    }
}
