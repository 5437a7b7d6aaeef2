package dev.helpdesk.jdbc.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {

    @Test
    void the_defaults_retry_ten_times_from_one_second_doubling_up_to_fifteen_minutes_under_a_five_minute_lease() {
        OutboxRelay.Settings settings = OutboxRelay.Settings.defaults();

        assertEquals(10, settings.maxAttempts());
        assertEquals(Duration.ofSeconds(1), settings.firstRetry());
        assertEquals(Duration.ofMinutes(15), settings.maxRetry());
        assertEquals(Duration.ofMinutes(5), settings.lease());
        assertTrue(settings.owner().startsWith("pid-" + ProcessHandle.current().pid() + "-"), settings.owner());
        assertNotEquals(settings.owner(), OutboxRelay.Settings.defaults().owner(), "two relays in one process lease under two names");
    }

    @Test
    void copies_change_one_part_and_keep_the_rest() {
        OutboxRelay.Settings settings = OutboxRelay.Settings.defaults().withOwner("host-a");

        OutboxRelay.Settings quick = settings.withRetries(3, Duration.ZERO, Duration.ofMillis(10));

        assertEquals(List.of(3, Duration.ZERO, Duration.ofMillis(10), Duration.ofMinutes(5), "host-a"),
                List.of(quick.maxAttempts(), quick.firstRetry(), quick.maxRetry(), quick.lease(), quick.owner()));
        assertEquals(settings, quick.withRetries(10, Duration.ofSeconds(1), Duration.ofMinutes(15)));
    }

    @Test
    void settings_out_of_range_name_every_bad_part_at_once() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> OutboxRelay.Settings.builder()
                .maxAttempts(0).firstRetry(Duration.ofSeconds(-1)).maxRetry(Duration.ofSeconds(-2))
                .lease(Duration.ZERO).owner(" ").build());

        assertEquals(List.of("maxAttempts", "firstRetry", "maxRetry", "lease", "owner"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toList()), e.getMessage());
    }

    @Test
    void a_copy_out_of_range_fails_like_the_builder() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> OutboxRelay.Settings.defaults().withMaxRetry(Duration.ofMillis(1)));

        assertEquals(List.of("maxRetry"), e.errors().stream().map(FieldError::field).collect(Collectors.toList()));
    }

    @Test
    void the_wait_doubles_from_the_first_retry_and_stops_at_the_longest() {
        OutboxRelay.Settings settings = OutboxRelay.Settings.defaults().withRetries(10, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5)),
                List.of(settings.backoff(1), settings.backoff(2), settings.backoff(3), settings.backoff(4)));
    }
}
