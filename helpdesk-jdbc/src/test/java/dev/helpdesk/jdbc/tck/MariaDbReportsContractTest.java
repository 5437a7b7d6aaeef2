package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ReportsContract;

/** The report contract as SQL on MariaDb. */
class MariaDbReportsContractTest extends ReportsContract {
    @Override
    protected TicketStore createStore() {
        return SharedStores.empty(Database.MARIADB);
    }

    @Override
    protected Reports reports(TicketStore store) {
        return ((JdbcTicketStore) store).reports();
    }
}
