package dev.helpdesk.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until it is set or advanced: for hosts' tests and simulations
 * that need the desk to see a chosen time. Thread-safe.
 *
 * <pre>{@code
 * SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
 * Helpdesk desk = Helpdesk.builder().clock(clock).build();
 * clock.advance(Duration.ofHours(8));
 * }</pre>
 */
public final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock showing a given instant, in UTC.
     *
     * @param start the instant it shows
     * @return the clock
     */
    public static SettableClock at(Instant start) {
        return new SettableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneId.of("UTC"));
    }

    /**
     * Sets the time.
     *
     * @param instant the new time; may be earlier than the current one
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the time forward (or back, for a negative amount).
     *
     * @param amount how far
     * @return the new time
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return now.updateAndGet(t -> t.plus(amount));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A view of this clock in another zone, sharing the same time.
     *
     * @param zone the zone
     * @return a clock that moves with this one
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return new SettableClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "SettableClock[" + now.get() + "]";
    }
}
