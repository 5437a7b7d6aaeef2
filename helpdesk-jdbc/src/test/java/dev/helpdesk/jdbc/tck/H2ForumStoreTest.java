package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.forum.ForumStore;
import dev.helpdesk.tck.ForumStoreContract;

/** The forum store contract on H2. */
class H2ForumStoreTest extends ForumStoreContract {
    @Override
    protected ForumStore createStore() {
        return SharedStores.empty(Database.H2).forumStore();
    }
}
