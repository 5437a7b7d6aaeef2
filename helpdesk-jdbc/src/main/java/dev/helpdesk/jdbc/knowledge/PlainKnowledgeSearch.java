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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knowledge search on a database without full-text search the adapter uses (H2, MariaDB,
 * MySQL): each variant's lower-cased title and body (with its media transcripts) matched word
 * by word with {@code LIKE '%word%'}.
 *
 * <p>What it does: finds the rows that contain any word of the query, anywhere in a word
 * ({@code factura} finds {@code facturas}); ranks rows holding every word first, then by how
 * many words they hold, a word in the title counting twice; filters exactly like
 * {@link PostgresKnowledgeSearch}; marks every occurrence of the words in a snippet.
 *
 * <p>What it does not do: no stemming ({@code shipped} does not find {@code shipping}), no
 * stop words (common words count like any other), no typo tolerance, no compound splitting, no
 * relevance weighting by word frequency; and no index: each search reads every row of the
 * tenant in the reader's languages that passes the filters, so its cost grows with the
 * knowledge base. Use {@code helpdesk-search-lucene} or PostgreSQL for large bases.
 */
public final class PlainKnowledgeSearch extends JdbcKnowledgeSearch {
    private static final int SNIPPET_BEFORE = 60;
    private static final int SNIPPET_LENGTH = 220;

    /**
     * Makes the search on a migrated database.
     *
     * @param dialect      the dialect
     * @param transactions how work runs in transactions
     * @param schema       the schema of the tables, or empty for the connection's default
     */
    public PlainKnowledgeSearch(SqlDialect dialect, TransactionRunner transactions, Optional<String> schema) {
        super(dialect, transactions, schema);
    }

    @Override
    public String name() {
        return "plain-knowledge-search";
    }

    @Override
    String documentExpression() {
        return "?";
    }

    @Override
    void bindDocument(Params p, String config, String title, String body) throws SQLException {
        p.text((title + "\n" + body).toLowerCase(Locale.ROOT));
    }

    @Override
    List<Row> matches(Connection c, KnowledgeQuery query, List<String> words, Set<String> languages) throws SQLException {
        Filter filter = filter(query, languages);
        StringBuilder like = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            like.append(i == 0 ? "" : " OR ").append("s.document LIKE ? ESCAPE '!'");
        }
        List<Row> out = new ArrayList<>();
        sql.forEach(c, "SELECT s.article_id, s.locale, s.kind, s.category, s.title, s.body FROM " + table + " s WHERE "
                + filter.where() + " AND (" + like + ")", p -> {
                    filter.bind().bind(p);
                    for (String w : words) {
                        p.text("%" + likeEscape(w) + "%");
                    }
                }, r -> {
                    String title = r.getString("title");
                    String body = r.getString("body");
                    String lowerTitle = title.toLowerCase(Locale.ROOT);
                    String lowerBody = body.toLowerCase(Locale.ROOT);
                    int found = 0;
                    int points = 0;
                    for (String w : words) {
                        boolean inTitle = lowerTitle.contains(w);
                        boolean inBody = lowerBody.contains(w);
                        found += inTitle || inBody ? 1 : 0;
                        points += (inTitle ? 2 : 0) + (inBody ? 1 : 0);
                    }
                    double score = (found == words.size() ? 1 : 0) + points / (3.0 * words.size() + 1);
                    out.add(new Row(ArticleId.of(dialect.getUuid(r, "article_id")), ContentLocale.of(r.getString("locale")),
                            ArticleKind.valueOf(r.getString("kind")), Category.of(r.getString("category")), title, score,
                            snippet(body, words)));
                });
        return out;
    }

    /** A passage of the body around the first word found, every word in it marked. */
    static Snippet snippet(String body, List<String> words) {
        StringBuilder alternatives = new StringBuilder();
        for (String w : words) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(w));
        }
        Pattern pattern = Pattern.compile(alternatives.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher first = pattern.matcher(body);
        if (!first.find()) {
            return Snippet.EMPTY;
        }
        int from = Math.max(0, first.start() - SNIPPET_BEFORE);
        int to = Math.min(body.length(), from + SNIPPET_LENGTH);
        // never cut a surrogate pair
        if (from > 0 && Character.isLowSurrogate(body.charAt(from))) {
            from--;
        }
        if (to < body.length() && Character.isLowSurrogate(body.charAt(to))) {
            to++;
        }
        String passage = body.substring(from, to);
        List<int[]> ranges = new ArrayList<>();
        Matcher m = pattern.matcher(passage);
        while (m.find()) {
            if (m.end() > m.start()) {
                ranges.add(new int[] {m.start(), m.end()});
            }
        }
        return Snippet.of(passage, ranges);
    }
}
