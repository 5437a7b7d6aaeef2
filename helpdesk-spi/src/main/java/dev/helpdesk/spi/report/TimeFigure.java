package dev.helpdesk.spi.report;

import java.util.Objects;
import java.util.Optional;

/**
 * A duration figure in calendar time and, when the query named a business clock, in business
 * time, over the same tickets.
 *
 * @param calendar the calendar-time distribution
 * @param business the business-time distribution, if the query had a clock
 */
public record TimeFigure(Durations calendar, Optional<Durations> business) {
    /**
     * Checks every part is present.
     *
     * @param calendar the calendar-time distribution
     * @param business the business-time distribution, if the query had a clock
     */
    public TimeFigure {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(business, "business");
    }
}
