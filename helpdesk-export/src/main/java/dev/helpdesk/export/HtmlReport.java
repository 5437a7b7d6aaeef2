package dev.helpdesk.export;

import dev.helpdesk.spi.report.AgentLoad;
import dev.helpdesk.spi.report.Backlog;
import dev.helpdesk.spi.report.Count;
import dev.helpdesk.spi.report.Durations;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.Resolution;
import dev.helpdesk.spi.report.ScaleRatings;
import dev.helpdesk.spi.report.TierEscalation;
import dev.helpdesk.spi.report.TimeFigure;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no image
 * or font from the network, so it opens from a file, an e-mail attachment or an archive years
 * later. Key figures first, then volume, times, backlog, escalation, satisfaction, the most
 * frequent problems and the agents' workload, each chart with its numbers written on it (a chart
 * that needs a legend or hovering to be read is a table in disguise). Every text that comes from
 * tickets (tags, subject terms, groups, agents) is escaped. A host adds its own sections (SLA
 * compliance, for example) with {@link #section}.
 *
 * <pre>{@code
 * String html = HtmlReport.of(report).title("Support, week 10").render();
 * }</pre>
 */
public final class HtmlReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Report report;
    private String title = "Helpdesk report";
    private final List<String> extra = new ArrayList<>();

    private HtmlReport(Report report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * Starts a page for a report.
     *
     * @param report the report
     * @return a page builder
     */
    public static HtmlReport of(Report report) {
        return new HtmlReport(report);
    }

    /**
     * A duration as the page writes it ("3 d 4 h", "2 h 05 min", "45 min", "30 s", an em dash for
     * none), for the host's own sections.
     *
     * @param duration the duration, or empty
     * @return the text
     */
    public static String duration(java.util.Optional<java.time.Duration> duration) {
        return Format.duration(duration);
    }

    /**
     * Sets the page's heading.
     *
     * @param value the heading, shown escaped
     * @return this page
     */
    public HtmlReport title(String value) {
        this.title = Objects.requireNonNull(value, "title");
        return this;
    }

    /**
     * The names of linked problems, shown instead of their ids in "Most frequent problems".
     *
     * @param names problem id (as in {@code FrequentProblems.problems()}) to its title
     * @return this page
     */
    public HtmlReport problemNames(java.util.Map<String, String> names) {
        problemNames.putAll(Objects.requireNonNull(names, "names"));
        return this;
    }

    /**
     * Adds a table section at the end of the page.
     *
     * @param heading the section's heading
     * @param note    a sentence under the heading saying what the table counts, or empty
     * @param columns the column headings
     * @param rows    the rows, each as many cells as columns; texts are escaped
     * @return this page
     */
    public HtmlReport section(String heading, String note, List<String> columns, List<List<String>> rows) {
        StringBuilder s = new StringBuilder();
        s.append("<section><h2>").append(Html.escape(heading)).append("</h2>");
        if (!note.isBlank()) {
            s.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
        }
        s.append(table(columns, rows)).append("</section>");
        extra.add(s.toString());
        return this;
    }

    /**
     * The page.
     *
     * @return the HTML document
     */
    public String render() {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<header><h1>").append(Html.escape(title)).append("</h1><p class=\"period\">")
                .append(Html.escape(period())).append("</p></header>");
        h.append(keyFigures());
        h.append("<div class=\"grid\">");
        h.append(volume());
        h.append(channels());
        h.append("</div>");
        h.append(times());
        h.append("<div class=\"grid\">");
        h.append(backlog());
        h.append(escalation());
        h.append("</div>");
        h.append(satisfaction());
        h.append(problems());
        h.append(deflection());
        h.append(workload());
        extra.forEach(h::append);
        h.append("<footer>Computed from the tickets' event histories. Durations: median and 90th percentile by nearest rank;")
                .append(" a ticket counts in the period of the event that completes a figure.</footer>");
        return h.append("</body></html>").toString();
    }

    private String period() {
        var q = report.query();
        ZonedDateTime from = q.from().atZone(q.zone());
        ZonedDateTime to = q.to().atZone(q.zone());
        return "Tenant " + q.tenant().value() + " \u00b7 " + WHEN.format(from) + " to " + WHEN.format(to)
                + " (" + q.zone().getId() + ")";
    }

    private String keyFigures() {
        Resolution r = report.resolution();
        Optional<ScaleRatings> main = report.satisfaction().values().stream().max((a, b) -> Long.compare(a.count(), b.count()));
        List<String[]> cards = List.of(
                new String[] {Format.count(report.volume().total()), "tickets opened"},
                new String[] {Format.count(r.resolved()), "tickets resolved"},
                new String[] {Format.duration(r.firstReply().calendar().median()), "median first reply"},
                new String[] {r.resolved() == 0 ? "\u2014" : Format.percent(r.oneTouchRate()), "resolved in one touch"},
                new String[] {r.solves() == 0 ? "\u2014" : Format.percent(r.reopenRate()), "reopened per solve"},
                new String[] {Format.count(report.backlog().total()), "unsolved at the end"},
                new String[] {main.map(s -> Format.percent(s.satisfied())).orElse("\u2014"),
                        main.map(s -> "satisfied (" + Format.count(s.count()) + " ratings)").orElse("satisfied (no ratings)")});
        StringBuilder s = new StringBuilder("<section class=\"cards\">");
        for (String[] c : cards) {
            s.append("<div class=\"card\"><div class=\"big\">").append(Html.escape(c[0])).append("</div><div>")
                    .append(Html.escape(c[1])).append("</div></div>");
        }
        return s.append("</section>").toString();
    }

    private String volume() {
        List<Svg.Bar> bars = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(report.query().from(), report.query().zone());
        LocalDate last = LocalDate.ofInstant(report.query().to().minusNanos(1), report.query().zone());
        if (!first.plusDays(92).isBefore(last)) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                long n = report.volume().byDay().getOrDefault(d, 0L);
                bars.add(new Svg.Bar(d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + d.getDayOfMonth(),
                        n, Format.count(n)));
            }
        } else {
            report.volume().byDay().forEach((d, n) -> bars.add(new Svg.Bar(d.toString(), n, Format.count(n))));
        }
        return "<section><h2>Tickets opened per day</h2>" + Svg.vertical("Tickets opened per day", bars) + "</section>";
    }

    private String channels() {
        List<Svg.Bar> bars = new ArrayList<>();
        report.volume().byChannel().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> bars.add(new Svg.Bar(label(e.getKey()), e.getValue(), Format.count(e.getValue())
                        + cost(e.getKey()))));
        return "<section><h2>By channel</h2>" + Svg.horizontal("Tickets by channel", bars)
                + "<h3>By category</h3>" + Svg.horizontal("Tickets by category", counts(report.volume().byCategory()))
                + "<h3>By group</h3>" + Svg.horizontal("Tickets by group", counts(report.volume().byGroup()))
                + "<h3>By starting tier</h3>" + Svg.horizontal("Tickets by starting tier", counts(report.volume().byTier()))
                + "</section>";
    }

    private String cost(String channel) {
        Double cost = report.channelCost().get(channel);
        return cost == null || cost == 0 || report.query().channelCosts().isEmpty() ? "" : "  (cost " + Format.money(cost) + ")";
    }

    private static List<Svg.Bar> counts(Map<String, Long> byKey) {
        List<Svg.Bar> bars = new ArrayList<>();
        byKey.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> bars.add(new Svg.Bar(label(e.getKey()), e.getValue(), Format.count(e.getValue()))));
        return bars;
    }

    /** Codes as a person writes them: "technical.troubleshooting" as "Troubleshooting (technical)", "LIVE_CHAT" as "Live chat". */
    static String label(String code) {
        if (code.equals(dev.helpdesk.spi.report.Volume.NO_GROUP)) {
            return "no group";
        }
        if (code.contains(".")) {
            String area = code.substring(0, code.indexOf('.'));
            String name = code.substring(code.indexOf('.') + 1).replace('-', ' ');
            return capital(name) + " (" + area + ")";
        }
        if (code.equals(code.toUpperCase(Locale.ROOT)) && code.length() > 2) {
            return capital(code.toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return code;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private String times() {
        Resolution r = report.resolution();
        boolean business = r.firstReply().business().isPresent();
        String clock = report.query().businessClock().map(c -> c.name()).orElse("");
        List<String> columns = new ArrayList<>(List.of("Figure", "Tickets", "Median", "90th percentile"));
        if (business) {
            columns.add("Median, business time (" + clock + ")");
            columns.add("90th percentile, business time");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(timeRow("First reply", "opening to the first public agent reply", r.firstReply(), business));
        rows.add(timeRow("First resolution", "opening to the first solve", r.firstResolution(), business));
        rows.add(timeRow("Full resolution", "opening to the latest solve", r.fullResolution(), business));
        List<Svg.Bar> oneTouch = List.of(
                new Svg.Bar("Resolved in one touch", r.oneTouch(), Format.count(r.oneTouch())),
                new Svg.Bar("Resolved, more touches", r.resolved() - r.oneTouch(), Format.count(r.resolved() - r.oneTouch())),
                new Svg.Bar("Reopened", r.reopens(), Format.count(r.reopens()), true));
        return "<section><h2>Reply and resolution times</h2>" + table(columns, rows)
                + "<h3>First-contact resolution</h3>" + Svg.horizontal("First-contact resolution", oneTouch) + "</section>";
    }

    private static List<String> timeRow(String name, String meaning, TimeFigure t, boolean business) {
        List<String> row = new ArrayList<>(List.of(name + " \u2014 " + meaning, Format.count(t.calendar().count()),
                Format.duration(t.calendar().median()), Format.duration(t.calendar().p90())));
        if (business) {
            Durations b = t.business().orElseThrow();
            row.add(Format.duration(b.median()));
            row.add(Format.duration(b.p90()));
        }
        return row;
    }

    private String backlog() {
        Backlog b = report.backlog();
        List<Svg.Bar> bars = List.of(
                new Svg.Bar("under 1 day", b.underOneDay(), Format.count(b.underOneDay())),
                new Svg.Bar("1 to 3 days", b.oneToThreeDays(), Format.count(b.oneToThreeDays())),
                new Svg.Bar("3 to 7 days", b.threeToSevenDays(), Format.count(b.threeToSevenDays()), true),
                new Svg.Bar("over 7 days", b.overSevenDays(), Format.count(b.overSevenDays()), true));
        return "<section><h2>Unsolved at the end, by age</h2>" + Svg.horizontal("Backlog by age", bars) + "</section>";
    }

    private String escalation() {
        List<Svg.Bar> bars = new ArrayList<>();
        for (TierEscalation e : report.escalations()) {
            if (e.atTier() > 0) {
                bars.add(new Svg.Bar(e.tier() + " (" + Format.count(e.atTier()) + " tickets)", e.rate(),
                        Format.percent(e.rate()) + " raised (" + Format.count(e.raised()) + ")"));
            }
        }
        return "<section><h2>Escalation rate per tier</h2><p class=\"note\">Of the period's tickets that were at a tier,"
                + " the share raised from it to a higher tier.</p>" + Svg.horizontal("Escalation rate per tier", bars) + "</section>";
    }

    private String satisfaction() {
        StringBuilder s = new StringBuilder("<section><h2>Satisfaction</h2>");
        if (report.satisfaction().isEmpty()) {
            s.append("<p class=\"note\">No ratings in this period.</p>");
        }
        for (ScaleRatings r : report.satisfaction().values()) {
            List<Svg.Bar> bars = new ArrayList<>();
            for (var e : r.byScore().entrySet()) {
                String label = r.outOf() == 2 ? (e.getKey() == 1 ? "bad" : "good") : e.getKey() + " of 5";
                bars.add(new Svg.Bar(label, e.getValue(), Format.count(e.getValue()),
                        r.outOf() == 2 ? e.getKey() == 1 : e.getKey() <= 2));
            }
            String heading = (r.outOf() == 2 ? "Good or bad" : "One to five") + ": " + Format.count(r.count()) + " ratings, "
                    + Format.percent(r.satisfied()) + " satisfied" + (r.outOf() == 5
                    ? ", mean " + String.format(Locale.ROOT, "%.1f", r.mean()) : "");
            s.append("<h3>").append(Html.escape(heading)).append("</h3>").append(Svg.horizontal(heading, bars));
        }
        return s.append("</section>").toString();
    }

    private String problems() {
        StringBuilder s = new StringBuilder("<section><h2>Most frequent problems</h2><div class=\"grid3\">");
        s.append(ranking("Categories", report.problems().categories(), true));
        s.append(ranking("Tags", report.problems().tags(), false));
        report.problems().terms().forEach((language, terms) -> s.append(ranking("Subject terms (" + languageName(language) + ")",
                terms, false)));
        if (!report.problems().problems().isEmpty()) {
            s.append(ranking("Linked problems", report.problems().problems().stream()
                    .map(c -> new Count(problemNames.getOrDefault(c.key(), "problem " + c.key()), c.count())).toList(), false));
        }
        return s.append("</div></section>").toString();
    }

    private final java.util.Map<String, String> problemNames = new java.util.HashMap<>();

    private String deflection() {
        var d = report.deflection();
        return "<section><h2>Knowledge base</h2><p class=\"note\">Tickets the knowledge base resolved in this period"
                + " (share of all resolutions: " + Format.percent(d.knowledgeShare(report.resolution().solves())) + ").</p>"
                + table(List.of("How", "Tickets"), List.of(
                List.of("Closed by the customer with an article (self-served)", Format.count(d.selfServed())),
                List.of("Solved by an agent with an article", Format.count(d.solvedWithArticle())),
                List.of("Pointed to an article, not solved by it", Format.count(d.articlesLinked())))) + "</section>";
    }

    private static String languageName(String code) {
        return switch (code) {
            case "en" -> "English";
            case "nl" -> "Dutch";
            case "es" -> "Spanish";
            case "ru" -> "Russian";
            default -> "language not recognised";
        };
    }

    private static String ranking(String heading, List<Count> counts, boolean codes) {
        StringBuilder s = new StringBuilder("<div><h3>").append(Html.escape(heading)).append("</h3>");
        if (counts.isEmpty()) {
            return s.append("<p class=\"note\">none</p></div>").toString();
        }
        s.append("<table class=\"rank\"><tbody>");
        int place = 0;
        for (Count c : counts) {
            s.append("<tr><td class=\"place\">").append(++place).append("</td><td>")
                    .append(Html.escape(codes ? label(c.key()) : c.key())).append("</td><td class=\"num\">")
                    .append(Format.count(c.count())).append("</td></tr>");
        }
        return s.append("</tbody></table></div>").toString();
    }

    private String workload() {
        List<List<String>> rows = new ArrayList<>();
        for (AgentLoad a : report.workload()) {
            rows.add(List.of(a.agent(), Format.count(a.assignments()), Format.count(a.replies()), Format.count(a.solves())));
        }
        return "<section><h2>Agent workload</h2>" + table(List.of("Agent", "Assigned", "Public replies", "Solved"), rows) + "</section>";
    }

    private static String table(List<String> columns, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table><thead><tr>");
        for (int i = 0; i < columns.size(); i++) {
            t.append(i == 0 ? "<th>" : "<th class=\"num\">").append(Html.escape(columns.get(i))).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            t.append("<tr><td colspan=\"").append(columns.size()).append("\" class=\"note\">none in this period</td></tr>");
        }
        for (List<String> row : rows) {
            t.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                t.append(i == 0 ? "<td>" : "<td class=\"num\">").append(Html.escape(row.get(i))).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static final String CSS = String.join("",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;background:#f5f7f9;",
            "margin:0 auto;max-width:1200px;padding:24px 32px;line-height:1.4}",
            "h1{font-size:28px;margin:0 0 4px}h2{font-size:19px;margin:0 0 12px}h3{font-size:15px;margin:16px 0 6px;color:#3e4c59}",
            ".period{color:#52606d;margin:0 0 20px}",
            "section{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:16px 20px;margin:0 0 16px;overflow-x:auto}",
            ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;background:none;border:0;padding:0}",
            ".card{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:12px 14px;color:#52606d}",
            ".card .big{font-size:26px;font-weight:600;color:#1f2933}",
            ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}",
            ".grid>section{margin:0 0 16px}",
            ".grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:8px 24px}",
            "table{border-collapse:collapse;width:100%;font-size:14px}",
            "th,td{padding:6px 10px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}",
            "th{background:#f0f4f8;font-weight:600}.num{text-align:right;white-space:nowrap}",
            ".note{color:#616e7c;font-size:13px;margin:0 0 8px}",
            ".rank td{padding:3px 6px;overflow-wrap:anywhere}.rank .place{color:#7b8794;width:1.5em}",
            "footer{color:#616e7c;font-size:12px;margin-top:8px}svg{max-width:100%;height:auto}");
}
