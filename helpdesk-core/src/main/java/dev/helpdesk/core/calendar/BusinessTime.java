package dev.helpdesk.core.calendar;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.NoOpeningTimeException;
import dev.helpdesk.spi.calendar.PauseSpan;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Business-time arithmetic over one {@link BusinessCalendar}: how much opening time lies
 * between two instants, when a target of business time is reached, whether the desk is open
 * and when it opens next. This is what SLA clocks are computed with.
 *
 * <p>Every answer is exact to the nanosecond and follows the calendar's rules literally:
 * intervals in wall-clock time, each boundary placed as {@link java.time.ZonedDateTime#ofLocal}
 * places it, holidays and special days by date, overlapping intervals counted once. Pauses
 * (for instance while a ticket waits on the customer) can be excluded from both directions of
 * the arithmetic.
 *
 * <p>Cost: a call costs about the same whether the span is an hour or years long, because
 * whole weeks are skipped arithmetically; only weeks with a holiday, a special day or a
 * daylight-saving change are computed date by date, once, and then kept by this object. Create
 * one instance per calendar and reuse it; it is thread-safe.
 *
 * <p>Instants are supported from {@link #EARLIEST} to {@link #LATEST}; an instant outside, or a
 * result beyond {@link #LATEST}, is a {@link DateTimeException}.
 */
public final class BusinessTime {

    /** The earliest instant the arithmetic accepts: 1900-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** The latest instant the arithmetic accepts or returns: 2150-01-01T00:00:00Z. */
    public static final Instant LATEST = Instant.parse("2150-01-01T00:00:00Z");

    private static final long EARLIEST_NANOS = Timeline.nanos(EARLIEST);
    private static final long LATEST_NANOS = Timeline.nanos(LATEST);

    private final BusinessCalendar calendar;
    private final Timeline timeline;

    private BusinessTime(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.timeline = new Timeline(calendar, EARLIEST_NANOS, LATEST_NANOS);
    }

    /**
     * The arithmetic of a calendar. Cheap to create (the weekly pattern is prepared at once,
     * everything else on first use), but meant to be kept and reused, since it remembers the
     * weeks it has computed.
     *
     * @param calendar the calendar
     * @return its arithmetic
     */
    public static BusinessTime of(BusinessCalendar calendar) {
        return new BusinessTime(Objects.requireNonNull(calendar, "calendar"));
    }

    /**
     * The calendar this arithmetic follows.
     *
     * @return the calendar
     */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * Tells whether the desk is open at an instant: whether the instant lies inside an opening
     * interval (its start included, its end not).
     *
     * @param instant the instant
     * @return true when open
     * @throws DateTimeException when the instant lies outside {@link #EARLIEST}..{@link #LATEST}
     */
    public boolean isOpen(Instant instant) {
        return timeline.isOpen(nanos("instant", instant));
    }

    /**
     * The earliest instant at or after the one given at which the desk is open: the instant
     * itself while open, otherwise the start of the next opening interval. A clock started
     * outside opening hours starts counting here.
     *
     * @param instant the instant
     * @return the next opening, never before {@code instant}
     * @throws NoOpeningTimeException when the calendar never opens again
     * @throws DateTimeException      when the instant lies outside the supported range or the
     *                                next opening lies beyond {@link #LATEST}
     */
    public Instant nextOpening(Instant instant) {
        long t = nanos("instant", instant);
        if (timeline.isOpen(t)) {
            return instant;
        }
        // closed at t: the first nanosecond of open time after t starts at the next opening
        return Timeline.toInstant(timeline.add(t, 1) - 1);
    }

    /**
     * The business time in {@code [from, to)}: the real time inside opening intervals.
     *
     * @param from the first instant counted
     * @param to   the first instant not counted
     * @return the business time; zero when {@code to} is not after {@code from}
     * @throws DateTimeException when an instant lies outside the supported range
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        return Duration.ofNanos(timeline.between(nanos("from", from), nanos("to", to)));
    }

    /**
     * The business time in {@code [from, to)} outside the pauses: the real time inside opening
     * intervals and outside every pause.
     *
     * @param from   the first instant counted
     * @param to     the first instant not counted
     * @param pauses spans not counted; they may overlap, come in any order and reach outside
     *               {@code [from, to)}
     * @return the business time; zero when {@code to} is not after {@code from}
     * @throws DateTimeException when an instant lies outside the supported range
     */
    public Duration businessTimeBetween(Instant from, Instant to, Collection<PauseSpan> pauses) {
        long a = nanos("from", from);
        long b = nanos("to", to);
        long total = timeline.between(a, b);
        for (long[] pause : normalize(pauses)) {
            total -= timeline.between(Math.max(a, pause[0]), Math.min(b, pause[1]));
        }
        return Duration.ofNanos(total);
    }

    /**
     * The instant at which an amount of business time has passed since {@code start}: the
     * earliest {@code t} with {@code businessTimeBetween(start, t)} equal to the amount. A
     * start outside opening hours therefore counts from the next opening, and a target that
     * ends exactly at closing time is reached at closing time, not at the next opening.
     *
     * @param start  when counting starts
     * @param amount the business time to add, zero or more (zero gives {@code start})
     * @return the instant the amount is reached
     * @throws IllegalArgumentException when the amount is negative
     * @throws NoOpeningTimeException   when the calendar never opens again
     * @throws DateTimeException        when {@code start} lies outside the supported range or
     *                                  the result lies beyond {@link #LATEST}
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        long s = nanos("start", start);
        return Timeline.toInstant(timeline.add(s, amountNanos(amount)));
    }

    /**
     * The instant at which an amount of business time outside the pauses has passed since
     * {@code start}: the earliest {@code t} with {@code businessTimeBetween(start, t, pauses)}
     * equal to the amount. This is when a paused SLA target falls due.
     *
     * @param start  when counting starts
     * @param amount the business time to add, zero or more (zero gives {@code start})
     * @param pauses spans not counted; they may overlap and come in any order
     * @return the instant the amount is reached
     * @throws IllegalArgumentException when the amount is negative
     * @throws NoOpeningTimeException   when the calendar never opens again
     * @throws DateTimeException        when {@code start} lies outside the supported range or
     *                                  the result lies beyond {@link #LATEST}
     */
    public Instant addBusinessTime(Instant start, Duration amount, Collection<PauseSpan> pauses) {
        long cursor = nanos("start", start);
        long remaining = amountNanos(amount);
        if (remaining == 0) {
            return start;
        }
        for (long[] pause : normalize(pauses)) {
            if (pause[1] <= cursor) {
                continue;
            }
            if (pause[0] > cursor) {
                long available = timeline.between(cursor, pause[0]);
                if (available >= remaining) {
                    break;
                }
                remaining -= available;
            }
            cursor = pause[1];
        }
        return Timeline.toInstant(timeline.add(cursor, remaining));
    }

    private static long amountNanos(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the amount of business time must not be negative: " + amount);
        }
        if (amount.compareTo(Duration.between(EARLIEST, LATEST)) > 0) {
            throw new DateTimeException("the amount of business time " + amount
                    + " is longer than the supported range " + EARLIEST + ".." + LATEST);
        }
        return amount.toNanos();
    }

    private static long nanos(String what, Instant instant) {
        Objects.requireNonNull(instant, what);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeException(what + " " + instant + " lies outside the supported range "
                    + EARLIEST + ".." + LATEST);
        }
        return Timeline.nanos(instant);
    }

    /** Pauses as disjoint, ordered, non-touching {@code [from, to)} spans inside the supported range. */
    private static List<long[]> normalize(Collection<PauseSpan> pauses) {
        Objects.requireNonNull(pauses, "pauses");
        List<long[]> spans = new ArrayList<>(pauses.size());
        for (PauseSpan pause : pauses) {
            Objects.requireNonNull(pause, "pause");
            long from = clamp(pause.from());
            long to = clamp(pause.to());
            if (to > from) {
                spans.add(new long[] {from, to});
            }
        }
        spans.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> merged = new ArrayList<>(spans.size());
        for (long[] span : spans) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span[0] <= last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static long clamp(Instant instant) {
        if (instant.isBefore(EARLIEST)) {
            return EARLIEST_NANOS;
        }
        return instant.isAfter(LATEST) ? LATEST_NANOS : Timeline.nanos(instant);
    }

    @Override
    public String toString() {
        return "BusinessTime[" + calendar.id() + "]";
    }
}
