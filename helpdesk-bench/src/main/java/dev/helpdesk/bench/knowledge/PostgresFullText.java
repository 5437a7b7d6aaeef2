package dev.helpdesk.bench.knowledge;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL full-text search on an embedded server, as a host would run it: a {@code tsvector}
 * of the title (weight A) and the body (weight B) with the language's text-search configuration
 * ({@code english}, {@code dutch}, {@code spanish}, {@code russian}) under a GIN index, the
 * reader's text through {@code websearch_to_tsquery} (every word must match), ranked by
 * {@code ts_rank} with A weighing 2× B.
 */
final class PostgresFullText implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Connection connection;

    PostgresFullText() {
        try {
            postgres = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofMinutes(2)).start();
            connection = postgres.getPostgresDatabase().getConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE help_page ("
                        + " lang text NOT NULL,"
                        + " key text NOT NULL,"
                        + " doc tsvector NOT NULL,"
                        + " PRIMARY KEY (lang, key))");
                s.execute("CREATE INDEX help_page_doc ON help_page USING gin (doc)");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    static String configuration(String language) {
        return switch (language) {
            case "en" -> "english";
            case "nl" -> "dutch";
            case "es" -> "spanish";
            case "ru" -> "russian";
            default -> "simple";
        };
    }

    void add(String language, List<HelpCorpus.Page> pages) throws SQLException {
        String sql = "INSERT INTO help_page (lang, key, doc) VALUES (?, ?,"
                + " setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B'))";
        String config = configuration(language);
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (HelpCorpus.Page page : pages) {
                insert.setString(1, language);
                insert.setString(2, page.key());
                insert.setString(3, config);
                insert.setString(4, page.title());
                insert.setString(5, config);
                // tsvector positions stop at 16,383 and its size at 1 MB; help pages stay far below
                insert.setString(6, page.body());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE help_page");
        }
    }

    synchronized List<String> search(String language, String text, int n) {
        String sql = "SELECT key FROM help_page, websearch_to_tsquery(?::regconfig, ?) q"
                + " WHERE lang = ? AND doc @@ q"
                + " ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', doc, q) DESC, key"
                + " LIMIT ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, configuration(language));
            query.setString(2, text);
            query.setString(3, language);
            query.setInt(4, n);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("full-text query failed for " + text, e);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
        postgres.close();
    }
}
