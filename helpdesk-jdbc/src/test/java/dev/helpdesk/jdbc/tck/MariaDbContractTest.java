package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.TicketStoreContract;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on MariaDb. */
class MariaDbContractTest extends TicketStoreContract {
    /**
     * Makes the store before the test's threads start: the suite makes it lazily on first
     * use, and two threads asking at once would each empty the shared database.
     */
    @BeforeEach
    void makeTheStoreBeforeAnyThreadAsks() {
        store();
    }

    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.MARIADB);
    }
}
