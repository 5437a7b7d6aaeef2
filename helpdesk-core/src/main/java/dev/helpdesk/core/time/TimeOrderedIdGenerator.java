package dev.helpdesk.core.time;

import dev.helpdesk.spi.ticket.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Makes version 7 UUIDs (RFC 9562): 48 bits of milliseconds from the injected clock, then
 * random bits. Ids made by one generator are strictly increasing, also within one millisecond
 * and when the clock steps back, because the 12 bits after the timestamp count up. Thread-safe.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long counter;

    /**
     * A generator with a cryptographically strong random source.
     *
     * @param clock the clock that supplies the timestamps
     */
    public TimeOrderedIdGenerator(Clock clock) {
        this(clock, new SecureRandom());
    }

    /**
     * A generator with a chosen random source; a seeded one makes ids reproducible in tests.
     *
     * @param clock  the clock that supplies the timestamps
     * @param random the random source for the non-time bits
     */
    public TimeOrderedIdGenerator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextLong(0x800);
        } else {
            counter++;
            if (counter > 0xFFF) {
                // the counter is spent: borrow the next millisecond rather than repeat an id
                lastMillis++;
                counter = 0;
            }
        }
        long high = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
