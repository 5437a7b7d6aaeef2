package dev.helpdesk.jdbc.tck;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedKnowledge;
import dev.helpdesk.spi.knowledge.KnowledgeStore;
import dev.helpdesk.tck.KnowledgeStoreContract;

/** The knowledge store contract on Postgres. */
class PostgresKnowledgeStoreTest extends KnowledgeStoreContract {
    @Override
    protected KnowledgeStore createStore() {
        return SharedKnowledge.empty(Database.POSTGRESQL);
    }
}
