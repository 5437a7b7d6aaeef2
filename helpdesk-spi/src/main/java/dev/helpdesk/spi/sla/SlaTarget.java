package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How long an SLA clock may run: an amount of business time against a named calendar (only
 * opening hours count, and a pause is measured in the same calendar), or an amount of
 * calendar time (every real hour counts, day and night, and so does a pause). Made with
 * {@link #businessTime}, {@link #businessHours}, {@link #calendarTime} or {@link #of}; an
 * amount that is not positive or longer than {@link #MAX_AMOUNT} throws
 * {@link dev.helpdesk.spi.ConfigurationException}.
 */
@Value.Immutable
public abstract class SlaTarget {

    /** The longest target: ten years of 24-hour days. */
    public static final Duration MAX_AMOUNT = Duration.ofDays(3650);

    SlaTarget() {
    }

    /**
     * The time allowed.
     *
     * @return positive and at most {@link #MAX_AMOUNT}
     */
    public abstract Duration amount();

    /**
     * The calendar whose opening hours count.
     *
     * @return the calendar, or empty for calendar time
     */
    public abstract Optional<CalendarId> calendar();

    @Value.Check
    void check() {
        String problem = problem(amount());
        if (problem != null) {
            Configured.check("SLA target", List.of(new FieldError("amount", problem + ": " + amount())));
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
     * A target of an amount in business time against a calendar, or in calendar time.
     *
     * @param amount   the time allowed
     * @param calendar the calendar whose opening hours count, or empty for calendar time
     * @return the target
     * @throws dev.helpdesk.spi.ConfigurationException when the amount is not positive or too long
     */
    public static SlaTarget of(Duration amount, Optional<CalendarId> calendar) {
        return new Builder().amount(amount).calendar(calendar).build();
    }

    /**
     * A target in business time: only the opening hours of the calendar count.
     *
     * @param amount   the business time allowed
     * @param calendar the calendar
     * @return the target
     * @throws dev.helpdesk.spi.ConfigurationException when the amount is not positive or too long
     */
    public static SlaTarget businessTime(Duration amount, CalendarId calendar) {
        return new Builder().amount(amount).calendar(calendar).build();
    }

    /**
     * A target of whole business hours.
     *
     * @param hours    the business hours allowed, positive
     * @param calendar the calendar
     * @return the target
     * @throws dev.helpdesk.spi.ConfigurationException when the hours are not positive or too many
     */
    public static SlaTarget businessHours(long hours, CalendarId calendar) {
        return businessTime(Duration.ofHours(hours), calendar);
    }

    /**
     * A target in calendar time: every real hour counts.
     *
     * @param amount the time allowed
     * @return the target
     * @throws dev.helpdesk.spi.ConfigurationException when the amount is not positive or too long
     */
    public static SlaTarget calendarTime(Duration amount) {
        return new Builder().amount(amount).build();
    }

    /**
     * Tells whether only opening hours count.
     *
     * @return true for a business-time target
     */
    public boolean isBusinessTime() {
        return calendar().isPresent();
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
        return amount().multipliedBy(percent).dividedBy(100);
    }

    /** Prints as {@code PT4H business (nl-office)} or {@code PT24H calendar}. */
    @Override
    public String toString() {
        return amount() + calendar().map(c -> " business (" + c + ")").orElse(" calendar");
    }

    /** Builds a target. Not thread-safe. */
    static final class Builder extends ImmutableSlaTarget.Builder {
        Builder() {
        }
    }
}
