package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
 * <p>A policy is a value. {@link #builder(String)} checks every field and reports all problems
 * at once as a {@link Rejection.Invalid}; the canonical constructor checks the same rules and
 * throws.
 *
 * @param name            the policy's name, shown with every clock it drives: 1 to 64 letters,
 *                        digits, spaces, {@code '.'}, {@code '_'} and {@code '-'}, starting with
 *                        a letter or digit
 * @param conditions      what a ticket must be for the policy to apply, at most one condition
 *                        per field; empty for the fallback
 * @param targets         how long each clock may run; a clock without a target does not run
 *                        under this policy; at least one
 * @param pauseStatuses   the statuses in which every clock stops counting: a subset of
 *                        {@link Status#PENDING} and {@link Status#ON_HOLD} (the default is both;
 *                        empty means clocks never pause)
 * @param warningPercents the shares of a target at which a running clock emits a warning, each
 *                        1 to 99, ascending, without repeats (the default is 75 and 90)
 */
public record SlaPolicy(String name, List<SlaCondition> conditions, Map<ClockKind, SlaTarget> targets,
                        Set<Status> pauseStatuses, List<Integer> warningPercents) {

    /** The statuses that pause clocks unless a policy says otherwise. */
    public static final Set<Status> DEFAULT_PAUSE_STATUSES =
            Collections.unmodifiableSet(EnumSet.of(Status.PENDING, Status.ON_HOLD));
    /** The warning thresholds unless a policy says otherwise, in percent. */
    public static final List<Integer> DEFAULT_WARNING_PERCENTS = List.of(75, 90);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    /**
     * Checks every part and freezes it in a canonical order (targets by clock, pause statuses
     * by status, thresholds ascending), so that equal policies are equal values.
     *
     * @throws NullPointerException     when a part is null
     * @throws IllegalArgumentException when a part breaks a rule of {@link #builder(String)}
     */
    public SlaPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(pauseStatuses, "pauseStatuses");
        Objects.requireNonNull(warningPercents, "warningPercents");
        List<FieldError> problems = problems(name, conditions, targets, pauseStatuses, warningPercents);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid SLA policy: " + problems);
        }
        conditions = List.copyOf(conditions);
        EnumMap<ClockKind, SlaTarget> byKind = new EnumMap<>(ClockKind.class);
        byKind.putAll(targets);
        targets = Collections.unmodifiableMap(byKind);
        EnumSet<Status> pauses = EnumSet.noneOf(Status.class);
        pauses.addAll(pauseStatuses);
        pauseStatuses = Collections.unmodifiableSet(pauses);
        warningPercents = List.copyOf(new TreeSet<>(warningPercents));
    }

    /**
     * Starts a policy with the default pause statuses and warning thresholds, no conditions
     * (a fallback) and no targets yet.
     *
     * @param name the policy's name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Starts a builder holding this policy, to make an edited copy.
     *
     * @return a builder with every part of this policy
     */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        conditions.forEach(b::when);
        targets.forEach(b::target);
        b.pauseStatuses(pauseStatuses);
        b.warnings = new ArrayList<>(warningPercents);
        return b;
    }

    /**
     * Tells whether this policy has no conditions and so applies to every ticket.
     *
     * @return true for a fallback
     */
    public boolean isFallback() {
        return conditions.isEmpty();
    }

    /**
     * Tells whether this policy applies to a ticket: whether all its conditions hold.
     *
     * @param ticket  the ticket as it is now
     * @param segment the segment of the ticket's requester, if any
     * @return true when every condition holds (always for a fallback)
     */
    public boolean matches(Ticket ticket, Optional<CustomerSegment> segment) {
        for (SlaCondition c : conditions) {
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
        return conditions.stream().anyMatch(c -> c instanceof SlaCondition.SegmentIn);
    }

    /**
     * The target of one clock.
     *
     * @param kind the clock
     * @return its target, or empty when the clock does not run under this policy
     */
    public Optional<SlaTarget> target(ClockKind kind) {
        return Optional.ofNullable(targets.get(kind));
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
     * Collects the parts of a policy and checks them all at once. Bad input is remembered under
     * the name of its field and reported together by {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final List<SlaCondition> conditions = new ArrayList<>();
        private final EnumMap<ClockKind, SlaTarget> targets = new EnumMap<>(ClockKind.class);
        private Set<Status> pauses = EnumSet.copyOf(DEFAULT_PAUSE_STATUSES);
        private List<Integer> warnings = new ArrayList<>(DEFAULT_WARNING_PERCENTS);
        private final List<FieldError> errors = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds a condition.
         *
         * @param condition the condition
         * @return this builder
         */
        public Builder when(SlaCondition condition) {
            if (condition == null) {
                errors.add(new FieldError("conditions[" + conditions.size() + "]", "must be present"));
            } else {
                conditions.add(condition);
            }
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

        private <T> Builder condition(String field, T[] values,
                                      java.util.function.Function<List<T>, SlaCondition> make) {
            String at = "conditions[" + conditions.size() + "]." + field;
            if (values == null || values.length == 0) {
                errors.add(new FieldError(at, "must name at least one value"));
            } else if (Arrays.asList(values).contains(null)) {
                errors.add(new FieldError(at, "must not name null"));
            } else {
                conditions.add(make.apply(Arrays.asList(values)));
            }
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
                targets.put(kind, target);
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
        public Builder pauseStatuses(Collection<Status> statuses) {
            if (statuses == null || SlaConfiguration.holdsNull(statuses)) {
                errors.add(new FieldError("pauseStatuses", "must be present and hold no null"));
                return this;
            }
            pauses = EnumSet.noneOf(Status.class);
            pauses.addAll(statuses);
            return this;
        }

        /**
         * Sets the statuses that pause clocks, replacing the default.
         *
         * @param statuses PENDING, ON_HOLD, both or none
         * @return this builder
         */
        public Builder pauseWhen(Status... statuses) {
            return pauseStatuses(statuses == null ? null : Arrays.asList(statuses));
        }

        /**
         * Sets the warning thresholds, replacing the default.
         *
         * @param percents each 1 to 99; none for no warnings
         * @return this builder
         */
        public Builder warnAt(int... percents) {
            warnings = new ArrayList<>();
            if (percents != null) {
                for (int p : percents) {
                    warnings.add(p);
                }
            }
            return this;
        }

        /**
         * Checks everything given and makes the policy.
         *
         * @return the policy, or {@link Rejection.Invalid} naming every bad field: a missing or
         *         malformed name, an empty or repeated condition, no target, a pause status other
         *         than PENDING or ON_HOLD, a threshold outside 1..99 or repeated
         */
        public Either<Rejection, SlaPolicy> build() {
            List<FieldError> all = new ArrayList<>(errors);
            all.addAll(problems(name, conditions, targets, pauses, warnings));
            if (!all.isEmpty()) {
                return Either.left(new Rejection.Invalid(all));
            }
            return Either.right(new SlaPolicy(name, conditions, targets, pauses, warnings));
        }
    }
}
