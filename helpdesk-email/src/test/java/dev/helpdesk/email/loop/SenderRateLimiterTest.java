package dev.helpdesk.email.loop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SenderRateLimiterTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final ContactAddress BOT = ContactAddress.email("bot@example.com");
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void a_sender_over_the_limit_is_stopped_until_the_window_has_passed() {
        SenderRateLimiter limiter = new SenderRateLimiter(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow(ACME, BOT));
            now = now.plusSeconds(60);
        }
        assertFalse(limiter.allow(ACME, BOT), "a loop writes faster than a person");
        assertTrue(limiter.allow(ACME, ContactAddress.email("ana@example.com")), "other senders pass");
        assertTrue(limiter.allow(TenantId.of("other"), BOT), "counted per tenant");
        now = now.plus(Duration.ofMinutes(8));
        assertTrue(limiter.allow(ACME, BOT), "the first message left the window");
    }

    @Test
    void a_limit_of_zero_lets_everything_pass() {
        SenderRateLimiter limiter = new SenderRateLimiter(0, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.allow(ACME, BOT));
        }
    }
}
