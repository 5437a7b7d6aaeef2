package dev.helpdesk.examples.plugin;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.notification.Recipient;
import dev.helpdesk.spi.rejection.FieldError;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notifier that posts every notice as one JSON object to a webhook (a chat integration, an
 * incident tool, the host's own endpoint). The body is UTF-8 JSON with the notice's id, tenant,
 * ticket, number, topic, recipient, locale, subject, body, urgency and times; the header
 * {@value #NOTICE_HEADER} repeats the id so the receiver can drop a repeat, and with a secret
 * the header {@value #SIGNATURE_HEADER} carries {@code sha256=} and the hex HMAC-SHA256 of the
 * body, so the receiver can tell the post came from this desk.
 *
 * <p>{@link #deliver} hands the post to the HTTP client and returns at once (the desk calls
 * notifiers on the thread that committed); a failed post or an answer other than 2xx is logged
 * at WARN and not retried: delivery is at most once, as for every notifier.
 *
 * <p>Found by {@link java.util.ServiceLoader}, it reads its address from the system property
 * {@value #URL_PROPERTY} or the environment variable {@value #URL_VARIABLE}, and its optional
 * secret from {@value #SECRET_PROPERTY} or {@value #SECRET_VARIABLE}; registered explicitly, it
 * takes them as arguments.
 */
public final class WebhookNotifier implements Notifier {
    /** The system property holding the webhook's address. */
    public static final String URL_PROPERTY = "helpdesk.webhook.url";
    /** The environment variable holding the webhook's address, when the property is not set. */
    public static final String URL_VARIABLE = "HELPDESK_WEBHOOK_URL";
    /** The system property holding the signing secret. */
    public static final String SECRET_PROPERTY = "helpdesk.webhook.secret";
    /** The environment variable holding the signing secret, when the property is not set. */
    public static final String SECRET_VARIABLE = "HELPDESK_WEBHOOK_SECRET";
    /** The header with the body's signature. */
    public static final String SIGNATURE_HEADER = "X-Helpdesk-Signature";
    /** The header with the notice's id. */
    public static final String NOTICE_HEADER = "X-Helpdesk-Notice";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI target;
    private final Optional<byte[]> secret;
    private final HttpClient client;

    /**
     * Creates the notifier from the system properties or the environment; {@link java.util.ServiceLoader}
     * calls this.
     *
     * @throws ConfigurationException when neither {@value #URL_PROPERTY} nor {@value #URL_VARIABLE}
     *                                holds an http or https address
     */
    public WebhookNotifier() {
        this(configured(URL_PROPERTY, URL_VARIABLE)
                        .map(WebhookNotifier::address)
                        .orElseThrow(() -> new ConfigurationException("webhook", List.of(new FieldError(URL_PROPERTY,
                                "is not set (nor " + URL_VARIABLE + "): the webhook notifier needs an address")))),
                configured(SECRET_PROPERTY, SECRET_VARIABLE),
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    /**
     * Creates the notifier for explicit registration.
     *
     * @param target where to post: an absolute http or https address
     * @param secret the signing secret, or empty for unsigned posts
     * @param client the HTTP client to post with
     * @throws ConfigurationException when the address is not an absolute http or https address, or
     *                                the secret is blank
     */
    public WebhookNotifier(URI target, Optional<String> secret, HttpClient client) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(secret, "secret");
        this.client = Objects.requireNonNull(client, "client");
        if (!target.isAbsolute() || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))
                || target.getHost() == null) {
            throw new ConfigurationException("webhook", List.of(new FieldError("target", "must be an absolute http or https address")));
        }
        if (secret.isPresent() && secret.get().isBlank()) {
            throw new ConfigurationException("webhook", List.of(new FieldError("secret", "is blank")));
        }
        this.target = target;
        this.secret = secret.map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(Notification notification) {
        post(notification).whenComplete((status, failure) -> {
            if (failure != null) {
                LOG.warn("webhook post of notice {} to {} failed", notification.id(), target, failure);
            } else if (status / 100 != 2) {
                LOG.warn("webhook at {} answered {} to notice {}", target, status, notification.id());
            }
        });
    }

    /**
     * Posts one notice.
     *
     * @param notification the notice
     * @return the HTTP status the webhook answered, or the failure
     */
    public CompletableFuture<Integer> post(Notification notification) {
        String json = NoticeJson.of(notification);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(NOTICE_HEADER, notification.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        secret.ifPresent(key -> request.header(SIGNATURE_HEADER, signature(key, body)));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /**
     * The signature a receiver compares with {@value #SIGNATURE_HEADER}.
     *
     * @param secret the shared secret, as UTF-8 bytes
     * @param body   the body as received
     * @return {@code sha256=} and the hex HMAC-SHA256 of the body
     */
    public static String signature(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    private static Optional<String> configured(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static URI address(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigurationException("webhook", List.of(new FieldError(URL_PROPERTY, "is not an address: " + e.getReason())));
        }
    }

    /** The recipient's kind in the JSON: {@code agent} or {@code customer}. */
    static String kindOf(Recipient recipient) {
        return recipient instanceof Recipient.Agent ? "agent" : "customer";
    }
}
