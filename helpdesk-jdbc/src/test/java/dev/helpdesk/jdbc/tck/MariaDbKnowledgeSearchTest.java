package dev.helpdesk.jdbc.tck;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.helpdesk.jdbc.knowledge.PlainKnowledgeSearch;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedKnowledge;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.tck.KnowledgeSearchContract;
import java.util.Set;

/** The knowledge search contract on MariaDb's plain word matching; exempt from typo tolerance. */
class MariaDbKnowledgeSearchTest extends KnowledgeSearchContract {
    @Override
    protected KnowledgeSearch createSearch() {
        return assertInstanceOf(PlainKnowledgeSearch.class, SharedKnowledge.emptySearch(Database.MARIADB));
    }

    @Override
    protected Set<Exemption> exemptions() {
        return Set.of(Exemption.TYPO_TOLERANCE);
    }
}
