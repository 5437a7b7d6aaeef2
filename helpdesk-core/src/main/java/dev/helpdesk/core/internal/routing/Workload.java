package dev.helpdesk.core.internal.routing;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketStore;
import java.util.Map;

/**
 * How many unsolved tickets an agent holds, per channel: what capacity is measured against.
 * The desk counts from its store, so the count is right across host instances; the seat a
 * routed commit claims is checked by the store itself, atomically with the write.
 */
@FunctionalInterface
public interface Workload {

    /**
     * The tickets an agent holds.
     *
     * @param tenant the tenant
     * @param agent  the agent
     * @return the count per channel; a channel without tickets may be missing
     */
    Map<Channel, Integer> of(TenantId tenant, AgentId agent);

    /**
     * Counts with the store's {@link TicketStore#openCounts}: one indexed query on a database,
     * a look-up in the in-memory store.
     *
     * @param store the store
     * @return the workload
     */
    static Workload of(TicketStore store) {
        return store::openCounts;
    }
}
