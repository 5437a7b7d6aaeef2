package dev.helpdesk.bench.jdbc;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.report.Backlog;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.report.Resolution;
import dev.helpdesk.spi.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reports on a generated year of history on PostgreSQL: each figure of {@link Reports} as the
 * JDBC store computes it, against a hand-written PostgreSQL aggregate for the same figure
 * ({@code DISTINCT ON}, {@code FILTER}, {@code GROUPING SETS}, {@code percentile_disc}, {@code date_trunc}
 * in the zone), in alternating rounds in one JVM so both see the same load. The hand-written
 * resolution figure computes calendar-time percentiles in SQL; the store's reads the instants and
 * computes them in Java (it needs them for business time too); the query runs without a business
 * clock so both do the same work. Before timing, the numbers of both are compared.
 *
 * <p>The history: {@code tickets} tickets opened evenly over 2025 in one tenant: opening and
 * description; assigned a minute later; 10 % raised from L1 to L2; 90 % answered by an agent
 * 5 minutes to a day later; 80 % of those solved half an hour after the answer; 1 in 23 of the
 * solved reopened and solved again; a third of the solved rated; the SLA policy on record at the
 * opening (gold for a quarter, standard for the rest; 1 in 17 moved to gold ten minutes later) and
 * the first response cycle each answer completed (gold due in 1 h, standard in 4 h). Inserted with
 * {@code INSERT ... SELECT generate_series}; reports cover March 2025 (Europe/Amsterdam).
 *
 * <p>Run: {@code java -Xmx1g -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.jdbc.ReportComparison [tickets] [rounds]}.
 */
public final class ReportComparison {
    private static final String TENANT = "acme";
    private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z").minusSeconds(3600);
    private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z").minusSeconds(7200);
    private static final String ZONE = "Europe/Amsterdam";

    private ReportComparison() {
    }

    /**
     * Generates the history, checks the numbers agree, and prints the timings.
     *
     * @param args tickets (default 1,000,000) and rounds (default 7)
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        try (BenchPostgres pg = new BenchPostgres(); BenchPostgres.Pool pool = pg.database()) {
            JdbcTicketStore store = JdbcStores.create(pool);
            long t0 = System.nanoTime();
            generate(pool, tickets);
            long rows;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE hd_ticket_event");
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM hd_ticket_event");
                r.next();
                rows = r.getLong(1);
            }
            System.out.printf(Locale.ROOT, "generated %,d tickets, %,d events in %.1f s%n", tickets, rows,
                    (System.nanoTime() - t0) / 1e9);
            ReportQuery q = ReportQuery.builder().tenant(TenantId.of(TENANT)).from(FROM).to(TO).zone(ZoneId.of(ZONE)).build();
            Reports reports = store.reports();
            Hand hand = new Hand(pool);
            Map<String, Supplier<Object>> ours = new LinkedHashMap<>();
            Map<String, Supplier<Object>> theirs = new LinkedHashMap<>();
            ours.put("volume", () -> reports.volume(q));
            theirs.put("volume", hand::volume);
            ours.put("resolution", () -> reports.resolution(q));
            theirs.put("resolution", hand::resolution);
            ours.put("backlog", () -> reports.backlog(q));
            theirs.put("backlog", hand::backlog);
            ours.put("escalations", () -> reports.escalations(q));
            theirs.put("escalations", hand::escalations);
            ours.put("satisfaction", () -> reports.satisfaction(q));
            theirs.put("satisfaction", hand::satisfaction);
            ours.put("workload", () -> reports.workload(q));
            theirs.put("workload", hand::workload);
            ours.put("by policy", () -> reports.resolutionByPolicy(q));
            theirs.put("by policy", hand::resolutionByPolicy);
            ours.put("compliance", () -> reports.slaCompliance(q));
            theirs.put("compliance", hand::compliance);
            check(reports, q, hand);
            System.out.println("figure        ours p50 (ms)  hand p50 (ms)  ratio (median of rounds)");
            for (String figure : ours.keySet()) {
                List<Double> a = new ArrayList<>();
                List<Double> b = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < rounds + 1; i++) {
                    double x = time(ours.get(figure));
                    double y = time(theirs.get(figure));
                    if (i > 0) { // the first round warms up
                        a.add(x);
                        b.add(y);
                        ratios.add(x / y);
                    }
                }
                System.out.printf(Locale.ROOT, "%-13s %13.1f  %13.1f  %6.2f%n", figure, median(a), median(b), median(ratios));
            }
        }
    }

    private static double time(Supplier<Object> work) {
        long start = System.nanoTime();
        Object result = work.get();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The two give the same numbers, or the comparison means nothing. */
    private static void check(Reports reports, ReportQuery q, Hand hand) {
        long volume = reports.volume(q).total();
        Resolution r = reports.resolution(q);
        Backlog b = reports.backlog(q);
        Map<String, Object> mine = new LinkedHashMap<>();
        mine.put("volume", volume);
        mine.put("first reply median s", r.firstReply().calendar().median().map(d -> d.getSeconds()).orElse(-1L));
        mine.put("first reply p90 s", r.firstReply().calendar().p90().map(d -> d.getSeconds()).orElse(-1L));
        mine.put("full resolution median s", r.fullResolution().calendar().median().map(d -> d.getSeconds()).orElse(-1L));
        mine.put("one touch", r.oneTouch());
        mine.put("backlog", List.of(b.underOneDay(), b.oneToThreeDays(), b.threeToSevenDays(), b.overSevenDays()));
        mine.put("ratings", reports.satisfaction(q).values().stream().mapToLong(s -> s.count()).sum());
        mine.put("raised from L1", reports.escalations(q).get(0).raised());
        Map<String, List<Long>> byPolicy = new java.util.TreeMap<>();
        reports.resolutionByPolicy(q).forEach((policy, p) -> byPolicy.put(policy, List.of(p.firstReply().calendar().count(),
                p.firstReply().calendar().median().map(d -> d.getSeconds()).orElse(-1L),
                p.firstReply().calendar().p90().map(d -> d.getSeconds()).orElse(-1L), p.solves())));
        mine.put("first reply by policy", byPolicy);
        mine.put("compliance", reports.slaCompliance(q).stream()
                .map(c -> c.policy() + "/" + c.clock() + "/" + c.achieved() + "/" + c.breached()).toList());
        Map<String, Object> theirs = hand.numbers();
        System.out.println("numbers (ours): " + mine);
        if (!mine.equals(theirs)) {
            throw new IllegalStateException("the figures differ: hand-written " + theirs);
        }
        System.out.println("numbers agree with the hand-written SQL");
    }

    private static void generate(BenchPostgres.Pool pool, int n) throws SQLException {
        String when = "TIMESTAMPTZ '2025-01-01 00:00:00+00' + (i * (31536000.0 / " + n + ")) * INTERVAL '1 second'";
        String reply = "(" + when + " + ((i::bigint * 7919) % 1440 + 5) * INTERVAL '1 minute')";
        String solve = "(" + reply + " + INTERVAL '30 minutes')";
        String ev = "INSERT INTO hd_ticket_event (tenant_id, ticket_id, version, kind, occurred_at, occurred_at_nanos, actor_kind, actor_id";
        String id = "md5('t' || i)::uuid";
        String[] statements = {
            ev + ", ticket_number, subject, requester_id, channel, category_to, priority_to, tier_to, group_to) SELECT '"
                    + TENANT + "', " + id + ", 1, 'opened', " + when + ", 0, 'customer', 'c' || (i % 5000), i,"
                    + " (ARRAY['Printer does not print','Invoice charged twice','Cannot log in','Where is my order','Router keeps rebooting'])[1 + i % 5],"
                    + " 'c' || (i % 5000), (ARRAY['EMAIL','PHONE','LIVE_CHAT','WEB_FORM','SELF_SERVICE'])[1 + (i * 7) % 5],"
                    + " (ARRAY['technical.troubleshooting','customer.billing','customer.account','customer.orders-shipping'])[1 + (i * 3) % 4],"
                    + " 'NORMAL', 'L1', CASE WHEN i % 3 = 0 THEN 'platform' END FROM generate_series(1, " + n + ") i",
            ev + ", message_id, message_author_kind, message_author_id, message_visibility, message_channel, message_body, message_at,"
                    + " message_at_nanos, message_automatic) SELECT '" + TENANT + "', " + id + ", 2, 'message_posted', " + when
                    + ", 0, 'customer', 'c' || (i % 5000), md5('d' || i)::uuid, 'customer', 'c' || (i % 5000), 'PUBLIC', 'EMAIL',"
                    + " 'What happened', " + when + ", 0, FALSE FROM generate_series(1, " + n + ") i",
            ev + ", agent_id) SELECT '" + TENANT + "', " + id + ", 3, 'assigned', " + when + " + INTERVAL '1 minute', 0, 'agent',"
                    + " 'agent-' || (i % 40), 'agent-' || (i % 40) FROM generate_series(1, " + n + ") i",
            ev + ", tier_from, tier_to, reason) SELECT '" + TENANT + "', " + id + ", 4, 'tier_changed', " + when
                    + " + INTERVAL '2 minutes', 0, 'agent', 'agent-' || (i % 40), 'L1', 'L2', 'specialist'"
                    + " FROM generate_series(1, " + n + ") i WHERE i % 10 = 0",
            ev + ", message_id, message_author_kind, message_author_id, message_visibility, message_channel, message_body, message_at,"
                    + " message_at_nanos, message_automatic) SELECT '" + TENANT + "', " + id + ", 5, 'message_posted', " + reply
                    + ", 0, 'agent', 'agent-' || (i % 40), md5('r' || i)::uuid, 'agent', 'agent-' || (i % 40), 'PUBLIC', 'EMAIL',"
                    + " 'An answer', " + reply + ", 0, FALSE FROM generate_series(1, " + n + ") i WHERE i % 10 <> 1",
            ev + ") SELECT '" + TENANT + "', " + id + ", 6, 'solved', " + solve + ", 0, 'agent', 'agent-' || (i % 40)"
                    + " FROM generate_series(1, " + n + ") i WHERE i % 10 <> 1 AND i % 5 <> 2",
            ev + ", cycle) SELECT '" + TENANT + "', " + id + ", 7, 'reopened', " + solve + " + INTERVAL '1 hour', 0, 'customer',"
                    + " 'c' || (i % 5000), 2 FROM generate_series(1, " + n + ") i WHERE i % 10 <> 1 AND i % 5 <> 2 AND i % 23 = 0",
            ev + ") SELECT '" + TENANT + "', " + id + ", 8, 'solved', " + solve + " + INTERVAL '3 hours', 0, 'agent', 'agent-' || (i % 40)"
                    + " FROM generate_series(1, " + n + ") i WHERE i % 10 <> 1 AND i % 5 <> 2 AND i % 23 = 0",
            // the SLA policy on record at the opening (gold for every fourth ticket), gold later for every 17th
            ev + ", sla_policy) SELECT '" + TENANT + "', " + id + ", 10, 'sla_policy_applied', " + when + ", 0, 'system', 'sla',"
                    + " CASE WHEN i % 4 = 0 THEN 'gold' ELSE 'standard' END FROM generate_series(1, " + n + ") i",
            ev + ", sla_policy) SELECT '" + TENANT + "', " + id + ", 11, 'sla_policy_applied', " + when + " + INTERVAL '10 minutes',"
                    + " 0, 'system', 'sla', 'gold' FROM generate_series(1, " + n + ") i WHERE i % 17 = 0 AND i % 4 <> 0",
            // the first response cycle completed by the agent's reply: gold within 1 h, standard within 4 h
            ev + ", sla_clock, cycle, sla_policy, due_at, due_at_nanos, sla_achieved) SELECT '" + TENANT + "', " + id
                    + ", 12, 'sla_completed', " + reply + ", 0, 'system', 'sla', 'FIRST_RESPONSE', 1,"
                    + " CASE WHEN i % 4 = 0 OR i % 17 = 0 THEN 'gold' ELSE 'standard' END,"
                    + " " + when + " + CASE WHEN i % 4 = 0 OR i % 17 = 0 THEN INTERVAL '1 hour' ELSE INTERVAL '4 hours' END, 0,"
                    + " ((i::bigint * 7919) % 1440 + 5) <= CASE WHEN i % 4 = 0 OR i % 17 = 0 THEN 60 ELSE 240 END"
                    + " FROM generate_series(1, " + n + ") i WHERE i % 10 <> 1",
            ev + ", cycle, satisfaction_score, satisfaction_out_of, reason) SELECT '" + TENANT + "', " + id
                    + ", 9, 'satisfaction_rated', " + solve + " + INTERVAL '1 day', 0, 'customer', 'c' || (i % 5000),"
                    + " CASE WHEN i % 23 = 0 THEN 2 ELSE 1 END, 1 + i % 5, 5, '' FROM generate_series(1, " + n + ") i"
                    + " WHERE i % 10 <> 1 AND i % 5 <> 2 AND i % 3 = 0",
        };
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    /** Hand-written PostgreSQL aggregates for the same figures. */
    private record Hand(BenchPostgres.Pool pool) {
        private static final String OPENED_IN = "tenant_id = ? AND kind = 'opened' AND occurred_at >= ? AND occurred_at < ?";
        private static final String AGENT_REPLY = "kind = 'message_posted' AND actor_kind = 'agent' AND message_visibility = 'PUBLIC'"
                + " AND NOT message_automatic AND version > 2";

        private List<List<Object>> rows(String sql, Object... params) {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i] instanceof Instant at ? Timestamp.from(at) : params[i]);
                }
                List<List<Object>> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        List<Object> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            row.add(r.getObject(i));
                        }
                        out.add(row);
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Object volume() {
            List<List<Object>> splits = rows("SELECT channel, category_to, tier_to, COALESCE(group_to, '(none)'), COUNT(*)"
                    + " FROM hd_ticket_event WHERE " + OPENED_IN
                    + " GROUP BY GROUPING SETS ((channel), (category_to), (tier_to), (COALESCE(group_to, '(none)')))", TENANT, FROM, TO);
            List<List<Object>> days = rows("SELECT date_trunc('day', occurred_at AT TIME ZONE '" + ZONE + "'), COUNT(*)"
                    + " FROM hd_ticket_event WHERE " + OPENED_IN + " GROUP BY 1", TENANT, FROM, TO);
            return List.of(splits, days);
        }

        Object resolution() {
            String durations = "percentile_disc(0.5) WITHIN GROUP (ORDER BY d), percentile_disc(0.9) WITHIN GROUP (ORDER BY d), COUNT(*)";
            List<List<Object>> firstReply = rows("SELECT " + durations + " FROM (SELECT EXTRACT(EPOCH FROM r.at - o.occurred_at) d"
                    + " FROM (SELECT tenant_id, ticket_id, MIN(occurred_at) at FROM hd_ticket_event WHERE tenant_id = ? AND " + AGENT_REPLY
                    + " GROUP BY tenant_id, ticket_id) r JOIN hd_ticket_event o ON o.tenant_id = r.tenant_id AND o.ticket_id = r.ticket_id"
                    + " AND o.version = 1 WHERE r.at >= ? AND r.at < ?) x", TENANT, FROM, TO);
            List<List<Object>> firstSolve = rows("SELECT " + durations + " FROM (SELECT EXTRACT(EPOCH FROM s.at - o.occurred_at) d"
                    + " FROM (SELECT tenant_id, ticket_id, MIN(occurred_at) at FROM hd_ticket_event WHERE tenant_id = ? AND kind = 'solved'"
                    + " GROUP BY tenant_id, ticket_id) s JOIN hd_ticket_event o ON o.tenant_id = s.tenant_id AND o.ticket_id = s.ticket_id"
                    + " AND o.version = 1 WHERE s.at >= ? AND s.at < ?) x", TENANT, FROM, TO);
            List<List<Object>> full = rows("SELECT " + durations + ", COUNT(*) FILTER (WHERE replies = 1 AND reopens = 0) FROM ("
                    + " SELECT EXTRACT(EPOCH FROM l.occurred_at - o.occurred_at) d,"
                    + " COUNT(*) FILTER (WHERE e.kind = 'message_posted' AND e.actor_kind = 'agent' AND e.message_visibility = 'PUBLIC'"
                    + " AND NOT e.message_automatic AND e.version > 2) replies,"
                    + " COUNT(*) FILTER (WHERE e.kind = 'reopened') reopens"
                    + " FROM (SELECT DISTINCT ON (ticket_id) tenant_id, ticket_id, kind, occurred_at FROM hd_ticket_event"
                    + " WHERE tenant_id = ? AND kind IN ('solved', 'reopened') AND occurred_at < ? ORDER BY ticket_id, version DESC) l"
                    + " JOIN hd_ticket_event o ON o.tenant_id = l.tenant_id AND o.ticket_id = l.ticket_id AND o.version = 1"
                    + " JOIN hd_ticket_event e ON e.tenant_id = l.tenant_id AND e.ticket_id = l.ticket_id AND e.occurred_at < ?"
                    + " WHERE l.kind = 'solved' AND l.occurred_at >= ? GROUP BY l.ticket_id, l.occurred_at, o.occurred_at) x",
                    TENANT, TO, TO, FROM);
            List<List<Object>> counts = rows("SELECT kind, COUNT(*) FROM hd_ticket_event WHERE tenant_id = ?"
                    + " AND kind IN ('solved', 'reopened') AND occurred_at >= ? AND occurred_at < ? GROUP BY kind", TENANT, FROM, TO);
            return List.of(firstReply, firstSolve, full, counts);
        }

        Object resolutionByPolicy() {
            String policy = "pol AS (SELECT DISTINCT ON (ticket_id) ticket_id, sla_policy FROM hd_ticket_event WHERE tenant_id = ?"
                    + " AND kind = 'sla_policy_applied' AND occurred_at < ? ORDER BY ticket_id, version DESC)";
            String durations = "COALESCE(p.sla_policy, ''), percentile_disc(0.5) WITHIN GROUP (ORDER BY d),"
                    + " percentile_disc(0.9) WITHIN GROUP (ORDER BY d), COUNT(*)";
            List<List<Object>> firstReply = rows("WITH " + policy + " SELECT " + durations + " FROM (SELECT r.ticket_id,"
                    + " EXTRACT(EPOCH FROM r.at - o.occurred_at) d FROM (SELECT tenant_id, ticket_id, MIN(occurred_at) at"
                    + " FROM hd_ticket_event WHERE tenant_id = ? AND " + AGENT_REPLY + " GROUP BY tenant_id, ticket_id) r"
                    + " JOIN hd_ticket_event o ON o.tenant_id = r.tenant_id AND o.ticket_id = r.ticket_id AND o.version = 1"
                    + " WHERE r.at >= ? AND r.at < ?) x LEFT JOIN pol p USING (ticket_id) GROUP BY 1", TENANT, TO, TENANT, FROM, TO);
            List<List<Object>> firstSolve = rows("WITH " + policy + " SELECT " + durations + " FROM (SELECT s.ticket_id,"
                    + " EXTRACT(EPOCH FROM s.at - o.occurred_at) d FROM (SELECT tenant_id, ticket_id, MIN(occurred_at) at"
                    + " FROM hd_ticket_event WHERE tenant_id = ? AND kind = 'solved' GROUP BY tenant_id, ticket_id) s"
                    + " JOIN hd_ticket_event o ON o.tenant_id = s.tenant_id AND o.ticket_id = s.ticket_id AND o.version = 1"
                    + " WHERE s.at >= ? AND s.at < ?) x LEFT JOIN pol p USING (ticket_id) GROUP BY 1", TENANT, TO, TENANT, FROM, TO);
            List<List<Object>> full = rows("WITH " + policy + " SELECT " + durations
                    + ", COUNT(*) FILTER (WHERE replies = 1 AND reopens = 0) FROM ("
                    + " SELECT l.ticket_id, EXTRACT(EPOCH FROM l.occurred_at - o.occurred_at) d,"
                    + " COUNT(*) FILTER (WHERE e.kind = 'message_posted' AND e.actor_kind = 'agent' AND e.message_visibility = 'PUBLIC'"
                    + " AND NOT e.message_automatic AND e.version > 2) replies,"
                    + " COUNT(*) FILTER (WHERE e.kind = 'reopened') reopens"
                    + " FROM (SELECT DISTINCT ON (ticket_id) tenant_id, ticket_id, kind, occurred_at FROM hd_ticket_event"
                    + " WHERE tenant_id = ? AND kind IN ('solved', 'reopened') AND occurred_at < ? ORDER BY ticket_id, version DESC) l"
                    + " JOIN hd_ticket_event o ON o.tenant_id = l.tenant_id AND o.ticket_id = l.ticket_id AND o.version = 1"
                    + " JOIN hd_ticket_event e ON e.tenant_id = l.tenant_id AND e.ticket_id = l.ticket_id AND e.occurred_at < ?"
                    + " WHERE l.kind = 'solved' AND l.occurred_at >= ? GROUP BY l.ticket_id, l.occurred_at, o.occurred_at) x"
                    + " LEFT JOIN pol p USING (ticket_id) GROUP BY 1", TENANT, TO, TENANT, TO, TO, FROM);
            List<List<Object>> counts = rows("WITH " + policy + " SELECT COALESCE(p.sla_policy, ''), e.kind, COUNT(*)"
                    + " FROM hd_ticket_event e LEFT JOIN pol p USING (ticket_id) WHERE e.tenant_id = ?"
                    + " AND e.kind IN ('solved', 'reopened') AND e.occurred_at >= ? AND e.occurred_at < ? GROUP BY 1, 2",
                    TENANT, TO, TENANT, FROM, TO);
            return List.of(firstReply, firstSolve, full, counts);
        }

        Object compliance() {
            return rows("SELECT sla_policy, sla_clock, COUNT(*) FILTER (WHERE sla_achieved), COUNT(*) FILTER (WHERE NOT sla_achieved)"
                    + " FROM hd_ticket_event WHERE tenant_id = ? AND kind = 'sla_completed' AND occurred_at >= ? AND occurred_at < ?"
                    + " GROUP BY 1, 2 ORDER BY 1, 2", TENANT, FROM, TO);
        }

        Object backlog() {
            return rows("SELECT COUNT(*) FILTER (WHERE o.occurred_at > ?), COUNT(*) FILTER (WHERE o.occurred_at <= ? AND o.occurred_at > ?),"
                    + " COUNT(*) FILTER (WHERE o.occurred_at <= ? AND o.occurred_at > ?), COUNT(*) FILTER (WHERE o.occurred_at <= ?)"
                    + " FROM (SELECT DISTINCT ON (ticket_id) tenant_id, ticket_id, kind, status_to FROM hd_ticket_event"
                    + " WHERE tenant_id = ? AND kind IN ('opened', 'status_changed', 'solved', 'reopened', 'closed', 'merged')"
                    + " AND occurred_at < ? ORDER BY ticket_id, version DESC) l"
                    + " JOIN hd_ticket_event o ON o.tenant_id = l.tenant_id AND o.ticket_id = l.ticket_id AND o.version = 1"
                    + " WHERE l.kind IN ('opened', 'reopened') OR (l.kind = 'status_changed' AND l.status_to IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD'))",
                    TO.minusSeconds(86_400), TO.minusSeconds(86_400), TO.minusSeconds(3 * 86_400), TO.minusSeconds(3 * 86_400),
                    TO.minusSeconds(7 * 86_400), TO.minusSeconds(7 * 86_400), TENANT, TO);
        }

        Object escalations() {
            return rows("WITH p AS (SELECT ticket_id FROM hd_ticket_event WHERE " + OPENED_IN + ")"
                    + " SELECT tier, COUNT(DISTINCT ticket_id) FILTER (WHERE at_tier), COUNT(DISTINCT ticket_id) FILTER (WHERE NOT at_tier) FROM ("
                    + " SELECT e.ticket_id, e.tier_to tier, TRUE at_tier FROM hd_ticket_event e JOIN p USING (ticket_id)"
                    + " WHERE e.tenant_id = ? AND e.kind IN ('opened', 'tier_changed') AND e.occurred_at < ?"
                    + " UNION ALL SELECT e.ticket_id, e.tier_from, FALSE FROM hd_ticket_event e JOIN p USING (ticket_id)"
                    + " WHERE e.tenant_id = ? AND e.kind = 'tier_changed' AND e.tier_to > e.tier_from AND e.occurred_at < ?) x GROUP BY tier",
                    TENANT, FROM, TO, TENANT, TO, TENANT, TO);
        }

        Object satisfaction() {
            return rows("SELECT satisfaction_out_of, satisfaction_score, COUNT(*) FROM (SELECT DISTINCT ON (ticket_id, cycle)"
                    + " satisfaction_out_of, satisfaction_score, occurred_at FROM hd_ticket_event WHERE tenant_id = ?"
                    + " AND kind = 'satisfaction_rated' AND occurred_at < ? ORDER BY ticket_id, cycle, version DESC) l"
                    + " WHERE occurred_at >= ? GROUP BY 1, 2", TENANT, TO, FROM);
        }

        Object workload() {
            return rows("SELECT CASE WHEN kind = 'assigned' THEN agent_id ELSE actor_id END, COUNT(*) FILTER (WHERE kind = 'assigned'),"
                    + " COUNT(*) FILTER (WHERE kind = 'message_posted'), COUNT(*) FILTER (WHERE kind = 'solved')"
                    + " FROM hd_ticket_event WHERE tenant_id = ? AND occurred_at >= ? AND occurred_at < ?"
                    + " AND (kind = 'assigned' OR (" + AGENT_REPLY + ") OR (kind = 'solved' AND actor_kind = 'agent')) GROUP BY 1",
                    TENANT, FROM, TO);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> numbers() {
            Map<String, Object> out = new LinkedHashMap<>();
            List<List<Object>> volume = (List<List<Object>>) ((List<Object>) volume()).get(1);
            out.put("volume", volume.stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum());
            List<Object> res = (List<Object>) resolution();
            List<Object> firstReply = ((List<List<Object>>) res.get(0)).get(0);
            List<Object> full = ((List<List<Object>>) res.get(2)).get(0);
            out.put("first reply median s", ((Number) firstReply.get(0)).longValue());
            out.put("first reply p90 s", ((Number) firstReply.get(1)).longValue());
            out.put("full resolution median s", ((Number) full.get(0)).longValue());
            out.put("one touch", ((Number) full.get(3)).longValue());
            List<Object> b = ((List<List<Object>>) backlog()).get(0);
            out.put("backlog", b.stream().map(x -> ((Number) x).longValue()).toList());
            out.put("ratings", ((List<List<Object>>) satisfaction()).stream().mapToLong(r -> ((Number) r.get(2)).longValue()).sum());
            out.put("raised from L1", ((List<List<Object>>) escalations()).stream().filter(r -> "L1".equals(r.get(0)))
                    .mapToLong(r -> ((Number) r.get(2)).longValue()).findFirst().orElse(0));
            List<Object> byPolicy = (List<Object>) resolutionByPolicy();
            Map<String, Long> solves = new java.util.HashMap<>();
            for (List<Object> r : (List<List<Object>>) byPolicy.get(3)) {
                if ("solved".equals(r.get(1))) {
                    solves.put((String) r.get(0), ((Number) r.get(2)).longValue());
                }
            }
            Map<String, List<Long>> firstReplies = new java.util.TreeMap<>();
            for (List<Object> r : (List<List<Object>>) byPolicy.get(0)) {
                firstReplies.put((String) r.get(0), List.of(((Number) r.get(3)).longValue(), ((Number) r.get(1)).longValue(),
                        ((Number) r.get(2)).longValue(), solves.getOrDefault((String) r.get(0), 0L)));
            }
            out.put("first reply by policy", firstReplies);
            out.put("compliance", ((List<List<Object>>) compliance()).stream()
                    .map(r -> r.get(0) + "/" + r.get(1) + "/" + r.get(2) + "/" + r.get(3)).toList());
            return out;
        }
    }
}
