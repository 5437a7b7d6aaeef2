package dev.helpdesk.core;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The desk's own settings: how long solved tickets wait before they close, how the due sweep
 * claims work, how a command retries after a conflict, how deep rules may chain. Every part has
 * a default; {@link Helpdesk.Builder} fills one from its setters, or takes a whole one with
 * {@link Helpdesk.Builder#settings(DeskSettings)}.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field.
 */
@Value.Immutable
public abstract class DeskSettings {
    /** The default number of retries of a command after a conflict. */
    public static final int DEFAULT_CONFLICT_RETRIES = 10;

    DeskSettings() {
    }

    /**
     * How long a ticket stays solved before a due run closes it.
     *
     * @return a positive duration, 7 days by default
     */
    @Value.Default
    public Duration autoCloseAfter() {
        return Duration.ofDays(7);
    }

    /**
     * How many due tickets a due run claims at a time.
     *
     * @return 1 to 10,000; 100 by default
     */
    @Value.Default
    public int dueBatchSize() {
        return 100;
    }

    /**
     * How long a claim on a due ticket holds when the instance that claimed it dies.
     *
     * @return a positive duration, 5 minutes by default
     */
    @Value.Default
    public Duration dueLease() {
        return Duration.ofMinutes(5);
    }

    /**
     * How often a command is decided again on fresh state when another command changed the
     * ticket at the same moment, before it is answered with
     * {@link dev.helpdesk.spi.rejection.Rejection.ConcurrentModification}. Each retry waits a
     * random pause first (see {@link #conflictBackoff()}); with the defaults, eight writers on
     * one ticket of the in-memory store see no conflict.
     *
     * <p>What remains: the retries are bounded, so a ticket written by very many writers at
     * once, or on a store whose commits take longer than the largest pause, can still answer a
     * command with a conflict; sending the command again is safe. The pauses hold the calling
     * thread; an interrupt ends them and answers the conflict.
     *
     * @return 0 to 100; {@value #DEFAULT_CONFLICT_RETRIES} by default
     */
    @Value.Default
    public int conflictRetries() {
        return DEFAULT_CONFLICT_RETRIES;
    }

    /**
     * The bound of the pause before the first retry after a conflict; each further conflict
     * doubles it up to {@link #conflictBackoffMax()}, and each pause is drawn at random between
     * zero and its bound, so that writers who collided spread out.
     *
     * @return zero (no pause) to 10 seconds; 1 ms by default
     */
    @Value.Default
    public Duration conflictBackoff() {
        return Duration.ofMillis(1);
    }

    /**
     * The largest bound of a pause between retries after a conflict.
     *
     * @return at least {@link #conflictBackoff()}, at most 10 seconds; 50 ms by default
     */
    @Value.Default
    public Duration conflictBackoffMax() {
        return Duration.ofMillis(50);
    }

    /**
     * How long a chain of escalation rules reacting to each other's events may grow before the
     * desk stops it and records the stop in the ticket's history.
     *
     * @return 1 to 100; 5 by default
     */
    @Value.Default
    public int maxRuleDepth() {
        return 5;
    }

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (!positive(autoCloseAfter())) {
            problems.add(new FieldError("autoCloseAfter", "must be positive: " + autoCloseAfter()));
        }
        if (dueBatchSize() < 1 || dueBatchSize() > 10_000) {
            problems.add(new FieldError("dueBatchSize", "must be 1-10000: " + dueBatchSize()));
        }
        if (!positive(dueLease())) {
            problems.add(new FieldError("dueLease", "must be positive: " + dueLease()));
        }
        if (conflictRetries() < 0 || conflictRetries() > 100) {
            problems.add(new FieldError("conflictRetries", "must be 0-100: " + conflictRetries()));
        }
        Duration tenSeconds = Duration.ofSeconds(10);
        if (conflictBackoff().isNegative() || conflictBackoff().compareTo(tenSeconds) > 0) {
            problems.add(new FieldError("conflictBackoff", "must be 0 to 10 s: " + conflictBackoff()));
        }
        if (conflictBackoffMax().compareTo(conflictBackoff()) < 0 || conflictBackoffMax().compareTo(tenSeconds) > 0) {
            problems.add(new FieldError("conflictBackoffMax", "must be conflictBackoff to 10 s: " + conflictBackoffMax()));
        }
        if (maxRuleDepth() < 1 || maxRuleDepth() > 100) {
            problems.add(new FieldError("maxRuleDepth", "must be 1-100: " + maxRuleDepth()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("desk settings", problems);
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * The defaults.
     *
     * @return the settings every desk starts from
     */
    public static DeskSettings defaults() {
        return builder().build();
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every bad field.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DeskSettings}. */
    public static final class Builder extends ImmutableDeskSettings.Builder {
        Builder() {
        }
    }
}
