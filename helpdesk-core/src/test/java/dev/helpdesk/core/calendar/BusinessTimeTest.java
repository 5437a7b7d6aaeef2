package dev.helpdesk.core.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.calendar.NoOpeningTimeException;
import dev.helpdesk.spi.calendar.OpeningInterval;
import dev.helpdesk.spi.calendar.PauseSpan;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The calendar rules of the SLA issue, one example each. */
class BusinessTimeTest {
    private static final String AMSTERDAM = "Europe/Amsterdam";

    private static BusinessCalendar calendar(String zone, UnaryOperator<BusinessCalendar.Builder> rules) {
        return rules.apply(BusinessCalendar.builder().id("test").zone(zone)).build();
    }

    /** Monday to Friday 09:00-17:00 in Amsterdam, plus whatever else is asked. */
    private static BusinessTime office(UnaryOperator<BusinessCalendar.Builder> more) {
        return BusinessTime.of(calendar(AMSTERDAM, b -> more.apply(b.open(MONDAY, FRIDAY, "09:00", "17:00"))));
    }

    private static Instant local(String dateTime, String zone) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    private static Instant ams(String dateTime) {
        return local(dateTime, AMSTERDAM);
    }

    private static Duration hours(double hours) {
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    @Nested
    class Opening_hours {
        @Test
        void a_ticket_opened_at_night_starts_counting_at_the_next_opening() {
            BusinessTime time = office(b -> b);
            assertEquals(ams("2026-01-07T10:00"), time.addBusinessTime(ams("2026-01-06T20:00"), hours(1)));
            assertEquals(ams("2026-01-07T09:00"), time.nextOpening(ams("2026-01-06T20:00")));
        }

        @Test
        void a_target_that_ends_at_closing_time_is_due_at_closing_time_not_at_the_next_opening() {
            assertEquals(ams("2026-01-05T17:00"), office(b -> b).addBusinessTime(ams("2026-01-05T09:00"), hours(8)));
        }

        @Test
        void a_ticket_opened_on_friday_afternoon_is_due_on_monday() {
            assertEquals(ams("2026-01-12T10:00"), office(b -> b).addBusinessTime(ams("2026-01-09T16:00"), hours(2)));
        }

        @Test
        void an_instant_is_open_from_the_start_of_an_interval_up_to_but_not_at_its_end() {
            BusinessTime time = office(b -> b);
            assertFalse(time.isOpen(ams("2026-01-05T08:59:59.999999999")));
            assertTrue(time.isOpen(ams("2026-01-05T09:00")));
            assertTrue(time.isOpen(ams("2026-01-05T16:59:59.999999999")));
            assertFalse(time.isOpen(ams("2026-01-05T17:00")));
        }

        @Test
        void the_next_opening_of_an_instant_while_open_is_that_instant() {
            assertEquals(ams("2026-01-05T11:11"), office(b -> b).nextOpening(ams("2026-01-05T11:11")));
        }

        @Test
        void several_intervals_on_one_day_leave_the_time_between_them_closed() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM,
                    b -> b.open(MONDAY, "09:00", "12:00").open(MONDAY, "13:00", "17:00")));
            assertEquals(hours(7), time.businessTimeBetween(ams("2026-01-05T09:00"), ams("2026-01-05T17:00")));
            assertEquals(ams("2026-01-05T14:00"), time.addBusinessTime(ams("2026-01-05T11:00"), hours(2)));
            assertFalse(time.isOpen(ams("2026-01-05T12:30")));
        }

        @Test
        void overlapping_intervals_count_once() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM,
                    b -> b.open(MONDAY, "09:00", "13:00").open(MONDAY, "12:00", "17:00")));
            assertEquals(hours(8), time.businessTimeBetween(ams("2026-01-05T00:00"), ams("2026-01-06T00:00")));
        }

        @Test
        void an_interval_whose_end_is_not_after_its_start_runs_past_midnight_into_the_next_day() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM, b -> b.open(MONDAY, "22:00", "06:00")));
            assertEquals(hours(8), time.businessTimeBetween(ams("2026-01-05T00:00"), ams("2026-01-07T00:00")));
            assertEquals(ams("2026-01-06T01:00"), time.addBusinessTime(ams("2026-01-05T23:00"), hours(2)));
            assertTrue(time.isOpen(ams("2026-01-06T05:59")));
            assertFalse(time.isOpen(ams("2026-01-06T06:00")));
            assertFalse(time.isOpen(ams("2026-01-06T23:00")));
        }

        @Test
        void an_interval_may_end_at_24_00() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM, b -> b.open(FRIDAY, "18:00", "24:00")));
            assertEquals(List.of(OpeningInterval.of(LocalTime.of(18, 0), LocalTime.MIDNIGHT)),
                    time.calendar().weeklyHours().get(FRIDAY));
            assertEquals(hours(6), time.businessTimeBetween(ams("2026-01-09T00:00"), ams("2026-01-11T00:00")));
            assertTrue(time.isOpen(ams("2026-01-09T23:59:59.999999999")));
            assertFalse(time.isOpen(ams("2026-01-10T00:00")));
            assertEquals(ams("2026-01-10T00:00"), time.addBusinessTime(ams("2026-01-09T12:00"), hours(6)));
        }

        @Test
        void an_interval_from_a_time_to_the_same_time_is_refused_and_a_whole_day_ends_at_24_00() {
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> calendar(AMSTERDAM, b -> b.open(WEDNESDAY, "09:00", "09:00")));
            assertTrue(refused.names("weeklyHours.WEDNESDAY[0]"), refused.getMessage());

            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM, b -> b.open(WEDNESDAY, "00:00", "24:00")));
            assertEquals(hours(24), time.businessTimeBetween(ams("2026-01-07T00:00"), ams("2026-01-09T00:00")));
            assertEquals(ams("2026-01-07T23:00"), time.addBusinessTime(ams("2026-01-05T00:00"), hours(23)));
        }

        @Test
        void asia_kolkata_half_hour_offset_places_the_hours_in_its_own_zone() {
            BusinessTime time = BusinessTime.of(calendar("Asia/Kolkata", b -> b.open(MONDAY, FRIDAY, "09:00", "17:00")));
            assertEquals(Instant.parse("2026-01-05T03:30:00Z"), time.nextOpening(Instant.parse("2026-01-04T12:00:00Z")));
        }
    }

    @Nested
    class Holidays_and_special_days {
        @Test
        void a_holiday_closes_every_interval_starting_on_that_date() {
            BusinessTime time = office(b -> b.holiday(LocalDate.of(2026, 1, 7)));
            assertEquals(ams("2026-01-08T10:00"), time.addBusinessTime(ams("2026-01-06T16:00"), hours(2)));
            assertEquals(hours(16), time.businessTimeBetween(ams("2026-01-06T00:00"), ams("2026-01-09T00:00")));
            assertFalse(time.isOpen(ams("2026-01-07T12:00")));
        }

        @Test
        void a_night_shift_that_started_the_evening_before_a_holiday_still_runs_into_it() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM,
                    b -> b.open(MONDAY, SUNDAY, "22:00", "06:00").holiday(LocalDate.of(2026, 1, 6))));
            assertTrue(time.isOpen(ams("2026-01-06T03:00")));
            assertFalse(time.isOpen(ams("2026-01-06T23:00")));
            assertFalse(time.isOpen(ams("2026-01-07T03:00")));
            assertEquals(hours(8), time.businessTimeBetween(ams("2026-01-06T00:00"), ams("2026-01-08T00:00")));
        }

        @Test
        void a_special_day_replaces_the_weekly_hours_of_its_date() {
            BusinessTime time = office(b -> b.specialDay(LocalDate.of(2026, 12, 24), "09:00", "12:00")
                    .holiday(LocalDate.of(2026, 12, 25)));
            assertEquals(hours(3), time.businessTimeBetween(ams("2026-12-24T00:00"), ams("2026-12-25T00:00")));
            assertEquals(ams("2026-12-28T10:00"), time.addBusinessTime(ams("2026-12-24T11:00"), hours(2)));
        }

        @Test
        void a_special_day_can_open_a_date_that_is_normally_closed() {
            BusinessTime time = office(b -> b.specialDay(LocalDate.of(2026, 1, 10), "10:00", "14:00"));
            assertEquals(ams("2026-01-10T12:00"), time.addBusinessTime(ams("2026-01-09T16:00"), hours(3)));
        }

        @Test
        void a_special_day_without_hours_is_closed_like_a_holiday() {
            BusinessTime time = office(b -> b.specialDay(LocalDate.of(2026, 1, 7), List.of()));
            assertEquals(ams("2026-01-08T10:00"), time.addBusinessTime(ams("2026-01-06T16:00"), hours(2)));
        }
    }

    @Nested
    class Daylight_saving {
        private final BusinessTime sundayNight = BusinessTime.of(calendar(AMSTERDAM, b -> b.open(SUNDAY, "01:00", "04:00")));

        @Test
        void the_interval_01_00_to_04_00_lasts_two_real_hours_on_the_spring_forward_night_in_amsterdam() {
            assertEquals(hours(2), sundayNight.businessTimeBetween(ams("2026-03-29T00:00"), ams("2026-03-30T00:00")));
            assertEquals(Instant.parse("2026-03-29T02:00:00Z"),
                    sundayNight.addBusinessTime(Instant.parse("2026-03-28T12:00:00Z"), hours(2)));
        }

        @Test
        void the_interval_01_00_to_04_00_lasts_four_real_hours_on_the_fall_back_night_in_amsterdam() {
            assertEquals(hours(4), sundayNight.businessTimeBetween(ams("2026-10-25T00:00"), ams("2026-10-26T00:00")));
            assertEquals(Instant.parse("2026-10-25T03:00:00Z"),
                    sundayNight.addBusinessTime(Instant.parse("2026-10-24T12:00:00Z"), hours(4)));
        }

        @Test
        void a_boundary_inside_the_gap_moves_later_by_the_length_of_the_gap() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM, b -> b.open(SUNDAY, "02:30", "05:00")));
            // 02:30 does not exist on 29 March 2026; it becomes 03:30 CEST = 01:30Z
            assertEquals(Instant.parse("2026-03-29T01:30:00Z"), time.nextOpening(Instant.parse("2026-03-28T12:00:00Z")));
            assertEquals(hours(1.5), time.businessTimeBetween(ams("2026-03-29T00:00"), ams("2026-03-30T00:00")));
        }

        @Test
        void a_boundary_inside_the_overlap_takes_the_earlier_offset() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM, b -> b.open(SUNDAY, "02:30", "05:00")));
            // 02:30 happens twice on 25 October 2026; the first (CEST, 00:30Z) counts
            assertEquals(Instant.parse("2026-10-25T00:30:00Z"), time.nextOpening(Instant.parse("2026-10-24T12:00:00Z")));
            assertEquals(hours(3.5), time.businessTimeBetween(ams("2026-10-25T00:00"), ams("2026-10-26T00:00")));
        }

        @Test
        void lord_howe_half_hour_changes_make_the_night_half_an_hour_shorter_or_longer() {
            BusinessTime time = BusinessTime.of(calendar("Australia/Lord_Howe", b -> b.open(SUNDAY, "01:00", "04:00")));
            // 4 October 2026: 02:00 becomes 02:30 (+10:30 to +11:00)
            assertEquals(hours(2.5), time.businessTimeBetween(Instant.parse("2026-10-03T12:00:00Z"),
                    Instant.parse("2026-10-04T12:00:00Z")));
            // 5 April 2026: 02:00 falls back to 01:30 (+11:00 to +10:30)
            assertEquals(hours(3.5), time.businessTimeBetween(Instant.parse("2026-04-04T12:00:00Z"),
                    Instant.parse("2026-04-05T12:00:00Z")));
            assertEquals(Instant.parse("2026-04-04T17:30:00Z"),
                    time.addBusinessTime(Instant.parse("2026-04-04T12:00:00Z"), hours(3.5)));
        }

        @Test
        void sao_paulo_midnight_gap_moves_an_opening_at_midnight_to_01_00() {
            BusinessTime time = BusinessTime.of(calendar("America/Sao_Paulo", b -> b.open(SUNDAY, "00:00", "02:00")));
            // 4 November 2018: midnight became 01:00 (-03:00 to -02:00)
            assertEquals(Instant.parse("2018-11-04T03:00:00Z"), time.nextOpening(Instant.parse("2018-11-03T12:00:00Z")));
            assertEquals(hours(1), time.businessTimeBetween(Instant.parse("2018-11-03T12:00:00Z"),
                    Instant.parse("2018-11-05T00:00:00Z")));
        }

        @Test
        void office_hours_keep_their_wall_clock_times_across_a_change() {
            // from Friday before the spring change to Monday after it: the hours stay 09:00-17:00 local
            assertEquals(ams("2026-03-30T10:00"), office(b -> b).addBusinessTime(ams("2026-03-27T16:00"), hours(2)));
        }
    }

    @Nested
    class Pauses {
        private final BusinessTime time = office(b -> b);

        @Test
        void time_inside_a_pause_does_not_count() {
            List<PauseSpan> pause = List.of(PauseSpan.of(ams("2026-01-05T10:00"), ams("2026-01-05T11:00")));
            assertEquals(hours(7), time.businessTimeBetween(ams("2026-01-05T09:00"), ams("2026-01-05T17:00"), pause));
            assertEquals(ams("2026-01-05T14:00"), time.addBusinessTime(ams("2026-01-05T09:00"), hours(4), pause));
        }

        @Test
        void overlapping_and_unordered_pauses_count_once() {
            List<PauseSpan> pauses = List.of(PauseSpan.of(ams("2026-01-05T12:00"), ams("2026-01-05T14:00")),
                    PauseSpan.of(ams("2026-01-05T10:00"), ams("2026-01-05T13:00")));
            assertEquals(hours(4), time.businessTimeBetween(ams("2026-01-05T09:00"), ams("2026-01-05T17:00"), pauses));
            assertEquals(ams("2026-01-05T15:00"), time.addBusinessTime(ams("2026-01-05T09:00"), hours(2), pauses));
        }

        @Test
        void a_pause_outside_opening_hours_changes_nothing() {
            List<PauseSpan> weekend = List.of(PauseSpan.of(ams("2026-01-10T00:00"), ams("2026-01-12T00:00")));
            assertEquals(ams("2026-01-12T10:00"), time.addBusinessTime(ams("2026-01-09T16:00"), hours(2), weekend));
        }

        @Test
        void a_target_reached_just_as_a_pause_starts_is_due_at_the_start_of_the_pause() {
            List<PauseSpan> pause = List.of(PauseSpan.of(ams("2026-01-05T11:00"), ams("2026-01-05T15:00")));
            assertEquals(ams("2026-01-05T11:00"), time.addBusinessTime(ams("2026-01-05T09:00"), hours(2), pause));
        }

        @Test
        void a_pause_that_started_before_the_start_delays_the_count() {
            List<PauseSpan> pause = List.of(PauseSpan.of(ams("2026-01-05T08:00"), ams("2026-01-05T12:00")));
            assertEquals(ams("2026-01-05T13:00"), time.addBusinessTime(ams("2026-01-05T10:00"), hours(1), pause));
        }
    }

    @Nested
    class Edges {
        @Test
        void a_calendar_without_any_opening_time_is_a_clear_error_not_a_hang() {
            BusinessTime closed = BusinessTime.of(calendar(AMSTERDAM, b -> b));
            Instant now = Instant.parse("2026-01-05T09:00:00Z");
            NoOpeningTimeException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(NoOpeningTimeException.class, () -> closed.addBusinessTime(now, hours(1))));
            assertEquals(CalendarId.of("test"), e.calendar());
            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(NoOpeningTimeException.class, () -> closed.nextOpening(now)));
            assertEquals(Duration.ZERO, closed.businessTimeBetween(now, now.plus(Duration.ofDays(3650))));
            assertFalse(closed.isOpen(now));
        }

        @Test
        void a_calendar_whose_only_special_day_has_passed_is_a_clear_error() {
            BusinessTime time = BusinessTime.of(calendar(AMSTERDAM, b -> b.specialDay(LocalDate.of(2025, 6, 1), "10:00", "12:00")));
            assertEquals(ams("2025-06-01T11:00"), time.addBusinessTime(ams("2025-01-01T00:00"), hours(1)));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(NoOpeningTimeException.class,
                    () -> time.addBusinessTime(ams("2025-06-01T11:00"), hours(2))));
        }

        @Test
        void a_calendar_open_twenty_four_seven_counts_real_time_also_across_daylight_saving_changes() {
            BusinessTime time = BusinessTime.of(BusinessCalendar.twentyFourSeven(CalendarId.of("always"), ZoneId.of(AMSTERDAM)));
            assertEquals(hours(48), time.businessTimeBetween(Instant.parse("2026-03-28T12:00:00Z"),
                    Instant.parse("2026-03-30T12:00:00Z")));
            assertEquals(Instant.parse("2026-10-26T12:00:00Z"),
                    time.addBusinessTime(Instant.parse("2026-10-24T12:00:00Z"), hours(48)));
            assertTrue(time.isOpen(ams("2026-03-29T03:00")));
            assertEquals(Instant.parse("2026-10-25T01:30:00Z"), time.nextOpening(Instant.parse("2026-10-25T01:30:00Z")));
        }

        @Test
        void two_thousand_business_hours_skip_fifty_whole_weeks_exactly() {
            assertEquals(ams("2026-12-18T17:00"), office(b -> b).addBusinessTime(ams("2026-01-05T09:00"), hours(2000)));
            assertEquals(hours(2000), office(b -> b).businessTimeBetween(ams("2026-01-05T00:00"), ams("2026-12-19T00:00")));
        }

        @Test
        void a_year_of_holidays_is_skipped_exactly() {
            BusinessTime time = office(b -> b.holidays(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6),
                    LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25),
                    LocalDate.of(2026, 12, 25))));
            // four weekday holidays fall between 5 January and 18 December: four more days
            assertEquals(ams("2026-12-24T17:00"), time.addBusinessTime(ams("2026-01-05T09:00"), hours(2000)));
        }

        @Test
        void adding_no_business_time_is_due_at_once_even_when_closed() {
            Instant saturday = ams("2026-01-10T12:00");
            assertEquals(saturday, office(b -> b).addBusinessTime(saturday, Duration.ZERO));
        }

        @Test
        void a_negative_amount_is_rejected() {
            assertThrows(IllegalArgumentException.class,
                    () -> office(b -> b).addBusinessTime(ams("2026-01-05T09:00"), Duration.ofMinutes(-1)));
        }

        @Test
        void business_time_between_an_instant_and_an_earlier_one_is_zero() {
            assertEquals(Duration.ZERO, office(b -> b).businessTimeBetween(ams("2026-01-05T17:00"), ams("2026-01-05T09:00")));
        }

        @Test
        void instants_outside_the_supported_range_are_rejected() {
            BusinessTime time = office(b -> b);
            assertThrows(DateTimeException.class, () -> time.isOpen(Instant.parse("1899-12-31T23:59:59Z")));
            assertThrows(DateTimeException.class, () -> time.nextOpening(Instant.parse("2150-01-01T00:00:01Z")));
            assertThrows(DateTimeException.class, () -> time.addBusinessTime(Instant.parse("2149-12-31T00:00:00Z"), hours(100)));
        }
    }
}
