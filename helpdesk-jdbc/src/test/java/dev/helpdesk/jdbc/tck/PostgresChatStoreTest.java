package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.chat.ChatStore;
import dev.helpdesk.tck.ChatStoreContract;

/** The chat store contract on Postgres. */
class PostgresChatStoreTest extends ChatStoreContract {
    @Override
    protected ChatStore createStore() {
        return SharedStores.empty(Database.POSTGRESQL).chatStore();
    }
}
