package dev.helpdesk.jdbc.tx;

import dev.helpdesk.jdbc.support.Database;

/** Units of work on H2. */
class H2UnitOfWorkTest extends UnitOfWorkBehaviour {
    @Override
    Database database() {
        return Database.H2;
    }
}
