package dev.helpdesk.core.internal.sla;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.NoOpeningTimeException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for calendars that are valid but will hardly ever open: one whose next opening is more
 * than a year away (every weekday a holiday, only special days long past) stops every SLA clock
 * that uses it. Such a calendar is not refused, since a desk may be configured ahead of a
 * season, but each one is logged at WARN when the desk is built or its SLA configuration
 * replaced.
 */
public final class OpeningHorizon {
    /** How far the next opening may be before it is reported. */
    public static final Duration HORIZON = Duration.ofDays(365);

    private static final Logger LOG = LoggerFactory.getLogger(OpeningHorizon.class);

    private OpeningHorizon() {
    }

    /**
     * Describes each calendar whose next opening after {@code now} is more than a year away, or
     * that never opens again.
     *
     * @param calendars the calendars
     * @param now       the instant to look from
     * @return one text per such calendar, in the calendars' order; empty when every one opens
     *         within a year
     */
    public static List<String> farAway(Collection<BusinessCalendar> calendars, Instant now) {
        List<String> found = new ArrayList<>();
        for (BusinessCalendar calendar : calendars) {
            try {
                Instant next = BusinessTime.of(calendar).nextOpening(now);
                if (Duration.between(now, next).compareTo(HORIZON) > 0) {
                    found.add("calendar " + calendar.id() + " next opens at " + next
                            + ", more than a year after " + now + ": SLA clocks on it stand still until then");
                }
            } catch (NoOpeningTimeException | DateTimeException e) {
                found.add("calendar " + calendar.id() + " never opens after " + now
                        + ": SLA clocks on it would never run");
            }
        }
        return found;
    }

    /**
     * Logs a WARN for each calendar {@link #farAway} finds.
     *
     * @param calendars the calendars
     * @param now       the instant to look from
     */
    public static void warn(Collection<BusinessCalendar> calendars, Instant now) {
        farAway(calendars, now).forEach(LOG::warn);
    }
}
