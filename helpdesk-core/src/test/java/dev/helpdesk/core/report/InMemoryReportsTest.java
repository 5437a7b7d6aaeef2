package dev.helpdesk.core.report;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.ReportsContract;

/** The report contract on the in-memory engine over the in-memory store. */
class InMemoryReportsTest extends ReportsContract {
    @Override
    protected TicketStore createStore() {
        return new InMemoryTicketStore();
    }

    @Override
    protected Reports reports(TicketStore store) {
        return HistoryReports.over(store);
    }
}
