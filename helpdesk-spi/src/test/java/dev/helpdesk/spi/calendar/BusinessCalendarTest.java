package dev.helpdesk.spi.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);

    private static BusinessCalendar.Builder office() {
        return BusinessCalendar.builder().id("nl-office").zone("Europe/Amsterdam").open(MONDAY, FRIDAY, "09:00", "17:00");
    }

    @Test
    void the_builder_names_every_bad_field_at_once() {
        ConfigurationException invalid = assertThrows(ConfigurationException.class, () -> BusinessCalendar.builder()
                .id("not an id!")
                .zone("Europe/Amsterdm")
                .open(MONDAY, "25:00", "17:00")
                .open(TUESDAY, "09:00", "noon")
                .open(FRIDAY, "24:00", "10:00")
                .holiday(CHRISTMAS_EVE)
                .specialDay(CHRISTMAS_EVE, "09:00", "12:00")
                .build());
        assertTrue(invalid.names("id"), invalid.getMessage());
        assertTrue(invalid.names("zone"), invalid.getMessage());
        assertTrue(invalid.names("weeklyHours.MONDAY[0].from"), invalid.getMessage());
        assertTrue(invalid.names("weeklyHours.TUESDAY[0].to"), invalid.getMessage());
        assertTrue(invalid.names("weeklyHours.FRIDAY[0].from"), invalid.getMessage());
        assertTrue(invalid.names("specialDays.2026-12-24"), invalid.getMessage());
        assertEquals(6, invalid.errors().size(), invalid.getMessage());
    }

    @Test
    void with_an_id_and_a_zone_the_builder_also_names_what_the_calendar_itself_refuses() {
        ConfigurationException invalid = assertThrows(ConfigurationException.class, () -> office()
                .open(TUESDAY, "09:00", "noon")
                .holiday(CHRISTMAS_EVE)
                .specialDay(CHRISTMAS_EVE, "09:00", "12:00")
                .open(SATURDAY, "09:00", "09:00")
                .build());
        assertTrue(invalid.names("weeklyHours.TUESDAY[1].to"), invalid.getMessage());
        assertTrue(invalid.names("specialDays.2026-12-24"), invalid.getMessage());
        assertTrue(invalid.names("weeklyHours.SATURDAY[0]"), invalid.getMessage());
        assertEquals(3, invalid.errors().size(), invalid.getMessage());
        assertTrue(invalid.getMessage().startsWith("business calendar \"nl-office\" is not valid"), invalid.getMessage());
    }

    @Test
    void a_calendar_needs_an_id_and_a_zone() {
        ConfigurationException invalid = assertThrows(ConfigurationException.class, () -> BusinessCalendar.builder().build());
        assertTrue(invalid.names("id"));
        assertTrue(invalid.names("zone"));
    }

    @Test
    void an_interval_that_ends_where_it_starts_is_refused_with_the_ways_to_say_a_whole_day() {
        ConfigurationException invalid = assertThrows(ConfigurationException.class,
                () -> office().open(MONDAY, "09:00", "09:00").build());
        String problem = invalid.errors().get(0).problem();
        assertTrue(problem.contains("00:00-24:00") && problem.contains("24x7"), problem);
        assertTrue(invalid.names("weeklyHours.MONDAY[1]"), invalid.getMessage());
        assertTrue(OpeningInterval.of("09:00", "09:00").isEmptyOrAmbiguous());
        assertFalse(OpeningInterval.ALL_DAY.isEmptyOrAmbiguous());
        assertEquals(List.of(OpeningInterval.ALL_DAY),
                office().open(SUNDAY, "00:00", "24:00").build().weeklyHours().get(SUNDAY));
    }

    @Test
    void twenty_four_hundred_is_accepted_as_the_end_of_an_interval_and_means_midnight_after_the_day() {
        BusinessCalendar calendar = office().open(SATURDAY, "18:00", "24:00").build();
        OpeningInterval evening = calendar.weeklyHours().get(SATURDAY).get(0);
        assertEquals(LocalTime.MIDNIGHT, evening.to());
        assertTrue(evening.endsOnNextDay());
        assertEquals(Duration.ofHours(6), evening.wallClockLength());
        assertEquals("18:00-24:00", evening.toString());
        assertEquals(evening, OpeningInterval.of("18:00", "24:00"));
    }

    @Test
    void an_interval_ending_before_it_starts_runs_overnight() {
        OpeningInterval night = OpeningInterval.of("22:00", "06:00");
        assertTrue(night.endsOnNextDay());
        assertEquals(Duration.ofHours(8), night.wallClockLength());
        assertFalse(OpeningInterval.of("09:00", "17:00").endsOnNextDay());
        assertEquals(Duration.ofHours(24), OpeningInterval.ALL_DAY.wallClockLength());
    }

    @Test
    void a_time_of_day_that_is_not_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> OpeningInterval.of("24:00", "06:00"));
        assertThrows(IllegalArgumentException.class, () -> OpeningInterval.of("9", "17:00"));
    }

    @Test
    void the_hours_on_a_date_come_from_the_holiday_the_special_day_or_the_week() {
        BusinessCalendar calendar = office().holiday(LocalDate.of(2026, 12, 25))
                .specialDay(CHRISTMAS_EVE, "09:00", "12:00").build();
        assertEquals(List.of(), calendar.hoursOn(LocalDate.of(2026, 12, 25)));
        assertEquals(List.of(OpeningInterval.of("09:00", "12:00")), calendar.hoursOn(CHRISTMAS_EVE));
        assertEquals(List.of(OpeningInterval.of("09:00", "17:00")), calendar.hoursOn(LocalDate.of(2026, 12, 23)));
        assertEquals(List.of(), calendar.hoursOn(LocalDate.of(2026, 12, 27)));
    }

    @Test
    void two_calendars_with_the_same_rules_given_in_another_order_are_equal() {
        BusinessCalendar one = BusinessCalendar.builder().id("a").zone("Asia/Kolkata")
                .open(MONDAY, "13:00", "17:00").open(MONDAY, "09:00", "12:00")
                .holiday(LocalDate.of(2026, 1, 26)).holiday(LocalDate.of(2026, 1, 1)).build();
        BusinessCalendar other = BusinessCalendar.builder().id("a").zone(ZoneId.of("Asia/Kolkata"))
                .open(MONDAY, OpeningInterval.of("09:00", "12:00")).open(MONDAY, OpeningInterval.of("13:00", "17:00"))
                .holidays(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 26))).build();
        assertEquals(one, other);
        assertEquals(List.of(), one.weeklyHours().get(SUNDAY));
    }

    @Test
    void to_builder_makes_an_edited_copy_and_leaves_the_original_alone() {
        BusinessCalendar original = office().specialDay(CHRISTMAS_EVE, "09:00", "12:00").build();
        BusinessCalendar edited = original.toBuilder().holiday(LocalDate.of(2026, 12, 25)).build();
        assertEquals(original, original.toBuilder().build());
        assertEquals(Set.of(LocalDate.of(2026, 12, 25)), edited.holidays());
        assertEquals(Set.of(), original.holidays());
        assertEquals(original.specialDays(), edited.specialDays());
    }

    @Test
    void a_calendar_is_immutable() {
        BusinessCalendar calendar = office().build();
        assertThrows(UnsupportedOperationException.class, () -> calendar.holidays().add(CHRISTMAS_EVE));
        assertThrows(UnsupportedOperationException.class, () -> calendar.weeklyHours().put(SUNDAY, List.of()));
        assertThrows(UnsupportedOperationException.class, () -> calendar.weeklyHours().get(MONDAY).clear());
    }

    @Test
    void a_date_cannot_be_both_a_holiday_and_a_special_day() {
        BusinessCalendar calendar = office().holiday(CHRISTMAS_EVE).build();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> calendar.withSpecialDays(Map.of(CHRISTMAS_EVE, List.of())));
        assertTrue(e.names("specialDays.2026-12-24"), e.getMessage());
    }

    @Test
    void a_copy_with_other_hours_is_kept_in_canonical_order() {
        BusinessCalendar calendar = office().build().withWeeklyHours(Map.of(MONDAY,
                List.of(OpeningInterval.of("13:00", "17:00"), OpeningInterval.of("09:00", "12:00"))));
        assertEquals(List.of(OpeningInterval.of("09:00", "12:00"), OpeningInterval.of("13:00", "17:00")),
                calendar.weeklyHours().get(MONDAY));
        assertEquals(List.of(), calendar.weeklyHours().get(TUESDAY));
        assertEquals(7, calendar.weeklyHours().size());
    }

    @Test
    void twenty_four_seven_is_open_all_day_every_day() {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(CalendarId.of("always"), ZoneId.of("UTC"));
        for (DayOfWeek day : DayOfWeek.values()) {
            assertEquals(List.of(OpeningInterval.ALL_DAY), always.weeklyHours().get(day));
        }
        assertTrue(always.hasWeeklyHours());
        assertFalse(BusinessCalendar.builder().id("closed").zone("UTC").build().hasWeeklyHours());
    }

    @Test
    void a_run_of_days_wraps_past_sunday() {
        BusinessCalendar calendar = BusinessCalendar.builder().id("weekend").zone("UTC")
                .open(FRIDAY, MONDAY, "10:00", "12:00").build();
        assertEquals(4, calendar.weeklyHours().values().stream().filter(l -> !l.isEmpty()).count());
        assertTrue(calendar.weeklyHours().get(TUESDAY).isEmpty());
    }

    @Test
    void calendar_ids_are_checked() {
        assertThrows(ConfigurationException.class, () -> CalendarId.of(""));
        assertThrows(ConfigurationException.class, () -> CalendarId.of("a b"));
        assertEquals("nl-office", CalendarId.of("nl-office").toString());
    }

    @Test
    void a_pause_cannot_end_before_it_starts() {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> PauseSpan.of(now, now.minusSeconds(1)));
        assertTrue(PauseSpan.of(now, now).isEmpty());
    }
}
