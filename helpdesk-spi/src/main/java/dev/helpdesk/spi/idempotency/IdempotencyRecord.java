package dev.helpdesk.spi.idempotency;

import java.time.Instant;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The outcome of the first request under a key. A later request with the same key and the
 * same {@link #fingerprint()} gets this outcome; one with another fingerprint is a different
 * request that reused the key, and is refused.
 */
@Value.Immutable
public abstract class IdempotencyRecord {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    IdempotencyRecord() {
    }

    /**
     * Starts a record.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The key.
     *
     * @return the key
     */
    public abstract IdempotencyKey key();

    /**
     * What the request was: a SHA-256 of the command and the actor, 64 lower-case hex digits.
     *
     * @return the fingerprint
     */
    public abstract String fingerprint();

    /**
     * What the request answered.
     *
     * @return the outcome
     */
    public abstract Outcome outcome();

    /**
     * When the outcome was recorded, from the desk's clock.
     *
     * @return the time
     */
    public abstract Instant recordedAt();

    @Value.Check
    void check() {
        if (!HEX.matcher(fingerprint()).matches()) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits");
        }
    }

    /**
     * Builds a record; a missing part throws {@link dev.helpdesk.spi.ConfigurationException}
     * naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutableIdempotencyRecord.Builder {
        Builder() {
        }
    }
}
