package dev.helpdesk.email.smtp;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The SMTP server the {@link SmtpSender} delivers through.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field.
 */
@Value.Immutable
public abstract class SmtpSettings {
    /** For the implementation that Immutables generates. */
    public SmtpSettings() {
    }

    /**
     * The server's host name.
     *
     * @return the host
     */
    public abstract String host();

    /**
     * The server's port.
     *
     * @return the port, 587 (submission) by default
     */
    @Value.Default
    public int port() {
        return 587;
    }

    /**
     * Whether the connection is TLS from the start ({@code smtps}, port 465); when false,
     * STARTTLS is required unless {@link #plainText()} allows none.
     *
     * @return false by default
     */
    @Value.Default
    public boolean ssl() {
        return false;
    }

    /**
     * Whether a connection without TLS is allowed; only for a relay on the same machine or in
     * tests.
     *
     * @return false by default
     */
    @Value.Default
    public boolean plainText() {
        return false;
    }

    /**
     * The login, when the server wants one.
     *
     * @return the user name
     */
    public abstract Optional<String> username();

    /**
     * The password, when the server wants one.
     *
     * @return the password
     */
    @Value.Redacted
    public abstract Optional<String> password();

    /**
     * Connection and read time-outs.
     *
     * @return the time-out, 30 seconds by default
     */
    @Value.Default
    public Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /**
     * Extra Jakarta Mail properties ({@code mail.smtp.ssl.trust} and the like), applied last.
     *
     * @return the properties, none by default
     */
    public abstract Map<String, String> properties();

    /**
     * The protocol name Jakarta Mail uses.
     *
     * @return {@code smtps} or {@code smtp}
     */
    @Value.Derived
    public String protocol() {
        return ssl() ? "smtps" : "smtp";
    }

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (host().isBlank() || host().chars().anyMatch(c -> c <= ' ')) {
            problems.add(new FieldError("host", "must be a host name"));
        }
        if (port() < 1 || port() > 65535) {
            problems.add(new FieldError("port", "must be 1-65535: " + port()));
        }
        if (username().isPresent() != password().isPresent()) {
            problems.add(new FieldError("password", "must be given with a username, and only then"));
        }
        if (timeout().isNegative() || timeout().isZero()) {
            problems.add(new FieldError("timeout", "must be positive: " + timeout()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("SMTP settings", problems);
        }
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every bad field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SmtpSettings}. */
    public static final class Builder extends ImmutableSmtpSettings.Builder {
        Builder() {
        }
    }
}
