package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.phone.CallLog;
import dev.helpdesk.tck.CallLogContract;

/** The call log contract on H2. */
class H2CallLogTest extends CallLogContract {
    @Override
    protected CallLog createLog() {
        return SharedStores.empty(Database.H2).callLog();
    }
}
