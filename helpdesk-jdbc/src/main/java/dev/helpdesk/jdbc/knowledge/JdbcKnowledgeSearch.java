package dev.helpdesk.jdbc.knowledge;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.Params;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.knowledge.MediaEntry;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.Snippet;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Knowledge search in the host's database: what readers may find (each locale variant of each
 * article's published version) in {@code hd_article_search}, kept in step by {@link #index},
 * {@link #remove} and {@link #rebuild} in the store's transactions. Two implementations:
 * {@link PostgresKnowledgeSearch} (full-text search) and {@link PlainKnowledgeSearch} (H2,
 * MariaDB, MySQL). Made by {@link dev.helpdesk.jdbc.JdbcTicketStore#knowledgeSearch()}, which
 * picks the one for the database. Thread-safe.
 *
 * <p>Both filter in SQL before ranking (tenant, the viewer's visibilities, the languages of the
 * reader's chain, categories with the ones below them, kinds, every tag asked), rank the rows
 * that match any word with the rows that match every word first, and answer each article once,
 * in the first locale of the reader's chain it matched in.
 */
public abstract class JdbcKnowledgeSearch implements KnowledgeSearch {
    /** The most words of a query that are searched for; the rest are ignored. */
    static final int MAX_WORDS = 32;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,200}>");
    private static final Pattern MARKUP = Pattern.compile("[#*_`>~|]+");

    final SqlDialect dialect;
    final TransactionRunner transactions;
    final Statements sql;
    final String table;
    final String tagTable;

    JdbcKnowledgeSearch(SqlDialect dialect, TransactionRunner transactions, Optional<String> schema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sql = new Statements(dialect);
        String p = schema.map(s -> s + ".").orElse("");
        this.table = p + "hd_article_search";
        this.tagTable = p + "hd_article_search_tag";
    }

    @Override
    public void index(Article article) {
        Objects.requireNonNull(article, "article");
        transactions.inTransaction(c -> {
            delete(c, article.tenant(), article.id());
            insert(c, article);
            return null;
        });
    }

    @Override
    public void remove(TenantId tenant, ArticleId id) {
        transactions.inTransaction(c -> {
            delete(c, Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(id, "id"));
            return null;
        });
    }

    @Override
    public long rebuild(TenantId tenant, Iterable<Article> articles) {
        Objects.requireNonNull(tenant, "tenant");
        return transactions.inTransaction(c -> {
            sql.update(c, "DELETE FROM " + tagTable + " WHERE tenant_id = ?", p -> p.text(tenant.value()));
            sql.update(c, "DELETE FROM " + table + " WHERE tenant_id = ?", p -> p.text(tenant.value()));
            long count = 0;
            for (Article a : articles) {
                if (a.tenant().equals(tenant) && insert(c, a)) {
                    count++;
                }
            }
            return count;
        });
    }

    private void delete(Connection c, TenantId tenant, ArticleId id) throws SQLException {
        sql.update(c, "DELETE FROM " + tagTable + " WHERE tenant_id = ? AND article_id = ?", p -> p.text(tenant.value()).uuid(id.value()));
        sql.update(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND article_id = ?", p -> p.text(tenant.value()).uuid(id.value()));
    }

    /** Inserts the rows of an article's published version; false when it has none. */
    private boolean insert(Connection c, Article a) throws SQLException {
        if (a.published().isEmpty()) {
            return false;
        }
        ArticleContent content = a.published().get().content();
        sql.batch(c, "INSERT INTO " + table + " (tenant_id, article_id, locale, language, config, kind, category, visibility,"
                        + " title, body, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + documentExpression() + ")",
                content.variants(), (p, v) -> {
                    String body = plainText(v);
                    p.text(a.tenant().value()).uuid(a.id().value()).text(v.locale().tag()).text(v.locale().language())
                            .text(config(v.locale())).text(content.kind().name()).text(content.category().code())
                            .text(content.visibility().key()).text(v.title()).text(body);
                    bindDocument(p, config(v.locale()), v.title(), body);
                });
        sql.batch(c, "INSERT INTO " + tagTable + " (tenant_id, article_id, tag) VALUES (?, ?, ?)", content.tags(),
                (p, tag) -> p.text(a.tenant().value()).uuid(a.id().value()).text(tag));
        return true;
    }

    /**
     * The SQL that makes the document column from the parameters {@link #bindDocument} binds.
     *
     * @return the expression
     */
    abstract String documentExpression();

    /**
     * Binds the parameters of {@link #documentExpression()}.
     *
     * @param p      the parameters
     * @param config the text-search configuration of the variant's language
     * @param title  the title
     * @param body   the body as plain text
     * @throws SQLException when the driver refuses
     */
    abstract void bindDocument(Params p, String config, String title, String body) throws SQLException;

    /**
     * The text-search configuration of a language: PostgreSQL's stemmer and stop words where it
     * ships one, {@code simple} (no stemming, no stop words) otherwise.
     *
     * @param locale the variant's locale
     * @return the configuration's name
     */
    static String config(ContentLocale locale) {
        return switch (locale.language()) {
            case "en" -> "english";
            case "nl" -> "dutch";
            case "es" -> "spanish";
            case "ru" -> "russian";
            case "da" -> "danish";
            case "de" -> "german";
            case "fi" -> "finnish";
            case "fr" -> "french";
            case "hu" -> "hungarian";
            case "it" -> "italian";
            case "no", "nb", "nn" -> "norwegian";
            case "pt" -> "portuguese";
            case "ro" -> "romanian";
            case "sv" -> "swedish";
            case "tr" -> "turkish";
            default -> "simple";
        };
    }

    /** A variant's body and transcripts as plain text: Markdown's marks and any tags taken out. */
    static String plainText(ArticleVariant v) {
        StringBuilder out = new StringBuilder(v.body().length() + 64);
        out.append(MARKUP.matcher(TAG.matcher(LINK.matcher(v.body()).replaceAll("$1")).replaceAll(" ")).replaceAll(" "));
        for (MediaEntry m : v.media()) {
            if (!m.transcript().isEmpty()) {
                out.append('\n').append(m.transcript());
            }
        }
        return out.toString();
    }

    /**
     * The words of a query: runs of letters and digits, lower-cased, each once, at most
     * {@value #MAX_WORDS}.
     *
     * @param text the text
     * @return the words, in order
     */
    static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : NOT_A_WORD.split(text)) {
            if (!w.isEmpty() && words.size() < MAX_WORDS) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(words);
    }

    // ---- searching -------------------------------------------------------------------------

    @Override
    public Either<Rejection, List<SearchHit>> search(KnowledgeQuery query) {
        Objects.requireNonNull(query, "query");
        List<String> words = words(query.text().value());
        if (words.isEmpty()) {
            return Either.right(List.of());
        }
        Set<String> languages = new LinkedHashSet<>();
        query.locales().locales().forEach(l -> languages.add(l.language()));
        List<Row> rows = transactions.inTransaction(c -> matches(c, query, words, languages));
        // each article once: the row of the best locale of the chain; then by score
        Map<ArticleId, Row> best = new LinkedHashMap<>();
        for (Row r : rows) {
            Optional<Integer> rank = query.locales().rank(r.locale());
            if (rank.isEmpty() || !query.acceptsCategory(r.category())) {
                continue;
            }
            Row kept = best.get(r.id());
            if (kept == null || rank.get() < query.locales().rank(kept.locale()).orElseThrow()
                    || rank.get().equals(query.locales().rank(kept.locale()).orElseThrow()) && r.score() > kept.score()) {
                best.put(r.id(), r);
            }
        }
        List<Row> ordered = new ArrayList<>(best.values());
        ordered.sort(Comparator.comparingDouble(Row::score).reversed().thenComparing(Row::id));
        List<SearchHit> hits = new ArrayList<>();
        for (Row r : ordered.subList(0, Math.min(query.limit(), ordered.size()))) {
            hits.add(new SearchHit(r.id(), r.locale(), r.kind(), r.category(), r.title(), r.snippet(), r.score()));
        }
        return Either.right(hits);
    }

    /**
     * The rows that match any word of the query in the chain's languages and pass the filters,
     * with their scores (rows matching every word above the others) and snippets.
     *
     * @param c         the connection
     * @param query     the query
     * @param words     its words
     * @param languages the languages of the reader's chain
     * @return the rows, any order
     * @throws SQLException when the database fails
     */
    abstract List<Row> matches(Connection c, KnowledgeQuery query, List<String> words, Set<String> languages)
            throws SQLException;

    /**
     * The filters every search applies in SQL, after {@code WHERE}: tenant, languages,
     * visibility, kinds, categories (the category or one below it), every tag.
     *
     * @param query     the query
     * @param languages the chain's languages
     * @return the condition and its parameters' binder
     */
    Filter filter(KnowledgeQuery query, Set<String> languages) {
        StringBuilder where = new StringBuilder("s.tenant_id = ? AND s.language IN (")
                .append(Statements.placeholders(languages.size())).append(")");
        List<String> visibilities = List.copyOf(query.viewer().readableKeys());
        if (!query.viewer().readsEverything()) {
            where.append(" AND s.visibility IN (").append(Statements.placeholders(visibilities.size())).append(")");
        }
        List<String> kinds = query.kinds().stream().map(ArticleKind::name).sorted().toList();
        if (!kinds.isEmpty()) {
            where.append(" AND s.kind IN (").append(Statements.placeholders(kinds.size())).append(")");
        }
        List<String> categories = query.categories().stream().map(Category::code).sorted().toList();
        if (!categories.isEmpty()) {
            where.append(" AND (");
            for (int i = 0; i < categories.size(); i++) {
                where.append(i == 0 ? "" : " OR ").append("s.category = ? OR s.category LIKE ? ESCAPE '!'");
            }
            where.append(")");
        }
        List<String> tags = query.tags().stream().sorted().toList();
        if (!tags.isEmpty()) {
            where.append(" AND s.article_id IN (SELECT t.article_id FROM ").append(tagTable)
                    .append(" t WHERE t.tenant_id = ? AND t.tag IN (").append(Statements.placeholders(tags.size()))
                    .append(") GROUP BY t.article_id HAVING COUNT(*) = ?)");
        }
        return new Filter(where.toString(), p -> {
            p.text(query.tenant().value());
            for (String l : languages) {
                p.text(l);
            }
            if (!query.viewer().readsEverything()) {
                for (String v : visibilities) {
                    p.text(v);
                }
            }
            for (String k : kinds) {
                p.text(k);
            }
            for (String cat : categories) {
                p.text(cat).text(likeEscape(cat) + ".%");
            }
            if (!tags.isEmpty()) {
                p.text(query.tenant().value());
                for (String t : tags) {
                    p.text(t);
                }
                p.integer(tags.size());
            }
        });
    }

    /**
     * A text with LIKE's wildcards and the escape character {@code !} escaped.
     *
     * @param text the text
     * @return the escaped text
     */
    static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * The SQL condition of the filters and the binder of its parameters.
     *
     * @param where the condition
     * @param bind  binds its parameters
     */
    record Filter(String where, Statements.Binder bind) {
    }

    /**
     * One variant that matched, with its score and snippet.
     *
     * @param id       the article
     * @param locale   the variant's locale
     * @param kind     the article's kind
     * @param category its category
     * @param title    the variant's title
     * @param score    higher is better
     * @param snippet  the passage with the words marked
     */
    record Row(ArticleId id, ContentLocale locale, ArticleKind kind, Category category, String title, double score,
               Snippet snippet) {
    }
}
