package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.List;

/**
 * Whose turn it is in a group routed round robin, kept where every desk instance on one store
 * sees it: a store may implement this beside {@link dev.helpdesk.spi.ticket.TicketStore} so that
 * the turns of all instances share one order. Without it, each desk instance keeps its own turns.
 */
public interface RoutingTurns {

    /**
     * Takes the next turn atomically: the first candidate after the agent who had the group's
     * last turn, in the candidates' order, wrapping around; the first candidate when the group had
     * no turn yet or its last agent is no longer a candidate. The answer is stored as the group's
     * last turn before it is returned, so that concurrent callers get successive candidates.
     *
     * @param tenant     the tenant
     * @param group      the group
     * @param candidates the agents who can take the ticket now, in a stable order (by id); not
     *                   empty
     * @return the agent whose turn it is, one of the candidates
     */
    AgentId nextTurn(TenantId tenant, GroupId group, List<AgentId> candidates);
}
