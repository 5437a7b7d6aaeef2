package dev.helpdesk.email.loop;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stops mail loops: at most {@code limit} messages from one sender to one tenant within a sliding
 * window. An autoresponder that answers every mail the desk sends, and is answered again, hits
 * it within minutes; a person does not.
 *
 * <p>Counts live in this process's memory: several processes reading one mailbox each count the
 * share they see, and a restart forgets. Memory stays bounded: senders with nothing in the
 * window are forgotten as the clock moves on. Safe for concurrent use.
 */
public final class SenderRateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<Key, Deque<Instant>> seen = new HashMap<>();
    private Instant lastSweep = Instant.MIN;

    private record Key(TenantId tenant, ContactAddress sender) {
    }

    /**
     * A limiter.
     *
     * @param limit  messages allowed per sender and window; zero allows every message
     * @param window the sliding window
     * @param clock  the clock
     */
    public SenderRateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 0) {
            throw new ConfigurationException("sender rate limiter", List.of(new FieldError("limit", "must not be negative: " + limit)));
        }
        this.limit = limit;
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Counts one message and tells whether it is within the limit. A message over the limit is
     * not counted, so a sender that stops is let through again once the window has passed.
     *
     * @param tenant the tenant written to
     * @param sender the sender
     * @return true when the message may pass
     */
    public synchronized boolean allow(TenantId tenant, ContactAddress sender) {
        if (limit == 0) {
            return true;
        }
        Instant now = clock.instant();
        Instant from = now.minus(window);
        sweep(now, from);
        Deque<Instant> times = seen.computeIfAbsent(new Key(tenant, sender), k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private void sweep(Instant now, Instant from) {
        // at most once per window, so the cost of forgetting stays proportional to the traffic
        if (!lastSweep.equals(Instant.MIN) && Duration.between(lastSweep, now).compareTo(window) < 0) {
            return;
        }
        lastSweep = now;
        for (Iterator<Deque<Instant>> it = seen.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            if (times.isEmpty() || !times.peekLast().isAfter(from)) {
                it.remove();
            }
        }
    }
}
