package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.VisitBookingContract;

/** The visit booking contract on MariaDB. */
class MariaDbVisitBookingTest extends VisitBookingContract {
    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.MARIADB);
    }
}
