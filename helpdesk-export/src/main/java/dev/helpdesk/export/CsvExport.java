package dev.helpdesk.export;

import dev.helpdesk.spi.report.AgentLoad;
import dev.helpdesk.spi.report.Count;
import dev.helpdesk.spi.report.Durations;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ScaleRatings;
import dev.helpdesk.spi.report.TierEscalation;
import dev.helpdesk.spi.report.TimeFigure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every figure of a report as rows of one CSV table (RFC 4180, with a header), in the long form a
 * spreadsheet pivots: {@code figure, dimension, key, value}. Durations are whole seconds, shares
 * are fractions 0 to 1, costs are in the host's unit. For example:
 *
 * <pre>
 * figure,dimension,key,value
 * volume,total,,6
 * volume,channel,EMAIL,3
 * first_reply,calendar,median_seconds,7200
 * backlog,age,under_1_day,2
 * </pre>
 *
 * Texts from the tickets (tags, subject terms, group and agent ids) are quoted as needed; a cell
 * that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return at its start) is
 * prefixed with an apostrophe, so opening the file runs nothing.
 */
public final class CsvExport {
    /** The header row. */
    public static final List<String> HEADER = List.of("figure", "dimension", "key", "value");

    private CsvExport() {
    }

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out    where to write; not closed
     * @throws UncheckedIOException when writing fails
     */
    public static void write(Report report, Appendable out) {
        try {
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out);
            Rows rows = new Rows(csv);
            rows.add("period", "from", "", report.query().from().toString());
            rows.add("period", "to", "", report.query().to().toString());
            rows.add("period", "zone", "", report.query().zone().getId());
            rows.add("volume", "total", "", report.volume().total());
            rows.map("volume", "channel", report.volume().byChannel());
            rows.map("volume", "category", report.volume().byCategory());
            rows.map("volume", "tier", report.volume().byTier());
            rows.map("volume", "group", report.volume().byGroup());
            report.volume().byDay().forEach((day, n) -> rows.add("volume", "day", day.toString(), n));
            report.channelCost().forEach((channel, cost) -> rows.add("channel_cost", "channel", channel, cost));
            rows.counts("problems", "category", report.problems().categories());
            rows.counts("problems", "tag", report.problems().tags());
            report.problems().terms().forEach((language, terms) -> rows.counts("problems", "term_" + language, terms));
            rows.counts("problems", "linked_problem", report.problems().problems());
            rows.add("deflection", "self_served", "", report.deflection().selfServed());
            rows.add("deflection", "solved_with_article", "", report.deflection().solvedWithArticle());
            rows.add("deflection", "articles_linked", "", report.deflection().articlesLinked());
            rows.add("resolution", "resolved", "", report.resolution().resolved());
            rows.add("resolution", "one_touch", "", report.resolution().oneTouch());
            rows.add("resolution", "one_touch_rate", "", report.resolution().oneTouchRate());
            rows.add("resolution", "solves", "", report.resolution().solves());
            rows.add("resolution", "reopens", "", report.resolution().reopens());
            rows.add("resolution", "reopen_rate", "", report.resolution().reopenRate());
            rows.time("first_reply", report.resolution().firstReply());
            rows.time("first_resolution", report.resolution().firstResolution());
            rows.time("full_resolution", report.resolution().fullResolution());
            rows.add("backlog", "age", "under_1_day", report.backlog().underOneDay());
            rows.add("backlog", "age", "1_to_3_days", report.backlog().oneToThreeDays());
            rows.add("backlog", "age", "3_to_7_days", report.backlog().threeToSevenDays());
            rows.add("backlog", "age", "over_7_days", report.backlog().overSevenDays());
            for (TierEscalation e : report.escalations()) {
                rows.add("escalation", e.tier(), "at_tier", e.atTier());
                rows.add("escalation", e.tier(), "raised", e.raised());
                rows.add("escalation", e.tier(), "rate", e.rate());
            }
            for (ScaleRatings s : report.satisfaction().values()) {
                String scale = "out_of_" + s.outOf();
                rows.add("satisfaction", scale, "count", s.count());
                rows.add("satisfaction", scale, "bad", s.bad());
                rows.add("satisfaction", scale, "satisfied_rate", s.satisfied());
                s.byScore().forEach((score, n) -> rows.add("satisfaction", scale, "score_" + score, n));
            }
            for (AgentLoad a : report.workload()) {
                rows.add("workload", a.agent(), "assignments", a.assignments());
                rows.add("workload", a.agent(), "replies", a.replies());
                rows.add("workload", a.agent(), "solves", a.solves());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A report as CSV text.
     *
     * @param report the report
     * @return the CSV
     */
    public static String toCsv(Report report) {
        StringBuilder out = new StringBuilder();
        write(report, out);
        return out.toString();
    }

    /** Writes rows, defusing cells a spreadsheet would run as formulas. */
    private record Rows(CSVPrinter csv) {
        void add(String figure, String dimension, String key, Object value) {
            try {
                csv.printRecord(safe(figure), safe(dimension), safe(key), value instanceof String s ? safe(s) : value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void map(String figure, String dimension, Map<String, Long> counts) {
            counts.forEach((key, n) -> add(figure, dimension, key, n));
        }

        void counts(String figure, String dimension, List<Count> counts) {
            counts.forEach(c -> add(figure, dimension, c.key(), c.count()));
        }

        void time(String figure, TimeFigure t) {
            durations(figure, "calendar", t.calendar());
            t.business().ifPresent(b -> durations(figure, "business", b));
        }

        private void durations(String figure, String clock, Durations d) {
            add(figure, clock, "count", d.count());
            add(figure, clock, "median_seconds", seconds(d.median()));
            add(figure, clock, "p90_seconds", seconds(d.p90()));
        }

        private static Object seconds(Optional<Duration> d) {
            return d.map(x -> (Object) x.getSeconds()).orElse("");
        }

        private static String safe(String cell) {
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                return "'" + cell;
            }
            return cell;
        }
    }
}
