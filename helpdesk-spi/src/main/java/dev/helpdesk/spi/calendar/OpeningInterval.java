package dev.helpdesk.spi.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One stretch of opening hours in wall-clock time, {@code [from, to)}, belonging to the day on
 * which it starts.
 *
 * <p>When {@code to} is before {@code from} the interval runs past midnight and ends at
 * {@code to} on the next day: {@code 22:00–06:00} is a night shift. A {@code to} of
 * {@code 00:00} means midnight at the end of the day, written {@code 24:00}: {@code 18:00–24:00}
 * and {@code 00:00–24:00} (the whole day, {@link #ALL_DAY}) are both expressible, and
 * {@link #of(String, String)} accepts {@code "24:00"} as an end. An interval that ends where it
 * starts at any other time ({@code 09:00–09:00}) is ambiguous (empty, or a whole day?) and a
 * {@link BusinessCalendar} refuses it ({@link #isEmptyOrAmbiguous()}).
 *
 * <p>The interval is wall-clock time; the instants it covers are fixed by the calendar's zone
 * (each boundary as {@link java.time.ZonedDateTime#ofLocal} places it), so it may last more
 * or less real time on a daylight-saving night.
 *
 * @param from the first wall-clock time of the interval on its day
 * @param to   the wall-clock time it ends at: on the same day when after {@code from},
 *             otherwise on the next day ({@code 00:00} is midnight at the end of the day)
 */
public record OpeningInterval(LocalTime from, LocalTime to) {

    /** {@code 00:00–24:00}: the whole day. */
    public static final OpeningInterval ALL_DAY = new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /**
     * Checks both boundaries are present.
     *
     * @param from the first wall-clock time of the interval on its day
     * @param to the wall-clock time it ends at: on the same day when after {@code from}, otherwise on the next day ({@code 00:00} is midnight at the end of the day)
     */
    public OpeningInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Makes an interval.
     *
     * @param from the first wall-clock time
     * @param to   the end, on the next day when not after {@code from}
     * @return the interval
     */
    public static OpeningInterval of(LocalTime from, LocalTime to) {
        return new OpeningInterval(from, to);
    }

    /**
     * Makes an interval from text such as {@code "09:00"} and {@code "17:30"}; the end may be
     * {@code "24:00"}.
     *
     * @param from the first wall-clock time, {@code HH:mm} or {@code HH:mm:ss}
     * @param to   the end, {@code HH:mm}, {@code HH:mm:ss} or {@code 24:00}
     * @return the interval
     * @throws IllegalArgumentException when either text is not a time of day
     */
    public static OpeningInterval of(String from, String to) {
        LocalTime start = parseStart(from)
                .orElseThrow(() -> new IllegalArgumentException("from is not a time of day (HH:mm): " + from));
        LocalTime end = parseEnd(to)
                .orElseThrow(() -> new IllegalArgumentException("to is not a time of day (HH:mm or 24:00): " + to));
        return new OpeningInterval(start, end);
    }

    /**
     * Reads the start of an interval.
     *
     * @param text {@code HH:mm} or {@code HH:mm:ss}, may be null
     * @return the time, or empty when the text is not a time of day
     */
    public static Optional<LocalTime> parseStart(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the end of an interval, where {@code 24:00} (also {@code 24:00:00}) means midnight
     * at the end of the day.
     *
     * @param text {@code HH:mm}, {@code HH:mm:ss} or {@code 24:00}, may be null
     * @return the time ({@code 00:00} for {@code 24:00}), or empty when the text is not one
     */
    public static Optional<LocalTime> parseEnd(String text) {
        if (text != null && (text.strip().equals("24:00") || text.strip().equals("24:00:00"))) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        return parseStart(text);
    }

    /**
     * Tells whether the interval ends where it starts at a time other than midnight, such as
     * {@code 09:00–09:00}: it could mean nothing or a whole day, so a calendar refuses it and
     * asks for {@code 00:00–24:00} or a 24x7 calendar instead.
     *
     * @return true when {@code from} equals {@code to} and is not midnight
     */
    public boolean isEmptyOrAmbiguous() {
        return from.equals(to) && !from.equals(LocalTime.MIDNIGHT);
    }

    /**
     * Tells whether the interval ends on the day after the one it starts on, which includes an
     * end at {@code 24:00}.
     *
     * @return true when {@code to} is not after {@code from}
     */
    public boolean endsOnNextDay() {
        return !to.isAfter(from);
    }

    /**
     * The interval's length on a day without a daylight-saving change.
     *
     * @return from 1 nanosecond up to 24 hours
     */
    public Duration wallClockLength() {
        Duration length = Duration.between(from, to);
        return endsOnNextDay() ? length.plusDays(1) : length;
    }

    /** Prints as {@code 09:00-17:00}, with {@code 24:00} for an end at midnight. */
    @Override
    public String toString() {
        return from + "-" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString());
    }
}
