package dev.helpdesk.core.internal.rules;

import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * When triggers occur and under which key. A rule fires at most once per ticket and key, so
 * the key is what "once per event", "once per clock cycle" and "once per idle stretch" mean.
 */
final class Occasions {
    private Occasions() {
    }

    /** A timed trigger's next occasion: its key and when it is due. */
    record Timed(String key, Instant due) {
    }

    /**
     * The key an event gives a rule's trigger.
     *
     * @param trigger the rule's trigger
     * @param e       an event
     * @param version the ticket's version after the event
     * @return the key, or null when the event does not trigger the rule
     */
    static String keyFor(Trigger trigger, TicketEvent e, long version) {
        if (trigger instanceof Trigger.OnEvent on) {
            // the description posted with the opening (version 2) is not a reply
            if (version == 2 && e instanceof TicketEvent.MessagePosted) {
                return null;
            }
            return matches(on.event(), e) ? on.event().code() + "@" + version : null;
        }
        if (trigger instanceof Trigger.SlaWarning w) {
            return e instanceof TicketEvent.SlaWarning s && s.clock() == w.clock() && s.thresholdPercent() >= w.minimumPercent()
                    ? "sla_warning:" + lower(s.clock()) + ":" + s.cycle() : null;
        }
        if (trigger instanceof Trigger.SlaBreach b) {
            return e instanceof TicketEvent.SlaBreached s && s.clock() == b.clock()
                    ? "sla_breach:" + lower(s.clock()) + ":" + s.cycle() : null;
        }
        if (trigger instanceof Trigger.ReopenedTimes r) {
            return e instanceof TicketEvent.Reopened o && o.cycle() - 1 >= r.times() ? "reopened_times:" + r.times() : null;
        }
        return null;
    }

    private static boolean matches(TicketTrigger trigger, TicketEvent e) {
        return switch (trigger) {
            case OPENED -> e instanceof TicketEvent.Opened;
            case CUSTOMER_REPLIED -> e instanceof TicketEvent.MessagePosted m && m.message().isPublic()
                    && m.actor() instanceof Actor.Customer;
            case AGENT_REPLIED -> e instanceof TicketEvent.MessagePosted m && m.message().isPublic()
                    && m.actor() instanceof Actor.Agent;
            case REOPENED -> e instanceof TicketEvent.Reopened;
            case PRIORITY_CHANGED -> e instanceof TicketEvent.PriorityChanged;
            case TIER_CHANGED -> e instanceof TicketEvent.TierChanged;
            case GROUP_CHANGED -> e instanceof TicketEvent.GroupChanged;
            case TAG_ADDED -> e instanceof TicketEvent.TagAdded;
            case SATISFACTION_RATED_BAD -> e instanceof TicketEvent.SatisfactionRated r && r.bad();
        };
    }

    /**
     * The next occasion of a timed trigger on a ticket as its history left it.
     *
     * @param trigger the rule's trigger
     * @param ticket  the ticket's current state
     * @param history its whole history, oldest first
     * @return the occasion, or null when the trigger cannot occur in the ticket's present
     *         state
     */
    static Timed timed(Trigger trigger, Ticket ticket, List<? extends TicketEvent> history) {
        if (ticket.status().isFinal() || history.isEmpty()) {
            return null;
        }
        if (trigger instanceof Trigger.Idle idle) {
            if (ticket.status() != idle.status()) {
                return null;
            }
            // idle since the later of the last activity and the moment it entered its status
            int since = 0;
            for (int i = 0; i < history.size(); i++) {
                TicketEvent e = history.get(i);
                if (!(e.actor() instanceof Actor.SystemRule) || entersStatus(e)) {
                    since = i;
                }
            }
            TicketEvent start = history.get(since);
            return new Timed("idle:" + lower(idle.status()) + "@" + (since + 1), start.at().plus(idle.after()));
        }
        if (trigger instanceof Trigger.Unassigned unassigned) {
            if (ticket.assignee().isPresent() || ticket.status() == Status.SOLVED) {
                return null;
            }
            int since = 0;
            for (int i = 0; i < history.size(); i++) {
                if (history.get(i) instanceof TicketEvent.Unassigned) {
                    since = i;
                }
            }
            return new Timed("unassigned@" + (since + 1), history.get(since).at().plus(unassigned.after()));
        }
        return null;
    }

    private static boolean entersStatus(TicketEvent e) {
        return e instanceof TicketEvent.StatusChanged || e instanceof TicketEvent.Solved
                || e instanceof TicketEvent.Reopened || e instanceof TicketEvent.Opened;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
