package dev.helpdesk.core.memory;

import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ExternalMessagesContract;

/** The index of external message ids on the in-memory store. */
class InMemoryExternalMessagesTest extends ExternalMessagesContract {
    @Override
    protected TicketStore createStore() {
        return new InMemoryTicketStore();
    }
}
