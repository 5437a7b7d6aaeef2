package dev.helpdesk.spi.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Measures the business time between two instants in one calendar. The core makes one from a
 * {@link dev.helpdesk.spi.calendar.BusinessCalendar}; a report uses it for the business-time
 * variant of every duration figure. Must be a pure function: the same instants, the same answer.
 */
public interface BusinessClock {
    /**
     * The name the report shows, usually the calendar's id.
     *
     * @return the name
     */
    String name();

    /**
     * The business time between two instants.
     *
     * @param from the earlier instant
     * @param to   the later instant, not before {@code from}
     * @return the open time between them
     */
    Duration between(Instant from, Instant to);
}
