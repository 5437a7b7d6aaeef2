package dev.helpdesk.core.sla;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.sla.SlaTarget;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The arithmetic of a set of calendars, by id, ready for SLA targets: business-time targets
 * count in their calendar, calendar-time targets in real time. Immutable and thread-safe; each
 * calendar's {@link BusinessTime} keeps the weeks it has computed, so keep one instance and
 * reuse it.
 */
public final class Calendars {
    private static final BusinessTime REAL_TIME =
            BusinessTime.of(BusinessCalendar.twentyFourSeven(CalendarId.of("calendar-time"), ZoneOffset.UTC));

    private final Map<CalendarId, BusinessTime> byId;

    private Calendars(Map<CalendarId, BusinessTime> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * The arithmetic of some calendars.
     *
     * @param calendars the calendars, with unique ids
     * @return their arithmetic
     * @throws IllegalArgumentException when two calendars share an id
     */
    public static Calendars of(Collection<BusinessCalendar> calendars) {
        return none().with(calendars);
    }

    /**
     * No calendars: only calendar-time targets can be computed.
     *
     * @return the empty set
     */
    public static Calendars none() {
        return new Calendars(Map.of());
    }

    /**
     * The arithmetic of another set of calendars, keeping the prepared arithmetic of every
     * calendar that did not change, so that replacing a configuration does not throw away
     * computed weeks.
     *
     * @param calendars the new calendars, with unique ids
     * @return their arithmetic
     * @throws IllegalArgumentException when two calendars share an id
     */
    public Calendars with(Collection<BusinessCalendar> calendars) {
        Map<CalendarId, BusinessTime> next = new HashMap<>();
        for (BusinessCalendar c : calendars) {
            BusinessTime kept = byId.get(c.id());
            BusinessTime time = kept != null && kept.calendar().equals(c) ? kept : BusinessTime.of(c);
            if (next.put(c.id(), time) != null) {
                throw new IllegalArgumentException("two calendars with id " + c.id());
            }
        }
        return new Calendars(next);
    }

    /**
     * The arithmetic a target is measured with.
     *
     * @param target the target
     * @return its calendar's arithmetic, or real time for a calendar-time target
     * @throws IllegalArgumentException when the target names a calendar not in this set
     */
    public BusinessTime of(SlaTarget target) {
        Objects.requireNonNull(target, "target");
        if (target.calendar().isEmpty()) {
            return REAL_TIME;
        }
        BusinessTime time = byId.get(target.calendar().get());
        if (time == null) {
            throw new IllegalArgumentException("no calendar " + target.calendar().get());
        }
        return time;
    }
}
