package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ExternalMessagesContract;

/** The index of external message ids on Postgres. */
class PostgresExternalMessagesTest extends ExternalMessagesContract {
    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.POSTGRESQL);
    }
}
