package dev.helpdesk.core.memory;

import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.VisitBookingContract;

/** The visit booking contract on the in-memory store. */
class InMemoryVisitBookingTest extends VisitBookingContract {
    @Override
    protected TicketStore createStore() {
        return new InMemoryTicketStore();
    }
}
