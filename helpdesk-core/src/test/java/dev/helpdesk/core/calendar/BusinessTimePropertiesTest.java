package dev.helpdesk.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.calendar.Scenarios.Scenario;
import dev.helpdesk.spi.calendar.NoOpeningTimeException;
import dev.helpdesk.spi.calendar.PauseSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * The implementation against two references on random calendars in eight zones (among them
 * Europe/Amsterdam, America/New_York, America/Sao_Paulo, Asia/Kolkata and Australia/Lord_Howe),
 * random starts around daylight-saving changes and holidays, random amounts and random pauses.
 * Each try draws one seed; a failure prints the whole scenario.
 *
 * <p>The minute walker is the plain definition (real time, minute by minute) and takes the
 * smaller amounts and spans; the interval sweep takes amounts up to 2,000 business hours and
 * spans up to two years.
 */
class BusinessTimePropertiesTest {

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void adding_business_time_matches_the_minute_walker(@ForAll("seeds") long seed) {
        Scenario scenario = Scenarios.small(new Random(seed));
        MinuteOracle oracle = new MinuteOracle(scenario.calendar());
        OptionalLong expected = oracle.add(scenario.start().getEpochSecond(), scenario.amount().toSeconds(),
                scenario.pauses(), 400_000);
        Instant actual = BusinessTime.of(scenario.calendar())
                .addBusinessTime(scenario.start(), scenario.amount(), scenario.pauses());
        assertEquals(Instant.ofEpochSecond(expected.orElseThrow()), actual, "seed " + seed + scenario);
        Instant unpaused = BusinessTime.of(scenario.calendar()).addBusinessTime(scenario.start(), scenario.amount());
        assertEquals(Instant.ofEpochSecond(oracle.add(scenario.start().getEpochSecond(),
                scenario.amount().toSeconds(), List.of(), 400_000).orElseThrow()), unpaused, "seed " + seed + scenario);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void business_time_between_matches_the_minute_walker(@ForAll("seeds") long seed) {
        Scenario scenario = Scenarios.small(new Random(seed));
        MinuteOracle oracle = new MinuteOracle(scenario.calendar());
        BusinessTime time = BusinessTime.of(scenario.calendar());
        long a = scenario.start().getEpochSecond();
        long b = scenario.end().getEpochSecond();
        assertEquals(Duration.ofSeconds(oracle.between(a, b, scenario.pauses())),
                time.businessTimeBetween(scenario.start(), scenario.end(), scenario.pauses()), "seed " + seed + scenario);
        assertEquals(Duration.ofSeconds(oracle.between(a, b, List.of())),
                time.businessTimeBetween(scenario.start(), scenario.end()), "seed " + seed + scenario);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void is_open_and_next_opening_match_the_minute_walker(@ForAll("seeds") long seed) {
        Scenario scenario = Scenarios.small(new Random(seed));
        MinuteOracle oracle = new MinuteOracle(scenario.calendar());
        BusinessTime time = BusinessTime.of(scenario.calendar());
        long t = scenario.start().getEpochSecond();
        assertEquals(oracle.isOpen(t), time.isOpen(scenario.start()), "seed " + seed + scenario);
        assertEquals(Instant.ofEpochSecond(oracle.nextOpening(t, 400_000).orElseThrow()),
                time.nextOpening(scenario.start()), "seed " + seed + scenario);
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.OFF)
    void adding_up_to_2000_business_hours_matches_the_interval_sweep(@ForAll("seeds") long seed) {
        Scenario scenario = Scenarios.large(new Random(seed));
        collectCoverage(scenario);
        IntervalOracle oracle = new IntervalOracle(scenario.calendar());
        BusinessTime time = BusinessTime.of(scenario.calendar());
        for (List<PauseSpan> pauses : List.of(scenario.pauses(), List.<PauseSpan>of())) {
            OptionalLong expected = oracle.add(scenario.start().getEpochSecond(), scenario.amount().toSeconds(), pauses);
            String actual;
            try {
                actual = time.addBusinessTime(scenario.start(), scenario.amount(), pauses).toString();
            } catch (NoOpeningTimeException e) {
                actual = "no opening time";
            }
            assertEquals(expected.isPresent() ? Instant.ofEpochSecond(expected.getAsLong()).toString() : "no opening time",
                    actual, "seed " + seed + scenario);
        }
    }

    /** Keeps the generator honest: the hard cases must come up often, or the property fails. */
    private static void collectCoverage(Scenario scenario) {
        Instant start = scenario.start();
        ZoneOffsetTransition transition = scenario.calendar().zone().getRules()
                .nextTransition(start.minus(Duration.ofDays(3)));
        boolean nearTransition = transition != null
                && transition.getInstant().isBefore(start.plus(Duration.ofDays(3)));
        Statistics.label("zone").collect(scenario.calendar().zone().getId());
        Statistics.label("start within 3 days of a DST change").collect(nearTransition);
        Statistics.label("amount over 40 hours").collect(scenario.amount().toHours() > 40);
        Statistics.label("with pauses").collect(!scenario.pauses().isEmpty());
        Statistics.label("with holidays").collect(!scenario.calendar().holidays().isEmpty());
        Statistics.label("with special days").collect(!scenario.calendar().specialDays().isEmpty());
        Statistics.label("zone").coverage(c -> {
            for (String zone : List.of("Europe/Amsterdam", "America/New_York", "America/Sao_Paulo",
                    "Asia/Kolkata", "Australia/Lord_Howe")) {
                c.check(zone).percentage(p -> p > 5);
            }
        });
        Statistics.label("start within 3 days of a DST change").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("amount over 40 hours").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("with pauses").coverage(c -> c.check(true).percentage(p -> p > 30));
        Statistics.label("with holidays").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("with special days").coverage(c -> c.check(true).percentage(p -> p > 30));
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void business_time_between_over_long_spans_matches_the_interval_sweep(@ForAll("seeds") long seed) {
        Scenario scenario = Scenarios.large(new Random(seed));
        IntervalOracle oracle = new IntervalOracle(scenario.calendar());
        BusinessTime time = BusinessTime.of(scenario.calendar());
        long a = scenario.start().getEpochSecond();
        long b = scenario.end().getEpochSecond();
        assertEquals(Duration.ofSeconds(oracle.between(a, b, scenario.pauses())),
                time.businessTimeBetween(scenario.start(), scenario.end(), scenario.pauses()), "seed " + seed + scenario);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void next_opening_of_any_calendar_matches_the_interval_sweep(@ForAll("seeds") long seed) {
        Scenario scenario = Scenarios.large(new Random(seed));
        IntervalOracle oracle = new IntervalOracle(scenario.calendar());
        BusinessTime time = BusinessTime.of(scenario.calendar());
        long t = scenario.start().getEpochSecond();
        assertEquals(oracle.isOpen(t), time.isOpen(scenario.start()), "seed " + seed + scenario);
        OptionalLong expected = oracle.nextOpening(t);
        String actual;
        try {
            actual = time.nextOpening(scenario.start()).toString();
        } catch (NoOpeningTimeException e) {
            actual = "no opening time";
        }
        assertEquals(expected.isPresent() ? Instant.ofEpochSecond(expected.getAsLong()).toString() : "no opening time",
                actual, "seed " + seed + scenario);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void the_business_time_up_to_a_due_instant_is_the_amount_added(@ForAll("seeds") long seed) {
        Scenario scenario = Scenarios.large(new Random(seed));
        BusinessTime time = BusinessTime.of(scenario.calendar());
        Instant due;
        try {
            due = time.addBusinessTime(scenario.start(), scenario.amount(), scenario.pauses());
        } catch (NoOpeningTimeException e) {
            return;
        }
        assertEquals(scenario.amount(), time.businessTimeBetween(scenario.start(), due, scenario.pauses()),
                "seed " + seed + scenario);
        // and one nanosecond earlier it is not yet reached: the due instant is the earliest
        assertEquals(scenario.amount().minusNanos(1),
                time.businessTimeBetween(scenario.start(), due.minusNanos(1), scenario.pauses()), "seed " + seed + scenario);
    }
}
