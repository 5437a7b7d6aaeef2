package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedKnowledge;
import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.tck.KnowledgeFeedbackContract;

/** The knowledge feedback contract on H2. */
class H2KnowledgeFeedbackTest extends KnowledgeFeedbackContract {
    @Override
    protected KnowledgeFeedbackStore createStore() {
        return SharedKnowledge.emptyFeedback(Database.H2);
    }
}
