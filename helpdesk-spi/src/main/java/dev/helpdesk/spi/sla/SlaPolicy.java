package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A service level: which tickets it applies to and how long each of their clocks may run.
 *
 * <p>The desk holds an ordered list of policies ({@link SlaConfiguration}); for a ticket, the
 * first policy whose conditions all hold applies, and a policy without conditions is the
 * fallback that applies to every ticket no earlier policy took. The choice is made again from
 * the ticket as it is now whenever its clocks are looked at, so raising a ticket's priority
 * moves it to the stricter policy at once; its clocks are then computed from its whole
 * history under that policy (see {@link ClockState}).
 *
 * <p>A policy is an immutable value, written in the host's code with {@link #builder(String)}:
 * {@link Builder#build()} checks every part and throws
 * {@link dev.helpdesk.spi.ConfigurationException} naming every bad field at once. Its parts:
 * <ul>
 *   <li>{@link #name()}: shown with every clock it drives: 1 to 64 letters, digits, spaces,
 *       {@code '.'}, {@code '_'} and {@code '-'}, starting with a letter or digit;</li>
 *   <li>{@link #conditions()}: what a ticket must be for the policy to apply, at most one
 *       condition per field; empty for the fallback;</li>
 *   <li>{@link #targets()}: how long each clock may run; a clock without a target does not run
 *       under this policy; at least one;</li>
 *   <li>{@link #pauseStatuses()}: the statuses in which every clock stops counting: a subset of
 *       {@link Status#PENDING} and {@link Status#ON_HOLD} (the default is both; empty means
 *       clocks never pause);</li>
 *   <li>{@link #warningPercents()}: the shares of a target at which a running clock emits a
 *       warning, each 1 to 99, without repeats, kept ascending (the default is 75 and 90).</li>
 * </ul>
 */
@Value.Immutable
public abstract class SlaPolicy {

    /** The statuses that pause clocks unless a policy says otherwise. */
    public static final Set<Status> DEFAULT_PAUSE_STATUSES =
            Collections.unmodifiableSet(EnumSet.of(Status.PENDING, Status.ON_HOLD));
    /** The warning thresholds unless a policy says otherwise, in percent. */
    public static final List<Integer> DEFAULT_WARNING_PERCENTS = List.of(75, 90);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    SlaPolicy() {
    }

    /**
     * The policy's name.
     *
     * @return the name, unique within a configuration
     */
    public abstract String name();

    /**
     * What a ticket must be for the policy to apply.
     *
     * @return the conditions, in the order given; empty for a fallback
     */
    public abstract List<SlaCondition> conditions();

    /**
     * How long each clock may run.
     *
     * @return the targets by clock, in the order of {@link ClockKind}
     */
    public abstract Map<ClockKind, SlaTarget> targets();

    /**
     * The statuses in which every clock stops counting.
     *
     * @return a subset of PENDING and ON_HOLD
     */
    @Value.Default
    public Set<Status> pauseStatuses() {
        return DEFAULT_PAUSE_STATUSES;
    }

    /**
     * The shares of a target at which a running clock emits a warning.
     *
     * @return percentages, ascending
     */
    @Value.Default
    public List<Integer> warningPercents() {
        return DEFAULT_WARNING_PERCENTS;
    }

    /**
     * A copy with other warning thresholds.
     *
     * @param elements the percentages, each 1 to 99
     * @return the copy
     * @throws dev.helpdesk.spi.ConfigurationException when a percentage is out of range or repeated
     */
    public abstract SlaPolicy withWarningPercents(Iterable<Integer> elements);

    /**
     * Checks every part and keeps the thresholds ascending, so that equal policies are equal values.
     *
     * @return this policy, or its copy with sorted thresholds
     */
    @Value.Check
    SlaPolicy normalize() {
        Configured.check("SLA policy \"" + name() + "\"",
                problems(name(), conditions(), targets(), pauseStatuses(), warningPercents()));
        List<Integer> ascending = List.copyOf(new TreeSet<>(warningPercents()));
        return ascending.equals(warningPercents()) ? this : withWarningPercents(ascending);
    }

    /**
     * Starts a policy with the default pause statuses and warning thresholds, no conditions
     * (a fallback) and no targets yet.
     *
     * @param name the policy's name
     * @return a builder
     */
    public static Builder builder(String name) {
        Builder b = new Builder();
        if (name == null) {
            b.errors.add(new FieldError("name", "is required"));
        } else {
            b.name(name);
            b.label = "SLA policy \"" + name + "\"";
        }
        return b;
    }

    /**
     * Starts a builder holding this policy, to make an edited copy.
     *
     * @return a builder with every part of this policy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.from(this);
        b.conditionCount = conditions().size();
        b.label = "SLA policy \"" + name() + "\"";
        return b;
    }

    /**
     * Tells whether this policy has no conditions and so applies to every ticket.
     *
     * @return true for a fallback
     */
    public boolean isFallback() {
        return conditions().isEmpty();
    }

    /**
     * Tells whether this policy applies to a ticket: whether all its conditions hold.
     *
     * @param ticket  the ticket as it is now
     * @param segment the segment of the ticket's requester, if any
     * @return true when every condition holds (always for a fallback)
     */
    public boolean matches(Ticket ticket, Optional<CustomerSegment> segment) {
        for (SlaCondition c : conditions()) {
            if (!c.matches(ticket, segment)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether any condition asks for the requester's segment, so that a desk asks its
     * {@link CustomerSegments} only when it has to.
     *
     * @return true when a {@link SlaCondition.SegmentIn} is among the conditions
     */
    public boolean needsSegment() {
        return conditions().stream().anyMatch(c -> c instanceof SlaCondition.SegmentIn);
    }

    /**
     * The target of one clock.
     *
     * @param kind the clock
     * @return its target, or empty when the clock does not run under this policy
     */
    public Optional<SlaTarget> target(ClockKind kind) {
        return Optional.ofNullable(targets().get(kind));
    }

    private static List<FieldError> problems(String name, List<SlaCondition> conditions,
                                             Map<ClockKind, SlaTarget> targets, Collection<Status> pauseStatuses,
                                             List<Integer> warningPercents) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1-64 letters, digits, spaces, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
        Set<String> fields = new HashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            SlaCondition c = conditions.get(i);
            if (c == null) {
                errors.add(new FieldError("conditions[" + i + "]", "must be present"));
            } else if (!fields.add(c.field())) {
                errors.add(new FieldError("conditions[" + i + "]", "repeats the " + c.field()
                        + " condition; list every value in one condition"));
            }
        }
        if (targets.isEmpty()) {
            errors.add(new FieldError("targets", "must hold a target for at least one clock"));
        }
        targets.forEach((kind, target) -> {
            if (kind == null || target == null) {
                errors.add(new FieldError("targets", "must not hold null clocks or targets"));
            }
        });
        for (Status s : pauseStatuses) {
            if (s != Status.PENDING && s != Status.ON_HOLD) {
                errors.add(new FieldError("pauseStatuses", "may hold only PENDING and ON_HOLD, not " + s));
            }
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer p : warningPercents) {
            if (p == null || p < 1 || p > 99) {
                errors.add(new FieldError("warningPercents", "must each be 1-99, not " + p));
            } else if (!seen.add(p)) {
                errors.add(new FieldError("warningPercents", "repeats " + p));
            }
        }
        return errors;
    }

    /**
     * Collects the parts of a policy in domain words and checks them all at once: bad input is
     * remembered under the name of its field and reported together with the policy's own
     * checks by {@link #build()}. The generated setters ({@code name}, {@code targets},
     * {@code pauseStatuses}, {@code warningPercents}, ...) are available too and refuse a null at
     * once. Not thread-safe.
     */
    public static final class Builder extends ImmutableSlaPolicy.Builder {
        private final List<FieldError> errors = new ArrayList<>();
        private int conditionCount;
        private String label = "SLA policy";

        Builder() {
        }

        /**
         * Adds a condition.
         *
         * @param condition the condition
         * @return this builder
         */
        public Builder when(SlaCondition condition) {
            if (condition == null) {
                errors.add(new FieldError("conditions[" + conditionCount + "]", "must be present"));
            } else {
                addCondition(condition);
            }
            conditionCount++;
            return this;
        }

        /**
         * Applies only to tickets of these priorities.
         *
         * @param priorities one or more priorities
         * @return this builder
         */
        public Builder whenPriority(Priority... priorities) {
            return condition("priority", priorities, values -> new SlaCondition.PriorityIn(new LinkedHashSet<>(values)));
        }

        /**
         * Applies only to tickets from these channels.
         *
         * @param channels one or more channels
         * @return this builder
         */
        public Builder whenChannel(Channel... channels) {
            return condition("channel", channels, values -> new SlaCondition.ChannelIn(new LinkedHashSet<>(values)));
        }

        /**
         * Applies only to tickets in these categories or below them.
         *
         * @param categories one or more categories or areas
         * @return this builder
         */
        public Builder whenCategory(Category... categories) {
            return condition("category", categories, values -> new SlaCondition.CategoryIn(new LinkedHashSet<>(values)));
        }

        /**
         * Applies only to tickets whose requester is in one of these segments.
         *
         * @param segments one or more segments
         * @return this builder
         */
        public Builder whenSegment(CustomerSegment... segments) {
            return condition("segment", segments, values -> new SlaCondition.SegmentIn(new LinkedHashSet<>(values)));
        }

        /**
         * Applies only to tickets of these tenants.
         *
         * @param tenants one or more tenants
         * @return this builder
         */
        public Builder whenTenant(TenantId... tenants) {
            return condition("tenant", tenants, values -> new SlaCondition.TenantIn(new LinkedHashSet<>(values)));
        }

        private <T> Builder condition(String field, T[] values, Function<List<T>, SlaCondition> make) {
            String at = "conditions[" + conditionCount + "]." + field;
            if (values == null || values.length == 0) {
                errors.add(new FieldError(at, "must name at least one value"));
            } else if (Arrays.asList(values).contains(null)) {
                errors.add(new FieldError(at, "must not name null"));
            } else {
                addCondition(make.apply(Arrays.asList(values)));
            }
            conditionCount++;
            return this;
        }

        /**
         * Sets the target of one clock, replacing an earlier one.
         *
         * @param kind   the clock
         * @param target how long it may run
         * @return this builder
         */
        public Builder target(ClockKind kind, SlaTarget target) {
            if (kind == null) {
                errors.add(new FieldError("targets", "the clock must be present"));
            } else if (target == null) {
                errors.add(new FieldError("targets." + kind, "must be present"));
            } else {
                putTarget(kind, target);
            }
            return this;
        }

        /**
         * Sets the first-response target.
         *
         * @param target how long until the first public agent reply
         * @return this builder
         */
        public Builder firstResponse(SlaTarget target) {
            return target(ClockKind.FIRST_RESPONSE, target);
        }

        /**
         * Sets the next-response target.
         *
         * @param target how long a customer waits for the next public agent reply
         * @return this builder
         */
        public Builder nextResponse(SlaTarget target) {
            return target(ClockKind.NEXT_RESPONSE, target);
        }

        /**
         * Sets the periodic-update target.
         *
         * @param target the longest time between public agent updates on an open ticket
         * @return this builder
         */
        public Builder periodicUpdate(SlaTarget target) {
            return target(ClockKind.PERIODIC_UPDATE, target);
        }

        /**
         * Sets the resolution target.
         *
         * @param target how long until the ticket is solved, per cycle
         * @return this builder
         */
        public Builder resolution(SlaTarget target) {
            return target(ClockKind.RESOLUTION, target);
        }

        /**
         * Sets the statuses that pause clocks, replacing the default.
         *
         * @param statuses PENDING, ON_HOLD, both or none
         * @return this builder
         */
        public Builder pauseWhen(Status... statuses) {
            if (statuses == null || Arrays.asList(statuses).contains(null)) {
                errors.add(new FieldError("pauseStatuses", "must be present and hold no null"));
                return this;
            }
            pauseStatuses(Arrays.asList(statuses));
            return this;
        }

        /**
         * Sets the warning thresholds, replacing the default.
         *
         * @param percents each 1 to 99; none for no warnings
         * @return this builder
         */
        public Builder warnAt(int... percents) {
            List<Integer> warnings = new ArrayList<>();
            if (percents != null) {
                for (int p : percents) {
                    warnings.add(p);
                }
            }
            warningPercents(warnings);
            return this;
        }

        /**
         * Checks everything given and makes the policy.
         *
         * @return the policy
         * @throws dev.helpdesk.spi.ConfigurationException naming every bad field: a missing or
         *         malformed name, an empty or repeated condition, no target, a pause status other
         *         than PENDING or ON_HOLD, a threshold outside 1..99 or repeated
         */
        @Override
        public SlaPolicy build() {
            return Configured.build(label, errors, super::build,
                    part -> part.equals("name") && name("refused") != null);
        }
    }
}
