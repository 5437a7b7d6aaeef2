package dev.helpdesk.jdbc.knowledge;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.knowledge.ArticleFeedback;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleStats;
import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What readers and agents said about articles, in {@code hd_article_feedback} (schema version
 * 10): one typed row each, counted with one {@code GROUP BY} per article. Recording is one
 * insert; an id already there fails it and records nothing. Made by
 * {@link dev.helpdesk.jdbc.JdbcTicketStore#knowledgeFeedback()}. Thread-safe.
 */
public final class JdbcFeedbackStore implements KnowledgeFeedbackStore {
    private static final List<String> COLUMNS = List.of("id", "tenant_id", "article_id", "kind", "actor_kind", "actor_id",
            "said_at", "said_at_nanos", "remark", "ticket_id");

    private final SqlDialect dialect;
    private final TransactionRunner transactions;
    private final Statements sql;
    private final EventRows rows;
    private final String table;

    /**
     * Makes a store on a migrated database.
     *
     * @param dialect      the database's dialect
     * @param transactions how work runs in transactions
     * @param schema       the schema of the tables, or empty for the connection's default
     */
    public JdbcFeedbackStore(SqlDialect dialect, TransactionRunner transactions, Optional<String> schema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sql = new Statements(dialect);
        this.rows = new EventRows(dialect);
        this.table = schema.map(s -> s + ".").orElse("") + "hd_article_feedback";
    }

    @Override
    public boolean record(ArticleFeedback f) {
        Objects.requireNonNull(f, "feedback");
        String insert = "INSERT INTO " + table + " (" + String.join(", ", COLUMNS) + ") VALUES ("
                + Statements.placeholders(COLUMNS.size()) + ")";
        return transactions.inTransaction(c -> {
            // a duplicate id fails the insert; in a host's transaction only the savepoint is lost
            java.sql.Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            try {
                sql.update(c, insert, p -> p.uuid(f.id()).text(f.tenant().value()).uuid(f.article().value())
                        .text(f.kind().name()).text(EventRows.actorKind(f.actor())).text(EventRows.actorId(f.actor()))
                        .instantAndNanos(f.at()).text(f.comment()).uuid(f.ticket().map(TicketId::value).orElse(null)));
                return true;
            } catch (java.sql.SQLException e) {
                if (!dialect.isDuplicateKey(e)) {
                    throw e;
                }
                if (savepoint != null) {
                    c.rollback(savepoint);
                } else {
                    c.rollback();
                }
                return false;
            }
        });
    }

    @Override
    public ArticleStats stats(TenantId tenant, ArticleId article) {
        return transactions.inTransaction(c -> {
            long[] counts = new long[ArticleFeedback.Kind.values().length];
            sql.forEach(c, "SELECT kind, COUNT(*) AS n FROM " + table + " WHERE tenant_id = ? AND article_id = ? GROUP BY kind",
                    p -> p.text(tenant.value()).uuid(article.value()),
                    r -> counts[ArticleFeedback.Kind.valueOf(r.getString("kind")).ordinal()] = r.getLong("n"));
            return new ArticleStats(counts[ArticleFeedback.Kind.DEFLECTION.ordinal()], counts[ArticleFeedback.Kind.HELPFUL.ordinal()],
                    counts[ArticleFeedback.Kind.NOT_HELPFUL.ordinal()], counts[ArticleFeedback.Kind.LINKED.ordinal()],
                    counts[ArticleFeedback.Kind.SOLVED_TICKET.ordinal()]);
        });
    }

    @Override
    public List<ArticleFeedback> latest(TenantId tenant, ArticleId article, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("1-500 entries, not " + limit);
        }
        return transactions.inTransaction(c -> sql.query(c, "SELECT id, kind, actor_kind, actor_id, said_at, said_at_nanos,"
                        + " remark, ticket_id FROM " + table + " WHERE tenant_id = ? AND article_id = ?"
                        + " ORDER BY said_at DESC, said_at_nanos DESC, id DESC" + dialect.limitClause(limit),
                p -> p.text(tenant.value()).uuid(article.value()),
                r -> {
                    UUID ticket = dialect.getUuid(r, "ticket_id");
                    return ArticleFeedback.builder().id(dialect.getUuid(r, "id")).tenant(tenant).article(article)
                            .kind(ArticleFeedback.Kind.valueOf(r.getString("kind")))
                            .actor(EventRows.actor(r.getString("actor_kind"), r.getString("actor_id")))
                            .at(rows.instant(r, "said_at")).comment(Optional.ofNullable(r.getString("remark")))
                            .ticket(Optional.ofNullable(ticket).map(TicketId::of)).build();
                }));
    }
}
