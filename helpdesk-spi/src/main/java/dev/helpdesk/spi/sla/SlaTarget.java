package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.calendar.CalendarId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an SLA clock may run: an amount of business time against a named calendar (only
 * opening hours count, and a pause is measured in the same calendar), or an amount of
 * calendar time (every real hour counts, day and night, and so does a pause).
 *
 * @param amount   the time allowed, positive and at most {@link #MAX_AMOUNT}
 * @param calendar the calendar whose opening hours count, or empty for calendar time
 */
public record SlaTarget(Duration amount, Optional<CalendarId> calendar) {

    /** The longest target: ten years of 24-hour days. */
    public static final Duration MAX_AMOUNT = Duration.ofDays(3650);

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException when the amount is not positive or longer than
     *                                  {@link #MAX_AMOUNT}
     */
    public SlaTarget {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(calendar, "calendar");
        String problem = problem(amount);
        if (problem != null) {
            throw new IllegalArgumentException("a target amount " + problem + ": " + amount);
        }
    }

    /**
     * Explains what is wrong with an amount, without throwing.
     *
     * @param amount a candidate, may be null
     * @return the problem in words, or null when the amount is fine
     */
    static String problem(Duration amount) {
        if (amount == null) {
            return "is required";
        }
        if (amount.isNegative() || amount.isZero()) {
            return "must be positive";
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return "must be at most " + MAX_AMOUNT.toDays() + " days";
        }
        return null;
    }

    /**
     * A target in business time: only the opening hours of the calendar count.
     *
     * @param amount   the business time allowed
     * @param calendar the calendar
     * @return the target
     * @throws IllegalArgumentException when the amount is not positive or too long
     */
    public static SlaTarget businessTime(Duration amount, CalendarId calendar) {
        return new SlaTarget(amount, Optional.of(Objects.requireNonNull(calendar, "calendar")));
    }

    /**
     * A target of whole business hours.
     *
     * @param hours    the business hours allowed, positive
     * @param calendar the calendar
     * @return the target
     * @throws IllegalArgumentException when the hours are not positive or too many
     */
    public static SlaTarget businessHours(long hours, CalendarId calendar) {
        return businessTime(Duration.ofHours(hours), calendar);
    }

    /**
     * A target in calendar time: every real hour counts.
     *
     * @param amount the time allowed
     * @return the target
     * @throws IllegalArgumentException when the amount is not positive or too long
     */
    public static SlaTarget calendarTime(Duration amount) {
        return new SlaTarget(amount, Optional.empty());
    }

    /**
     * Tells whether only opening hours count.
     *
     * @return true for a business-time target
     */
    public boolean isBusinessTime() {
        return calendar.isPresent();
    }

    /**
     * The time at which a share of the target has passed, as a duration: the amount times the
     * percentage, rounded down to the nanosecond.
     *
     * @param percent 0 to 100
     * @return the share of the amount
     */
    public Duration percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a share of a target is 0-100 percent: " + percent);
        }
        return amount.multipliedBy(percent).dividedBy(100);
    }

    /** Prints as {@code PT4H business (nl-office)} or {@code PT24H calendar}. */
    @Override
    public String toString() {
        return amount + calendar.map(c -> " business (" + c + ")").orElse(" calendar");
    }
}
