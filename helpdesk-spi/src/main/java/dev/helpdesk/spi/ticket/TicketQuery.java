package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which tickets of a tenant to list. Every criterion that is present must match; an empty
 * status set means any status.
 *
 * @param statuses  the statuses to include, empty for all
 * @param assignee  only tickets assigned to this agent, if present
 * @param requester only tickets requested by this customer, if present
 */
public record TicketQuery(Set<Status> statuses, Optional<AgentId> assignee, Optional<CustomerId> requester) {

    /** Checks the parts and freezes the set. */
    public TicketQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(requester, "requester");
    }

    /**
     * Every ticket of the tenant.
     *
     * @return the query
     */
    public static TicketQuery all() {
        return new TicketQuery(Set.of(), Optional.empty(), Optional.empty());
    }

    /**
     * Tickets in any of the given statuses.
     *
     * @param first  a status
     * @param others more statuses
     * @return the query
     */
    public static TicketQuery inStatus(Status first, Status... others) {
        return all().andStatus(EnumSet.of(first, others));
    }

    /**
     * Tickets assigned to an agent.
     *
     * @param agent the agent
     * @return the query
     */
    public static TicketQuery assignedTo(AgentId agent) {
        return new TicketQuery(Set.of(), Optional.of(agent), Optional.empty());
    }

    /**
     * Tickets requested by a customer.
     *
     * @param customer the customer
     * @return the query
     */
    public static TicketQuery requestedBy(CustomerId customer) {
        return new TicketQuery(Set.of(), Optional.empty(), Optional.of(customer));
    }

    /**
     * This query, narrowed to some statuses.
     *
     * @param only the statuses
     * @return the narrowed query
     */
    public TicketQuery andStatus(Set<Status> only) {
        return new TicketQuery(only, assignee, requester);
    }

    /**
     * This query, narrowed to one requester.
     *
     * @param customer the requester
     * @return the narrowed query
     */
    public TicketQuery andRequester(CustomerId customer) {
        return new TicketQuery(statuses, assignee, Optional.of(customer));
    }

    /**
     * Tells whether a ticket matches; in-memory stores use it, SQL stores translate it.
     *
     * @param ticket a ticket
     * @return true when every present criterion matches
     */
    public boolean matches(Ticket ticket) {
        return (statuses.isEmpty() || statuses.contains(ticket.status()))
                && assignee.map(a -> ticket.assignee().equals(Optional.of(a))).orElse(true)
                && requester.map(r -> ticket.requester().equals(r)).orElse(true);
    }
}
