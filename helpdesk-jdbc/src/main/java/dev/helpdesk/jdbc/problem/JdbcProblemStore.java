package dev.helpdesk.jdbc.problem;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Params;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.problem.HandOff;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemId;
import dev.helpdesk.spi.problem.ProblemStatus;
import dev.helpdesk.spi.problem.ProblemStore;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Problems in {@code hd_problem} and their hand-offs in {@code hd_problem_handoff} (schema
 * version 12); the tickets linked to a problem are read from {@code hd_ticket_event}'s
 * {@code problem_linked}/{@code problem_unlinked} rows: per ticket, the latest such row of the
 * problem (an anti-join on a later one) is a link. Made by
 * {@link dev.helpdesk.jdbc.JdbcTicketStore#problems()}. Thread-safe.
 *
 * <p>An update is one {@code UPDATE ... WHERE revision = ?}; with a hand-off, the hand-off's
 * insert is in the same transaction. Claiming hand-offs moves each one's {@code version} with an
 * {@code UPDATE ... WHERE version = ?}, so two processes never claim the same one.
 */
public final class JdbcProblemStore implements ProblemStore {
    private static final List<String> COLUMNS = List.of("tenant_id", "id", "revision", "title", "description", "status",
            "root_cause", "workaround", "workaround_article_id", "fixed_in", "tracker_reference", "handed_off_at",
            "handed_off_at_nanos", "created_by_kind", "created_by_id", "created_at", "created_at_nanos", "updated_at",
            "updated_at_nanos");
    private static final List<String> HAND_OFF_COLUMNS = List.of("id", "tenant_id", "problem_id", "version", "requested_at",
            "requested_at_nanos", "state", "attempts", "next_attempt_at", "next_attempt_at_nanos", "reference", "last_error");

    private final SqlDialect dialect;
    private final TransactionRunner transactions;
    private final Statements sql;
    private final EventRows rows;
    private final String problems;
    private final String handOffs;
    private final String events;

    /**
     * Makes a store on a migrated database.
     *
     * @param dialect      the database's dialect
     * @param transactions how work runs in transactions
     * @param schema       the schema of the tables, or empty for the connection's default
     */
    public JdbcProblemStore(SqlDialect dialect, TransactionRunner transactions, Optional<String> schema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sql = new Statements(dialect);
        this.rows = new EventRows(dialect);
        String prefix = schema.map(s -> s + ".").orElse("");
        this.problems = prefix + "hd_problem";
        this.handOffs = prefix + "hd_problem_handoff";
        this.events = prefix + "hd_ticket_event";
    }

    @Override
    public Either<Rejection, Problem> insert(Problem p) {
        if (p.revision() != 1) {
            throw new IllegalArgumentException("a new problem is at revision 1, not " + p.revision());
        }
        String insert = "INSERT INTO " + problems + " (" + String.join(", ", COLUMNS) + ") VALUES ("
                + Statements.placeholders(COLUMNS.size()) + ")";
        return transactions.inTransaction(c -> {
            // a duplicate id fails the insert; in a host's transaction only the savepoint is lost
            java.sql.Savepoint savepoint = transactions.joinsHostTransactions() ? c.setSavepoint() : null;
            try {
                sql.update(c, insert, params -> bind(params, p));
                return Either.<Rejection, Problem>right(p);
            } catch (SQLException e) {
                if (!dialect.isDuplicateKey(e)) {
                    throw e;
                }
                if (savepoint != null) {
                    c.rollback(savepoint);
                } else {
                    c.rollback();
                }
                return Either.<Rejection, Problem>left(Rejection.Invalid.of("id", "problem " + p.id() + " exists already"));
            }
        });
    }

    @Override
    public Either<Rejection, Problem> update(Problem p) {
        return transactions.inTransaction(c -> update(c, p));
    }

    @Override
    public Either<Rejection, Problem> update(Problem p, HandOff h) {
        if (!h.tenant().equals(p.tenant()) || !h.problem().equals(p.id())) {
            throw new IllegalArgumentException("the hand-off " + h.id() + " is not of problem " + p.id());
        }
        return transactions.inTransaction(c -> {
            Either<Rejection, Problem> updated = update(c, p);
            if (updated.isRight()) {
                sql.update(c, "INSERT INTO " + handOffs + " (" + String.join(", ", HAND_OFF_COLUMNS) + ") VALUES ("
                        + Statements.placeholders(HAND_OFF_COLUMNS.size()) + ")", params -> params.uuid(h.id())
                        .text(h.tenant().value()).uuid(h.problem().value()).number(0).instantAndNanos(h.requestedAt())
                        .text(h.state().name()).integer(h.attempts()).instantAndNanos(h.nextAttemptAt())
                        .text(h.reference().orElse(null)).text(h.lastError().orElse(null)));
            }
            return updated;
        });
    }

    private Either<Rejection, Problem> update(Connection c, Problem p) throws SQLException {
        List<String> set = COLUMNS.subList(2, COLUMNS.size());
        String update = "UPDATE " + problems + " SET " + String.join(" = ?, ", set) + " = ?"
                + " WHERE tenant_id = ? AND id = ? AND revision = ?";
        int n = sql.update(c, update, params -> bindTail(params, p).text(p.tenant().value()).uuid(p.id().value())
                .number(p.revision() - 1));
        if (n == 1) {
            return Either.right(p);
        }
        Optional<Long> stored = sql.first(c, "SELECT revision FROM " + problems + " WHERE tenant_id = ? AND id = ?",
                params -> params.text(p.tenant().value()).uuid(p.id().value()), r -> r.getLong("revision"));
        return Either.left(stored.<Rejection>map(s -> new Rejection.ConcurrentModification("problem", p.id().toString(),
                p.revision() - 1, s)).orElseGet(() -> new Rejection.NotFound("problem", p.id().toString())));
    }

    private static void bind(Params params, Problem p) throws SQLException {
        bindTail(params.text(p.tenant().value()).uuid(p.id().value()), p);
    }

    private static Params bindTail(Params params, Problem p) throws SQLException {
        return params.number(p.revision()).text(p.title()).text(p.description()).text(p.status().name())
                .text(p.rootCause()).text(p.workaround()).uuid(p.workaroundArticle().map(ArticleId::value).orElse(null))
                .text(p.fixedIn()).text(p.trackerReference()).instantAndNanos(p.handedOffAt().orElse(null))
                .text(EventRows.actorKind(p.createdBy())).text(EventRows.actorId(p.createdBy()))
                .instantAndNanos(p.createdAt()).instantAndNanos(p.updatedAt());
    }

    @Override
    public Optional<Problem> find(TenantId tenant, ProblemId id) {
        return transactions.inTransaction(c -> sql.first(c, "SELECT " + String.join(", ", COLUMNS) + " FROM " + problems
                + " WHERE tenant_id = ? AND id = ?", params -> params.text(tenant.value()).uuid(id.value()), r -> problem(tenant, r)));
    }

    @Override
    public List<Problem> list(TenantId tenant, Set<ProblemStatus> status, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("1-1000 problems, not " + limit);
        }
        List<ProblemStatus> wanted = List.copyOf(status);
        String filter = wanted.isEmpty() ? "" : " AND status IN (" + Statements.placeholders(wanted.size()) + ")";
        List<Problem> found = transactions.inTransaction(c -> sql.query(c, "SELECT " + String.join(", ", COLUMNS) + " FROM "
                        + problems + " WHERE tenant_id = ?" + filter, params -> {
                    params.text(tenant.value());
                    for (ProblemStatus s : wanted) {
                        params.text(s.name());
                    }
                }, r -> problem(tenant, r)));
        // ordered here: UUIDs compare differently in each database
        return found.stream().sorted(Comparator.comparing(Problem::createdAt).thenComparing(p -> p.id().value()).reversed())
                .limit(limit).toList();
    }

    private Problem problem(TenantId tenant, ResultSet r) throws SQLException {
        UUID article = dialect.getUuid(r, "workaround_article_id");
        return Problem.builder().tenant(tenant).id(ProblemId.of(dialect.getUuid(r, "id"))).revision(r.getLong("revision"))
                .title(r.getString("title")).description(r.getString("description"))
                .status(ProblemStatus.valueOf(r.getString("status")))
                .rootCause(Optional.ofNullable(r.getString("root_cause")))
                .workaround(Optional.ofNullable(r.getString("workaround")))
                .workaroundArticle(Optional.ofNullable(article).map(ArticleId::of))
                .fixedIn(Optional.ofNullable(r.getString("fixed_in")))
                .trackerReference(Optional.ofNullable(r.getString("tracker_reference")))
                .handedOffAt(Optional.ofNullable(rows.instant(r, "handed_off_at")))
                .createdBy(EventRows.actor(r.getString("created_by_kind"), r.getString("created_by_id")))
                .createdAt(rows.instant(r, "created_at")).updatedAt(rows.instant(r, "updated_at")).build();
    }

    @Override
    public List<TicketId> linkedTickets(TenantId tenant, ProblemId problem) {
        List<TicketId> linked = transactions.inTransaction(c -> sql.query(c, "SELECT e.ticket_id FROM " + events + " e"
                        + " WHERE e.tenant_id = ? AND e.problem_id = ? AND e.kind = 'problem_linked'"
                        + " AND NOT EXISTS (SELECT 1 FROM " + events + " l WHERE l.tenant_id = e.tenant_id"
                        + " AND l.problem_id = e.problem_id AND l.ticket_id = e.ticket_id AND l.version > e.version)",
                params -> params.text(tenant.value()).uuid(problem.value()), r -> TicketId.of(dialect.getUuid(r, "ticket_id"))));
        return linked.stream().sorted(Comparator.comparing(TicketId::value)).toList();
    }

    @Override
    public List<HandOff> claimHandOffs(Instant now, int limit, Duration lease) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one hand-off, not " + limit);
        }
        return transactions.inTransaction(c -> {
            List<Versioned> due = sql.query(c, "SELECT " + String.join(", ", HAND_OFF_COLUMNS) + " FROM " + handOffs
                            + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id"
                            + dialect.limitClause(limit),
                    params -> params.instant(now), r -> new Versioned(handOff(r), r.getLong("version")));
            List<HandOff> claimed = new ArrayList<>();
            for (Versioned v : due) {
                int n = sql.update(c, "UPDATE " + handOffs + " SET version = ?, next_attempt_at = ?, next_attempt_at_nanos = ?"
                        + " WHERE id = ? AND version = ?", params -> params.number(v.version() + 1)
                        .instantAndNanos(now.plus(lease)).uuid(v.handOff().id()).number(v.version()));
                if (n == 1) {
                    claimed.add(v.handOff());
                }
            }
            return claimed;
        });
    }

    private record Versioned(HandOff handOff, long version) {
    }

    @Override
    public void recordAttempt(HandOff h) {
        int n = transactions.inTransaction(c -> sql.update(c, "UPDATE " + handOffs + " SET version = version + 1, state = ?,"
                        + " attempts = ?, next_attempt_at = ?, next_attempt_at_nanos = ?, reference = ?, last_error = ? WHERE id = ?",
                params -> params.text(h.state().name()).integer(h.attempts()).instantAndNanos(h.nextAttemptAt())
                        .text(h.reference().orElse(null)).text(h.lastError().orElse(null)).uuid(h.id())));
        if (n != 1) {
            throw new IllegalArgumentException("no hand-off " + h.id());
        }
    }

    @Override
    public List<HandOff> handOffs(TenantId tenant, ProblemId problem) {
        return transactions.inTransaction(c -> sql.query(c, "SELECT " + String.join(", ", HAND_OFF_COLUMNS) + " FROM " + handOffs
                        + " WHERE tenant_id = ? AND problem_id = ?", params -> params.text(tenant.value()).uuid(problem.value()),
                this::handOff)).stream().sorted(Comparator.comparing(HandOff::requestedAt).thenComparing(HandOff::id)).toList();
    }

    private HandOff handOff(ResultSet r) throws SQLException {
        return new HandOff(dialect.getUuid(r, "id"), TenantId.of(r.getString("tenant_id")), ProblemId.of(dialect.getUuid(r, "problem_id")),
                rows.instant(r, "requested_at"), HandOff.State.valueOf(r.getString("state")), r.getInt("attempts"),
                rows.instant(r, "next_attempt_at"), Optional.ofNullable(r.getString("reference")),
                Optional.ofNullable(r.getString("last_error")));
    }
}
