package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.spi.tenant.TenantId;

/**
 * One tenant's desk. Everything reached through it belongs to its tenant; there is no way
 * from here to another tenant's data. Cheap to create; thread-safe.
 */
public final class TenantDesk {
    private final TenantId tenant;
    private final TicketDesk tickets;
    private final SlaDesk sla;
    private final EscalationDesk escalation;
    private final RoutingDesk routing;

    TenantDesk(Pipeline pipeline, TenantId tenant) {
        this.tenant = tenant;
        this.tickets = new TicketDesk(pipeline, tenant);
        this.sla = new SlaDesk(pipeline, tenant);
        this.escalation = new EscalationDesk(pipeline, tenant);
        this.routing = new RoutingDesk(pipeline, tenant);
        this.remote = new RemoteDesk(pipeline, tenant);
        this.visits = new VisitDesk(pipeline, tenant);
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

    // ---- remote sessions and on-site visits (issue 12) ----------------------------------

    private final RemoteDesk remote;
    private final VisitDesk visits;

    /**
     * Remote sessions with the customer's consent.
     *
     * @return the tenant's remote desk
     */
    public RemoteDesk remote() {
        return remote;
    }

    /**
     * On-site visits.
     *
     * @return the tenant's visit desk
     */
    public VisitDesk visits() {
        return visits;
    }
}
