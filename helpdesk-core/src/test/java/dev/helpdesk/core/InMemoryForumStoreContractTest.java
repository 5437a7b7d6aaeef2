package dev.helpdesk.core;

import dev.helpdesk.core.forum.InMemoryForumStore;
import dev.helpdesk.spi.forum.ForumStore;
import dev.helpdesk.tck.ForumStoreContract;

/** The forum store contract in memory. */
class InMemoryForumStoreContractTest extends ForumStoreContract {
    @Override
    protected ForumStore createStore() {
        return new InMemoryForumStore();
    }
}
