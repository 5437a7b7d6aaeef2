package dev.helpdesk.core;

import dev.helpdesk.core.chat.InMemoryChatStore;
import dev.helpdesk.spi.chat.ChatStore;
import dev.helpdesk.tck.ChatStoreContract;

/** The chat store contract in memory. */
class InMemoryChatStoreContractTest extends ChatStoreContract {
    @Override
    protected ChatStore createStore() {
        return new InMemoryChatStore();
    }
}
