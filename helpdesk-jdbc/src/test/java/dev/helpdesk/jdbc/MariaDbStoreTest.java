package dev.helpdesk.jdbc;

import dev.helpdesk.jdbc.support.Database;

/** The store's behaviour on MariaDb. */
class MariaDbStoreTest extends JdbcStoreBehaviour {
    @Override
    Database database() {
        return Database.MARIADB;
    }
}
