package dev.helpdesk.examples.plugin;

import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.ActionType;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An escalation action of type {@value #TYPE}: one rule that escalates each customer segment to
 * its own tier and group. Its parameters map a segment's code (or {@value #ANY_OTHER} for every
 * other requester, and for one whose segment the desk does not know) to a tier and a group,
 * such as {@code enterprise -> "L3 key-accounts"}; the optional {@value #NOTIFY_ROLE} names a
 * role to tell, urgently, when the action moves a ticket.
 *
 * <pre>{@code
 * EscalationRule.builder("enterprise-breach")
 *     .on(new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE))
 *     .then(new Action.Custom("segment-escalation", Map.of(
 *             "enterprise", "L3 key-accounts",
 *             "*", "L2 specialists",
 *             "@notify-role", "account-manager")))
 *     .reason("Missed first response")
 *     .build();
 * }</pre>
 *
 * <p>It expands into the desk's own actions (raise the tier, set the group, notify the role), so
 * the desk's lifecycle rules decide what it does; a requester whose segment has no entry and no
 * {@value #ANY_OTHER} entry is left as is. Stateless and thread-safe.
 */
public final class SegmentEscalation implements ActionType {
    /** The type rules name in {@link Action.Custom}. */
    public static final String TYPE = "segment-escalation";
    /** The key of the entry for every requester without an entry of their own. */
    public static final String ANY_OTHER = "*";
    /** The key naming the role to notify; not a segment code, which cannot hold {@code @}. */
    public static final String NOTIFY_ROLE = "@notify-role";

    /** Creates the action type; {@link java.util.ServiceLoader} calls this. */
    public SegmentEscalation() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Checks every entry: a segment code or {@value #ANY_OTHER} as key, a tier and a group as
     * value, and at least one such entry.
     *
     * @param parameters the parameters as written in the rule
     * @return every problem, each naming its parameter
     */
    @Override
    public List<FieldError> check(Map<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        int targets = 0;
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String key = e.getKey();
            if (key.equals(NOTIFY_ROLE)) {
                if (e.getValue() == null || e.getValue().isBlank() || e.getValue().chars().anyMatch(Character::isWhitespace)) {
                    errors.add(new FieldError(NOTIFY_ROLE, "must be a role name without spaces"));
                }
                continue;
            }
            targets++;
            if (!key.equals(ANY_OTHER) && CustomerSegment.parse(key).isLeft()) {
                errors.add(new FieldError(key, "is neither a segment code nor " + ANY_OTHER));
            }
            if (target(e.getValue()).isEmpty()) {
                errors.add(new FieldError(key, "must be a tier and a group, such as 'L3 key-accounts'"));
            }
        }
        if (targets == 0) {
            errors.add(new FieldError("parameters", "name at least one segment, or " + ANY_OTHER));
        }
        return errors;
    }

    /**
     * The tier and group of the requester's segment, and the notice to the role when one is named.
     *
     * @param ticket     the ticket's facts, with the requester's segment when the desk knows it
     * @param parameters the checked parameters
     * @return the actions; none when neither the segment nor {@value #ANY_OTHER} has an entry
     */
    @Override
    public List<Action> expand(TicketFacts ticket, Map<String, String> parameters) {
        String entry = ticket.segment().map(CustomerSegment::code).map(parameters::get)
                .orElse(parameters.get(ANY_OTHER));
        Optional<Target> target = target(entry);
        if (target.isEmpty()) {
            return List.of();
        }
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.RaiseTier(Optional.of(target.get().tier())));
        actions.add(new Action.SetGroup(target.get().group()));
        String role = parameters.get(NOTIFY_ROLE);
        if (role != null) {
            actions.add(new Action.NotifyRole(role, true));
        }
        return List.copyOf(actions);
    }

    private record Target(Tier tier, GroupId group) {
    }

    private static Optional<Target> target(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<Tier> tier = List.of(Tier.values()).stream().filter(t -> t.name().equals(parts[0])).findFirst();
        var group = GroupId.parse(parts[1]);
        if (tier.isEmpty() || group.isLeft()) {
            return Optional.empty();
        }
        return Optional.of(new Target(tier.get(), group.get()));
    }
}
