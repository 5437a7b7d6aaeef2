package dev.helpdesk.bench.knowledge;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.knowledge.JdbcKnowledgeSearch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * {@code helpdesk-jdbc}'s knowledge search on an embedded PostgreSQL server with the helpdesk
 * schema installed, as a host would run it.
 */
final class DatabaseSearch implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final JdbcKnowledgeSearch search;

    DatabaseSearch() {
        try {
            postgres = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofMinutes(2)).start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
        search = JdbcStores.create(postgres.getPostgresDatabase()).knowledgeSearch();
    }

    javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    JdbcKnowledgeSearch search() {
        return search;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
