package dev.helpdesk.jdbc;

import dev.helpdesk.jdbc.support.Database;

/** The store's behaviour on Postgres. */
class PostgresStoreTest extends JdbcStoreBehaviour {
    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
