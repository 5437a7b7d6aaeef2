package dev.helpdesk.core.remote;

import dev.helpdesk.core.notification.Templates;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * How a desk runs remote sessions: the host's secret that signs consent links (HMAC-SHA256),
 * how long a consent link works, and the consent texts. Without these settings on the builder
 * ({@link dev.helpdesk.core.Helpdesk.Builder#remoteSessions}) the desk has no remote sessions.
 */
@Value.Immutable
public abstract class RemoteSettings {
    /** The fewest bytes of a secret: 256 bits, the size of the HMAC-SHA256 key. */
    public static final int MIN_SECRET_BYTES = 32;

    RemoteSettings() {
    }

    /**
     * The host's secret that signs consent links. Keep it out of the database: whoever knows
     * it can make links.
     *
     * @return the key bytes, at least {@link #MIN_SECRET_BYTES}
     */
    public abstract byte[] secret();

    /**
     * How long a consent request may be answered, from the request.
     *
     * @return the lifetime; defaults to 24 hours
     */
    @Value.Default
    public Duration linkLifetime() {
        return Duration.ofHours(24);
    }

    /**
     * The consent texts, keys {@code consent.subject} and {@code consent.body} (en, nl, es, ru
     * shipped; a host adds or replaces languages with {@link Templates#with}).
     *
     * @return the templates; defaults to the shipped ones
     */
    @Value.Default
    public Templates texts() {
        return Templates.defaults();
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (secret().length < MIN_SECRET_BYTES) {
            errors.add(new FieldError("secret", "must be at least " + MIN_SECRET_BYTES + " bytes, not " + secret().length));
        }
        if (linkLifetime().isNegative() || linkLifetime().isZero() || linkLifetime().compareTo(Duration.ofDays(14)) > 0) {
            errors.add(new FieldError("linkLifetime", "must be positive and at most 14 days, not " + linkLifetime()));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException("remote session settings", errors);
        }
    }

    /**
     * A builder; the secret is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RemoteSettings}. */
    public static final class Builder extends ImmutableRemoteSettings.Builder {
        Builder() {
        }
    }
}
