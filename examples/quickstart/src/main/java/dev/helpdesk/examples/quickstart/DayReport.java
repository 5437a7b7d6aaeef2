package dev.helpdesk.examples.quickstart;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.report.BusinessClocks;
import dev.helpdesk.core.report.ClockChange;
import dev.helpdesk.spi.report.ClockCompliance;
import dev.helpdesk.core.report.WhatIf;
import dev.helpdesk.export.CsvExport;
import dev.helpdesk.export.HtmlReport;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evening after the quickstart's day: the customers of solved tickets rate them, and the
 * desk writes each tenant's report of the week so far as a self-contained HTML page and a CSV
 * file, with the SLA compliance of the week and what it would have been had the normal policy
 * promised a first reply within one business hour instead of four.
 */
final class DayReport {
    private static final Actor DESK = Actor.system("day-report");

    private final Helpdesk desk;
    private final LocalDate day;
    private final ZoneId zone;
    private final BusinessCalendar office;
    private final PrintStream out;

    DayReport(Helpdesk desk, LocalDate day, ZoneId zone, BusinessCalendar office, PrintStream out) {
        this.desk = desk;
        this.day = day;
        this.zone = zone;
        this.office = office;
        this.out = out;
    }

    /**
     * Rates the day's solved tickets and writes the reports.
     *
     * @param directory where the files go; made when missing
     */
    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String tenant : List.of("acme", "globex")) {
                TenantId id = TenantId.of(tenant);
                rateTheDay(id);
                Path html = directory.resolve("helpdesk-" + tenant + "-" + day + ".html");
                Path csv = directory.resolve("helpdesk-" + tenant + "-" + day + ".csv");
                Report report = ok(desk.tenant(id).reports().report(query(id), DESK));
                Files.writeString(html, page(id, report), StandardCharsets.UTF_8);
                Files.writeString(csv, CsvExport.toCsv(report), StandardCharsets.UTF_8);
                out.println("Report for " + tenant + ": " + report.volume().total() + " tickets that day, "
                        + report.resolution().resolved() + " resolved, written to " + html.toAbsolutePath().toUri()
                        + " and " + csv.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The week so far: from Monday 00:00 to the end of the day, in the office's zone. */
    private ReportQuery query(TenantId tenant) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return ReportQuery.builder().tenant(tenant)
                .from(monday.atStartOfDay(zone).toInstant()).to(day.plusDays(1).atStartOfDay(zone).toInstant())
                .zone(zone).businessClock(BusinessClocks.of(office))
                .putChannelCost(Channel.PHONE, 6.0).putChannelCost(Channel.LIVE_CHAT, 3.0).putChannelCost(Channel.EMAIL, 2.5)
                .putChannelCost(Channel.WEB_FORM, 1.5).putChannelCost(Channel.SELF_SERVICE, 0.5)
                .build();
    }

    /** Each requester of a ticket solved today rates it: five when it was solved at once, two when it had to be reopened. */
    private void rateTheDay(TenantId tenant) {
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            var result = ok(desk.tenant(tenant).tickets().list(TicketQuery.inStatus(Status.SOLVED, Status.CLOSED), page.get(), DESK));
            for (Ticket t : result.items()) {
                if (t.createdAt().atZone(zone).toLocalDate().equals(day)) {
                    boolean once = t.cycle() == 1;
                    desk.tenant(tenant).feedback().rate(t.id(), once ? 5 : 2, once ? "Quick, thanks!" : "Took two tries.",
                            Actor.customer(t.requester().value()));
                }
            }
            page = result.next();
        }
    }

    private String page(TenantId tenant, Report report) {
        ReportQuery q = report.query();
        List<ClockCompliance> compliance = ok(desk.tenant(tenant).reports().slaCompliance(q.from(), q.to(), DESK));
        List<List<String>> rows = new ArrayList<>();
        for (ClockCompliance c : compliance) {
            rows.add(List.of(c.policy() + " \u2014 " + c.clock().label(), Long.toString(c.achieved()), Long.toString(c.breached()),
                    Math.round(c.rate() * 100) + " %"));
        }
        List<List<String>> byPolicy = new ArrayList<>();
        ok(desk.tenant(tenant).reports().resolutionByPolicy(q, DESK)).forEach((policy, r) -> byPolicy.add(List.of(
                policy.isEmpty() ? "no policy" : policy, Long.toString(r.firstReply().calendar().count()),
                HtmlReport.duration(r.firstReply().business().flatMap(d -> d.median())),
                HtmlReport.duration(r.firstReply().business().flatMap(d -> d.p90())),
                Long.toString(r.fullResolution().calendar().count()),
                HtmlReport.duration(r.fullResolution().business().flatMap(d -> d.median())))));
        WhatIf whatIf = ok(desk.tenant(tenant).reports().whatIf(stricter(desk.slaConfiguration()), q.from(), q.to(), DESK));
        List<List<String>> changes = new ArrayList<>();
        for (ClockChange c : whatIf.changes()) {
            changes.add(List.of(c.number() + " " + c.clock().label() + " (cycle " + c.cycle() + ")",
                    c.current().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("not measured"),
                    c.proposed().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("not measured")));
        }
        return HtmlReport.of(report).title("Help desk report \u2014 " + tenant.value() + ", " + q.from().atZone(zone).toLocalDate())
                .section("SLA compliance per clock", "Clock cycles that completed that day, met or missed, under the policies in force.",
                        List.of("Policy and clock", "Met", "Missed", "Compliance"), rows)
                .section("Reply and resolution times per SLA policy", "In business hours; each ticket under the policy the desk"
                                + " held it to at the end of the period.",
                        List.of("Policy", "First replies", "Median", "p90", "Resolved", "Median resolution"), byPolicy)
                .section("What if the normal policy promised a first reply within one business hour?",
                        "The week replayed under that policy: the clock cycles whose outcome would change.",
                        List.of("Ticket and clock", "In force (4 h)", "Proposed (1 h)"), changes)
                .render();
    }

    /** The configuration in force with the normal policy's first response cut to one business hour. */
    private SlaConfiguration stricter(SlaConfiguration current) {
        List<SlaPolicy> policies = new ArrayList<>();
        for (SlaPolicy p : current.policies()) {
            policies.add(p.name().equals("normal")
                    ? p.toBuilder().putTarget(dev.helpdesk.spi.ticket.ClockKind.FIRST_RESPONSE,
                            SlaTarget.businessHours(1, office.id())).build()
                    : p);
        }
        return SlaConfiguration.of(current.calendars(), policies);
    }

    private static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(r -> new IllegalStateException("unexpected rejection: " + r.message()));
    }
}
