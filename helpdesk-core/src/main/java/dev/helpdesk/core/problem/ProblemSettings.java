package dev.helpdesk.core.problem;

import dev.helpdesk.spi.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How problems are handed to the developers and suggested.
 *
 * @param maxAttempts    delivery attempts of a hand-off before it is dead, 1 to 100
 * @param firstRetry     the pause after the first failure; it doubles with every failure
 * @param maxRetry       the longest pause
 * @param lease          how long a claimed hand-off is held by its deliverer
 * @param minCluster     the fewest tickets a suggested problem groups, at least 2
 */
public record ProblemSettings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease, int minCluster) {
    /**
     * Checks the settings.
     *
     * @throws ConfigurationException naming the bad setting
     *
     * @param maxAttempts delivery attempts of a hand-off before it is dead, 1 to 100
     * @param firstRetry the pause after the first failure; it doubles with every failure
     * @param maxRetry the longest pause
     * @param lease how long a claimed hand-off is held by its deliverer
     * @param minCluster the fewest tickets a suggested problem groups, at least 2
     */
    public ProblemSettings {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(lease, "lease");
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ConfigurationException("problem hand-offs: maxAttempts must be 1-100, not " + maxAttempts);
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new ConfigurationException("problem hand-offs: firstRetry must be positive and at most maxRetry");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new ConfigurationException("problem hand-offs: lease must be positive");
        }
        if (minCluster < 2) {
            throw new ConfigurationException("suggested problems: minCluster must be at least 2, not " + minCluster);
        }
    }

    /**
     * The defaults: 8 attempts, retries after 30 s doubling up to 1 h, a 5-minute lease, clusters
     * of 3 tickets or more.
     *
     * @return the defaults
     */
    public static ProblemSettings defaults() {
        return new ProblemSettings(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5), 3);
    }

    /**
     * These settings with other retries.
     *
     * @param attempts the attempts before a hand-off is dead
     * @param first    the first pause
     * @param max      the longest pause
     * @return the settings
     */
    public ProblemSettings withRetries(int attempts, Duration first, Duration max) {
        return new ProblemSettings(attempts, first, max, lease, minCluster);
    }

    /**
     * These settings with another smallest cluster.
     *
     * @param tickets the fewest tickets of a suggestion
     * @return the settings
     */
    public ProblemSettings withMinCluster(int tickets) {
        return new ProblemSettings(maxAttempts, firstRetry, maxRetry, lease, tickets);
    }

    /**
     * The pause after a number of failures: {@code firstRetry × 2^(failures-1)}, at most {@code maxRetry}.
     *
     * @param failures the failures so far, at least 1
     * @return the pause
     */
    public Duration backoff(int failures) {
        Duration d = firstRetry;
        for (int i = 1; i < failures && d.compareTo(maxRetry) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }
}
