package dev.helpdesk.core;

import dev.helpdesk.core.phone.InMemoryCallLog;
import dev.helpdesk.spi.phone.CallLog;
import dev.helpdesk.tck.CallLogContract;

/** The call log contract in memory. */
class InMemoryCallLogContractTest extends CallLogContract {
    @Override
    protected CallLog createLog() {
        return new InMemoryCallLog();
    }
}
