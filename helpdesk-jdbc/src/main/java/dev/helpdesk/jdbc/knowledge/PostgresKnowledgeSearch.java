package dev.helpdesk.jdbc.knowledge;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.Params;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.Snippet;
import dev.helpdesk.spi.ticket.Category;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Knowledge search with PostgreSQL's full-text search: each variant's title (weight A) and
 * body with its media transcripts (weight B) as a {@code tsvector} of its language's
 * configuration ({@code english}, {@code dutch}, {@code spanish}, {@code russian} and the
 * other languages PostgreSQL stems; {@code simple} for the rest), behind a GIN index.
 *
 * <p>A query is the reader's words ({@code plainto_tsquery} of each configuration of the
 * chain's languages, so never a query language). Rows matching any word are found through the
 * index; those matching every word rank first, then by {@code ts_rank} with the title weighing
 * twice the body ({@link #WEIGHTS}): PostgreSQL's own
 * rule that every word must match would drop a page for one missing word. Snippets come from
 * {@code ts_headline}. What it does not do: typo tolerance (a misspelled word finds nothing),
 * splitting Dutch compounds ({@code bladverwijzingen} does not match {@code verwijzingen}).
 */
public final class PostgresKnowledgeSearch extends JdbcKnowledgeSearch {
    private static final char START = '\u0001';
    private static final char STOP = '\u0002';
    private static final String HEADLINE = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=1";

    /**
     * Makes the search on a migrated PostgreSQL database.
     *
     * @param dialect      the dialect
     * @param transactions how work runs in transactions
     * @param schema       the schema of the tables, or empty for the connection's default
     */
    public PostgresKnowledgeSearch(SqlDialect dialect, TransactionRunner transactions, Optional<String> schema) {
        super(dialect, transactions, schema);
    }

    /**
     * The weights of {@code ts_rank} for D, C, B and A: the title (A) counts twice the body (B).
     * Chosen on the help corpus (docs/benchmarks.md, "Knowledge search in the database") over
     * {@code ts_rank_cd} (cover density, used before), other title weights and length
     * normalizations, which all ranked lower there.
     */
    static final String WEIGHTS = "'{0.1, 0.2, 0.5, 1.0}'";

    @Override
    public String name() {
        return "postgres-knowledge-search";
    }

    @Override
    String documentExpression() {
        return "setweight(to_tsvector(CAST(? AS regconfig), ?), 'A') || setweight(to_tsvector(CAST(? AS regconfig), ?), 'B')";
    }

    @Override
    void bindDocument(Params p, String config, String title, String body) throws SQLException {
        p.text(config).text(title).text(config).text(body);
    }

    @Override
    List<Row> matches(Connection c, KnowledgeQuery query, List<String> words, Set<String> languages) throws SQLException {
        // one statement per configuration, so that each tsquery is a constant the GIN index can use
        Map<String, Set<String>> byConfig = new LinkedHashMap<>();
        for (String language : languages) {
            byConfig.computeIfAbsent(config(ContentLocale.of(language)), k -> new LinkedHashSet<>()).add(language);
        }
        String text = String.join(" ", words);
        // an article has one row per locale of a language: twice the limit leaves room for a second one
        int rows = query.limit() * 2;
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : byConfig.entrySet()) {
            Filter filter = filter(query, e.getValue());
            // a headline costs a pass over the body: only the rows that can make the answer get one
            String statement = "SELECT x.article_id, x.locale, x.kind, x.category, x.title, x.every, x.rank,"
                    + " CASE WHEN x.position <= ? THEN ts_headline(CAST(? AS regconfig), x.body, x.anyq, ?) END AS headline"
                    + " FROM ("
                    + " SELECT s.article_id, s.locale, s.kind, s.category, s.title, s.body, q.anyq,"
                    + " (s.document @@ q.allq) AS every, ts_rank(" + WEIGHTS + ", s.document, q.anyq) AS rank,"
                    + " row_number() OVER (ORDER BY (s.document @@ q.allq) DESC, ts_rank(" + WEIGHTS + ", s.document, q.anyq) DESC,"
                    + " s.article_id) AS position"
                    + " FROM " + table + " s, (SELECT plainto_tsquery(CAST(? AS regconfig), ?) AS allq,"
                    + " CAST(replace(CAST(plainto_tsquery(CAST(? AS regconfig), ?) AS text), ' & ', ' | ') AS tsquery) AS anyq) q"
                    + " WHERE " + filter.where() + " AND s.config = ? AND s.document @@ q.anyq"
                    + " ORDER BY every DESC, rank DESC, s.article_id LIMIT ?) x";
            String config = e.getKey();
            sql.forEach(c, statement, p -> {
                p.integer(query.limit()).text(config).text(HEADLINE).text(config).text(text).text(config).text(text);
                filter.bind().bind(p);
                p.text(config).integer(rows);
            }, r -> {
                double rank = r.getDouble("rank");
                double score = (r.getBoolean("every") ? 1 : 0) + rank / (1 + rank);
                out.add(new Row(ArticleId.of(dialect.getUuid(r, "article_id")), ContentLocale.of(r.getString("locale")),
                        ArticleKind.valueOf(r.getString("kind")), Category.of(r.getString("category")), r.getString("title"),
                        score, snippet(r.getString("headline"))));
            });
        }
        return out;
    }

    /** A headline with its start and stop marks as a snippet. */
    static Snippet snippet(String headline) {
        if (headline == null) {
            return Snippet.EMPTY;
        }
        StringBuilder text = new StringBuilder(headline.length());
        List<int[]> ranges = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < headline.length(); i++) {
            char ch = headline.charAt(i);
            if (ch == START) {
                start = text.length();
            } else if (ch == STOP) {
                if (start >= 0 && text.length() > start) {
                    ranges.add(new int[] {start, text.length()});
                }
                start = -1;
            } else {
                text.append(ch);
            }
        }
        return Snippet.of(text.toString(), ranges);
    }
}
