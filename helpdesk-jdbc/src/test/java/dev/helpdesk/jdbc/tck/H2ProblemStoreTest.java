package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.problem.ProblemStore;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ProblemStoreContract;

/** The problem store contract on H2. */
class H2ProblemStoreTest extends ProblemStoreContract {
    @Override
    protected TicketStore createTicketStore() {
        return SharedStores.empty(Database.H2);
    }

    @Override
    protected ProblemStore createProblemStore(TicketStore tickets) {
        return ((JdbcTicketStore) tickets).problems();
    }
}
