package dev.helpdesk.developer.http;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.problem.DeveloperBridge;
import dev.helpdesk.spi.problem.ProblemHandOff;
import dev.helpdesk.spi.problem.ProblemImpact;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Hands problems to an issue tracker by posting JSON to one HTTP endpoint (the tracker's own API,
 * or a small adapter of the host in front of it), with the JDK's {@link HttpClient}.
 *
 * <p>The request: {@code POST <endpoint>}, {@code Content-Type: application/json; charset=utf-8},
 * {@code Idempotency-Key: <hand-off id>} (the same on every attempt), the configured headers, and
 * the body
 * <pre>{@code
 * {"handOff":"<uuid>","tenant":"acme","problem":"<uuid>","title":"...","description":"...",
 *  "rootCause":"..." or null,"workaround":"..." or null,"handedOffAt":"2026-03-02T09:00:00Z",
 *  "impact":{"tickets":12,"unsolved":5,"customers":9,"segments":{"enterprise":2,"":7},
 *            "categories":{"technical.hardware":12}}}
 * }</pre>
 * A 2xx answer is taken: the reference is the answer's JSON member {@code reference} (or
 * {@code key}, or {@code id}), else its {@code Location} header, else the hand-off id. Any other
 * status, a timeout or a connection failure throws, so that the desk tries again after its
 * back-off. Thread-safe.
 */
public final class HttpDeveloperBridge implements DeveloperBridge {
    private static final int MAX_ERROR_BODY = 300;

    private final String name;
    private final URI endpoint;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient client;

    private HttpDeveloperBridge(Builder b) {
        this.name = b.name;
        this.endpoint = b.endpoint;
        this.headers = Map.copyOf(b.headers);
        this.timeout = b.timeout;
        this.client = b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    }

    /**
     * A builder for a bridge posting to an endpoint.
     *
     * @param endpoint the tracker's URL: http or https
     * @return the builder
     */
    public static Builder to(URI endpoint) {
        return new Builder(endpoint);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String handOff(ProblemHandOff h) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Idempotency-Key", h.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json(h), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new IOException("the issue tracker answered HTTP " + status + " to hand-off " + h.id()
                    + (body.isEmpty() ? "" : ": " + (body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) + "…" : body)));
        }
        return reference(response).orElse(h.id().toString());
    }

    private static Optional<String> reference(HttpResponse<String> response) {
        String body = response.body();
        if (body != null && !body.isBlank()) {
            try {
                if (Json.parse(body) instanceof Map<?, ?> map) {
                    for (String key : new String[] {"reference", "key", "id"}) {
                        Object v = map.get(key);
                        if (v instanceof String s && !s.isBlank()) {
                            return Optional.of(s.strip());
                        }
                        if (v instanceof java.math.BigDecimal n) {
                            return Optional.of(n.toPlainString());
                        }
                    }
                }
            } catch (IllegalArgumentException notJson) {
                // a tracker that answers with text: the Location header or the hand-off id names the issue
            }
        }
        return response.headers().firstValue("Location").filter(s -> !s.isBlank());
    }

    /**
     * The JSON body of a hand-off.
     *
     * @param h the hand-off
     * @return the body
     */
    static String json(ProblemHandOff h) {
        ProblemImpact i = h.impact();
        return "{\"handOff\":" + Json.quote(h.id().toString())
                + ",\"tenant\":" + Json.quote(h.tenant().value())
                + ",\"problem\":" + Json.quote(h.problem().toString())
                + ",\"title\":" + Json.quote(h.title())
                + ",\"description\":" + Json.quote(h.description())
                + ",\"rootCause\":" + h.rootCause().map(Json::quote).orElse("null")
                + ",\"workaround\":" + h.workaround().map(Json::quote).orElse("null")
                + ",\"handedOffAt\":" + Json.quote(h.at().toString())
                + ",\"impact\":{\"tickets\":" + i.tickets() + ",\"unsolved\":" + i.unsolved() + ",\"customers\":" + i.customers()
                + ",\"segments\":" + counts(i.bySegment()) + ",\"categories\":" + counts(i.byCategory()) + "}}";
    }

    private static String counts(SortedMap<String, Integer> counts) {
        StringBuilder out = new StringBuilder("{");
        counts.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(Json.quote(k)).append(':').append(v));
        return out.append('}').toString();
    }

    /** Builds an {@link HttpDeveloperBridge}. */
    public static final class Builder {
        private final URI endpoint;
        private String name = "developer-http";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private HttpClient client;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /**
         * The plugin's name, as the desk logs it.
         *
         * @param value the name; {@code developer-http} by default
         * @return this builder
         */
        public Builder name(String value) {
            name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * A header sent with every request, such as {@code Authorization}.
         *
         * @param header the header's name
         * @param value  its value
         * @return this builder
         */
        public Builder header(String header, String value) {
            headers.put(Objects.requireNonNull(header, "header"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * How long a connection and an answer may take.
         *
         * @param value the timeout; 10 seconds by default
         * @return this builder
         */
        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /**
         * The HTTP client to use (a host's own, with its proxy or TLS settings).
         *
         * @param value the client; by default a new one with the timeout as its connect timeout
         * @return this builder
         */
        public Builder client(HttpClient value) {
            client = Objects.requireNonNull(value, "client");
            return this;
        }

        /**
         * Builds the bridge.
         *
         * @return the bridge
         * @throws ConfigurationException naming every bad setting
         */
        public HttpDeveloperBridge build() {
            java.util.List<String> problems = new java.util.ArrayList<>();
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
                problems.add("endpoint must be an absolute http or https URL, not " + endpoint);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                problems.add("timeout must be positive");
            }
            if (name.isBlank()) {
                problems.add("name must not be blank");
            }
            for (String h : headers.keySet()) {
                if (h.isBlank() || h.chars().anyMatch(c -> c <= ' ' || c >= 127 || c == ':')) {
                    problems.add("header name " + Json.quote(h) + " is not a token");
                }
            }
            headers.values().stream().filter(v -> v.chars().anyMatch(c -> c == '\r' || c == '\n'))
                    .findFirst().ifPresent(v -> problems.add("a header value must not contain line breaks"));
            if (!problems.isEmpty()) {
                throw new ConfigurationException("HTTP developer bridge: " + String.join("; ", problems));
            }
            return new HttpDeveloperBridge(this);
        }
    }
}
