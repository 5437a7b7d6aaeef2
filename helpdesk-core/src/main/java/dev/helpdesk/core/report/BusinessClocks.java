package dev.helpdesk.core.report;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.report.BusinessClock;
import java.time.Duration;
import java.time.Instant;

/** Business clocks for reports, from the desk's calendars. */
public final class BusinessClocks {
    private BusinessClocks() {
    }

    /**
     * The business time of a calendar, for {@link dev.helpdesk.spi.report.ReportQuery#businessClock()}.
     * Its cost per measured span does not grow with the span's length (see {@link BusinessTime}).
     *
     * @param calendar the calendar
     * @return a clock named after the calendar's id
     */
    public static BusinessClock of(BusinessCalendar calendar) {
        BusinessTime time = BusinessTime.of(calendar);
        String name = calendar.id().value();
        return new BusinessClock() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration between(Instant from, Instant to) {
                return time.businessTimeBetween(from, to);
            }

            @Override
            public String toString() {
                return "business time of " + name;
            }
        };
    }
}
