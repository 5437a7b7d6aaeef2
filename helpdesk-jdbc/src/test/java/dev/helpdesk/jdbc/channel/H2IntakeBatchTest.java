package dev.helpdesk.jdbc.channel;

import dev.helpdesk.jdbc.support.Database;

/** A batch of inbound messages in one transaction on H2. */
class H2IntakeBatchTest extends IntakeBatchBehaviour {
    @Override
    Database database() {
        return Database.H2;
    }
}
