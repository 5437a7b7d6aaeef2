package dev.helpdesk.tck;

import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.TicketId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Predictable ids for contract tests: time-ordered UUIDs (version 7 layout) made from a
 * counter, so that a run is reproducible and no two ids of one JVM are equal, also across
 * tests that share a database.
 */
public final class TckIds {
    /** 2026-01-01T00:00:00Z in milliseconds: the ids' time part starts there. */
    private static final long EPOCH_MILLIS = 1_767_225_600_000L;
    private static final AtomicLong COUNTER = new AtomicLong();

    private TckIds() {
    }

    /**
     * A new ticket id.
     *
     * @return an id never returned before in this JVM
     */
    public static TicketId ticketId() {
        return TicketId.of(next());
    }

    /**
     * A new message id.
     *
     * @return an id never returned before in this JVM
     */
    public static MessageId messageId() {
        return new MessageId(next());
    }

    private static UUID next() {
        long n = COUNTER.incrementAndGet();
        // 48 bits of milliseconds, version 7, 12 bits of sequence; then the RFC 4122 variant
        // and the counter, so ids sort in the order they were made.
        long msb = ((EPOCH_MILLIS + n) << 16) | 0x7000L | (n & 0x0FFFL);
        long lsb = 0x8000_0000_0000_0000L | (n & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(msb, lsb);
    }
}
