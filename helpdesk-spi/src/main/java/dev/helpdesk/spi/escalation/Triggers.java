package dev.helpdesk.spi.escalation;

import java.time.Duration;
import java.util.Objects;

/** Checks shared by the trigger records. */
final class Triggers {
    /** The longest wait a timed trigger may name: a year. */
    static final Duration LONGEST = Duration.ofDays(366);

    private Triggers() {
    }

    static void positive(Duration d) {
        Objects.requireNonNull(d, "after");
        if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a wait must be positive and at most a year: " + d);
        }
    }
}
