package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedKnowledge;
import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.tck.KnowledgeFeedbackContract;

/** The knowledge feedback contract on MariaDb. */
class MariaDbKnowledgeFeedbackTest extends KnowledgeFeedbackContract {
    @Override
    protected KnowledgeFeedbackStore createStore() {
        return SharedKnowledge.emptyFeedback(Database.MARIADB);
    }
}
