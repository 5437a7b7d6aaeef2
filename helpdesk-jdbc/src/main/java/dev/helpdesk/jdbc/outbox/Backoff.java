package dev.helpdesk.jdbc.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The retry policy of the relay: after each failure the wait doubles, from the first retry up to
 * the longest; after the last allowed attempt the event is dead.
 */
final class Backoff {
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetry;

    Backoff(int maxAttempts, Duration firstRetry, Duration maxRetry) {
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** The wait before the next attempt after {@code failures} failed attempts (at least 1). */
    Duration wait(int failures) {
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /** Tells whether an event that failed this often is dead. */
    boolean isDead(int failures) {
        return failures >= maxAttempts;
    }

    /** When an event that failed this often is tried next: empty once it is dead. */
    Optional<Instant> nextAttempt(Instant now, int failures) {
        return isDead(failures) ? Optional.empty() : Optional.of(now.plus(wait(failures)));
    }
}
