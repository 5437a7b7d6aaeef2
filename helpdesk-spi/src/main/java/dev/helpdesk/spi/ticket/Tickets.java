package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evolution of ticket state: how each event changes a ticket. Pure facts, no rules — the
 * rules decide which events happen; this only applies them. Stores use it to rebuild a
 * ticket from its history, and the contract tests use it to check that a store's state
 * equals the replay of its events.
 */
public final class Tickets {
    private Tickets() {
    }

    /**
     * Replays a ticket's whole history.
     *
     * @param tenant the tenant the ticket belongs to
     * @param events the events, oldest first; the first is {@link TicketEvent.Opened}
     * @return the state they produce
     * @throws IllegalArgumentException when the list is empty, does not start with an opening
     *                                  event, or mixes tickets
     */
    public static Ticket replay(TenantId tenant, List<? extends TicketEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a history starts with an opening event");
        }
        Ticket ticket = open(tenant, events.get(0));
        for (int i = 1; i < events.size(); i++) {
            ticket = evolve(ticket, events.get(i));
        }
        return ticket;
    }

    /**
     * The state made by an opening event.
     *
     * @param tenant the tenant
     * @param first  the opening event
     * @return the new ticket, version 1
     * @throws IllegalArgumentException when the event is not an opening
     */
    public static Ticket open(TenantId tenant, TicketEvent first) {
        Objects.requireNonNull(tenant, "tenant");
        if (!(first instanceof TicketEvent.Opened o)) {
            throw new IllegalArgumentException("a history starts with an opening event, not " + first.kind());
        }
        return Ticket.builder()
                .tenant(tenant)
                .id(o.ticketId())
                .number(o.number())
                .subject(o.subject())
                .requester(o.requester())
                .channel(o.channel())
                .category(o.category())
                .priority(o.priority())
                .tier(o.tier())
                .status(Status.NEW)
                .group(o.group())
                .followUpOf(o.followUpOf())
                .createdAt(o.at())
                .updatedAt(o.at())
                .cycle(1)
                .version(1)
                .build();
    }

    /**
     * Applies every event in order.
     *
     * @param ticket the state before
     * @param events the events, oldest first
     * @return the state after
     */
    public static Ticket evolve(Ticket ticket, List<? extends TicketEvent> events) {
        Ticket t = ticket;
        for (TicketEvent e : events) {
            t = evolve(t, e);
        }
        return t;
    }

    /**
     * Applies one event.
     *
     * @param t     the state before
     * @param event an event of the same ticket, other than an opening
     * @return the state after, one version higher
     * @throws IllegalArgumentException when the event belongs to another ticket or is an
     *                                  opening
     */
    public static Ticket evolve(Ticket t, TicketEvent event) {
        if (!event.ticketId().equals(t.id())) {
            throw new IllegalArgumentException("event of ticket " + event.ticketId() + " applied to " + t.id());
        }
        // each with... copy shares every part it does not change: no list is rebuilt but the one
        // an event extends
        return apply(t, event).withUpdatedAt(event.at()).withVersion(t.version() + 1);
    }

    private static Ticket apply(Ticket t, TicketEvent event) {
        if (event instanceof TicketEvent.Opened) {
            throw new IllegalArgumentException("a ticket is opened once");
        } else if (event instanceof TicketEvent.MessagePosted e) {
            return t.withMessages(appended(t.messages(), e.message()));
        } else if (event instanceof TicketEvent.Assigned e) {
            return t.withAssignee(Optional.of(e.agent()));
        } else if (event instanceof TicketEvent.Unassigned) {
            return t.withAssignee(Optional.empty());
        } else if (event instanceof TicketEvent.GroupChanged e) {
            return t.withGroup(Optional.of(e.to()));
        } else if (event instanceof TicketEvent.PriorityChanged e) {
            return t.withPriority(e.to());
        } else if (event instanceof TicketEvent.CategoryChanged e) {
            return t.withCategory(e.to());
        } else if (event instanceof TicketEvent.ChannelMoved e) {
            // channels: a ticket moved to another channel
            return t.withChannel(e.channel());
        } else if (event instanceof TicketEvent.TierChanged e) {
            return t.withTier(e.to());
        } else if (event instanceof TicketEvent.StatusChanged e) {
            return t.withStatus(e.to());
        } else if (event instanceof TicketEvent.Solved e) {
            return t.withStatus(Status.SOLVED).withSolvedAt(Optional.of(e.at()));
        } else if (event instanceof TicketEvent.Reopened e) {
            return t.withStatus(Status.OPEN).withSolvedAt(Optional.empty()).withCycle(e.cycle());
        } else if (event instanceof TicketEvent.Closed) {
            return t.withStatus(Status.CLOSED);
        } else if (event instanceof TicketEvent.Merged e) {
            return t.withStatus(Status.MERGED).withMergedInto(Optional.of(e.into()));
        } else if (event instanceof TicketEvent.MergedIn e) {
            return t.withMergedFrom(appended(t.mergedFrom(), e.source()));
        } else if (event instanceof TicketEvent.TagAdded e) {
            if (t.tags().contains(e.tag())) {
                return t;
            }
            SortedSet<String> tags = new TreeSet<>(t.tags());
            tags.add(e.tag());
            return t.withTags(tags);
        } else if (event instanceof TicketEvent.TagRemoved e) {
            if (!t.tags().contains(e.tag())) {
                return t;
            }
            SortedSet<String> tags = new TreeSet<>(t.tags());
            tags.remove(e.tag());
            return t.withTags(tags);
        } else if (event instanceof TicketEvent.FieldSet e) {
            if (e.value().equals(Optional.ofNullable(t.fields().get(e.field())))) {
                return t;
            }
            SortedMap<String, String> fields = new TreeMap<>(t.fields());
            if (e.value().isPresent()) {
                fields.put(e.field(), e.value().get());
            } else {
                fields.remove(e.field());
            }
            return t.withFields(fields);
        }
        return t;
    }

    private static <T> List<T> appended(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(element);
        return longer;
    }
}
