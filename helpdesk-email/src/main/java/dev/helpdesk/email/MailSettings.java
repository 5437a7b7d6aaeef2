package dev.helpdesk.email;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The limits and choices of inbound mail handling. Every limit is a setting; the defaults suit a
 * desk that takes customers' mail from the public internet.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field.
 */
@Value.Immutable
public abstract class MailSettings {
    /** For the implementation that Immutables generates. */
    public MailSettings() {
    }

    private static final long MIB = 1024L * 1024;

    /** The settings with every default. */
    public static final MailSettings DEFAULTS = builder().build();

    /**
     * The largest raw message taken, in bytes; a larger one is quarantined.
     *
     * @return the limit, 100 MiB by default
     */
    @Value.Default
    public long maxMessageBytes() {
        return 100 * MIB;
    }

    /**
     * The largest single attachment, decoded, in bytes; a message with a larger one is
     * quarantined whole.
     *
     * @return the limit, 32 MiB by default
     */
    @Value.Default
    public long maxAttachmentBytes() {
        return 32 * MIB;
    }

    /**
     * The largest text or HTML part read into the message body, decoded, in bytes; a larger
     * body part is kept as an attachment instead, so the heap a message costs stays bounded.
     *
     * @return the limit, 2 MiB by default
     */
    @Value.Default
    public long maxBodyBytes() {
        return 2 * MIB;
    }

    /**
     * The deepest nesting of multiparts; a deeper message is quarantined.
     *
     * @return the limit, 12 by default
     */
    @Value.Default
    public int maxDepth() {
        return 12;
    }

    /**
     * The most parts in one message; a message with more is quarantined.
     *
     * @return the limit, 500 by default
     */
    @Value.Default
    public int maxParts() {
        return 500;
    }

    /**
     * The largest header block of the message, in bytes; a larger one is quarantined.
     *
     * @return the limit, 256 KiB by default
     */
    @Value.Default
    public int maxHeaderBytes() {
        return 256 * 1024;
    }

    /**
     * The character set used for text that declares an unknown or invalid one, or none where
     * one is needed; the message records the fallback. Windows-1252 decodes every byte and
     * matches what mail without a declaration most often is.
     *
     * @return the fallback, windows-1252 by default
     */
    @Value.Default
    public Charset fallbackCharset() {
        return Charset.forName("windows-1252");
    }

    /**
     * How many messages one sender may send to one tenant within {@link #senderWindow()}; the
     * next ones are quarantined as a likely mail loop. Zero turns the limit off.
     *
     * @return the limit, 30 by default
     */
    @Value.Default
    public int senderLimit() {
        return 30;
    }

    /**
     * The window of {@link #senderLimit()}.
     *
     * @return the window, one hour by default
     */
    @Value.Default
    public Duration senderWindow() {
        return Duration.ofHours(1);
    }

    /**
     * Whether a message without a {@code Date} header is quarantined (RFC 5322 requires one).
     *
     * @return true by default
     */
    @Value.Default
    public boolean requireDate() {
        return true;
    }

    /**
     * Whether quoted earlier messages and signatures are removed from the text the ticket shows
     * (the full text stays in {@code fullText}).
     *
     * @return true by default
     */
    @Value.Default
    public boolean stripQuotes() {
        return true;
    }

    /**
     * Whether the raw message is kept in the attachment store beside its attachments and named in
     * {@link dev.helpdesk.spi.channel.InboundMessage#source()}; costs its size again on disk.
     *
     * @return false by default
     */
    @Value.Default
    public boolean keepSource() {
        return false;
    }

    /**
     * Where incoming messages are spooled while they are parsed, so a large message costs disk,
     * not heap; the system's temporary directory when empty.
     *
     * @return the spool directory, when set
     */
    public abstract Optional<Path> spoolDirectory();

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        positive(problems, "maxMessageBytes", maxMessageBytes());
        positive(problems, "maxAttachmentBytes", maxAttachmentBytes());
        positive(problems, "maxBodyBytes", maxBodyBytes());
        positive(problems, "maxDepth", maxDepth());
        positive(problems, "maxParts", maxParts());
        positive(problems, "maxHeaderBytes", maxHeaderBytes());
        if (maxBodyBytes() > Integer.MAX_VALUE / 2) {
            problems.add(new FieldError("maxBodyBytes", "must be at most " + Integer.MAX_VALUE / 2 + ": " + maxBodyBytes()));
        }
        if (senderLimit() < 0) {
            problems.add(new FieldError("senderLimit", "must not be negative: " + senderLimit()));
        }
        if (senderWindow().isNegative() || senderWindow().isZero()) {
            problems.add(new FieldError("senderWindow", "must be positive: " + senderWindow()));
        }
        if (!fallbackCharset().canEncode() && !fallbackCharset().equals(StandardCharsets.UTF_8)) {
            problems.add(new FieldError("fallbackCharset", "must be a full character set: " + fallbackCharset()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("mail settings", problems);
        }
    }

    private static void positive(List<FieldError> problems, String field, long value) {
        if (value <= 0) {
            problems.add(new FieldError(field, "must be positive: " + value));
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

    /** Builds {@link MailSettings}. */
    public static final class Builder extends ImmutableMailSettings.Builder {
        Builder() {
        }
    }
}
