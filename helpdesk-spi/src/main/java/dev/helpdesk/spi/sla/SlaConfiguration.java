package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The service levels of a desk: its business calendars and its ordered SLA policies, checked
 * against each other. A desk holds one configuration at a time and the host may replace it
 * while the desk runs; clocks are always computed under the configuration in force.
 *
 * <p>Rules checked whenever a configuration is made ({@link #of}, {@link #builder()}): calendar
 * ids are unique; policy names are unique; every business-time target names a calendar of the
 * configuration that has weekly opening hours (otherwise the target could never fall due); no
 * policy follows a fallback (it could never apply). A broken rule throws
 * {@link dev.helpdesk.spi.ConfigurationException} naming every problem.
 */
@Value.Immutable
public abstract class SlaConfiguration {

    /** No calendars and no policies: no ticket has SLA clocks. */
    public static final SlaConfiguration NONE = builder().build();

    SlaConfiguration() {
    }

    /**
     * The calendars business-time targets refer to.
     *
     * @return the calendars, in the host's order
     */
    public abstract List<BusinessCalendar> calendars();

    /**
     * The policies.
     *
     * @return the policies, in the order they are tried
     */
    public abstract List<SlaPolicy> policies();

    @Value.Check
    void check() {
        Configured.check("SLA configuration", problems(calendars(), policies()));
    }

    /**
     * Starts an empty configuration.
     *
     * @return a builder ({@code addCalendar}, {@code addPolicy}, ...)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks calendars and policies together and makes the configuration.
     *
     * @param calendars the calendars business-time targets refer to
     * @param policies  the policies, in the order they are tried
     * @return the configuration
     * @throws dev.helpdesk.spi.ConfigurationException naming every problem: a missing list or a
     *         null in one, a repeated calendar id or policy name, a target naming an unknown
     *         calendar or one without weekly hours, a policy after a fallback
     */
    public static SlaConfiguration of(Collection<BusinessCalendar> calendars, List<SlaPolicy> policies) {
        boolean badCalendars = calendars == null || holdsNull(calendars);
        boolean badPolicies = policies == null || holdsNull(policies);
        if (badCalendars || badPolicies) {
            List<FieldError> errors = new ArrayList<>();
            if (badCalendars) {
                errors.add(new FieldError("calendars", "must be present and hold no null"));
            }
            if (badPolicies) {
                errors.add(new FieldError("policies", "must be present and hold no null"));
            }
            throw new ConfigurationException("SLA configuration", errors);
        }
        return builder().calendars(calendars).policies(policies).build();
    }

    /** Unlike {@code contains(null)}, safe on collections that reject null queries. */
    static boolean holdsNull(Collection<?> values) {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    private static List<FieldError> problems(List<BusinessCalendar> calendars, List<SlaPolicy> policies) {
        List<FieldError> errors = new ArrayList<>();
        Map<CalendarId, BusinessCalendar> byId = new HashMap<>();
        for (int i = 0; i < calendars.size(); i++) {
            BusinessCalendar c = calendars.get(i);
            if (byId.putIfAbsent(c.id(), c) != null) {
                errors.add(new FieldError("calendars[" + i + "].id", "repeats " + c.id()));
            }
        }
        Set<String> names = new HashSet<>();
        String fallback = null;
        for (int i = 0; i < policies.size(); i++) {
            SlaPolicy p = policies.get(i);
            String at = "policies[" + i + "]";
            if (!names.add(p.name())) {
                errors.add(new FieldError(at + ".name", "repeats " + p.name()));
            }
            if (fallback != null) {
                errors.add(new FieldError(at, p.name() + " follows the fallback policy " + fallback
                        + " and could never apply"));
            }
            if (p.isFallback() && fallback == null) {
                fallback = p.name();
            }
            for (Map.Entry<ClockKind, SlaTarget> t : p.targets().entrySet()) {
                Optional<CalendarId> id = t.getValue().calendar();
                if (id.isEmpty()) {
                    continue;
                }
                BusinessCalendar c = byId.get(id.get());
                if (c == null) {
                    errors.add(new FieldError(at + ".targets." + t.getKey(), "names no known calendar: " + id.get()));
                } else if (!c.hasWeeklyHours()) {
                    errors.add(new FieldError(at + ".targets." + t.getKey(), "names calendar " + id.get()
                            + ", which has no weekly opening hours, so the target could never fall due"));
                }
            }
        }
        return errors;
    }

    /**
     * A calendar by id.
     *
     * @param id the id
     * @return the calendar, or empty when the configuration has none by that id
     */
    public Optional<BusinessCalendar> calendar(CalendarId id) {
        return calendars().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * A policy by name.
     *
     * @param name the name
     * @return the policy, or empty when there is none by that name
     */
    public Optional<SlaPolicy> policy(String name) {
        return policies().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The policy that applies to a ticket: the first whose conditions all hold.
     *
     * @param ticket  the ticket as it is now
     * @param segment the segment of its requester, if any
     * @return the policy, or empty when none applies (the ticket then has no clocks)
     */
    public Optional<SlaPolicy> policyFor(Ticket ticket, Optional<CustomerSegment> segment) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(segment, "segment");
        return policies().stream().filter(p -> p.matches(ticket, segment)).findFirst();
    }

    /**
     * Tells whether there are no policies, so that no ticket has clocks.
     *
     * @return true without policies
     */
    public boolean isEmpty() {
        return policies().isEmpty();
    }

    /** Builds a configuration; {@link #build()} checks calendars and policies together. Not thread-safe. */
    public static final class Builder extends ImmutableSlaConfiguration.Builder {
        Builder() {
        }
    }
}
