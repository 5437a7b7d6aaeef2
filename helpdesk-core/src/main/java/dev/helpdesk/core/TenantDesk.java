package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.core.feedback.FeedbackDesk;
import dev.helpdesk.core.feedback.FeedbackSettings;
import dev.helpdesk.core.report.ReportDesk;
import java.util.Optional;

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

    // feedback and reports
    private final FeedbackDesk feedback;
    private final ReportDesk reports;

    TenantDesk(Pipeline pipeline, TenantId tenant, Optional<FeedbackSettings> feedbackSettings) {
        this.tenant = tenant;
        this.tickets = new TicketDesk(pipeline, tenant);
        this.sla = new SlaDesk(pipeline, tenant);
        this.escalation = new EscalationDesk(pipeline, tenant);
        this.routing = new RoutingDesk(pipeline, tenant);
        this.feedback = new FeedbackDesk(tenant, feedbackSettings, pipeline.store(), pipeline.clock(),
                (id, command, actor) -> pipeline.commands().execute(tenant, id, command, actor));
        this.reports = new ReportDesk(tenant, pipeline.store(), () -> pipeline.config().current().sla().configuration(),
                pipeline.config().current().sla().segments());
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

    // --- feedback and reports ---

    /**
     * The tenant's satisfaction surveys and ratings.
     *
     * @return the feedback desk
     */
    public FeedbackDesk feedback() {
        return feedback;
    }

    /**
     * The tenant's reports, SLA compliance and SLA what-if.
     *
     * @return the report desk
     */
    public ReportDesk reports() {
        return reports;
    }
}
