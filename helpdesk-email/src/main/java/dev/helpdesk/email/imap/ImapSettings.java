package dev.helpdesk.email.imap;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where and how the {@link ImapPoller} reads a mailbox.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field.
 */
@Value.Immutable
public abstract class ImapSettings {
    /** For the implementation that Immutables generates. */
    public ImapSettings() {
    }

    /** How a processed mail is marked on the server. */
    public enum Processed {
        /** Moved to {@link #processedFolder()} (IMAP {@code MOVE} where offered, else copy and delete). */
        MOVE,
        /** Left in place, flagged {@code \Seen} and with the keyword {@link #processedKeyword()}. */
        FLAG
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
     * @return the port, 993 by default
     */
    @Value.Default
    public int port() {
        return 993;
    }

    /**
     * Whether the connection is TLS from the start ({@code imaps}); when false, STARTTLS is
     * required unless {@link #plainText()} allows none.
     *
     * @return true by default
     */
    @Value.Default
    public boolean ssl() {
        return true;
    }

    /**
     * Whether a connection without TLS is allowed; only for a server on the same machine or in
     * tests.
     *
     * @return false by default
     */
    @Value.Default
    public boolean plainText() {
        return false;
    }

    /**
     * The login.
     *
     * @return the user name
     */
    public abstract String username();

    /**
     * The password.
     *
     * @return the password
     */
    @Value.Redacted
    public abstract String password();

    /**
     * The folder new mail arrives in.
     *
     * @return the folder, {@code INBOX} by default
     */
    @Value.Default
    public String folder() {
        return "INBOX";
    }

    /**
     * How processed mail is marked: the mark lives on the server, so a restarted poller knows
     * what it finished.
     *
     * @return {@link Processed#MOVE} by default
     */
    @Value.Default
    public Processed processed() {
        return Processed.MOVE;
    }

    /**
     * The folder processed mail is moved to; created when missing.
     *
     * @return the folder, {@code Processed} by default
     */
    @Value.Default
    public String processedFolder() {
        return "Processed";
    }

    /**
     * The keyword that marks processed mail in {@link Processed#FLAG} mode.
     *
     * @return the keyword, {@code HelpdeskProcessed} by default
     */
    @Value.Default
    public String processedKeyword() {
        return "HelpdeskProcessed";
    }

    /**
     * How often the folder is read when the server offers no IDLE (or {@link #idle()} is off).
     *
     * @return the interval, one minute by default
     */
    @Value.Default
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    /**
     * Whether the poller waits with IMAP IDLE where the server offers it, so new mail is read at
     * once.
     *
     * @return true by default
     */
    @Value.Default
    public boolean idle() {
        return true;
    }

    /**
     * The longest one IDLE lasts before the poller reads the folder anyway (servers drop an IDLE
     * after 30 minutes; RFC 2177 asks to renew before).
     *
     * @return the limit, nine minutes by default
     */
    @Value.Default
    public Duration idleRenewal() {
        return Duration.ofMinutes(9);
    }

    /**
     * The most mails handled in one pass; the poller reads the folder again at once when a pass
     * was full.
     *
     * @return the batch size, 50 by default
     */
    @Value.Default
    public int batchSize() {
        return 50;
    }

    /**
     * The first wait after a failure (no connection, the desk's store down); doubled after each
     * failure in a row up to {@link #maxBackoff()}.
     *
     * @return the first back-off, one second by default
     */
    @Value.Default
    public Duration initialBackoff() {
        return Duration.ofSeconds(1);
    }

    /**
     * The longest wait between attempts after failures.
     *
     * @return the limit, five minutes by default
     */
    @Value.Default
    public Duration maxBackoff() {
        return Duration.ofMinutes(5);
    }

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
     * Extra Jakarta Mail properties ({@code mail.imaps.ssl.trust} and the like), applied last.
     *
     * @return the properties, none by default
     */
    public abstract Map<String, String> properties();

    /**
     * The protocol name Jakarta Mail uses.
     *
     * @return {@code imaps} or {@code imap}
     */
    @Value.Derived
    public String protocol() {
        return ssl() ? "imaps" : "imap";
    }

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (host().isBlank()) {
            problems.add(new FieldError("host", "must not be blank"));
        }
        if (port() < 1 || port() > 65535) {
            problems.add(new FieldError("port", "must be 1-65535: " + port()));
        }
        if (folder().isBlank()) {
            problems.add(new FieldError("folder", "must not be blank"));
        }
        if (processed() == Processed.MOVE && (processedFolder().isBlank() || processedFolder().equals(folder()))) {
            problems.add(new FieldError("processedFolder", "must be another folder than " + folder()));
        }
        if (!processedKeyword().matches("[A-Za-z0-9_$-]{1,64}")) {
            problems.add(new FieldError("processedKeyword", "must be 1-64 of [A-Za-z0-9_$-]: " + processedKeyword()));
        }
        positive(problems, "interval", interval());
        positive(problems, "idleRenewal", idleRenewal());
        positive(problems, "initialBackoff", initialBackoff());
        positive(problems, "timeout", timeout());
        if (maxBackoff().compareTo(initialBackoff()) < 0) {
            problems.add(new FieldError("maxBackoff", "must be at least initialBackoff: " + maxBackoff()));
        }
        if (batchSize() < 1 || batchSize() > 10_000) {
            problems.add(new FieldError("batchSize", "must be 1-10000: " + batchSize()));
        }
        Optional.of(host()).filter(h -> h.chars().anyMatch(c -> c <= ' '))
                .ifPresent(h -> problems.add(new FieldError("host", "must not contain whitespace")));
        if (!problems.isEmpty()) {
            throw new ConfigurationException("IMAP settings", problems);
        }
    }

    private static void positive(List<FieldError> problems, String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(new FieldError(field, "must be positive: " + value));
        }
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every missing or bad
     * field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ImapSettings}. */
    public static final class Builder extends ImmutableImapSettings.Builder {
        Builder() {
        }
    }
}
