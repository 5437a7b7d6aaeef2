package dev.helpdesk.jdbc.channel;

import dev.helpdesk.jdbc.support.Database;

/** A batch of inbound messages in one transaction on PostgreSQL. */
class PostgresIntakeBatchTest extends IntakeBatchBehaviour {
    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
