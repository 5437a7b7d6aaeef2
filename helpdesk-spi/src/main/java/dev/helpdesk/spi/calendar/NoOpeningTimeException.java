package dev.helpdesk.spi.calendar;

import dev.helpdesk.spi.ConfigurationException;
import java.time.Instant;
import java.util.Objects;

/**
 * A calendar was asked for business time it can never give: it has no opening time at all
 * after the instant asked about (no weekly hours and no special day later on). This is a
 * configuration mistake of the host, reported at once instead of searching forever.
 */
public class NoOpeningTimeException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    private final transient CalendarId calendar;
    private final transient Instant after;

    /**
     * Creates the failure.
     *
     * @param calendar the calendar without opening time
     * @param after    the instant after which it never opens
     */
    public NoOpeningTimeException(CalendarId calendar, Instant after) {
        super("calendar " + Objects.requireNonNull(calendar, "calendar") + " has no opening time after "
                + Objects.requireNonNull(after, "after")
                + ": give it weekly opening hours or a special day with opening hours");
        this.calendar = calendar;
        this.after = after;
    }

    /**
     * The calendar without opening time.
     *
     * @return its id
     */
    public CalendarId calendar() {
        return calendar;
    }

    /**
     * The instant after which the calendar never opens.
     *
     * @return the instant the search started from
     */
    public Instant after() {
        return after;
    }
}
