package dev.helpdesk.jdbc.support;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.knowledge.JdbcKnowledgeStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * One migrated database per server for the knowledge suites, its knowledge tables emptied
 * before every test.
 */
public final class SharedKnowledge {
    private static final Map<Database, TestPool> POOLS = new EnumMap<>(Database.class);
    private static final Map<Database, JdbcKnowledgeStore> STORES = new EnumMap<>(Database.class);

    private SharedKnowledge() {
    }

    /**
     * The pool of the shared database of a server.
     *
     * @param database the server
     * @return the pool
     */
    public static synchronized TestPool pool(Database database) {
        return POOLS.computeIfAbsent(database, Database::fresh);
    }

    /**
     * An empty feedback store on the shared database of a server.
     *
     * @param database the server
     * @return the store, with no feedback of any tenant
     */
    public static synchronized dev.helpdesk.jdbc.knowledge.JdbcFeedbackStore emptyFeedback(Database database) {
        empty(database);
        return JdbcStores.create(pool(database)).knowledgeFeedback();
    }

    /**
     * An empty knowledge store on the shared database of a server.
     *
     * @param database the server
     * @return the store, with no article of any tenant
     */
    public static synchronized JdbcKnowledgeStore empty(Database database) {
        TestPool pool = pool(database);
        JdbcKnowledgeStore store = STORES.computeIfAbsent(database, d -> JdbcStores.create(pool).knowledge());
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"hd_article_search_tag", "hd_article_search", "hd_article_feedback", "hd_article_attachment", "hd_article_tag", "hd_article_media",
                    "hd_article_variant", "hd_article_version", "hd_article"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the knowledge tables", e);
        }
        return store;
    }

    /**
     * An empty knowledge search on the shared database of a server.
     *
     * @param database the server
     * @return the database's search, its tables empty
     */
    public static synchronized dev.helpdesk.jdbc.knowledge.JdbcKnowledgeSearch emptySearch(Database database) {
        empty(database);
        return JdbcStores.create(pool(database)).knowledgeSearch();
    }
}
