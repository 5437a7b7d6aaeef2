package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.knowledge.KnowledgeStore;
import dev.helpdesk.tck.KnowledgeStoreContract;

/** The knowledge store contract on the in-memory store. */
class InMemoryKnowledgeStoreTest extends KnowledgeStoreContract {
    @Override
    protected KnowledgeStore createStore() {
        return new InMemoryKnowledgeStore();
    }
}
