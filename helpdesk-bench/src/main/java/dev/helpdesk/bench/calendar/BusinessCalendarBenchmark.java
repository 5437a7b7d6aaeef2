package dev.helpdesk.bench.calendar;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code addBusinessTime} on a Monday-Friday 09:00-17:00 Europe/Amsterdam calendar with the
 * Dutch public holidays of 2026 and 2027, for targets of 1, 8, 40 and 2,000 hours, from starts
 * spread over 2026 (so the spans cross holidays and both daylight-saving changes); side by side
 * with a day-by-day walker over the same calendar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BusinessCalendarBenchmark {
    private static final int STARTS = 1024;

    /** The business-time target in hours. */
    @Param({"1", "8", "40", "2000"})
    public int hours;

    private BusinessTime businessTime;
    private DayByDayWalker walker;
    private Duration amount;
    private final Instant[] starts = new Instant[STARTS];
    private int next;

    /** Builds the calendar, the starts, and checks that both implementations agree on every start. */
    @Setup
    public void setUp() {
        BusinessCalendar calendar = BusinessCalendar.builder()
                .id("nl-office")
                .zone("Europe/Amsterdam")
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00")
                .holidays(List.of(
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 14),
                        LocalDate.of(2026, 5, 25), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26),
                        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
                        LocalDate.of(2027, 4, 27), LocalDate.of(2027, 5, 5), LocalDate.of(2027, 5, 6),
                        LocalDate.of(2027, 5, 17), LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26)))
                .build();
        businessTime = BusinessTime.of(calendar);
        walker = new DayByDayWalker(calendar);
        amount = Duration.ofHours(hours);
        Random random = new Random(2026);
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < STARTS; i++) {
            starts[i] = first.plusSeconds(60L * random.nextInt(365 * 24 * 60));
            Instant ours = businessTime.addBusinessTime(starts[i], amount);
            Instant theirs = walker.addBusinessTime(starts[i], amount);
            if (!ours.equals(theirs)) {
                throw new IllegalStateException("from " + starts[i] + " + " + amount + ": " + ours + " != " + theirs);
            }
        }
    }

    /** The week-skipping arithmetic. */
    @Benchmark
    public Instant weekSkipping() {
        return businessTime.addBusinessTime(starts[next++ & (STARTS - 1)], amount);
    }

    /** The day-by-day walker. */
    @Benchmark
    public Instant dayByDay() {
        return walker.addBusinessTime(starts[next++ & (STARTS - 1)], amount);
    }
}
