package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.spi.tenant.TenantId;

/**
 * One tenant's desk. Everything reached through it belongs to its tenant; there is no way
 * from here to another tenant's data. Cheap to create; thread-safe.
 */
public final class TenantDesk {
    private final Pipeline pipeline;
    private final TenantId tenant;
    private final TicketDesk tickets;
    private final SlaDesk sla;
    private final EscalationDesk escalation;
    private final RoutingDesk routing;

    TenantDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
        this.tickets = new TicketDesk(pipeline, tenant);
        this.sla = new SlaDesk(pipeline, tenant);
        this.escalation = new EscalationDesk(pipeline, tenant);
        this.routing = new RoutingDesk(pipeline, tenant);
    }

    /**
     * The tenant this desk serves.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The tenant's tickets: open, reply, assign, solve, list.
     *
     * @return the ticket operations
     */
    public TicketDesk tickets() {
        return tickets;
    }

    /**
     * The tenant's SLA clocks and policies.
     *
     * @return the SLA view
     */
    public SlaDesk sla() {
        return sla;
    }

    /**
     * The tenant's tags, custom fields and hierarchical escalation.
     *
     * @return the escalation view
     */
    public EscalationDesk escalation() {
        return escalation;
    }

    /**
     * The tenant's routing queues.
     *
     * @return the routing view
     */
    public RoutingDesk routing() {
        return routing;
    }

    // ---- knowledge base

    /**
     * The tenant's knowledge base: articles, reading, search, suggestions, deflections, votes.
     *
     * @return the knowledge desk
     */
    public KnowledgeDesk knowledge() {
        return new KnowledgeDesk(pipeline.knowledge(), tickets, tenant);
    }
}
