package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.VisitBookingContract;

/** The visit booking contract on PostgreSQL. */
class PostgresVisitBookingTest extends VisitBookingContract {
    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.POSTGRESQL);
    }
}
