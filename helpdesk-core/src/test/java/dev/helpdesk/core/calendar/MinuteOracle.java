package dev.helpdesk.core.calendar;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.OpeningInterval;
import dev.helpdesk.spi.calendar.PauseSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The brute-force reference: walks real time one minute at a time and asks, for each minute,
 * whether some opening interval of some date covers it and no pause does. Every boundary is
 * placed with {@link ZonedDateTime#ofLocal}, straight from the calendar's rules.
 *
 * <p>Exact when every input instant and every boundary falls on a whole minute, which holds for
 * whole-minute calendars in zones whose offsets are whole minutes (all zones after 1970).
 * Instants are epoch seconds.
 */
final class MinuteOracle {
    static final long MINUTE = 60;

    private final BusinessCalendar calendar;
    private final ZoneId zone;
    private final Map<LocalDate, List<long[]>> byDate = new HashMap<>();

    MinuteOracle(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    /** The intervals starting on a date, as real time {@code [start, end)}; may be empty or reversed. */
    private List<long[]> intervalsOn(LocalDate date) {
        return byDate.computeIfAbsent(date, d -> {
            List<long[]> out = new ArrayList<>();
            for (OpeningInterval interval : calendar.hoursOn(d)) {
                LocalDateTime from = d.atTime(interval.from());
                LocalDateTime to = (interval.endsOnNextDay() ? d.plusDays(1) : d).atTime(interval.to());
                out.add(new long[] {
                    ZonedDateTime.ofLocal(from, zone, null).toEpochSecond(),
                    ZonedDateTime.ofLocal(to, zone, null).toEpochSecond()});
            }
            return out;
        });
    }

    boolean isOpen(long second) {
        LocalDate today = LocalDateTime.ofEpochSecond(second, 0,
                zone.getRules().getOffset(Instant.ofEpochSecond(second))).toLocalDate();
        // an interval starts on its date and ends within the next one; a few dates either side
        // cover any shift a daylight-saving change can cause
        for (LocalDate date = today.minusDays(3); !date.isAfter(today.plusDays(1)); date = date.plusDays(1)) {
            for (long[] interval : intervalsOn(date)) {
                if (interval[0] <= second && second < interval[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isPaused(long second, List<PauseSpan> pauses) {
        for (PauseSpan pause : pauses) {
            if (pause.from().getEpochSecond() <= second && second < pause.to().getEpochSecond()) {
                return true;
            }
        }
        return false;
    }

    private boolean counts(long minute, List<PauseSpan> pauses) {
        return isOpen(minute) && !isPaused(minute, pauses);
    }

    /** Business seconds in {@code [from, to)}, minute by minute. */
    long between(long from, long to, List<PauseSpan> pauses) {
        long total = 0;
        for (long minute = from; minute < to; minute += MINUTE) {
            if (counts(minute, pauses)) {
                total += MINUTE;
            }
        }
        return total;
    }

    /** The end of the minute in which the amount is reached, or empty after {@code maxMinutes}. */
    OptionalLong add(long start, long seconds, List<PauseSpan> pauses, long maxMinutes) {
        if (seconds == 0) {
            return OptionalLong.of(start);
        }
        long counted = 0;
        long minute = start;
        for (long step = 0; step < maxMinutes; step++, minute += MINUTE) {
            if (counts(minute, pauses)) {
                counted += MINUTE;
                if (counted == seconds) {
                    return OptionalLong.of(minute + MINUTE);
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The first open minute at or after {@code start}, or empty after {@code maxMinutes}. */
    OptionalLong nextOpening(long start, long maxMinutes) {
        long minute = start;
        for (long step = 0; step < maxMinutes; step++, minute += MINUTE) {
            if (isOpen(minute)) {
                return OptionalLong.of(minute);
            }
        }
        return OptionalLong.empty();
    }
}
