package dev.helpdesk.core.visit;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a desk plans on-site visits: the {@link VisitPolicy}, the visit's own SLA target (a
 * duration in the tenant's business calendar, counted from the planning: eight business hours
 * of a nine-to-five calendar is "the next business day"), and the longest slot.
 */
@Value.Immutable
public abstract class VisitSettings {
    VisitSettings() {
    }

    /**
     * When a visit may be planned.
     *
     * @return the policy; defaults to {@link VisitPolicy#standard()}
     */
    @Value.Default
    public VisitPolicy policy() {
        return VisitPolicy.standard();
    }

    /**
     * The visit's SLA target: how long after the planning the visit should take place at the
     * latest, in business time of {@link #calendar()} (calendar time without one).
     *
     * @return the target; defaults to 8 hours
     */
    @Value.Default
    public Duration target() {
        return Duration.ofHours(8);
    }

    /**
     * The tenant's business calendar the target counts in.
     *
     * @return the calendar, or empty to count calendar time
     */
    public abstract Optional<BusinessCalendar> calendar();

    /**
     * The longest slot a visit may book.
     *
     * @return the length; defaults to 8 hours
     */
    @Value.Default
    public Duration longestSlot() {
        return Duration.ofHours(8);
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (target().isNegative() || target().isZero()) {
            errors.add(new FieldError("target", "must be positive, not " + target()));
        }
        if (longestSlot().isNegative() || longestSlot().isZero() || longestSlot().compareTo(Duration.ofDays(1)) > 0) {
            errors.add(new FieldError("longestSlot", "must be positive and at most a day, not " + longestSlot()));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException("visit settings", errors);
        }
    }

    /**
     * The defaults.
     *
     * @return settings with the standard policy, an 8-hour target in calendar time and 8-hour slots
     */
    public static VisitSettings defaults() {
        return builder().build();
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link VisitSettings}. */
    public static final class Builder extends ImmutableVisitSettings.Builder {
        Builder() {
        }
    }
}
