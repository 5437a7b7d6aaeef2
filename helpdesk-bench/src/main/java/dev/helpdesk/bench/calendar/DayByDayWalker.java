package dev.helpdesk.bench.calendar;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.OpeningInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The straightforward way to add business time, kept only as the baseline of the benchmark:
 * walk the calendar date by date from the start, turn each date's intervals into instants and
 * subtract their length until the amount is used up. Its cost grows with the span. It assumes
 * the intervals of a calendar do not overlap, which holds for the benchmark's office hours.
 */
final class DayByDayWalker {
    private final BusinessCalendar calendar;
    private final ZoneId zone;

    DayByDayWalker(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    Instant addBusinessTime(Instant start, Duration amount) {
        long remaining = amount.toNanos();
        // the day before may hold an interval running past midnight
        for (LocalDate date = start.atZone(zone).toLocalDate().minusDays(1); ; date = date.plusDays(1)) {
            for (OpeningInterval interval : calendar.hoursOn(date)) {
                Instant from = ZonedDateTime.ofLocal(date.atTime(interval.from()), zone, null).toInstant();
                LocalDate endDate = interval.endsOnNextDay() ? date.plusDays(1) : date;
                Instant to = ZonedDateTime.ofLocal(endDate.atTime(interval.to()), zone, null).toInstant();
                if (!to.isAfter(start)) {
                    continue;
                }
                if (from.isBefore(start)) {
                    from = start;
                }
                long length = Duration.between(from, to).toNanos();
                if (length >= remaining) {
                    return from.plusNanos(remaining);
                }
                remaining -= length;
            }
        }
    }
}
