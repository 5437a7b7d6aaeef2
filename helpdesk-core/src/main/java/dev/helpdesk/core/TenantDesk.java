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
    private final Pipeline pipeline;
    private final TenantId tenant;
    private final TicketDesk tickets;
    private final SlaDesk sla;
    private final EscalationDesk escalation;
    private final RoutingDesk routing;
    private final ChannelSetup channels;

    // feedback and reports
    private final FeedbackDesk feedback;
    private final ReportDesk reports;

    TenantDesk(Pipeline pipeline, TenantId tenant, ChannelSetup channels, Optional<FeedbackSettings> feedbackSettings) {
        this.tenant = tenant;
        this.tickets = new TicketDesk(pipeline, tenant);
        this.sla = new SlaDesk(pipeline, tenant);
        this.escalation = new EscalationDesk(pipeline, tenant);
        this.routing = new RoutingDesk(pipeline, tenant);
        this.pipeline = pipeline;
        this.channels = channels;
        this.remote = new RemoteDesk(pipeline, tenant);
        this.visits = new VisitDesk(pipeline, tenant);
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

    // ---- channels --------------------------------------------------------------------------

    /**
     * The tenant's commands under idempotency keys: a request sent again with its key is not
     * carried out again and gets the first answer.
     *
     * @return the keyed commands
     */
    public IdempotentDesk idempotent() {
        return new IdempotentDesk(pipeline, tenant);
    }

    /**
     * The tenant's hotline: calls logged as tickets, callback requests outside its hours.
     *
     * @return the hotline
     * @throws IllegalStateException when the desk was built without
     *                               {@link Helpdesk.Builder#phone phone settings}
     */
    public PhoneDesk phone() {
        return new PhoneDesk(channels.hotline().orElseThrow(() ->
                new IllegalStateException("the desk has no hotline: set Helpdesk.builder().phone(...)")), tenant);
    }

    /**
     * The tenant's live chat.
     *
     * @return the chat desk
     * @throws IllegalStateException when the desk was built without
     *                               {@link Helpdesk.Builder#chat chat settings}
     */
    public ChatDesk chat() {
        return new ChatDesk(channels.chat().orElseThrow(() ->
                new IllegalStateException("the desk has no live chat: set Helpdesk.builder().chat(...)")), tenant);
    }

    /**
     * The tenant's community forum, as the desk watches it.
     *
     * @return the forum desk
     * @throws IllegalStateException when the desk was built without
     *                               {@link Helpdesk.Builder#forum forum settings}
     */
    public ForumDesk forum() {
        return new ForumDesk(channels.forum().orElseThrow(() ->
                new IllegalStateException("the desk watches no forum: set Helpdesk.builder().forum(...)")), tenant);
    }

    /**
     * The tenant's customer portal and web forms.
     *
     * @return the portal desk
     */
    public PortalDesk portal() {
        return new PortalDesk(tickets, idempotent(), channels.portal(), pipeline, tenant, feedback);
    }

    // ---- remote sessions and on-site visits ----------------------------------

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

    // ---- knowledge base

    /**
     * The tenant's knowledge base: articles, reading, search, suggestions, deflections, votes.
     *
     * @return the knowledge desk
     */
    public KnowledgeDesk knowledge() {
        return new KnowledgeDesk(pipeline.knowledge(), tickets, tenant);
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

    // ---- problems

    /**
     * The tenant's problems: incidents grouped by root cause, their impact, the hand-off to the
     * developers, suggested problems.
     *
     * @return the problem desk
     */
    public ProblemDesk problems() {
        return new ProblemDesk(tenant, pipeline.problems(), tickets, this::knowledge);
    }
}
