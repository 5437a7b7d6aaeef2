package dev.helpdesk.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.helpdesk.spi.ConfigurationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against a webhook served by the JDK's HTTP server on the loopback address. */
class WebhookNotifierTest {
    /** One post as the webhook received it. */
    record Post(String method, String contentType, String notice, String signature, String body) {
    }

    private HttpServer server;
    private final BlockingQueue<Post> received = new LinkedBlockingQueue<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private URI address;

    @BeforeEach
    void startTheWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/helpdesk", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            received.add(new Post(exchange.getRequestMethod(), headers.getFirst("Content-Type"),
                    headers.getFirst(WebhookNotifier.NOTICE_HEADER), headers.getFirst(WebhookNotifier.SIGNATURE_HEADER),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        address = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/hooks/helpdesk");
    }

    @AfterEach
    void stopTheWebhook() {
        server.stop(0);
    }

    @Test
    void a_notice_arrives_as_json_with_its_id_and_a_signature_the_receiver_can_check() throws Exception {
        WebhookNotifier notifier = new WebhookNotifier(address, Optional.of("s3cret"), HttpClient.newHttpClient());

        int status = notifier.post(Fixtures.notice("Escalated: \"Printer\" offline", "Line one\nLine two\tend"))
                .get(30, TimeUnit.SECONDS);

        assertEquals(204, status);
        Post post = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(post);
        assertEquals("POST", post.method());
        assertEquals("application/json; charset=utf-8", post.contentType());
        assertEquals("0190c5a0-0000-7000-8000-000000000001/3/ana", post.notice());
        assertEquals(WebhookNotifier.signature("s3cret".getBytes(StandardCharsets.UTF_8),
                post.body().getBytes(StandardCharsets.UTF_8)), post.signature());
        assertEquals("{\"id\":\"0190c5a0-0000-7000-8000-000000000001/3/ana\",\"tenant\":\"acme\","
                + "\"ticket\":\"0190c5a0-0000-7000-8000-000000000001\",\"number\":10234,\"topic\":\"escalation\","
                + "\"recipient\":{\"kind\":\"agent\",\"id\":\"ana\",\"role\":\"supervisor\"},\"locale\":\"nl\","
                + "\"subject\":\"Escalated: \\\"Printer\\\" offline\",\"body\":\"Line one\\nLine two\\tend\","
                + "\"urgent\":true,\"createdAt\":\"2026-12-03T09:15:00Z\",\"sendAt\":\"2026-12-03T09:15:00Z\"}",
                post.body());
    }

    @Test
    void without_a_secret_the_post_is_not_signed() throws Exception {
        new WebhookNotifier(address, Optional.empty(), HttpClient.newHttpClient())
                .post(Fixtures.notice("s", "b")).get(30, TimeUnit.SECONDS);

        Post post = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(post);
        assertEquals(null, post.signature());
    }

    @Test
    void a_webhook_that_fails_is_answered_with_its_status_and_deliver_does_not_throw() throws Exception {
        answer.set(500);
        WebhookNotifier notifier = new WebhookNotifier(address, Optional.empty(), HttpClient.newHttpClient());

        assertEquals(500, notifier.post(Fixtures.notice("s", "b")).get(30, TimeUnit.SECONDS));
        notifier.deliver(Fixtures.notice("s", "b"));
        assertNotNull(received.poll(30, TimeUnit.SECONDS));
        assertNotNull(received.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void an_address_that_is_not_http_or_a_blank_secret_is_a_configuration_error_naming_the_field() {
        var client = HttpClient.newHttpClient();
        ConfigurationException notHttp = assertThrows(ConfigurationException.class,
                () -> new WebhookNotifier(URI.create("ftp://example.org/x"), Optional.empty(), client));
        assertEquals("target", notHttp.errors().get(0).field());
        ConfigurationException relative = assertThrows(ConfigurationException.class,
                () -> new WebhookNotifier(URI.create("/hooks"), Optional.empty(), client));
        assertEquals("target", relative.errors().get(0).field());
        ConfigurationException blank = assertThrows(ConfigurationException.class,
                () -> new WebhookNotifier(address, Optional.of(" "), client));
        assertEquals("secret", blank.errors().get(0).field());
    }

    @Test
    void found_by_service_loader_it_reads_its_address_from_the_system_property() throws Exception {
        String previous = System.getProperty(WebhookNotifier.URL_PROPERTY);
        try {
            System.clearProperty(WebhookNotifier.URL_PROPERTY);
            if (System.getenv(WebhookNotifier.URL_VARIABLE) == null) {
                ConfigurationException missing = assertThrows(ConfigurationException.class, WebhookNotifier::new);
                assertEquals(WebhookNotifier.URL_PROPERTY, missing.errors().get(0).field());
            }
            System.setProperty(WebhookNotifier.URL_PROPERTY, address.toString());
            new WebhookNotifier().post(Fixtures.notice("s", "b")).get(30, TimeUnit.SECONDS);
            assertNotNull(received.poll(30, TimeUnit.SECONDS));
        } finally {
            if (previous == null) {
                System.clearProperty(WebhookNotifier.URL_PROPERTY);
            } else {
                System.setProperty(WebhookNotifier.URL_PROPERTY, previous);
            }
        }
        assertFalse(received.iterator().hasNext());
    }
}
