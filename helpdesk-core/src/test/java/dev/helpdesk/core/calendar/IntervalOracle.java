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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A second reference, fast enough for targets of thousands of hours: lists every opening
 * interval of every date that can reach the span (each boundary placed with
 * {@link ZonedDateTime#ofLocal}), then sweeps over all boundaries counting how many intervals
 * and how many pauses cover each piece. Nothing is skipped and nothing is cached; it shares no
 * code with the implementation. Instants are epoch seconds.
 */
final class IntervalOracle {
    private static final long DAY = 86_400;
    /** Give up (and fail the test) beyond this many days of search. */
    private static final long MAX_DAYS = 366L * 60;

    private final BusinessCalendar calendar;
    private final ZoneId zone;

    IntervalOracle(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    private LocalDate localDate(long second) {
        return LocalDateTime.ofEpochSecond(second, 0, zone.getRules().getOffset(Instant.ofEpochSecond(second)))
                .toLocalDate();
    }

    /** The open, unpaused real time in {@code [from, to)} as ordered, disjoint spans. */
    List<long[]> free(long from, long to, List<PauseSpan> pauses) {
        TreeMap<Long, int[]> delta = new TreeMap<>();
        LocalDate last = localDate(to).plusDays(3);
        for (LocalDate date = localDate(from).minusDays(3); !date.isAfter(last); date = date.plusDays(1)) {
            for (OpeningInterval interval : calendar.hoursOn(date)) {
                long start = ZonedDateTime.ofLocal(date.atTime(interval.from()), zone, null).toEpochSecond();
                LocalDate endDate = interval.endsOnNextDay() ? date.plusDays(1) : date;
                long end = ZonedDateTime.ofLocal(endDate.atTime(interval.to()), zone, null).toEpochSecond();
                if (end > start) {
                    delta.computeIfAbsent(start, k -> new int[2])[0]++;
                    delta.computeIfAbsent(end, k -> new int[2])[0]--;
                }
            }
        }
        for (PauseSpan pause : pauses) {
            if (pause.to().isAfter(pause.from())) {
                delta.computeIfAbsent(pause.from().getEpochSecond(), k -> new int[2])[1]++;
                delta.computeIfAbsent(pause.to().getEpochSecond(), k -> new int[2])[1]--;
            }
        }
        List<long[]> spans = new ArrayList<>();
        int open = 0;
        int paused = 0;
        long previous = Long.MIN_VALUE;
        for (Map.Entry<Long, int[]> entry : delta.entrySet()) {
            long point = entry.getKey();
            if (open > 0 && paused == 0) {
                long a = Math.max(previous, from);
                long b = Math.min(point, to);
                if (b > a) {
                    if (!spans.isEmpty() && spans.get(spans.size() - 1)[1] == a) {
                        spans.get(spans.size() - 1)[1] = b;
                    } else {
                        spans.add(new long[] {a, b});
                    }
                }
            }
            open += entry.getValue()[0];
            paused += entry.getValue()[1];
            previous = point;
        }
        return spans;
    }

    long between(long from, long to, List<PauseSpan> pauses) {
        if (to <= from) {
            return 0;
        }
        long total = 0;
        for (long[] span : free(from, to, pauses)) {
            total += span[1] - span[0];
        }
        return total;
    }

    boolean isOpen(long second) {
        return !free(second, second + 1, List.of()).isEmpty();
    }

    /** The earliest instant with the amount of free time since start, or empty when the calendar never opens again. */
    OptionalLong add(long start, long seconds, List<PauseSpan> pauses) {
        if (seconds == 0) {
            return OptionalLong.of(start);
        }
        for (long days = 16; ; days *= 2) {
            long to = start + days * DAY;
            long remaining = seconds;
            for (long[] span : free(start, to, pauses)) {
                long length = span[1] - span[0];
                if (length >= remaining) {
                    return OptionalLong.of(span[0] + remaining);
                }
                remaining -= length;
            }
            if (neverOpensAfter(to)) {
                return OptionalLong.empty();
            }
            if (days > MAX_DAYS) {
                throw new IllegalStateException("oracle searched " + days + " days from " + Instant.ofEpochSecond(start));
            }
        }
    }

    OptionalLong nextOpening(long start) {
        for (long days = 16; ; days *= 2) {
            List<long[]> spans = free(start, start + days * DAY, List.of());
            if (!spans.isEmpty()) {
                return OptionalLong.of(spans.get(0)[0]);
            }
            if (neverOpensAfter(start + days * DAY)) {
                return OptionalLong.empty();
            }
            if (days > MAX_DAYS) {
                throw new IllegalStateException("oracle searched " + days + " days from " + Instant.ofEpochSecond(start));
            }
        }
    }

    /** True when no weekly hours exist and every special day with hours lies well before the instant. */
    private boolean neverOpensAfter(long second) {
        if (calendar.hasWeeklyHours()) {
            return false;
        }
        LocalDate date = localDate(second).minusDays(7);
        return calendar.specialDays().entrySet().stream()
                .noneMatch(e -> !e.getValue().isEmpty() && e.getKey().isAfter(date));
    }
}
