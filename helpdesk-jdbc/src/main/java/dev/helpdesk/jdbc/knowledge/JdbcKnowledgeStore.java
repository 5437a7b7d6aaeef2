package dev.helpdesk.jdbc.knowledge;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.KnowledgeStore;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge store in a relational database (schema version 10): an article row in
 * {@code hd_article} with its revision, published version and archived flag, and every version
 * in {@code hd_article_version} with its variants, media, tags and attachments in typed rows of
 * their own. Versions are only ever inserted. Made by {@link dev.helpdesk.jdbc.JdbcTicketStore#knowledge()},
 * so it shares the ticket store's dialect, schema and transactions.
 *
 * <p>A save is one transaction: it locks the article row ({@code SELECT ... FOR UPDATE}),
 * compares the stored revision and the stored versions with the new article, moves the row to
 * the new revision ({@code UPDATE ... WHERE revision = ?}) and inserts the new versions; a stale
 * revision or an altered version writes nothing. Its cost grows with the number of versions
 * (the stored ones are read to be compared). Two concurrent saves of a new article with one id:
 * the primary key lets one in, the other is a {@link Rejection.ConcurrentModification}.
 *
 * <p>Thread-safe; holds no connection between calls.
 */
public final class JdbcKnowledgeStore implements KnowledgeStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcKnowledgeStore.class);
    private static final int ATTEMPTS = 5;

    private final SqlDialect dialect;
    private final TransactionRunner transactions;
    private final ArticleRows rows;

    /**
     * Makes a store on a migrated database.
     *
     * @param dialect      the database's dialect
     * @param transactions how work runs in transactions: the host's, or the store's own
     * @param schema       the schema of the tables, or empty for the connection's default
     */
    public JdbcKnowledgeStore(SqlDialect dialect, TransactionRunner transactions, Optional<String> schema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.rows = new ArticleRows(new Statements(dialect), dialect, KnowledgeTables.in(Objects.requireNonNull(schema, "schema")));
    }

    @Override
    public Either<Rejection, Article> save(Article article) {
        Objects.requireNonNull(article, "article");
        return retrying(c -> {
            Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            try {
                Either<Rejection, Article> result = write(c, article);
                if (result.isLeft()) {
                    undo(c, savepoint);
                } else if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return result;
            } catch (SQLException e) {
                if (dialect.isDuplicateKey(e)) {
                    undo(c, savepoint);
                    return Either.left(new Rejection.ConcurrentModification("article", article.id().toString(),
                            article.revision() - 1, 0));
                }
                throw e;
            }
        });
    }

    private Either<Rejection, Article> write(Connection c, Article article) throws SQLException {
        Optional<Long> stored = rows.lockRevision(c, article.tenant(), article.id());
        if (stored.isEmpty()) {
            if (article.revision() != article.versions().size()) {
                return Either.left(conflict(article, 0));
            }
            rows.insertArticle(c, article);
            rows.insertVersions(c, article.tenant(), article.id(), article.versions());
            return Either.right(article);
        }
        if (article.revision() != stored.get() + 1) {
            return Either.left(conflict(article, stored.get()));
        }
        Article before = rows.articles(c, article.tenant(), List.of(rows.head(c, article.tenant(), article.id()).orElseThrow()))
                .get(0);
        int kept = before.versions().size();
        if (article.versions().size() < kept || !article.versions().subList(0, kept).equals(before.versions())) {
            return Either.left(Rejection.Invalid.of("versions", "must keep every stored version unchanged"));
        }
        if (!rows.updateArticle(c, article, stored.get())) {
            return Either.left(conflict(article, stored.get()));
        }
        rows.insertVersions(c, article.tenant(), article.id(), article.versions().subList(kept, article.versions().size()));
        return Either.right(article);
    }

    private static Rejection conflict(Article article, long actual) {
        return new Rejection.ConcurrentModification("article", article.id().toString(), article.revision() - 1, actual);
    }

    private void undo(Connection c, Savepoint savepoint) throws SQLException {
        if (savepoint != null) {
            c.rollback(savepoint);
        } else {
            c.rollback();
        }
    }

    @Override
    public Option<Article> find(TenantId tenant, ArticleId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return retrying(c -> {
            Optional<ArticleRows.Head> head = rows.head(c, tenant, id);
            return head.isEmpty() ? Option.<Article>none() : Option.of(rows.articles(c, tenant, List.of(head.get())).get(0));
        });
    }

    @Override
    public List<Article> page(TenantId tenant, Option<ArticleId> after, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        if (limit < 1 || limit > ArticleRows.CHUNK) {
            throw new IllegalArgumentException("a page holds 1-" + ArticleRows.CHUNK + " articles, not " + limit);
        }
        return retrying(c -> rows.articles(c, tenant, rows.heads(c, tenant, after.toJavaOptional(), limit)));
    }

    @Override
    public List<Article> byOrigin(TenantId tenant, ArticleOrigin origin) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(origin, "origin");
        return retrying(c -> rows.articles(c, tenant, rows.headsByOrigin(c, tenant, origin)));
    }

    /**
     * Runs work in a transaction; in one of its own, a deadlock or lock timeout (which rolled
     * everything back) is retried, so a retry cannot apply anything twice.
     */
    private <T> T retrying(TransactionalWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || transactions.joinsHostTransactions()
                        || !(e.getCause() instanceof SQLException failure) || !dialect.isTransient(failure)) {
                    throw e;
                }
                LOG.debug("retrying after a transient database failure: {}", failure.toString());
            }
        }
    }
}
