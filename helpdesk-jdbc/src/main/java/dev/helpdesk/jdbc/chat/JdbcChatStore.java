package dev.helpdesk.jdbc.chat;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.chat.ChatId;
import dev.helpdesk.spi.chat.ChatLine;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.chat.ChatStatus;
import dev.helpdesk.spi.chat.ChatStore;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Chat sessions in {@code hd_chat_session}, their transcripts in {@code hd_chat_line}, in the
 * store's transactions. A save of the next version is {@code UPDATE ... WHERE version = ?} plus
 * the new lines (a transcript only grows), in one transaction: a stale save updates no row and
 * writes nothing. Listing the open sessions reads each one's transcript with one query per
 * session. Thread-safe; holds no connection.
 */
public final class JdbcChatStore implements ChatStore {
    private static final String COLUMNS = "id, customer_id, group_id, waiting_since, waiting_nanos, agent_id,"
            + " first_response_at, first_response_nanos, status, ticket_id, version";

    private final TransactionRunner transactions;
    private final SqlDialect dialect;
    private final Statements sql;
    private final String session;
    private final String line;

    /**
     * Makes the store.
     *
     * @param transactions the store's transaction runner
     * @param dialect      the database's dialect
     * @param schema       the schema, or empty for the connection's default
     */
    public JdbcChatStore(TransactionRunner transactions, SqlDialect dialect, Optional<String> schema) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sql = new Statements(dialect);
        String prefix = schema.map(s -> s + ".").orElse("");
        this.session = prefix + "hd_chat_session";
        this.line = prefix + "hd_chat_line";
    }

    @Override
    public Either<Rejection, ChatSession> save(TenantId tenant, ChatSession s) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(s, "session");
        return transactions.inTransaction(c -> {
            Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            int from;
            try {
                if (s.version() == 1) {
                    sql.update(c, "INSERT INTO " + session + " (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            p -> p.text(tenant.value()).uuid(s.id().value()).text(s.customer().value()).text(s.group().value())
                                    .instantAndNanos(s.waitingSince()).text(s.agent().map(AgentId::value))
                                    .instantAndNanos(s.firstResponseAt().orElse(null)).text(s.status().name())
                                    .uuid(s.ticket().map(TicketId::value).orElse(null)).number(s.version()));
                    from = 0;
                } else {
                    int updated = sql.update(c, "UPDATE " + session + " SET agent_id = ?, first_response_at = ?,"
                            + " first_response_nanos = ?, status = ?, ticket_id = ?, version = ?"
                            + " WHERE tenant_id = ? AND id = ? AND version = ?",
                            p -> p.text(s.agent().map(AgentId::value)).instantAndNanos(s.firstResponseAt().orElse(null))
                                    .text(s.status().name()).uuid(s.ticket().map(TicketId::value).orElse(null))
                                    .number(s.version()).text(tenant.value()).uuid(s.id().value()).number(s.version() - 1));
                    if (updated == 0) {
                        return Either.<Rejection, ChatSession>left(conflict(c, tenant, s, savepoint));
                    }
                    from = sql.first(c, "SELECT COUNT(*) AS n FROM " + line + " WHERE tenant_id = ? AND chat_id = ?",
                            p -> p.text(tenant.value()).uuid(s.id().value()), r -> r.getInt("n")).orElse(0);
                }
            } catch (SQLException e) {
                if (!dialect.isDuplicateKey(e)) {
                    throw e;
                }
                return Either.<Rejection, ChatSession>left(conflict(c, tenant, s, savepoint));
            }
            if (from > s.transcript().size()) {
                throw new IllegalArgumentException("a chat's transcript only grows");
            }
            List<Integer> added = new ArrayList<>();
            for (int i = from; i < s.transcript().size(); i++) {
                added.add(i);
            }
            sql.batch(c, "INSERT INTO " + line + " (tenant_id, chat_id, line_index, written_at, written_nanos, author_kind,"
                    + " author_id, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", added, (p, i) -> {
                ChatLine l = s.transcript().get(i);
                p.text(tenant.value()).uuid(s.id().value()).integer(i).instantAndNanos(l.at())
                        .text(EventRows.actorKind(l.author())).text(EventRows.actorId(l.author())).text(l.text());
            });
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            return Either.<Rejection, ChatSession>right(s);
        });
    }

    private Rejection conflict(Connection c, TenantId tenant, ChatSession s, Savepoint savepoint) throws SQLException {
        if (savepoint != null) {
            c.rollback(savepoint);
        } else {
            c.rollback();
        }
        long actual = sql.first(c, "SELECT version FROM " + session + " WHERE tenant_id = ? AND id = ?",
                p -> p.text(tenant.value()).uuid(s.id().value()), r -> r.getLong("version")).orElse(0L);
        return new Rejection.ConcurrentModification("chat", s.id().toString(), s.version() - 1, actual);
    }

    @Override
    public Option<ChatSession> find(TenantId tenant, ChatId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return Option.ofOptional(transactions.inTransaction(c -> {
            Optional<ChatSession.Builder> row = sql.first(c, "SELECT " + COLUMNS + " FROM " + session
                    + " WHERE tenant_id = ? AND id = ?", p -> p.text(tenant.value()).uuid(id.value()), this::read);
            return row.isEmpty() ? Optional.<ChatSession>empty() : Optional.of(withLines(c, tenant, id.value(), row.get()));
        }));
    }

    @Override
    public List<ChatSession> open(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return transactions.inTransaction(c -> {
            List<ChatSession.Builder> rows = sql.query(c, "SELECT " + COLUMNS + " FROM " + session
                    + " WHERE tenant_id = ? AND status IN ('WAITING', 'ACTIVE')"
                    + " ORDER BY waiting_since, waiting_nanos, id", p -> p.text(tenant.value()), this::read);
            List<ChatSession> open = new ArrayList<>(rows.size());
            for (ChatSession.Builder b : rows) {
                ChatSession head = b.build();
                open.add(withLines(c, tenant, head.id().value(), b));
            }
            return List.copyOf(open);
        });
    }

    @Override
    public int activeOf(TenantId tenant, AgentId agent) {
        return transactions.singleStatement(c -> sql.first(c, "SELECT COUNT(*) AS n FROM " + session
                + " WHERE tenant_id = ? AND status = 'ACTIVE' AND agent_id = ?",
                p -> p.text(tenant.value()).text(agent.value()), r -> r.getInt("n")).orElse(0));
    }

    private ChatSession withLines(Connection c, TenantId tenant, UUID id, ChatSession.Builder b) throws SQLException {
        List<ChatLine> lines = sql.query(c, "SELECT written_at, written_nanos, author_kind, author_id, text FROM " + line
                + " WHERE tenant_id = ? AND chat_id = ? ORDER BY line_index", p -> p.text(tenant.value()).uuid(id),
                r -> new ChatLine(dialect.getInstant(r, "written_at").plusNanos(r.getInt("written_nanos")),
                        EventRows.actor(r.getString("author_kind"), r.getString("author_id")), r.getString("text")));
        return b.transcript(lines).build();
    }

    private ChatSession.Builder read(ResultSet r) throws SQLException {
        String agent = r.getString("agent_id");
        Instant first = dialect.getInstant(r, "first_response_at");
        UUID ticket = dialect.getUuid(r, "ticket_id");
        ChatSession.Builder b = ChatSession.builder();
        b.id(ChatId.of(dialect.getUuid(r, "id"))).customer(CustomerId.of(r.getString("customer_id")))
                .group(GroupId.of(r.getString("group_id")))
                .waitingSince(dialect.getInstant(r, "waiting_since").plusNanos(r.getInt("waiting_nanos")))
                .agent(agent == null ? Optional.empty() : Optional.of(AgentId.of(agent)))
                .firstResponseAt(first == null ? Optional.empty() : Optional.of(first.plusNanos(r.getInt("first_response_nanos"))))
                .status(ChatStatus.valueOf(r.getString("status")))
                .ticket(ticket == null ? Optional.empty() : Optional.of(TicketId.of(ticket)))
                .version(r.getLong("version"));
        return b;
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
