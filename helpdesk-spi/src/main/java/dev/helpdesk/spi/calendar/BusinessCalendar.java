package dev.helpdesk.spi.calendar;

import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a desk is open: a time zone, weekly opening hours, holidays and special days. SLA
 * targets in business time count only the real time that falls inside the opening hours.
 *
 * <p>The rules, precisely:
 * <ul>
 *   <li>Opening hours are wall-clock intervals {@code [from, to)} in {@link #zone()}, several
 *       per day if needed. An interval belongs to the day it starts on; one whose end is not
 *       after its start runs past midnight ({@link OpeningInterval}). Intervals that overlap,
 *       on one day or across days, simply add up to their union.</li>
 *   <li>A holiday closes every interval that starts on that date (a night shift that started
 *       the evening before still runs into it).</li>
 *   <li>A special day replaces the weekly hours of its date by its own (for instance 24
 *       December {@code 09:00–12:00}); an empty list closes the date like a holiday.</li>
 *   <li>Each wall-clock boundary becomes an instant as {@link java.time.ZonedDateTime#ofLocal}
 *       places it: a time inside a daylight-saving gap moves later by the gap's length, a
 *       time inside an overlap takes the earlier offset. So {@code 01:00–04:00} lasts two real
 *       hours on a spring-forward night and four on a fall-back night in Europe/Amsterdam.</li>
 *   <li>A calendar open all the time ({@link #twentyFourSeven}) is a calendar like any other.</li>
 * </ul>
 *
 * <p>A calendar is an immutable value; {@link #toBuilder()} makes an edited copy. Build one
 * with {@link #builder()}, which reports every bad field at once.
 *
 * @param id          the calendar's id
 * @param zone        the time zone its wall-clock times are in (an IANA id such as
 *                    {@code Europe/Amsterdam})
 * @param weeklyHours opening intervals per day of the week; every day is present, a closed
 *                    day has an empty list, intervals are ordered by start
 * @param holidays    dates on which the weekly hours do not apply, in date order
 * @param specialDays dates whose hours replace the weekly ones, in date order; no date is
 *                    also a holiday
 */
public record BusinessCalendar(CalendarId id, ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> weeklyHours,
                               Set<LocalDate> holidays, Map<LocalDate, List<OpeningInterval>> specialDays) {

    private static final Comparator<OpeningInterval> BY_START =
            Comparator.comparing(OpeningInterval::from).thenComparing(OpeningInterval::to);

    /**
     * Checks the parts and freezes them in a canonical order, so that two calendars with the
     * same rules are equal.
     *
     * @throws NullPointerException     when a part, a day's list or an interval is null
     * @throws IllegalArgumentException when a date is both a holiday and a special day
     */
    public BusinessCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weeklyHours, "weeklyHours");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(specialDays, "specialDays");
        EnumMap<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of());
        }
        weeklyHours.forEach((day, intervals) -> weekly.put(Objects.requireNonNull(day, "weeklyHours day"),
                sorted(intervals, "weeklyHours." + day)));
        weeklyHours = Collections.unmodifiableMap(weekly);
        SortedSet<LocalDate> closed = new TreeSet<>();
        for (LocalDate date : holidays) {
            closed.add(Objects.requireNonNull(date, "holiday"));
        }
        holidays = Collections.unmodifiableSortedSet(closed);
        SortedMap<LocalDate, List<OpeningInterval>> special = new TreeMap<>();
        specialDays.forEach((date, intervals) -> special.put(Objects.requireNonNull(date, "special day"),
                sorted(intervals, "specialDays." + date)));
        specialDays = Collections.unmodifiableSortedMap(special);
        for (LocalDate date : special.keySet()) {
            if (closed.contains(date)) {
                throw new IllegalArgumentException("specialDays." + date + " is also a holiday");
            }
        }
    }

    private static List<OpeningInterval> sorted(List<OpeningInterval> intervals, String field) {
        Objects.requireNonNull(intervals, field);
        List<OpeningInterval> copy = new ArrayList<>(intervals.size());
        for (OpeningInterval interval : intervals) {
            copy.add(Objects.requireNonNull(interval, field));
        }
        copy.sort(BY_START);
        return List.copyOf(copy);
    }

    /**
     * A calendar that is open all the time: every day {@code 00:00–24:00}. Business time in it
     * is real time, also across daylight-saving changes.
     *
     * @param id   the calendar's id
     * @param zone its zone (it does not change the arithmetic, but it is kept for display)
     * @return the calendar
     */
    public static BusinessCalendar twentyFourSeven(CalendarId id, ZoneId zone) {
        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(OpeningInterval.ALL_DAY));
        }
        return new BusinessCalendar(id, zone, weekly, Set.of(), Map.of());
    }

    /**
     * The opening intervals that start on a date: none on a holiday, the special hours on a
     * special day, the weekly hours of its day of the week otherwise.
     *
     * @param date a date in the calendar's zone
     * @return the intervals, ordered by start; empty when the date is closed
     */
    public List<OpeningInterval> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<OpeningInterval> special = specialDays.get(date);
        return special != null ? special : weeklyHours.get(date.getDayOfWeek());
    }

    /**
     * Tells whether the weekly hours hold any opening time. A calendar without weekly hours
     * is open only on its special days.
     *
     * @return true when some day of the week has an interval
     */
    public boolean hasWeeklyHours() {
        return weeklyHours.values().stream().anyMatch(list -> !list.isEmpty());
    }

    /**
     * Starts an empty calendar: no id, no zone, closed every day.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this calendar, to make an edited copy (another holiday,
     * changed hours).
     *
     * @return a new builder with every part of this calendar
     */
    public Builder toBuilder() {
        Builder builder = new Builder().id(id).zone(zone);
        weeklyHours.forEach((day, intervals) -> intervals.forEach(interval -> builder.open(day, interval)));
        builder.holidays(holidays);
        specialDays.forEach((date, intervals) -> {
            builder.specialDay(date, List.of());
            intervals.forEach(interval -> builder.specialDay(date, interval));
        });
        return builder;
    }

    /**
     * Collects the parts of a calendar and checks them all at once. Text input (a zone id, a
     * time such as {@code "09:00"} or {@code "24:00"}) is parsed as it is given; every problem
     * is remembered under the name of its field and reported together by {@link #build()}.
     * Not thread-safe; one builder per calendar.
     */
    public static final class Builder {
        private CalendarId id;
        private ZoneId zone;
        private final EnumMap<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        private final SortedSet<LocalDate> holidays = new TreeSet<>();
        private final SortedMap<LocalDate, List<OpeningInterval>> special = new TreeMap<>();
        private final List<FieldError> errors = new ArrayList<>();
        private boolean idGiven;
        private boolean zoneGiven;

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param value the id, 1-64 of {@code [A-Za-z0-9._-]}
         * @return this builder
         */
        public Builder id(String value) {
            idGiven = true;
            if (CalendarId.isValid(value)) {
                id = CalendarId.of(value);
            } else {
                id = null;
                errors.add(new FieldError("id", "must be 1-64 of [A-Za-z0-9._-]: " + value));
            }
            return this;
        }

        /**
         * Sets the id.
         *
         * @param value the id
         * @return this builder
         */
        public Builder id(CalendarId value) {
            idGiven = true;
            id = value;
            if (value == null) {
                errors.add(new FieldError("id", "must be present"));
            }
            return this;
        }

        /**
         * Sets the time zone from its id.
         *
         * @param value an IANA zone id such as {@code Europe/Amsterdam}
         * @return this builder
         */
        public Builder zone(String value) {
            zoneGiven = true;
            zone = null;
            if (value == null) {
                errors.add(new FieldError("zone", "must be present"));
                return this;
            }
            try {
                zone = ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "is not a known time zone: " + value));
            }
            return this;
        }

        /**
         * Sets the time zone.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            zoneGiven = true;
            zone = value;
            if (value == null) {
                errors.add(new FieldError("zone", "must be present"));
            }
            return this;
        }

        /**
         * Adds an opening interval to one day of the week.
         *
         * @param day  the day the interval starts on
         * @param from its first wall-clock time, {@code HH:mm}
         * @param to   its end, {@code HH:mm} or {@code 24:00}; not after {@code from} means the
         *             next day
         * @return this builder
         */
        public Builder open(DayOfWeek day, String from, String to) {
            if (day == null) {
                errors.add(new FieldError("weeklyHours", "day must be present"));
                return this;
            }
            String field = "weeklyHours." + day + "[" + weekly.getOrDefault(day, List.of()).size() + "]";
            parse(field, from, to).ifPresent(interval -> add(day, interval));
            return this;
        }

        /**
         * Adds the same opening interval to a run of days of the week, for instance Monday to
         * Friday. The run wraps past Sunday ({@code FRIDAY} to {@code MONDAY} is four days).
         *
         * @param first the first day of the run
         * @param last  the last day of the run
         * @param from  the interval's first wall-clock time, {@code HH:mm}
         * @param to    its end, {@code HH:mm} or {@code 24:00}
         * @return this builder
         */
        public Builder open(DayOfWeek first, DayOfWeek last, String from, String to) {
            if (first == null || last == null) {
                errors.add(new FieldError("weeklyHours", "first and last day must be present"));
                return this;
            }
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                open(day, from, to);
                if (day == last) {
                    return this;
                }
            }
        }

        /**
         * Adds an opening interval to one day of the week.
         *
         * @param day      the day the interval starts on
         * @param interval the interval
         * @return this builder
         */
        public Builder open(DayOfWeek day, OpeningInterval interval) {
            if (day == null || interval == null) {
                errors.add(new FieldError("weeklyHours", "day and interval must be present"));
                return this;
            }
            add(day, interval);
            return this;
        }

        private void add(DayOfWeek day, OpeningInterval interval) {
            weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
        }

        /**
         * Closes a date: no interval starts on it.
         *
         * @param date the holiday, in the calendar's zone
         * @return this builder
         */
        public Builder holiday(LocalDate date) {
            if (date == null) {
                errors.add(new FieldError("holidays", "a holiday must be a date"));
            } else {
                holidays.add(date);
            }
            return this;
        }

        /**
         * Closes several dates.
         *
         * @param dates the holidays
         * @return this builder
         */
        public Builder holidays(Collection<LocalDate> dates) {
            if (dates == null) {
                errors.add(new FieldError("holidays", "must be present"));
                return this;
            }
            dates.forEach(this::holiday);
            return this;
        }

        /**
         * Adds an interval to a special day, whose intervals replace the weekly hours of that
         * date (call it once per interval).
         *
         * @param date the date
         * @param from the interval's first wall-clock time, {@code HH:mm}
         * @param to   its end, {@code HH:mm} or {@code 24:00}
         * @return this builder
         */
        public Builder specialDay(LocalDate date, String from, String to) {
            if (date == null) {
                errors.add(new FieldError("specialDays", "a special day must be a date"));
                return this;
            }
            String field = "specialDays." + date + "[" + special.getOrDefault(date, List.of()).size() + "]";
            parse(field, from, to).ifPresent(interval -> specialDay(date, interval));
            return this;
        }

        /**
         * Adds an interval to a special day.
         *
         * @param date     the date
         * @param interval the interval
         * @return this builder
         */
        public Builder specialDay(LocalDate date, OpeningInterval interval) {
            if (date == null || interval == null) {
                errors.add(new FieldError("specialDays", "date and interval must be present"));
                return this;
            }
            special.computeIfAbsent(date, d -> new ArrayList<>()).add(interval);
            return this;
        }

        /**
         * Makes a date a special day with exactly these intervals (an empty list closes it),
         * replacing intervals added to it before.
         *
         * @param date      the date
         * @param intervals its opening intervals
         * @return this builder
         */
        public Builder specialDay(LocalDate date, List<OpeningInterval> intervals) {
            if (date == null || intervals == null || intervals.stream().anyMatch(Objects::isNull)) {
                errors.add(new FieldError("specialDays", "date and intervals must be present"));
                return this;
            }
            special.put(date, new ArrayList<>(intervals));
            return this;
        }

        private Optional<OpeningInterval> parse(String field, String from, String to) {
            var start = OpeningInterval.parseStart(from);
            var end = OpeningInterval.parseEnd(to);
            if (start.isEmpty()) {
                errors.add(new FieldError(field + ".from", "is not a time of day (HH:mm): " + from));
            }
            if (end.isEmpty()) {
                errors.add(new FieldError(field + ".to", "is not a time of day (HH:mm or 24:00): " + to));
            }
            return start.isPresent() && end.isPresent()
                    ? Optional.of(OpeningInterval.of(start.get(), end.get()))
                    : Optional.empty();
        }

        /**
         * Checks everything given and makes the calendar.
         *
         * @return the calendar, or {@link Rejection.Invalid} naming every bad field: a missing
         *         or malformed id or zone, a malformed time, a date that is both a holiday and a
         *         special day
         */
        public Either<Rejection, BusinessCalendar> build() {
            List<FieldError> all = new ArrayList<>(errors);
            if (!idGiven) {
                all.add(new FieldError("id", "must be present"));
            }
            if (!zoneGiven) {
                all.add(new FieldError("zone", "must be present"));
            }
            for (LocalDate date : special.keySet()) {
                if (holidays.contains(date)) {
                    all.add(new FieldError("specialDays." + date, "is also a holiday"));
                }
            }
            if (!all.isEmpty()) {
                return Either.left(new Rejection.Invalid(all));
            }
            return Either.right(new BusinessCalendar(id, zone, weekly, holidays, special));
        }
    }
}
