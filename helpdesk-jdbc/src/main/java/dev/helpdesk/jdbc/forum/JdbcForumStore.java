package dev.helpdesk.jdbc.forum;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.forum.ForumPost;
import dev.helpdesk.spi.forum.ForumStore;
import dev.helpdesk.spi.forum.PostId;
import dev.helpdesk.spi.forum.PostStatus;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Forum posts in {@code hd_forum_post}, in the store's transactions. A save of the next version
 * is {@code UPDATE ... WHERE version = ?}: a stale save updates no row and writes nothing. The
 * posts still unanswered are found through the index on status and time. Thread-safe.
 */
public final class JdbcForumStore implements ForumStore {
    private static final String COLUMNS = "id, author_id, title, body, posted_at, posted_nanos, status, ticket_id, answer,"
            + " version";

    private final TransactionRunner transactions;
    private final SqlDialect dialect;
    private final Statements sql;
    private final String table;

    /**
     * Makes the store.
     *
     * @param transactions the store's transaction runner
     * @param dialect      the database's dialect
     * @param schema       the schema, or empty for the connection's default
     */
    public JdbcForumStore(TransactionRunner transactions, SqlDialect dialect, Optional<String> schema) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sql = new Statements(dialect);
        this.table = schema.map(s -> s + ".").orElse("") + "hd_forum_post";
    }

    @Override
    public Either<Rejection, ForumPost> save(TenantId tenant, ForumPost p) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(p, "post");
        return transactions.inTransaction(c -> {
            Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            try {
                int written;
                if (p.version() == 1) {
                    written = sql.update(c, "INSERT INTO " + table + " (tenant_id, " + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b -> b.text(tenant.value()).text(p.id().value())
                            .text(p.author().value()).text(p.title()).text(p.body()).instantAndNanos(p.postedAt())
                            .text(p.status().name()).uuid(p.ticket().map(TicketId::value).orElse(null)).text(p.answer())
                            .number(p.version()));
                } else {
                    written = sql.update(c, "UPDATE " + table + " SET status = ?, ticket_id = ?, answer = ?, version = ?"
                            + " WHERE tenant_id = ? AND id = ? AND version = ?", b -> b.text(p.status().name())
                            .uuid(p.ticket().map(TicketId::value).orElse(null)).text(p.answer()).number(p.version())
                            .text(tenant.value()).text(p.id().value()).number(p.version() - 1));
                }
                if (written == 0) {
                    return Either.<Rejection, ForumPost>left(conflict(c, tenant, p, savepoint));
                }
            } catch (SQLException e) {
                if (!dialect.isDuplicateKey(e)) {
                    throw e;
                }
                return Either.<Rejection, ForumPost>left(conflict(c, tenant, p, savepoint));
            }
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            return Either.<Rejection, ForumPost>right(p);
        });
    }

    private Rejection conflict(Connection c, TenantId tenant, ForumPost p, Savepoint savepoint) throws SQLException {
        if (savepoint != null) {
            c.rollback(savepoint);
        } else {
            c.rollback();
        }
        long actual = sql.first(c, "SELECT version FROM " + table + " WHERE tenant_id = ? AND id = ?",
                b -> b.text(tenant.value()).text(p.id().value()), r -> r.getLong("version")).orElse(0L);
        return new Rejection.ConcurrentModification("post", p.id().toString(), p.version() - 1, actual);
    }

    @Override
    public Option<ForumPost> find(TenantId tenant, PostId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return Option.ofOptional(transactions.singleStatement(c -> sql.first(c, "SELECT " + COLUMNS + " FROM " + table
                + " WHERE tenant_id = ? AND id = ?", b -> b.text(tenant.value()).text(id.value()), this::read)));
    }

    @Override
    public List<ForumPost> unansweredBefore(TenantId tenant, Instant before) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(before, "before");
        return transactions.singleStatement(c -> sql.query(c, "SELECT " + COLUMNS + " FROM " + table
                + " WHERE tenant_id = ? AND status = 'UNANSWERED'"
                + " AND (posted_at < ? OR (posted_at = ? AND posted_nanos < ?))"
                + " ORDER BY posted_at, posted_nanos, id", b -> b.text(tenant.value()).instant(before).instant(before)
                        .integer(EventRows.nanos(before)), this::read));
    }

    private ForumPost read(ResultSet r) throws SQLException {
        UUID ticket = dialect.getUuid(r, "ticket_id");
        return ForumPost.builder().id(PostId.of(r.getString("id"))).author(CustomerId.of(r.getString("author_id")))
                .title(r.getString("title")).body(r.getString("body"))
                .postedAt(dialect.getInstant(r, "posted_at").plusNanos(r.getInt("posted_nanos")))
                .status(PostStatus.valueOf(r.getString("status")))
                .ticket(ticket == null ? Optional.empty() : Optional.of(TicketId.of(ticket)))
                .answer(Optional.ofNullable(r.getString("answer"))).version(r.getLong("version")).build();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one transaction of the store (the host's, when the store joins it) for the work's
     * ticket commits and this port's writes.
     */
    @Override
    public <T> T unit(java.util.function.Supplier<T> work, java.util.function.Predicate<? super T> keep) {
        return transactions instanceof dev.helpdesk.jdbc.internal.Units units ? units.unit(work, keep) : work.get();
    }
}
