package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.function.Function;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a customer may see of their ticket, built in this one place from the ticket and its
 * events. A pure function: nothing is read or stored.
 *
 * <p>A customer sees:
 * <ul>
 *   <li>the ticket's public messages, its status, subject, channel, category, priority, tier,
 *       group and assignee, and the values of the custom fields the desk shows customers
 *       ({@link CustomField.Access#CUSTOMER_SEES} and {@link CustomField.Access#CUSTOMER_SETS});</li>
 *   <li>in the history: the opening, public messages, assignment, status changes, solving,
 *       reopening, closing and merging, the changes of priority, tier, category and group (the
 *       new values, not why), and the values of the fields they see.</li>
 * </ul>
 * A customer never sees internal notes, tags (staff data), staff-only custom fields, SLA
 * warnings, breaches or due times, rule firings, notices to staff or to themselves (they got
 * the notice), queueing, nor who or which rule changed the tier, group or priority and why:
 * those changes show {@link #SUPPORT} as their actor and no reason, and every other event or
 * message of one of the desk's rules shows {@link #SUPPORT} instead of the rule's name.
 */
public final class CustomerView {
    /** The actor a customer sees for the desk's own rules and for changes whose author is internal. */
    public static final Actor SUPPORT = Actor.system("support");

    private final Set<String> visibleFields;

    /**
     * A view for a desk with the given custom fields.
     *
     * @param fields the desk's custom fields; the values of those a customer may see are shown
     */
    public CustomerView(Collection<CustomField> fields) {
        Set<String> visible = new TreeSet<>();
        for (CustomField f : fields) {
            if (f.customerMaySee()) {
                visible.add(f.name());
            }
        }
        this.visibleFields = Set.copyOf(visible);
    }

    /**
     * The ticket as its requester sees it: public messages only (the desk's rules shown as
     * {@link #SUPPORT}), no tags, only the custom fields customers see.
     *
     * @param ticket the ticket
     * @return the customer's view of it
     */
    public Ticket ticket(Ticket ticket) {
        if (nothingToHide(ticket)) {
            return ticket; // most tickets, most of the time: no copy at all
        }
        List<Message> messages = new ArrayList<>(ticket.messages().size());
        for (Message m : ticket.messages()) {
            if (m.isPublic()) {
                messages.add(message(m));
            }
        }
        SortedMap<String, String> fields = new TreeMap<>(ticket.fields());
        fields.keySet().retainAll(visibleFields);
        return ticket.withMessages(messages).withTags(List.of()).withFields(fields);
    }

    private boolean nothingToHide(Ticket ticket) {
        if (!ticket.tags().isEmpty()
                || !ticket.fields().isEmpty() && !visibleFields.containsAll(ticket.fields().keySet())) {
            return false;
        }
        List<Message> messages = ticket.messages();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (!m.isPublic() || isRule(m.author())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The public conversation of a ticket together with the conversations of the tickets merged
     * into it (and into those, and so on), oldest first, as a customer sees it. This is how a
     * merged ticket's public conversation stays reachable from the ticket that carries on: the
     * view follows {@link Ticket#mergedFrom()}, each ticket once, instead of copying messages
     * at the merge. Only the merged tickets {@code find} answers are included, so a caller that
     * reads as the customer shows them only their own tickets' messages.
     *
     * @param ticket the ticket
     * @param find   how to read a merged ticket as the viewer may see it; empty when it is not
     *               there or not theirs
     * @return the public messages, oldest first (by time, then in each ticket's order)
     */
    public List<Message> conversation(Ticket ticket, Function<TicketId, Optional<Ticket>> find) {
        List<Message> messages = new ArrayList<>(ticket(ticket).messages());
        Set<TicketId> seen = new HashSet<>();
        seen.add(ticket.id());
        Deque<TicketId> merged = new ArrayDeque<>(ticket.mergedFrom());
        while (!merged.isEmpty() && seen.size() <= MergeChain.MAX_HOPS) {
            TicketId next = merged.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            find.apply(next).ifPresent(source -> {
                messages.addAll(ticket(source).messages());
                merged.addAll(source.mergedFrom());
            });
        }
        messages.sort(Comparator.comparing(Message::at)); // stable: each ticket's own order is kept at equal times
        return List.copyOf(messages);
    }

    /**
     * The history as the ticket's requester sees it: the events they may see, oldest first,
     * with their versions, so that paging by version works alike for everyone.
     *
     * @param history the ticket's recorded events
     * @return the customer's history
     */
    public List<RecordedEvent> history(List<RecordedEvent> history) {
        List<RecordedEvent> shown = new ArrayList<>(history.size());
        for (RecordedEvent r : history) {
            TicketEvent e = event(r.event());
            if (e != null) {
                shown.add(e == r.event() ? r : new RecordedEvent(r.tenant(), r.version(), e));
            }
        }
        return shown;
    }

    /**
     * The events as the ticket's requester sees them, oldest first.
     *
     * @param events the ticket's events
     * @return the events the customer sees, as they see them
     */
    public List<TicketEvent> events(List<? extends TicketEvent> events) {
        List<TicketEvent> shown = new ArrayList<>(events.size());
        for (TicketEvent event : events) {
            TicketEvent e = event(event);
            if (e != null) {
                shown.add(e);
            }
        }
        return shown;
    }

    /**
     * One event as a customer sees it.
     *
     * @param e the event
     * @return the event, rewritten where its actor or reason is internal; null when a customer
     *         does not see it at all
     */
    TicketEvent event(TicketEvent e) {
        if (e instanceof TicketEvent.MessagePosted m) {
            if (!m.message().isPublic()) {
                return null;
            }
            Message shown = message(m.message());
            return shown == m.message() && !isRule(m.actor()) ? m : new TicketEvent.MessagePosted(m.ticketId(), m.at(), actor(m.actor()), shown);
        } else if (e instanceof TicketEvent.FieldSet f) {
            return !visibleFields.contains(f.field()) ? null
                    : isRule(f.actor()) ? new TicketEvent.FieldSet(f.ticketId(), f.at(), SUPPORT, f.field(), f.value()) : f;
        } else if (e instanceof TicketEvent.TierChanged t) {
            return new TicketEvent.TierChanged(t.ticketId(), t.at(), SUPPORT, t.from(), t.to(), "");
        } else if (e instanceof TicketEvent.GroupChanged g) {
            return new TicketEvent.GroupChanged(g.ticketId(), g.at(), SUPPORT, g.from(), g.to());
        } else if (e instanceof TicketEvent.PriorityChanged p) {
            return new TicketEvent.PriorityChanged(p.ticketId(), p.at(), SUPPORT, p.from(), p.to());
        } else if (isInternal(e)) {
            return null;
        }
        return isRule(e.actor()) ? withActor(e, SUPPORT) : e;
    }

    /**
     * Tells whether a customer never sees an event: internal bookkeeping, SLA records,
     * escalation, notices, tags and queueing.
     *
     * @param e the event
     * @return true for events kept from customers whatever they hold
     */
    public static boolean isInternal(TicketEvent e) {
        return e instanceof TicketEvent.SlaWarning || e instanceof TicketEvent.SlaBreached
                || e instanceof TicketEvent.SlaPolicyApplied || e instanceof TicketEvent.SlaCompleted
                || e instanceof TicketEvent.RuleFired || e instanceof TicketEvent.RuleSkipped
                || e instanceof TicketEvent.RuleActionFailed
                || e instanceof TicketEvent.EscalatedToRole || e instanceof TicketEvent.AgentNotified
                || e instanceof TicketEvent.CustomerNotified
                || e instanceof TicketEvent.TagAdded || e instanceof TicketEvent.TagRemoved
                || e instanceof TicketEvent.Queued
                || e instanceof TicketEvent.MessagePosted m && !m.message().isPublic()
                // channel intake: a channel's ids are the desk's bookkeeping
                || e instanceof TicketEvent.ExternalMessageLinked
                || e instanceof TicketEvent.AttachmentAdded a && !(a.actor() instanceof Actor.Customer);
    }

    private static boolean isRule(Actor actor) {
        return actor instanceof Actor.SystemRule && !actor.equals(SUPPORT);
    }

    private static Actor actor(Actor actor) {
        return isRule(actor) ? SUPPORT : actor;
    }

    private static Message message(Message m) {
        return isRule(m.author()) ? new Message(m.id(), SUPPORT, m.visibility(), m.channel(), m.body(), m.at(), m.automatic()) : m;
    }

    /** The events a customer sees whose only internal part is a rule as their actor. */
    private static TicketEvent withActor(TicketEvent e, Actor a) {
        if (e instanceof TicketEvent.Opened o) {
            return new TicketEvent.Opened(o.ticketId(), o.at(), a, o.number(), o.subject(), o.requester(), o.channel(),
                    o.category(), o.priority(), o.tier(), o.group(), o.followUpOf());
        } else if (e instanceof TicketEvent.Assigned x) {
            return new TicketEvent.Assigned(x.ticketId(), x.at(), a, x.agent());
        } else if (e instanceof TicketEvent.Unassigned x) {
            return new TicketEvent.Unassigned(x.ticketId(), x.at(), a, x.previous());
        } else if (e instanceof TicketEvent.CategoryChanged x) {
            return new TicketEvent.CategoryChanged(x.ticketId(), x.at(), a, x.from(), x.to());
        } else if (e instanceof TicketEvent.StatusChanged x) {
            return new TicketEvent.StatusChanged(x.ticketId(), x.at(), a, x.from(), x.to());
        } else if (e instanceof TicketEvent.ChannelMoved x) {
            // channels: the customer sees where the conversation went and why
            return new TicketEvent.ChannelMoved(x.ticketId(), x.at(), a, x.channel(), x.reason());
        } else if (e instanceof TicketEvent.Solved x) {
            return new TicketEvent.Solved(x.ticketId(), x.at(), a);
        } else if (e instanceof TicketEvent.Reopened x) {
            return new TicketEvent.Reopened(x.ticketId(), x.at(), a, x.cycle());
        } else if (e instanceof TicketEvent.Closed x) {
            return new TicketEvent.Closed(x.ticketId(), x.at(), a, x.automatic());
        } else if (e instanceof TicketEvent.Merged x) {
            return new TicketEvent.Merged(x.ticketId(), x.at(), a, x.into());
        } else if (e instanceof TicketEvent.MergedIn x) {
            return new TicketEvent.MergedIn(x.ticketId(), x.at(), a, x.source());
        }
        return null; // a kind of event this view does not know is kept from customers rather than shown whole
    }

    /**
     * The custom fields a customer sees.
     *
     * @return their names
     */
    public Set<String> visibleFields() {
        return visibleFields;
    }
}
