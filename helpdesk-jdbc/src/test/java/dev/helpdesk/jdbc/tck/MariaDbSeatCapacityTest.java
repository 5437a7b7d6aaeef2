package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.SeatCapacityContract;

/** The seat capacity contract on MariaDB. */
class MariaDbSeatCapacityTest extends SeatCapacityContract {
    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.MARIADB);
    }
}
