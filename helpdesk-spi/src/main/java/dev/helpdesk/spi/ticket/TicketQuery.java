package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Which tickets of a tenant to list, and in which order. Every criterion that is present must
 * match; an empty set means any value. The queues of a desk are queries:
 *
 * <pre>{@code
 * TicketQuery unassignedInBilling = TicketQuery.builder()
 *     .inGroup(GroupId.of("billing")).unassigned(true)
 *     .inStatus(Status.NEW, Status.OPEN)
 *     .sortedBy(TicketSort.NEXT_DUE, false)
 *     .build();
 * }</pre>
 *
 * <p>A store answers a query a page at a time ({@link TicketStore#list}); a page request names
 * the last ticket of the previous page by number, and the next page starts after that ticket's
 * place in the query's order. Under {@link TicketSort#NEXT_DUE} a ticket whose due time changes
 * between two pages may be listed twice or not at all; the other orders are stable while
 * tickets are added and changed.
 *
 * <p>A store backed by a database answers each criterion from an index; the in-memory store
 * uses {@link #matches} and {@link #order}.
 */
@Value.Immutable
public abstract class TicketQuery {

    TicketQuery() {
    }

    /**
     * A builder for a query with several criteria; {@code build()} throws
     * {@link dev.helpdesk.spi.ConfigurationException} naming every bad part (a tag that is not a
     * label, assigned to an agent and unassigned at once).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every ticket of the tenant, by number.
     *
     * @return the query
     */
    public static TicketQuery all() {
        return builder().build();
    }

    /**
     * Tickets in any of the given statuses.
     *
     * @param first  a status
     * @param others more statuses
     * @return the query
     */
    public static TicketQuery inStatus(Status first, Status... others) {
        return builder().statuses(EnumSet.of(first, others)).build();
    }

    /**
     * Tickets assigned to an agent.
     *
     * @param agent the agent
     * @return the query
     */
    public static TicketQuery assignedTo(AgentId agent) {
        return builder().assignee(agent).build();
    }

    /**
     * Tickets requested by a customer.
     *
     * @param customer the customer
     * @return the query
     */
    public static TicketQuery requestedBy(CustomerId customer) {
        return builder().requester(customer).build();
    }

    /**
     * Only tickets in one of these statuses.
     *
     * @return the statuses; empty for any
     */
    public abstract Set<Status> statuses();

    /**
     * Only tickets assigned to this agent.
     *
     * @return the agent, if this criterion is present
     */
    public abstract Optional<AgentId> assignee();

    /**
     * Only tickets assigned to nobody (a queue's unassigned view). Cannot be combined with
     * {@link #assignee()}.
     *
     * @return true to list only unassigned tickets; false unless given
     */
    @Value.Default
    public boolean unassigned() {
        return false;
    }

    /**
     * Only tickets of this group.
     *
     * @return the group, if this criterion is present
     */
    public abstract Optional<GroupId> group();

    /**
     * Only tickets of one of these priorities.
     *
     * @return the priorities; empty for any
     */
    public abstract Set<Priority> priorities();

    /**
     * Only tickets that carry every one of these tags.
     *
     * @return the tags (labels, see {@link Labels}); empty for any
     */
    public abstract Set<String> tags();

    /**
     * Only tickets that came in on one of these channels.
     *
     * @return the channels; empty for any
     */
    public abstract Set<Channel> channels();

    /**
     * Only tickets requested by this customer.
     *
     * @return the customer, if this criterion is present
     */
    public abstract Optional<CustomerId> requester();

    /**
     * The order of the listing.
     *
     * @return the sort key; {@link TicketSort#NUMBER} unless given
     */
    @Value.Default
    public TicketSort sort() {
        return TicketSort.NUMBER;
    }

    /**
     * Whether the order is reversed, tie-break included.
     *
     * @return true for descending; false (ascending) unless given
     */
    @Value.Default
    public boolean descending() {
        return false;
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (unassigned() && assignee().isPresent()) {
            errors.add(new FieldError("unassigned", "cannot be combined with an assignee"));
        }
        for (String tag : tags()) {
            if (!Labels.isValid(tag)) {
                errors.add(new FieldError("tags", "is not a label: " + tag));
            }
        }
        Configured.check("a ticket query", errors);
    }

    /**
     * This query, narrowed to some statuses (replacing any statuses it had).
     *
     * @param only the statuses
     * @return the narrowed query
     */
    public TicketQuery andStatus(Set<Status> only) {
        return builder().from(this).statuses(only).build();
    }

    /**
     * This query, narrowed to one requester.
     *
     * @param customer the requester
     * @return the narrowed query
     */
    public TicketQuery andRequester(CustomerId customer) {
        return builder().from(this).requester(customer).build();
    }

    /**
     * Tells whether a ticket matches every present criterion; in-memory stores use it, SQL
     * stores translate it.
     *
     * @param ticket a ticket
     * @return true when every present criterion matches
     */
    public boolean matches(Ticket ticket) {
        return (statuses().isEmpty() || statuses().contains(ticket.status()))
                && assignee().map(a -> ticket.assignee().equals(Optional.of(a))).orElse(true)
                && (!unassigned() || ticket.assignee().isEmpty())
                && group().map(g -> ticket.group().equals(Optional.of(g))).orElse(true)
                && (priorities().isEmpty() || priorities().contains(ticket.priority()))
                && ticket.tags().containsAll(tags())
                && (channels().isEmpty() || channels().contains(ticket.channel()))
                && requester().map(r -> ticket.requester().equals(r)).orElse(true);
    }

    /**
     * The query's order as a comparator, for in-memory stores and for checking a store's order.
     *
     * @param nextDue when a ticket is next due, as the store keeps it (needed for
     *                {@link TicketSort#NEXT_DUE} only)
     * @return the comparator: the sort key, then the id's canonical text; reversed whole when
     *         {@link #descending()}
     */
    public Comparator<Ticket> order(Function<Ticket, Optional<Instant>> nextDue) {
        Comparator<Ticket> byId = Comparator.comparing(t -> t.id().value().toString());
        Comparator<Ticket> order = switch (sort()) {
            case NUMBER -> Comparator.comparingLong(t -> t.number().value());
            case CREATION -> Comparator.comparing(Ticket::createdAt).thenComparing(byId);
            case NEXT_DUE -> Comparator.comparing((Ticket t) -> nextDue.apply(t).orElse(Instant.MAX)).thenComparing(byId);
        };
        return descending() ? order.reversed() : order;
    }

    /** Builds a query; every criterion is optional. */
    public static final class Builder extends ImmutableTicketQuery.Builder {
        Builder() {
        }

        /**
         * Only tickets in one of these statuses.
         *
         * @param first  a status
         * @param others more
         * @return this builder
         */
        public Builder inStatus(Status first, Status... others) {
            statuses(EnumSet.of(first, others));
            return this;
        }

        /**
         * Only tickets of this group.
         *
         * @param value the group
         * @return this builder
         */
        public Builder inGroup(GroupId value) {
            group(value);
            return this;
        }

        /**
         * Only tickets that carry every one of these tags.
         *
         * @param first  a tag
         * @param others more
         * @return this builder
         */
        public Builder taggedWith(String first, String... others) {
            addTag(first);
            addAllTags(java.util.Arrays.asList(others));
            return this;
        }

        /**
         * The order of the listing.
         *
         * @param by         the sort key
         * @param descending true to reverse it
         * @return this builder
         */
        public Builder sortedBy(TicketSort by, boolean descending) {
            sort(by);
            descending(descending);
            return this;
        }
    }
}
