package dev.helpdesk.core.calendar;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.calendar.OpeningInterval;
import dev.helpdesk.spi.calendar.PauseSpan;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random calendars, starts and pauses for the property tests, all on whole minutes so that the
 * minute-walking oracle is exact. Boundaries favour the hours around midnight and the night
 * hours where daylight-saving changes happen; starts favour the days around those changes and
 * around holidays.
 */
final class Scenarios {
    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Amsterdam"), ZoneId.of("America/New_York"), ZoneId.of("America/Sao_Paulo"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/St_Johns"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("Europe/London"));

    private static final List<LocalTime> NIGHT_AND_EDGES = List.of(
            LocalTime.of(0, 0), LocalTime.of(0, 30), LocalTime.of(1, 0), LocalTime.of(1, 30),
            LocalTime.of(1, 45), LocalTime.of(2, 0), LocalTime.of(2, 15), LocalTime.of(2, 30),
            LocalTime.of(2, 45), LocalTime.of(3, 0), LocalTime.of(3, 30), LocalTime.of(4, 0),
            LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(17, 0), LocalTime.of(22, 0),
            LocalTime.of(23, 0), LocalTime.of(23, 30), LocalTime.of(23, 59));

    /** A calendar with its start and pauses; {@code toString} is the failure report. */
    record Scenario(BusinessCalendar calendar, Instant start, Duration amount, Instant end, List<PauseSpan> pauses) {
        @Override
        public String toString() {
            return "\n  calendar " + calendar + "\n  start " + start + " (" + start.atZone(calendar.zone()) + ")"
                    + "\n  amount " + amount + "\n  end " + end + "\n  pauses " + pauses;
        }
    }

    private Scenarios() {
    }

    /** Whole-minute calendars with weekly hours, small amounts and short spans: for the minute walker. */
    static Scenario small(Random random) {
        BusinessCalendar calendar = calendar(random, false);
        Instant start = start(random, calendar);
        long weekly = weeklyMinutes(calendar);
        long maxAmount = Math.min(12 * 60, 3 * weekly);
        long amount = 1 + (random.nextBoolean() ? random.nextInt(120) : (long) (random.nextDouble() * maxAmount));
        amount = Math.min(amount, maxAmount);
        Instant end = start.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60 + 1) - (random.nextInt(20) == 0 ? 600 : 0)));
        return new Scenario(calendar, start, Duration.ofMinutes(amount), end, pauses(random, start, 4 * 24 * 60));
    }

    /** Any calendar (also 24x7 and closed ones), amounts up to 2,000 hours, long spans: for the interval oracle. */
    static Scenario large(Random random) {
        BusinessCalendar calendar = calendar(random, true);
        Instant start = start(random, calendar);
        long weekly = weeklyMinutes(calendar);
        long maxAmount = 2_000 * 60;
        if (weekly > 0) {
            maxAmount = Math.min(maxAmount, 300 * weekly);
        }
        // spread evenly over orders of magnitude, from a minute to 2,000 hours
        long amount = Math.max(1, Math.min(maxAmount, (long) Math.pow(maxAmount, random.nextDouble())));
        Instant end = start.plus(Duration.ofMinutes((long) Math.pow(2 * 366 * 24 * 60, random.nextDouble())));
        int spread = random.nextBoolean() ? 10 * 24 * 60 : 200 * 24 * 60;
        return new Scenario(calendar, start, Duration.ofMinutes(amount), end, pauses(random, start, spread));
    }

    static long weeklyMinutes(BusinessCalendar calendar) {
        return new IntervalOracle(calendar).between(0, 7 * 86_400, List.of()) / 60
                + (calendar.hasWeeklyHours() ? 1 : 0);
    }

    static BusinessCalendar calendar(Random random, boolean anyKind) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        int year = 2005 + random.nextInt(31);
        BusinessCalendar.Builder builder = BusinessCalendar.builder().id("random").zone(zone);
        int kind = random.nextInt(100);
        if (kind < 8) {
            for (DayOfWeek day : DayOfWeek.values()) {
                builder.open(day, OpeningInterval.ALL_DAY);
            }
        } else if (!(anyKind && kind < 14)) {
            // a few calendars keep weekly hours only on some days; most on most days
            int density = random.nextInt(3);
            do {
                for (DayOfWeek day : DayOfWeek.values()) {
                    int count = random.nextInt(10) < 2 + density * 2 ? 0 : 1 + random.nextInt(random.nextInt(3) + 1);
                    for (int i = 0; i < count; i++) {
                        builder.open(day, interval(random));
                    }
                }
            } while (!builder.build().hasWeeklyHours());
        }
        // kinds 8..13 with anyKind: no weekly hours at all, open only on special days (if any)
        List<LocalDate> holidays = new ArrayList<>();
        int holidayCount = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 4 : 12);
        for (int i = 0; i < holidayCount; i++) {
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            holidays.add(date);
            // holidays come in runs (Christmas, Easter) often enough to matter
            if (random.nextInt(4) == 0) {
                holidays.add(date.plusDays(1));
            }
        }
        builder.holidays(holidays);
        int specialCount = random.nextInt(3) == 0 ? 0 : random.nextInt(4);
        for (int i = 0; i < specialCount; i++) {
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            if (holidays.contains(date)) {
                continue;
            }
            int intervals = random.nextInt(3);
            builder.specialDay(date, List.of());
            for (int j = 0; j < intervals; j++) {
                builder.specialDay(date, interval(random));
            }
        }
        return builder.build();
    }

    static OpeningInterval interval(Random random) {
        LocalTime from = time(random);
        int shape = random.nextInt(20);
        LocalTime to;
        if (shape < 3) {
            to = LocalTime.MIDNIGHT;
        } else if (shape < 4) {
            to = from; // a whole day when it starts at midnight; otherwise made almost a day below
        } else if (shape < 12) {
            // a day shift: ends later the same day
            to = from.plusMinutes(1 + random.nextInt(Math.max(1, 1439 - from.getHour() * 60 - from.getMinute())));
            if (!to.isAfter(from)) {
                to = LocalTime.MIDNIGHT;
            }
        } else {
            to = time(random);
        }
        if (to.equals(from) && !from.equals(LocalTime.MIDNIGHT)) {
            // a calendar refuses an interval that ends where it starts (but 00:00-24:00): the
            // longest shift past midnight ends a minute before it starts
            to = from.minusMinutes(1);
        }
        return OpeningInterval.of(from, to);
    }

    private static LocalTime time(Random random) {
        if (random.nextInt(10) < 4) {
            return NIGHT_AND_EDGES.get(random.nextInt(NIGHT_AND_EDGES.size()));
        }
        return LocalTime.ofSecondOfDay(random.nextInt(1440) * 60L);
    }

    /** A start near a daylight-saving change, near a holiday or special day, or anywhere in the year. */
    static Instant start(Random random, BusinessCalendar calendar) {
        ZoneId zone = calendar.zone();
        List<LocalDate> dates = new ArrayList<>(calendar.holidays());
        dates.addAll(calendar.specialDays().keySet());
        LocalDate anchorDate = dates.isEmpty() ? LocalDate.of(2005 + random.nextInt(31), 1, 1)
                : dates.get(random.nextInt(dates.size()));
        int mode = random.nextInt(10);
        Instant anchor;
        long spreadMinutes;
        if (mode < 4) {
            Instant from = anchorDate.withDayOfYear(1).plusDays(random.nextInt(365)).atStartOfDay(ZoneOffset.UTC).toInstant();
            ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
            anchor = transition != null && transition.getInstant().isBefore(from.plus(Duration.ofDays(400)))
                    ? transition.getInstant() : from;
            spreadMinutes = random.nextBoolean() ? 6 * 60 : 3 * 24 * 60;
        } else if (mode < 7) {
            anchor = anchorDate.atStartOfDay(zone).toInstant();
            spreadMinutes = 2 * 24 * 60;
        } else {
            anchor = anchorDate.withDayOfYear(1).atStartOfDay(zone).toInstant();
            spreadMinutes = 0;
            anchor = anchor.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        }
        long offset = spreadMinutes == 0 ? 0 : random.nextLong() % spreadMinutes;
        Instant start = anchor.plus(Duration.ofMinutes(offset));
        return Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), 60) * 60);
    }

    /** Zero to four pauses near the start, possibly overlapping, unordered, empty or reaching before it. */
    static List<PauseSpan> pauses(Random random, Instant start, int spreadMinutes) {
        int count = random.nextInt(5) < 2 ? 0 : 1 + random.nextInt(4);
        List<PauseSpan> pauses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant from = start.plus(Duration.ofMinutes(random.nextInt(spreadMinutes) - spreadMinutes / 10));
            int length = random.nextInt(10) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 6 * 60 : 3 * 24 * 60);
            pauses.add(PauseSpan.of(from, from.plus(Duration.ofMinutes(length))));
        }
        return pauses;
    }
}
