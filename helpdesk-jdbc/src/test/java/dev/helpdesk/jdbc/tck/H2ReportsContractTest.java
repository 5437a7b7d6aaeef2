package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ReportsContract;

/** The report contract as SQL on H2. */
class H2ReportsContractTest extends ReportsContract {
    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.H2);
    }

    @Override
    protected Reports reports(TicketStore store) {
        return ((JdbcTicketStore) store).reports();
    }
}
