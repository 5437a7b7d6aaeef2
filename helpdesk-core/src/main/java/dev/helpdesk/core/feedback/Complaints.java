package dev.helpdesk.core.feedback;

import dev.helpdesk.core.routing.LeastLoaded;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.Condition;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Operator;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Priority;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Complaints handled as their own kind of request: a category, an SLA policy that applies to
 * it before any other, an escalation rule that moves every new complaint into its group at high
 * priority and routes it, and that group's routing. A host adds it with one call,
 * {@code Helpdesk.builder().complaints(Complaints.defaults())}, and changes any part with the
 * {@code with...} methods.
 *
 * <p>The defaults ({@link #defaults()}): category {@link Category#COMPLAINTS}; policy
 * {@code complaints}: first response within 4 hours, next response within 8 hours, resolution
 * within 3 days, in calendar time (see {@link #defaults(CalendarId)} for business time); rule
 * {@code route-complaints}: on opened, when the category is a complaint, set group
 * {@code complaints}, set priority HIGH, route; group {@code complaints} routed to the least
 * loaded agent.
 *
 * @param category the complaints category
 * @param policy   the SLA policy of complaints (its conditions should name the category)
 * @param rule     the rule that places a new complaint
 * @param routing  the routing of the complaints group
 */
public record Complaints(Category category, SlaPolicy policy, EscalationRule rule, GroupRouting routing) {
    /** The group complaints go to by default. */
    public static final String GROUP = "complaints";

    /**
     * Checks every part is present.
     *
     * @param category the complaints category
     * @param policy the SLA policy of complaints (its conditions should name the category)
     * @param rule the rule that places a new complaint
     * @param routing the routing of the complaints group
     */
    public Complaints {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(routing, "routing");
    }

    /**
     * The documented default set-up, with targets in calendar time.
     *
     * @return the set-up
     */
    public static Complaints defaults() {
        return of(Optional.empty());
    }

    /**
     * The documented default set-up, with targets in a business calendar's time.
     *
     * @param calendar the calendar the targets count in (the desk must have it)
     * @return the set-up
     */
    public static Complaints defaults(CalendarId calendar) {
        return of(Optional.of(Objects.requireNonNull(calendar, "calendar")));
    }

    private static Complaints of(Optional<CalendarId> calendar) {
        Category category = Category.COMPLAINTS;
        SlaPolicy policy = SlaPolicy.builder("complaints")
                .whenCategory(category)
                .firstResponse(SlaTarget.of(Duration.ofHours(4), calendar))
                .nextResponse(SlaTarget.of(Duration.ofHours(8), calendar))
                .resolution(SlaTarget.of(Duration.ofDays(3), calendar))
                .build();
        EscalationRule rule = EscalationRule.builder("route-complaints")
                .on(TicketTrigger.OPENED)
                .when(Condition.test("category", Operator.IS, category.code()))
                .then(new Action.SetGroup(GroupId.of(GROUP)), new Action.SetPriority(Priority.HIGH),
                        new Action.Route(Optional.empty()))
                .reason("complaints are handled by the complaints team")
                .build();
        return new Complaints(category, policy, rule, GroupRouting.automatic(GROUP, LeastLoaded.NAME));
    }

    /**
     * The same set-up with another SLA policy.
     *
     * @param other the policy
     * @return a new set-up
     */
    public Complaints withPolicy(SlaPolicy other) {
        return new Complaints(category, other, rule, routing);
    }

    /**
     * The same set-up with another group routing.
     *
     * @param other the routing
     * @return a new set-up
     */
    public Complaints withRouting(GroupRouting other) {
        return new Complaints(category, policy, rule, other);
    }
}
