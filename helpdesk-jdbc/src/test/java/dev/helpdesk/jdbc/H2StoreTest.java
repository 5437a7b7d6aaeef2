package dev.helpdesk.jdbc;

import dev.helpdesk.jdbc.support.Database;

/** The store's behaviour on H2. */
class H2StoreTest extends JdbcStoreBehaviour {
    @Override
    Database database() {
        return Database.H2;
    }
}
