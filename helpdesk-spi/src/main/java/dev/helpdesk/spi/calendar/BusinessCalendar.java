package dev.helpdesk.spi.calendar;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * When a desk is open: a time zone, weekly opening hours, holidays and special days. SLA
 * targets in business time count only the real time that falls inside the opening hours.
 *
 * <p>The rules, precisely:
 * <ul>
 *   <li>Opening hours are wall-clock intervals {@code [from, to)} in {@link #zone()}, several
 *       per day if needed. An interval belongs to the day it starts on; one whose end is not
 *       after its start runs past midnight ({@link OpeningInterval}); one that ends where it
 *       starts is refused, except {@code 00:00–24:00}, the whole day. Intervals that overlap,
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
 * with {@link #builder()}, whose {@link Builder#build()} throws
 * {@link dev.helpdesk.spi.ConfigurationException} naming every bad field at once. Its parts:
 * {@link #id()}, {@link #zone()} (an IANA zone such as {@code Europe/Amsterdam}),
 * {@link #weeklyHours()}, {@link #holidays()} and {@link #specialDays()}.
 */
@Value.Immutable
public abstract class BusinessCalendar {

    private static final Comparator<OpeningInterval> BY_START =
            Comparator.comparing(OpeningInterval::from).thenComparing(OpeningInterval::to);

    BusinessCalendar() {
    }

    /**
     * The calendar's id, by which SLA targets name it.
     *
     * @return the id
     */
    public abstract CalendarId id();

    /**
     * The time zone its wall-clock times are in.
     *
     * @return the zone
     */
    public abstract ZoneId zone();

    /**
     * The opening intervals per day of the week.
     *
     * @return every day of the week, a closed day with an empty list, intervals ordered by start
     */
    public abstract Map<DayOfWeek, List<OpeningInterval>> weeklyHours();

    /**
     * The dates on which the weekly hours do not apply.
     *
     * @return the holidays, in date order
     */
    @Value.NaturalOrder
    public abstract SortedSet<LocalDate> holidays();

    /**
     * The dates whose hours replace the weekly ones; no date is also a holiday.
     *
     * @return the special days and their intervals ordered by start, in date order
     */
    @Value.NaturalOrder
    public abstract SortedMap<LocalDate, List<OpeningInterval>> specialDays();

    /**
     * A copy with other weekly hours.
     *
     * @param entries the intervals per day of the week
     * @return the copy, with every day present and intervals ordered
     */
    public abstract BusinessCalendar withWeeklyHours(Map<DayOfWeek, ? extends List<OpeningInterval>> entries);

    /**
     * A copy with other special days.
     *
     * @param entries the intervals per date
     * @return the copy, with intervals ordered
     */
    public abstract BusinessCalendar withSpecialDays(Map<? extends LocalDate, ? extends List<OpeningInterval>> entries);

    /**
     * Checks the parts and keeps them in a canonical order (every day of the week present,
     * intervals by start), so that two calendars with the same rules are equal.
     *
     * @return this calendar, or its canonical copy
     */
    @Value.Check
    BusinessCalendar normalize() {
        List<FieldError> problems = new ArrayList<>();
        weeklyHours().forEach((day, intervals) -> intervals(problems, "weeklyHours." + day, intervals));
        specialDays().forEach((date, intervals) -> {
            intervals(problems, "specialDays." + date, intervals);
            if (holidays().contains(date)) {
                problems.add(new FieldError("specialDays." + date, "is also a holiday"));
            }
        });
        Configured.check("business calendar \"" + id() + "\"", problems);
        boolean weeklyCanonical = weeklyHours().size() == 7;
        for (List<OpeningInterval> intervals : weeklyHours().values()) {
            weeklyCanonical &= isCanonical(intervals);
        }
        if (!weeklyCanonical) {
            EnumMap<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                weekly.put(day, sorted(weeklyHours().getOrDefault(day, List.of())));
            }
            return withWeeklyHours(weekly);
        }
        for (List<OpeningInterval> intervals : specialDays().values()) {
            if (!isCanonical(intervals)) {
                SortedMap<LocalDate, List<OpeningInterval>> special = new TreeMap<>();
                specialDays().forEach((date, list) -> special.put(date, sorted(list)));
                return withSpecialDays(special);
            }
        }
        return this;
    }

    private static void intervals(List<FieldError> problems, String field, List<OpeningInterval> intervals) {
        for (int i = 0; i < intervals.size(); i++) {
            OpeningInterval interval = intervals.get(i);
            if (interval == null) {
                problems.add(new FieldError(field + "[" + i + "]", "must be present"));
            } else if (interval.isEmptyOrAmbiguous()) {
                problems.add(new FieldError(field + "[" + i + "]", interval.from() + "-" + interval.to()
                        + " ends where it starts: for a whole day write 00:00-24:00, for a shift past midnight"
                        + " end it at another time, for a desk that never closes use a 24x7 calendar"));
            }
        }
    }

    /** Ordered by start and already an unmodifiable JDK list (which {@code List.copyOf} returns as is). */
    private static boolean isCanonical(List<OpeningInterval> intervals) {
        if (intervals == null || List.copyOf(intervals) != intervals) {
            return false;
        }
        for (int i = 1; i < intervals.size(); i++) {
            if (BY_START.compare(intervals.get(i - 1), intervals.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<OpeningInterval> sorted(List<OpeningInterval> intervals) {
        List<OpeningInterval> copy = new ArrayList<>(intervals);
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
        Builder b = builder().id(id).zone(zone);
        for (DayOfWeek day : DayOfWeek.values()) {
            b.open(day, OpeningInterval.ALL_DAY);
        }
        return b.build();
    }

    /**
     * The opening intervals that start on a date: none on a holiday, the special hours on a
     * special day, the weekly hours of its day of the week otherwise.
     *
     * @param date a date in the calendar's zone
     * @return the intervals, ordered by start; empty when the date is closed
     */
    public List<OpeningInterval> hoursOn(LocalDate date) {
        if (holidays().contains(date)) {
            return List.of();
        }
        List<OpeningInterval> special = specialDays().get(date);
        return special != null ? special : weeklyHours().get(date.getDayOfWeek());
    }

    /**
     * Tells whether the weekly hours hold any opening time. A calendar without weekly hours
     * is open only on its special days.
     *
     * @return true when some day of the week has an interval
     */
    public boolean hasWeeklyHours() {
        return weeklyHours().values().stream().anyMatch(list -> !list.isEmpty());
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
        Builder b = new Builder();
        b.from(this);
        weeklyHours().forEach((day, intervals) -> b.weekly.put(day, new ArrayList<>(intervals)));
        specialDays().forEach((date, intervals) -> b.special.put(date, new ArrayList<>(intervals)));
        b.label = "business calendar \"" + id() + "\"";
        return b;
    }

    /**
     * Collects the parts of a calendar and checks them all at once. Text input (a zone id, a
     * time such as {@code "09:00"} or {@code "24:00"}) is parsed as it is given; every problem
     * is remembered under the name of its field and reported together with the calendar's own
     * checks by {@link #build()}. {@code open} and {@code specialDay} add intervals to a day;
     * the generated setters ({@code id}, {@code zone}, {@code weeklyHours},
     * {@code holidays}, ...) replace a part and refuse a null at once. Not thread-safe; one
     * builder per calendar.
     */
    public static final class Builder extends ImmutableBusinessCalendar.Builder {
        private final EnumMap<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        private final SortedMap<LocalDate, List<OpeningInterval>> special = new TreeMap<>();
        private final List<FieldError> errors = new ArrayList<>();
        private String label = "business calendar";

        Builder() {
        }

        /**
         * Sets the id from its text.
         *
         * @param value the id, 1-64 of {@code [A-Za-z0-9._-]}
         * @return this builder
         */
        public Builder id(String value) {
            var parsed = CalendarId.parse(value);
            if (parsed.isRight()) {
                id(parsed.get());
                label = "business calendar \"" + value + "\"";
            } else {
                errors.add(new FieldError("id", "must be 1-64 of [A-Za-z0-9._-]: " + value));
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
            if (value == null) {
                errors.add(new FieldError("zone", "must be present"));
                return this;
            }
            try {
                zone(ZoneId.of(value.strip()));
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "is not a known time zone: " + value));
            }
            return this;
        }

        /**
         * Adds an opening interval to one day of the week.
         *
         * @param day  the day the interval starts on
         * @param from its first wall-clock time, {@code HH:mm}
         * @param to   its end, {@code HH:mm} or {@code 24:00}; before {@code from} means the
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
            List<OpeningInterval> intervals = weekly.computeIfAbsent(day, d -> new ArrayList<>());
            intervals.add(interval);
            putWeeklyHour(day, List.copyOf(intervals));
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
                addHoliday(date);
            }
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
            List<OpeningInterval> intervals = special.computeIfAbsent(date, d -> new ArrayList<>());
            intervals.add(interval);
            putSpecialDay(date, List.copyOf(intervals));
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
            putSpecialDay(date, List.copyOf(intervals));
            return this;
        }

        private Optional<OpeningInterval> parse(String field, String from, String to) {
            Optional<LocalTime> start = OpeningInterval.parseStart(from);
            Optional<LocalTime> end = OpeningInterval.parseEnd(to);
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
         * @return the calendar
         * @throws dev.helpdesk.spi.ConfigurationException naming every bad field: a missing or
         *         malformed id or zone, a malformed time, an interval that ends where it starts
         *         (other than {@code 00:00-24:00}), a date that is both a holiday and a special day
         */
        @Override
        public BusinessCalendar build() {
            return Configured.build(label, errors, super::build, part -> switch (part) {
                case "id" -> id(CalendarId.of("refused")) != null;
                case "zone" -> zone(java.time.ZoneOffset.UTC) != null;
                default -> false;
            });
        }
    }
}
