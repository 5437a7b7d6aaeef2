package dev.helpdesk.search.lucene;

import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.tck.KnowledgeSearchContract;

/** The search contract, on an index in memory. */
class LuceneKnowledgeSearchTest extends KnowledgeSearchContract {
    @Override
    protected KnowledgeSearch createSearch() {
        return LuceneKnowledgeSearch.inMemory();
    }
}
