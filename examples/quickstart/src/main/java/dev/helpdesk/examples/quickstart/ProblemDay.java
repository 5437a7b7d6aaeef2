package dev.helpdesk.examples.quickstart;

import com.sun.net.httpserver.HttpServer;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.ProblemDesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.problem.HandOffRun;
import dev.helpdesk.core.problem.ProblemSettings;
import dev.helpdesk.core.problem.SuggestedProblem;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.developer.http.HttpDeveloperBridge;
import dev.helpdesk.developer.http.TrackerUpdates;
import dev.helpdesk.export.HtmlReport;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.problem.DeveloperUpdate;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemImpact;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Problem management at Umbrella's desk: a week of tickets about a VPN client that drops the
 * connection; the desk suggests the cluster as a problem, an agent confirms it, records the
 * workaround (drafted as a knowledge article) and hands the problem to the developers' tracker
 * (an in-process HTTP server here, down for maintenance on the first try, so the hand-off is
 * retried); the tracker's web hook says "fixed in 3.4.1" and every linked customer hears of it in
 * their language. The week's report, with the problem by name, is written beside the day's.
 */
final class ProblemDay {
    private static final TenantId UMBRELLA = TenantId.of("umbrella");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final PrintStream out;
    private final TicketStore store;
    private final LocalDate day;
    private final SettableClock clock;
    private final Actor ana = Actor.agent("ana");

    ProblemDay(PrintStream out, TicketStore store, LocalDate day) {
        this.out = out;
        this.store = store;
        this.day = day;
        this.clock = SettableClock.at(day.minusDays(6).atTime(8, 0).atZone(ZONE).toInstant());
    }

    void run() {
        out.println();
        out.println("Problems at umbrella");
        out.println("-".repeat(78));
        AtomicInteger failures = new AtomicInteger(1);
        HttpServer tracker = tracker(failures);
        try {
            run(URI.create("http://127.0.0.1:" + tracker.getAddress().getPort() + "/issues"), failures);
        } finally {
            tracker.stop(0);
        }
    }

    private void run(URI endpoint, AtomicInteger failures) {
        Helpdesk.Builder builder = Helpdesk.builder().store(store).clock(clock)
                .plugin(HttpDeveloperBridge.to(endpoint).name("umbrella-tracker").header("Authorization", "Bearer demo").build())
                .plugin(new Notifier() {
                    @Override
                    public String name() {
                        return "console";
                    }

                    @Override
                    public void deliver(Notification n) {
                        out.println("  notice to " + n.recipient().id() + " (" + n.locale().getDisplayLanguage(Locale.ENGLISH)
                                + "): " + n.subject());
                    }
                })
                .customerLanguages((tenant, customer) -> Optional.of(customer.value().startsWith("nl-")
                        ? Locale.forLanguageTag("nl") : Locale.ENGLISH))
                .problems(ProblemSettings.defaults());
        if (store instanceof JdbcTicketStore jdbc) {
            builder.problemStore(jdbc.problems()).knowledgeStore(jdbc.knowledge()).knowledgeFeedback(jdbc.knowledgeFeedback());
        }
        Helpdesk desk = builder.build();
        TicketDesk tickets = desk.tenant(UMBRELLA).tickets();
        ProblemDesk problems = desk.tenant(UMBRELLA).problems();

        Instant weekStart = clock.instant();
        String[][] week = {
            {"kim", "VPN disconnects every few minutes", "0"},
            {"nl-lotte", "VPN verbinding valt steeds weg", "0"},
            {"lee", "Printer offline again", "1"},
            {"max", "VPN disconnects after the update", "1"},
            {"nl-noor", "VPN valt weg na de update", "2"},
            {"olu", "VPN keeps dropping, cannot work", "2"},
            {"pat", "Where is my invoice?", "3"},
            {"quinn", "VPN disconnects when on Wi-Fi", "3"},
            {"nl-ruben", "De VPN valt weg", "4"},
        };
        for (String[] t : week) {
            clock.set(weekStart.plus(Duration.ofDays(Long.parseLong(t[2]))).plus(Duration.ofHours(1 + (t[0].length() % 5))));
            ok(tickets.open(TicketCommand.open().subject(t[1]).body("Since this week.").channel(Channel.EMAIL)
                    .category(t[1].contains("VPN") ? Category.REMOTE_ACCESS : t[1].contains("invoice") ? Category.BILLING
                            : Category.HARDWARE).requester(CustomerId.of(t[0])).build(), Actor.customer(t[0])));
        }
        clock.set(day.atTime(9, 0).atZone(ZONE).toInstant());
        List<SuggestedProblem> suggested = ok(problems.suggestions(weekStart, clock.instant(), 5, ana));
        out.println("Suggested problems of the week: " + suggested.stream()
                .map(s -> s.proposedTitle() + " (" + s.tickets().size() + " tickets, " + s.language() + ")").toList());
        SuggestedProblem vpn = suggested.get(0);
        Problem p = ok(problems.confirm(vpn, "VPN client 3.4 drops the tunnel on network changes", ana));
        out.println("ana confirms the first as \"" + p.title() + "\": " + ok(problems.tickets(p.id(), ana)).size()
                + " tickets linked");

        p = ok(problems.investigate(p.id(), p.revision(), ana));
        p = ok(problems.knownError(p.id(), p.revision(), "Client 3.4 does not renew the tunnel when the network changes",
                "Turn off 'Reconnect on network change' in the VPN client's settings", ana));
        Article draft = ok(problems.draftWorkaroundArticle(p.id(), p.revision(), Category.REMOTE_ACCESS.code(), "public", "en", ana));
        out.println("Known error; the workaround is draft article " + draft.id() + " for an editor to publish");
        ProblemImpact impact = ok(problems.impact(p.id(), ana));
        out.println("Impact: " + impact.tickets() + " tickets, " + impact.unsolved() + " unsolved, " + impact.customers()
                + " customers");

        p = ok(problems.problem(p.id(), ana));
        ok(problems.handOff(p.id(), p.revision(), ana));
        HandOffRun first = desk.deliverHandOffs(clock.instant(), 10);
        clock.set(clock.instant().plus(ProblemSettings.defaults().firstRetry()));
        HandOffRun second = desk.deliverHandOffs(clock.instant(), 10);
        p = ok(problems.problem(p.id(), ana));
        out.println("Handed to the developers: first try " + (first.retried() == 1 ? "refused (tracker down), retried "
                + ProblemSettings.defaults().firstRetry().toSeconds() + " s later" : "taken") + "; "
                + (second.delivered() == 1 ? "taken as " : "") + p.trackerReference().orElse("-"));

        clock.set(day.atTime(16, 0).atZone(ZONE).toInstant());
        DeveloperUpdate fixed = ok(TrackerUpdates.read("{\"problem\":\"" + p.id() + "\",\"status\":\"fixed\",\"version\":\"3.4.1\","
                + "\"reference\":\"" + p.trackerReference().orElse("") + "\"}"));
        out.println("16:00 the tracker's web hook: fixed in 3.4.1 - the linked customers are told:");
        p = ok(problems.developerUpdate(fixed, Actor.integration("umbrella-tracker")));
        out.println("Problem is " + p.status().words() + " in " + p.fixedIn().orElse("?"));

        var report = desk.tenant(UMBRELLA).reports().report(ReportQuery.builder().tenant(UMBRELLA).from(weekStart)
                .to(clock.instant()).zone(ZONE).build(), ana);
        if (report.isRight()) {
            Path file = Path.of("target", "reports", "helpdesk-umbrella-problems-" + day + ".html");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, HtmlReport.of(report.get()).title("Umbrella, the week to " + day)
                        .problemNames(Map.of(p.id().toString(), p.title())).render());
                out.println("The week's report, with the problem by name: " + file);
            } catch (IOException e) {
                out.println("Could not write the report: " + e.getMessage());
            }
        }
    }

    /** The developers' tracker: takes a JSON issue, answers its key; down for maintenance as often as asked first. */
    private HttpServer tracker(AtomicInteger failures) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger issues = new AtomicInteger(4711);
            server.createContext("/issues", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                byte[] answer;
                if (failures.getAndDecrement() > 0) {
                    answer = "down for maintenance".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(503, answer.length);
                } else {
                    answer = ("{\"key\":\"UMB-" + issues.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(201, answer.length);
                }
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the demo's issue tracker", e);
        }
    }

    private static <T> T ok(Either<Rejection, T> result) {
        if (result.isLeft()) {
            throw new IllegalStateException(result.getLeft().message());
        }
        return result.get();
    }
}
