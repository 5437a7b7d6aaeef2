package dev.helpdesk.core.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHorizonTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static BusinessCalendar.Builder calendar(String id) {
        return BusinessCalendar.builder().id(id).zone("Europe/Amsterdam");
    }

    @Test
    void a_calendar_that_opens_within_a_year_is_not_reported() {
        BusinessCalendar office = calendar("office").open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
        BusinessCalendar season = calendar("season").specialDay(LocalDate.of(2027, 11, 30), "09:00", "17:00").build();

        assertEquals(List.of(), OpeningHorizon.farAway(List.of(office, season), NOW));
    }

    @Test
    void a_calendar_whose_next_opening_is_more_than_a_year_away_is_reported_by_id() {
        BusinessCalendar office = calendar("office").open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
        BusinessCalendar fair = calendar("trade-fair").specialDay(LocalDate.of(2028, 3, 1), "09:00", "17:00").build();

        List<String> found = OpeningHorizon.farAway(List.of(office, fair), NOW);

        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("trade-fair") && found.get(0).contains("2028-03-01"), found.get(0));
    }

    @Test
    void a_calendar_that_never_opens_again_is_reported() {
        BusinessCalendar past = calendar("last-year").specialDay(LocalDate.of(2025, 6, 2), "09:00", "17:00").build();

        List<String> found = OpeningHorizon.farAway(List.of(past), NOW);

        assertEquals(1, found.size());
        assertTrue(found.get(0).contains("last-year") && found.get(0).contains("never opens"), found.get(0));
    }

    @Test
    void the_desk_is_still_built_with_such_a_calendar_since_it_may_be_configured_ahead_of_a_season() {
        BusinessCalendar fair = calendar("trade-fair").specialDay(LocalDate.of(2028, 3, 1), "09:00", "17:00").build();

        assertNotNull(Helpdesk.builder().calendars(List.of(fair)).build());
    }
}
