package dev.helpdesk.core.routing;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How many unsolved tickets an agent holds, per channel: what capacity is measured against.
 * The desk counts from its store, so the count is right across host instances.
 */
@FunctionalInterface
public interface Workload {

    /** The statuses a held ticket counts in: every one before solved. */
    Set<Status> COUNTED = EnumSet.of(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD);

    /**
     * The tickets an agent holds.
     *
     * @param tenant the tenant
     * @param agent  the agent
     * @return the count per channel; a channel without tickets may be missing
     */
    Map<Channel, Integer> of(TenantId tenant, AgentId agent);

    /**
     * Counts through a store's listing of the agent's unsolved tickets. Costs one listing per
     * agent asked, a page per 500 tickets.
     *
     * @param store the store
     * @return the workload
     */
    static Workload of(TicketStore store) {
        return (tenant, agent) -> {
            Map<Channel, Integer> counts = new HashMap<>();
            TicketQuery query = TicketQuery.assignedTo(agent).andStatus(COUNTED);
            Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
            while (page.isPresent()) {
                Page result = store.list(tenant, query, page.get());
                for (Ticket t : result.items()) {
                    counts.merge(t.channel(), 1, Integer::sum);
                }
                page = result.next();
            }
            return counts;
        };
    }
}
