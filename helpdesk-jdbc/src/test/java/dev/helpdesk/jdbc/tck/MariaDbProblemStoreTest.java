package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.problem.ProblemStore;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ProblemStoreContract;

/** The problem store contract on MariaDb. */
class MariaDbProblemStoreTest extends ProblemStoreContract {
    @Override
    protected TicketStore createTicketStore() {
        return SharedStores.empty(Database.MARIADB);
    }

    @Override
    protected ProblemStore createProblemStore(TicketStore tickets) {
        return ((JdbcTicketStore) tickets).problems();
    }
}
