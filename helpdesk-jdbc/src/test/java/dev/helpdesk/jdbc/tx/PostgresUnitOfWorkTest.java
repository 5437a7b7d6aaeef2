package dev.helpdesk.jdbc.tx;

import dev.helpdesk.jdbc.support.Database;

/** Units of work on PostgreSQL. */
class PostgresUnitOfWorkTest extends UnitOfWorkBehaviour {
    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
