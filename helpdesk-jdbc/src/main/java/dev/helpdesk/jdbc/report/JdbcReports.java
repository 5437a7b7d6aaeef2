package dev.helpdesk.jdbc.report;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Params;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.jdbc.internal.Tables;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.report.AgentLoad;
import dev.helpdesk.spi.report.Backlog;
import dev.helpdesk.spi.report.BusinessClock;
import dev.helpdesk.spi.report.Count;
import dev.helpdesk.spi.report.Deflection;
import dev.helpdesk.spi.report.ClockCompliance;
import dev.helpdesk.spi.report.Durations;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.report.FrequentProblems;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.report.Resolution;
import dev.helpdesk.spi.report.ScaleRatings;
import dev.helpdesk.spi.report.SubjectTerms;
import dev.helpdesk.spi.report.TierEscalation;
import dev.helpdesk.spi.report.TimeFigure;
import dev.helpdesk.spi.report.Volume;
import dev.helpdesk.spi.feedback.SatisfactionScale;
import dev.helpdesk.spi.ticket.Tier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@link Reports} of a JDBC store: every figure is a SQL aggregate over
 * {@code hd_ticket_event} (grouped counts, correlated {@code NOT EXISTS} for "first" and
 * "latest"), never a read of tickets or histories into memory. Two figures read one row per
 * counted ticket instead of one number: the durations (the opening and the reply or solve
 * instants of each ticket, since business time needs the calendar, and medians need the values),
 * and the subject terms (the subject of each ticket opened in the period, since splitting words
 * per language is no SQL). Day counts are cumulative conditional sums over one scan, with day
 * boundaries computed in the query's zone, so days follow it exactly, DST included.
 *
 * <p>Instants are compared in whole microseconds, as the databases keep them; a report's bounds
 * are whole microseconds ({@link ReportQuery}). Reads run in one transaction per figure.
 */
public final class JdbcReports implements Reports {
    private static final String AGENT_REPLY = "%1$s.kind = 'message_posted' AND %1$s.actor_kind = 'agent'"
            + " AND %1$s.message_visibility = 'PUBLIC' AND %1$s.message_automatic = FALSE AND %1$s.version > 2";
    private static final String STATUS_KINDS = "('opened', 'status_changed', 'solved', 'reopened', 'closed', 'merged')";

    private final TransactionRunner transactions;
    private final Statements sql;
    private final SqlDialect dialect;
    private final EventRows rows;
    private final String events;

    /**
     * Reports over a store's tables.
     *
     * @param transactions how to get a connection (the store's runner)
     * @param dialect      the database's dialect
     * @param schema       the schema of the tables, or empty for the connection's default
     */
    public JdbcReports(TransactionRunner transactions, SqlDialect dialect, Optional<String> schema) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sql = new Statements(dialect);
        this.rows = new EventRows(dialect);
        this.events = Tables.in(schema).event();
    }

    /** The tickets opened in the period: {@code o} is the opening row, bound as tenant, from, to. */
    private String openedIn(String alias) {
        return alias + ".tenant_id = ? AND " + alias + ".kind = 'opened' AND " + alias + ".occurred_at >= ? AND "
                + alias + ".occurred_at < ?";
    }

    /** The opening row of the ticket of row {@code x}. */
    private String openingOf(String x) {
        return " JOIN " + events + " o ON o.tenant_id = " + x + ".tenant_id AND o.ticket_id = " + x + ".ticket_id AND o.version = 1";
    }

    private static String same(String a, String b) {
        return a + ".tenant_id = " + b + ".tenant_id AND " + a + ".ticket_id = " + b + ".ticket_id";
    }

    @Override
    public Volume volume(ReportQuery q) {
        return transactions.inTransaction(c -> {
            SortedMap<String, Long> channel = new TreeMap<>();
            SortedMap<String, Long> category = new TreeMap<>();
            SortedMap<String, Long> tier = new TreeMap<>();
            SortedMap<String, Long> group = new TreeMap<>();
            long[] total = {0};
            sql.forEach(c, "SELECT o.channel, o.category_to, o.tier_to, o.group_to, COUNT(*) AS n FROM " + events + " o"
                            + " WHERE " + openedIn("o") + " GROUP BY o.channel, o.category_to, o.tier_to, o.group_to",
                    p -> period(p, q), r -> {
                        long n = r.getLong("n");
                        total[0] += n;
                        channel.merge(r.getString("channel"), n, Long::sum);
                        category.merge(r.getString("category_to"), n, Long::sum);
                        tier.merge(r.getString("tier_to"), n, Long::sum);
                        String g = r.getString("group_to");
                        group.merge(g == null ? Volume.NO_GROUP : g, n, Long::sum);
                    });
            return new Volume(total[0], channel, category, tier, group, byDay(c, q));
        });
    }

    /** The most day boundaries one query counts; longer periods take one query per this many days. */
    private static final int DAYS_PER_QUERY = 400;

    /**
     * Tickets opened per day: one scan per {@value #DAYS_PER_QUERY} days, counting for each day's
     * end the openings before it ({@code SUM(CASE ...)}); a day's count is the difference of two
     * consecutive sums. Day boundaries are computed in the query's zone, so DST days have 23 or 25 hours.
     */
    private SortedMap<LocalDate, Long> byDay(Connection c, ReportQuery q) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(q.from(), q.zone()); ; day = day.plusDays(1)) {
            Instant start = max(day.atStartOfDay(q.zone()).toInstant(), q.from());
            if (!start.isBefore(q.to())) {
                break;
            }
            days.add(day);
            ends.add(min(ZonedDateTime.of(day.plusDays(1).atStartOfDay(), q.zone()).toInstant(), q.to()));
        }
        SortedMap<LocalDate, Long> out = new TreeMap<>();
        for (int first = 0; first < days.size(); first += DAYS_PER_QUERY) {
            int last = Math.min(days.size(), first + DAYS_PER_QUERY);
            Instant chunkFrom = first == 0 ? q.from() : ends.get(first - 1);
            List<Instant> chunk = ends.subList(first, last);
            StringBuilder select = new StringBuilder("SELECT ");
            for (int i = 0; i < chunk.size(); i++) {
                select.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN o.occurred_at < ? THEN 1 ELSE 0 END)");
            }
            int offset = first;
            sql.forEach(c, select + " FROM " + events + " o WHERE " + openedIn("o"), p -> {
                for (Instant end : chunk) {
                    p.instant(end);
                }
                p.text(q.tenant().value()).instant(chunkFrom).instant(chunk.get(chunk.size() - 1));
            }, r -> {
                long before = 0;
                for (int i = 0; i < chunk.size(); i++) {
                    long upTo = r.getLong(i + 1);
                    if (upTo > before) {
                        out.put(days.get(offset + i), upTo - before);
                    }
                    before = upTo;
                }
            });
        }
        return out;
    }

    @Override
    public FrequentProblems frequentProblems(ReportQuery q) {
        return transactions.inTransaction(c -> {
            Map<String, Long> categories = new HashMap<>();
            sql.forEach(c, "SELECT o.category_to, COUNT(*) AS n FROM " + events + " o WHERE " + openedIn("o")
                    + " GROUP BY o.category_to", p -> period(p, q), r -> categories.put(r.getString(1), r.getLong(2)));
            Map<String, Long> tags = new HashMap<>();
            sql.forEach(c, "SELECT t.tag, COUNT(DISTINCT t.ticket_id) AS n FROM " + events + " t" + openingOf("t")
                            + " WHERE t.tenant_id = ? AND t.kind = 'tag_added' AND t.occurred_at < ?"
                            + " AND o.occurred_at >= ? AND o.occurred_at < ? GROUP BY t.tag",
                    p -> p.text(q.tenant().value()).instant(q.to()).instant(q.from()).instant(q.to()),
                    r -> tags.put(r.getString(1), r.getLong(2)));
            Map<String, Long> problems = new HashMap<>();
            sql.forEach(c, "SELECT t.problem_id, COUNT(DISTINCT t.ticket_id) AS n FROM " + events + " t" + openingOf("t")
                            + " WHERE t.tenant_id = ? AND t.kind = 'problem_linked' AND t.occurred_at < ?"
                            + " AND o.occurred_at >= ? AND o.occurred_at < ? GROUP BY t.problem_id",
                    p -> p.text(q.tenant().value()).instant(q.to()).instant(q.from()).instant(q.to()),
                    r -> problems.put(dialect.getUuid(r, "problem_id").toString(), r.getLong(2)));
            Map<String, Map<String, Long>> terms = new HashMap<>();
            sql.forEach(c, "SELECT o.subject FROM " + events + " o WHERE " + openedIn("o"), p -> period(p, q), r -> {
                SubjectTerms.Analysis a = SubjectTerms.analyse(r.getString(1));
                a.terms().forEach(t -> terms.computeIfAbsent(a.language(), l -> new HashMap<>()).merge(t, 1L, Long::sum));
            });
            SortedMap<String, List<Count>> byLanguage = new TreeMap<>();
            terms.forEach((language, counts) -> byLanguage.put(language, top(counts, q.top())));
            return new FrequentProblems(top(categories, q.top()), top(tags, q.top()), byLanguage, top(problems, q.top()));
        });
    }

    private static List<Count> top(Map<String, Long> counts, int top) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).sorted(Count.RANKING).limit(top).toList();
    }

    @Override
    public Resolution resolution(ReportQuery q) {
        return resolutions(q, false).getOrDefault(NO_POLICY, new Figures(q.businessClock()).resolution());
    }

    @Override
    public SortedMap<String, Resolution> resolutionByPolicy(ReportQuery q) {
        return resolutions(q, true);
    }

    /**
     * The SLA policy on record for the ticket of row {@code x} at the period's end, as a select
     * column: the {@code sla_policy} of its latest {@code sla_policy_applied} row before the end
     * (an anti-join on a later one); NULL when there is none or it says none applies. Binds the
     * period's end twice. Empty when the figures are not split.
     */
    private String policyOf(String x, boolean split) {
        return split ? ", (SELECT p.sla_policy FROM " + events + " p WHERE " + same("p", x)
                + " AND p.kind = 'sla_policy_applied' AND p.occurred_at < ? AND NOT EXISTS (SELECT 1 FROM " + events
                + " y WHERE " + same("y", "p") + " AND y.kind = 'sla_policy_applied' AND y.occurred_at < ?"
                + " AND y.version > p.version)) AS policy" : "";
    }

    private static Params policyEnd(Params p, ReportQuery q, boolean split) throws SQLException {
        return split ? p.instant(q.to()).instant(q.to()) : p;
    }

    private static String policy(ResultSet r, boolean split) throws SQLException {
        String policy = split ? r.getString("policy") : null;
        return policy == null ? NO_POLICY : policy;
    }

    /** The resolution figures, all under {@link #NO_POLICY} or split by the policy on record. */
    private SortedMap<String, Resolution> resolutions(ReportQuery q, boolean split) {
        return transactions.inTransaction(c -> {
            Map<String, Figures> by = new HashMap<>();
            java.util.function.Function<String, Figures> of = k -> by.computeIfAbsent(k, x -> new Figures(q.businessClock()));
            sql.forEach(c, "SELECT o.occurred_at AS o_at, o.occurred_at_nanos AS o_at_nanos, r.occurred_at AS r_at,"
                            + " r.occurred_at_nanos AS r_at_nanos" + policyOf("r", split) + " FROM " + events + " r" + openingOf("r")
                            + " WHERE r.tenant_id = ? AND " + AGENT_REPLY.formatted("r")
                            + " AND r.occurred_at >= ? AND r.occurred_at < ?"
                            + " AND NOT EXISTS (SELECT 1 FROM " + events + " x WHERE " + same("x", "r") + " AND "
                            + AGENT_REPLY.formatted("x") + " AND x.version < r.version)",
                    p -> period(policyEnd(p, q, split), q),
                    r -> of.apply(policy(r, split)).firstReply.add(rows.instant(r, "o_at"), rows.instant(r, "r_at")));
            sql.forEach(c, "SELECT o.occurred_at AS o_at, o.occurred_at_nanos AS o_at_nanos, s.occurred_at AS s_at,"
                            + " s.occurred_at_nanos AS s_at_nanos" + policyOf("s", split) + " FROM " + events + " s" + openingOf("s")
                            + " WHERE s.tenant_id = ? AND s.kind = 'solved' AND s.occurred_at >= ? AND s.occurred_at < ?"
                            + " AND NOT EXISTS (SELECT 1 FROM " + events + " x WHERE " + same("x", "s")
                            + " AND x.kind = 'solved' AND x.version < s.version)",
                    p -> period(policyEnd(p, q, split), q),
                    r -> of.apply(policy(r, split)).firstResolution.add(rows.instant(r, "o_at"), rows.instant(r, "s_at")));
            sql.forEach(c, "SELECT o.occurred_at AS o_at, o.occurred_at_nanos AS o_at_nanos, s.occurred_at AS s_at,"
                            + " s.occurred_at_nanos AS s_at_nanos,"
                            + " (SELECT COUNT(*) FROM " + events + " x WHERE " + same("x", "s") + " AND "
                            + AGENT_REPLY.formatted("x") + " AND x.occurred_at < ?) AS replies,"
                            + " (SELECT COUNT(*) FROM " + events + " x WHERE " + same("x", "s")
                            + " AND x.kind = 'reopened' AND x.occurred_at < ?) AS reopens" + policyOf("s", split)
                            + " FROM " + events + " s" + openingOf("s")
                            + " WHERE s.tenant_id = ? AND s.kind = 'solved' AND s.occurred_at >= ? AND s.occurred_at < ?"
                            + " AND NOT EXISTS (SELECT 1 FROM " + events + " x WHERE " + same("x", "s")
                            + " AND x.kind IN ('solved', 'reopened') AND x.version > s.version AND x.occurred_at < ?)",
                    p -> period(policyEnd(p.instant(q.to()).instant(q.to()), q, split), q).instant(q.to()), r -> {
                        Figures f = of.apply(policy(r, split));
                        f.fullResolution.add(rows.instant(r, "o_at"), rows.instant(r, "s_at"));
                        if (r.getLong("replies") == 1 && r.getLong("reopens") == 0) {
                            f.oneTouch++;
                        }
                    });
            sql.forEach(c, "SELECT k.kind" + (split ? ", k.policy" : "") + ", COUNT(*) AS n FROM (SELECT e.kind"
                            + policyOf("e", split) + " FROM " + events + " e WHERE e.tenant_id = ?"
                            + " AND e.kind IN ('solved', 'reopened') AND e.occurred_at >= ? AND e.occurred_at < ?) k"
                            + " GROUP BY k.kind" + (split ? ", k.policy" : ""),
                    p -> period(policyEnd(p, q, split), q), r -> {
                        Figures f = of.apply(policy(r, split));
                        if (r.getString("kind").equals("solved")) {
                            f.solves += r.getLong("n");
                        } else {
                            f.reopens += r.getLong("n");
                        }
                    });
            SortedMap<String, Resolution> out = new TreeMap<>();
            by.forEach((policy, f) -> out.put(policy, f.resolution()));
            return out;
        });
    }

    @Override
    public List<ClockCompliance> slaCompliance(ReportQuery q) {
        return transactions.inTransaction(c -> {
            ClockCompliance.Tally tally = new ClockCompliance.Tally();
            sql.forEach(c, "SELECT e.sla_policy, e.sla_clock, e.sla_achieved, COUNT(*) AS n FROM " + events + " e"
                            + " WHERE e.tenant_id = ? AND e.kind = 'sla_completed' AND e.occurred_at >= ? AND e.occurred_at < ?"
                            + " GROUP BY e.sla_policy, e.sla_clock, e.sla_achieved",
                    p -> period(p, q), r -> tally.add(r.getString("sla_policy"), ClockKind.valueOf(r.getString("sla_clock")),
                            r.getBoolean("sla_achieved"), r.getLong("n")));
            return tally.toList();
        });
    }

    /** The resolution figures of one group of tickets while the rows are read. */
    private static final class Figures {
        final Spans firstReply;
        final Spans firstResolution;
        final Spans fullResolution;
        long oneTouch;
        long solves;
        long reopens;

        Figures(Optional<BusinessClock> clock) {
            firstReply = new Spans(clock);
            firstResolution = new Spans(clock);
            fullResolution = new Spans(clock);
        }

        Resolution resolution() {
            return new Resolution(fullResolution.count(), oneTouch, solves, reopens, firstReply.figure(),
                    firstResolution.figure(), fullResolution.figure());
        }
    }

    /** Durations from openings, in calendar and business time. */
    private static final class Spans {
        private final Optional<BusinessClock> clock;
        private final List<Duration> calendar = new ArrayList<>();
        private final List<Duration> business = new ArrayList<>();

        Spans(Optional<BusinessClock> clock) {
            this.clock = clock;
        }

        void add(Instant from, Instant to) {
            calendar.add(Duration.between(from, to));
            clock.ifPresent(c -> business.add(c.between(from, to)));
        }

        long count() {
            return calendar.size();
        }

        TimeFigure figure() {
            return new TimeFigure(Durations.of(calendar), clock.map(c -> Durations.of(business)));
        }
    }

    @Override
    public Backlog backlog(ReportQuery q) {
        Instant day = q.to().minus(Duration.ofDays(1));
        Instant three = q.to().minus(Duration.ofDays(3));
        Instant seven = q.to().minus(Duration.ofDays(7));
        // each ticket's last status event before the end (no later one: an anti-join), if it leaves the ticket unsolved
        return transactions.inTransaction(c -> sql.first(c, "SELECT"
                        + " SUM(CASE WHEN o.occurred_at > ? THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN o.occurred_at <= ? AND o.occurred_at > ? THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN o.occurred_at <= ? AND o.occurred_at > ? THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN o.occurred_at <= ? THEN 1 ELSE 0 END)"
                        + " FROM " + events + " l" + openingOf("l")
                        + " WHERE l.tenant_id = ? AND l.kind IN " + STATUS_KINDS + " AND l.occurred_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM " + events + " m WHERE " + same("m", "l") + " AND m.kind IN " + STATUS_KINDS
                        + " AND m.version > l.version AND m.occurred_at < ?)"
                        + " AND (l.kind IN ('opened', 'reopened')"
                        + " OR (l.kind = 'status_changed' AND l.status_to IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')))",
                p -> p.instant(day).instant(day).instant(three).instant(three).instant(seven).instant(seven)
                        .text(q.tenant().value()).instant(q.to()).instant(q.to()),
                r -> new Backlog(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)))
                .orElse(new Backlog(0, 0, 0, 0)));
    }

    @Override
    public List<TierEscalation> escalations(ReportQuery q) {
        return transactions.inTransaction(c -> {
            Map<String, Long> at = new HashMap<>();
            sql.forEach(c, "SELECT e.tier_to, COUNT(DISTINCT e.ticket_id) FROM " + events + " e" + openingOf("e")
                            + " WHERE e.tenant_id = ? AND e.kind IN ('opened', 'tier_changed') AND e.occurred_at < ?"
                            + " AND o.occurred_at >= ? AND o.occurred_at < ? GROUP BY e.tier_to",
                    p -> p.text(q.tenant().value()).instant(q.to()).instant(q.from()).instant(q.to()),
                    r -> at.put(r.getString(1), r.getLong(2)));
            Map<String, Long> raised = new HashMap<>();
            sql.forEach(c, "SELECT e.tier_from, COUNT(DISTINCT e.ticket_id) FROM " + events + " e" + openingOf("e")
                            + " WHERE e.tenant_id = ? AND e.kind = 'tier_changed' AND e.tier_to > e.tier_from"
                            + " AND e.occurred_at < ? AND o.occurred_at >= ? AND o.occurred_at < ? GROUP BY e.tier_from",
                    p -> p.text(q.tenant().value()).instant(q.to()).instant(q.from()).instant(q.to()),
                    r -> raised.put(r.getString(1), r.getLong(2)));
            List<TierEscalation> out = new ArrayList<>();
            for (Tier t : Tier.values()) {
                out.add(new TierEscalation(t.name(), at.getOrDefault(t.name(), 0L), raised.getOrDefault(t.name(), 0L)));
            }
            return out;
        });
    }

    @Override
    public SortedMap<Integer, ScaleRatings> satisfaction(ReportQuery q) {
        return transactions.inTransaction(c -> {
            Map<Integer, SortedMap<Integer, Long>> scores = new TreeMap<>();
            sql.forEach(c, "SELECT r.satisfaction_out_of, r.satisfaction_score, COUNT(*) FROM " + events + " r"
                            + " WHERE r.tenant_id = ? AND r.kind = 'satisfaction_rated' AND r.occurred_at >= ? AND r.occurred_at < ?"
                            + " AND NOT EXISTS (SELECT 1 FROM " + events + " l WHERE " + same("l", "r")
                            + " AND l.kind = 'satisfaction_rated' AND l.cycle = r.cycle AND l.version > r.version AND l.occurred_at < ?)"
                            + " GROUP BY r.satisfaction_out_of, r.satisfaction_score",
                    p -> period(p, q).instant(q.to()),
                    r -> scores.computeIfAbsent(r.getInt(1), k -> new TreeMap<>()).put(r.getInt(2), r.getLong(3)));
            SortedMap<Integer, ScaleRatings> out = new TreeMap<>();
            scores.forEach((outOf, byScore) -> {
                SatisfactionScale scale = SatisfactionScale.ofTop(outOf);
                SortedMap<Integer, Long> all = new TreeMap<>();
                long count = 0;
                long bad = 0;
                for (int s = 1; s <= outOf; s++) {
                    long n = byScore.getOrDefault(s, 0L);
                    all.put(s, n);
                    count += n;
                    bad += scale.isBad(s) ? n : 0;
                }
                out.put(outOf, new ScaleRatings(outOf, count, bad, all));
            });
            return out;
        });
    }

    @Override
    public Deflection deflection(ReportQuery q) {
        return transactions.inTransaction(c -> {
            long[] counts = new long[3];
            sql.forEach(c, "SELECT a.article_solution, a.actor_kind, COUNT(*) FROM " + events + " a"
                            + " WHERE a.tenant_id = ? AND a.kind = 'article_linked' AND a.occurred_at >= ? AND a.occurred_at < ?"
                            + " GROUP BY a.article_solution, a.actor_kind",
                    p -> period(p, q), r -> {
                        boolean solution = r.getBoolean(1);
                        counts[!solution ? 2 : "customer".equals(r.getString(2)) ? 0 : 1] += r.getLong(3);
                    });
            return new Deflection(counts[0], counts[1], counts[2]);
        });
    }

    @Override
    public List<AgentLoad> workload(ReportQuery q) {
        return transactions.inTransaction(c -> {
            SortedMap<String, long[]> load = new TreeMap<>();
            String inPeriod = " e.tenant_id = ? AND e.occurred_at >= ? AND e.occurred_at < ?";
            sql.forEach(c, "SELECT e.agent_id, COUNT(*) FROM " + events + " e WHERE" + inPeriod
                            + " AND e.kind = 'assigned' GROUP BY e.agent_id",
                    p -> period(p, q), r -> load.computeIfAbsent(r.getString(1), k -> new long[3])[0] = r.getLong(2));
            sql.forEach(c, "SELECT e.actor_id, COUNT(*) FROM " + events + " e WHERE" + inPeriod
                            + " AND " + AGENT_REPLY.formatted("e") + " GROUP BY e.actor_id",
                    p -> period(p, q), r -> load.computeIfAbsent(r.getString(1), k -> new long[3])[1] = r.getLong(2));
            sql.forEach(c, "SELECT e.actor_id, COUNT(*) FROM " + events + " e WHERE" + inPeriod
                            + " AND e.kind = 'solved' AND e.actor_kind = 'agent' GROUP BY e.actor_id",
                    p -> period(p, q), r -> load.computeIfAbsent(r.getString(1), k -> new long[3])[2] = r.getLong(2));
            List<AgentLoad> out = new ArrayList<>();
            load.forEach((agent, n) -> out.add(new AgentLoad(agent, n[0], n[1], n[2])));
            return out;
        });
    }

    private static Params period(Params p, ReportQuery q) throws SQLException {
        return p.text(q.tenant().value()).instant(q.from()).instant(q.to());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
