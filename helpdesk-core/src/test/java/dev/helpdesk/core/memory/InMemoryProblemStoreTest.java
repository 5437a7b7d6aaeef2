package dev.helpdesk.core.memory;

import dev.helpdesk.core.problem.InMemoryProblemStore;
import dev.helpdesk.spi.problem.ProblemStore;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ProblemStoreContract;

/** The problem store contract in memory. */
class InMemoryProblemStoreTest extends ProblemStoreContract {
    @Override
    protected TicketStore createTicketStore() {
        return new InMemoryTicketStore();
    }

    @Override
    protected ProblemStore createProblemStore(TicketStore tickets) {
        return new InMemoryProblemStore(tickets);
    }
}
