package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.tck.KnowledgeFeedbackContract;

/** The feedback store contract on the in-memory store. */
class InMemoryFeedbackStoreTest extends KnowledgeFeedbackContract {
    @Override
    protected KnowledgeFeedbackStore createStore() {
        return new InMemoryFeedbackStore();
    }
}
