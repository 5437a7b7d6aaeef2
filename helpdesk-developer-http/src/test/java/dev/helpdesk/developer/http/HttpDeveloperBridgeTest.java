package dev.helpdesk.developer.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.problem.HandOffRun;
import dev.helpdesk.core.ProblemDesk;
import dev.helpdesk.core.problem.ProblemSettings;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.problem.DeveloperUpdate;
import dev.helpdesk.spi.problem.HandOff;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemHandOff;
import dev.helpdesk.spi.problem.ProblemId;
import dev.helpdesk.spi.problem.ProblemImpact;
import dev.helpdesk.spi.problem.ProblemStatus;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpDeveloperBridgeTest {
    static final TenantId ACME = TenantId.of("acme");
    static final Actor ANA = Actor.agent("ana");

    record Received(String method, Map<String, String> headers, String body) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    URI endpoint;

    @BeforeEach
    void startTracker() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/issues", this::tracker);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/issues");
    }

    @AfterEach
    void stopTracker() {
        server.stop(0);
    }

    private void tracker(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
        received.add(new Received(exchange.getRequestMethod(), headers, body));
        byte[] answer;
        int status;
        if (failuresLeft.getAndDecrement() > 0) {
            status = 503;
            answer = "tracker is down for maintenance".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 201;
            answer = ("{\"reference\":\"PROD-" + received.size() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static ProblemHandOff handOff() {
        return new ProblemHandOff(new UUID(1, 2), ACME, ProblemId.of(new UUID(3, 4)), "Printers drop \"off\" the network",
                "Line one\nline two", Optional.of("Firmware 4.2"), Optional.empty(),
                new ProblemImpact(3, 2, 2, new TreeMap<>(Map.of("enterprise", 1, "", 1)), new TreeMap<>(Map.of("technical.hardware", 3))),
                Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void a_hand_off_is_posted_as_json_with_its_impact_and_the_trackers_reference_is_answered() throws Exception {
        HttpDeveloperBridge bridge = HttpDeveloperBridge.to(endpoint).header("Authorization", "Bearer s3cret").build();

        assertEquals("PROD-1", bridge.handOff(handOff()));

        Received r = received.get(0);
        assertEquals("POST", r.method());
        assertEquals("Bearer s3cret", r.headers().get("Authorization"));
        assertEquals(new UUID(1, 2).toString(), r.headers().get("Idempotency-Key"));
        assertTrue(r.headers().get("Content-Type").startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.body());
        assertEquals("Printers drop \"off\" the network", json.get("title"));
        assertEquals("Line one\nline two", json.get("description"));
        assertEquals("Firmware 4.2", json.get("rootCause"));
        assertEquals(null, json.get("workaround"));
        assertEquals("acme", json.get("tenant"));
        @SuppressWarnings("unchecked")
        Map<String, Object> impact = (Map<String, Object>) json.get("impact");
        assertEquals("3 2 2", impact.get("tickets") + " " + impact.get("unsolved") + " " + impact.get("customers"));
        assertEquals(Map.of("enterprise", new java.math.BigDecimal(1), "", new java.math.BigDecimal(1)), impact.get("segments"));
    }

    @Test
    void a_failing_endpoint_throws_with_the_status_and_the_answer() {
        failuresLeft.set(1);
        HttpDeveloperBridge bridge = HttpDeveloperBridge.to(endpoint).build();
        IOException e = assertThrows(IOException.class, () -> bridge.handOff(handOff()));
        assertTrue(e.getMessage().contains("HTTP 503") && e.getMessage().contains("maintenance"), e.getMessage());
    }

    @Test
    void bad_settings_are_refused_at_build() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> HttpDeveloperBridge.to(URI.create("ftp://tracker/issues")).header("X-Bad\nHeader", "v").timeout(Duration.ZERO).build());
        assertTrue(e.getMessage().contains("endpoint") && e.getMessage().contains("timeout") && e.getMessage().contains("header"),
                e.getMessage());
    }

    @Test
    void the_desk_retries_a_failing_tracker_with_back_off_until_it_takes_the_problem_then_customers_hear_of_the_fix() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        List<String> notices = new CopyOnWriteArrayList<>();
        Helpdesk desk = Helpdesk.builder().clock(clock)
                .plugin(HttpDeveloperBridge.to(endpoint).name("tracker").build())
                .plugin(new dev.helpdesk.spi.notification.Notifier() {
                    @Override
                    public String name() {
                        return "notices";
                    }

                    @Override
                    public void deliver(dev.helpdesk.spi.notification.Notification n) {
                        notices.add(n.topic() + " " + n.recipient() + " " + n.locale().getLanguage());
                    }
                })
                .problems(ProblemSettings.defaults().withRetries(5, Duration.ofSeconds(30), Duration.ofMinutes(5)))
                .build();
        ProblemDesk problems = desk.tenant(ACME).problems();
        Ticket t = desk.tenant(ACME).tickets().open(TicketCommand.open().subject("Printer offline").body("Since the update")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("carol")).build(),
                Actor.customer("carol")).get();
        Problem p = problems.open("Printers drop off the network after firmware 4.2", "", ANA).get();
        problems.link(p.id(), t.id(), ANA).get();
        failuresLeft.set(2);
        problems.handOff(p.id(), p.revision(), ANA).get();

        assertEquals(new HandOffRun(0, 1, 0), desk.deliverHandOffs(clock.instant(), 10));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(new HandOffRun(0, 1, 0), desk.deliverHandOffs(clock.instant(), 10));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(new HandOffRun(0, 0, 0), desk.deliverHandOffs(clock.instant(), 10), "the second pause is a minute");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new HandOffRun(1, 0, 0), desk.deliverHandOffs(clock.instant(), 10));

        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(r -> r.headers().get("Idempotency-Key")).distinct().count(), "one hand-off id");
        HandOff h = problems.handOffs(p.id(), ANA).get().get(0);
        assertEquals(List.of(HandOff.State.DELIVERED, 2, Optional.of("PROD-3")), List.of(h.state(), h.attempts(), h.reference()));
        Problem handed = problems.problem(p.id(), ANA).get();
        assertEquals(Optional.of("PROD-3"), handed.trackerReference());
        assertEquals(ProblemStatus.INVESTIGATING, handed.status());

        // the tracker's web hook says: fixed in 4.2.1
        DeveloperUpdate update = TrackerUpdates.read("{\"problem\":\"" + p.id() + "\",\"status\":\"fixed\",\"version\":\"4.2.1\"}").get();
        assertEquals(Optional.of("4.2.1"), problems.developerUpdate(update, Actor.integration("tracker")).get().fixedIn());
        assertTrue(notices.contains("PROBLEM_FIXED " + new dev.helpdesk.spi.notification.Recipient.Customer(CustomerId.of("carol")) + " en"),
                notices.toString());
    }

    @Test
    void a_tracker_update_is_read_or_refused_naming_every_bad_member() {
        UUID id = new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0001L);
        DeveloperUpdate u = TrackerUpdates.read("{\"problem\":\"" + id + "\",\"status\":\"Known-Error\",\"reference\":\"PROD-9\",\"extra\":[1,2]}").get();
        assertEquals(new DeveloperUpdate(ProblemId.of(id), ProblemStatus.KNOWN_ERROR, Optional.empty(), Optional.of("PROD-9"), ""), u);

        Rejection.Invalid bad = assertInstanceOf(Rejection.Invalid.class,
                TrackerUpdates.read("{\"problem\":\"nope\",\"status\":\"done\",\"version\":42}").getLeft());
        assertEquals(List.of("problem", "status", "version"), bad.errors().stream().map(e -> e.field()).toList());
        assertEquals("body", ((Rejection.Invalid) TrackerUpdates.read("{\"problem\":").getLeft()).errors().get(0).field());
        assertEquals("body", ((Rejection.Invalid) TrackerUpdates.read("[1]").getLeft()).errors().get(0).field());
        assertEquals("body", ((Rejection.Invalid) TrackerUpdates.read("{\"a\":1,\"a\":2}").getLeft()).errors().get(0).field());
    }
}
