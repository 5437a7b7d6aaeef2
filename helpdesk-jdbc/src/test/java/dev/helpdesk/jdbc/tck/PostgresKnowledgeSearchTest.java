package dev.helpdesk.jdbc.tck;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.helpdesk.jdbc.knowledge.PostgresKnowledgeSearch;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedKnowledge;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.tck.KnowledgeSearchContract;
import java.util.Set;

/** The knowledge search contract on PostgreSQL's full-text search; exempt from typo tolerance. */
class PostgresKnowledgeSearchTest extends KnowledgeSearchContract {
    @Override
    protected KnowledgeSearch createSearch() {
        return assertInstanceOf(PostgresKnowledgeSearch.class, SharedKnowledge.emptySearch(Database.POSTGRESQL));
    }

    @Override
    protected Set<Exemption> exemptions() {
        return Set.of(Exemption.TYPO_TOLERANCE);
    }
}
