package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.util.List;

/**
 * Routing for one tenant: the queues of tickets waiting for an agent, draining them when
 * agents free up, and routing a ticket on request.
 *
 * <p>The desk drains a group's queue by itself when a ticket of one of its agents is solved,
 * closed, merged, unassigned or handed over. What it cannot see is the host's directory
 * changing: call {@link #drain(GroupId)} (or {@link #drainAll()}) when an agent comes back
 * available, joins a group or gets more capacity.
 */
public final class RoutingDesk {
    private static final Actor ROUTING = Actor.system("routing");

    private final Pipeline pipeline;
    private final TenantId tenant;

    RoutingDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
    }

    /**
     * The tickets waiting for an agent in a group: unassigned and not solved, oldest first,
     * the order in which a draining queue assigns them. Costs a listing of the tenant's
     * unsolved tickets.
     *
     * @param group the group
     * @return the waiting tickets
     */
    public List<Ticket> queue(GroupId group) {
        return pipeline.queues().waiting(tenant, java.util.Objects.requireNonNull(group, "group"));
    }

    /**
     * Assigns the tickets waiting in a routed group's queue, oldest first, to agents who fit
     * and have room. A ticket nobody fits keeps waiting; when the reason changed, its history
     * says the new one.
     *
     * @param group the group; a group without routing configuration is left alone
     * @return how many tickets were assigned
     */
    public int drain(GroupId group) {
        return pipeline.commands().drain(tenant, java.util.Objects.requireNonNull(group, "group"));
    }

    /**
     * Drains every routed group's queue, in the order the groups were configured.
     *
     * @return how many tickets were assigned
     */
    public int drainAll() {
        int assigned = 0;
        for (GroupRouting g : pipeline.router().groups()) {
            assigned += pipeline.commands().drain(tenant, g.group());
        }
        return assigned;
    }

    /**
     * Routes one unassigned ticket now with its group's strategy, as if it had just been
     * opened: assigned when an agent fits, otherwise queued with the reason.
     *
     * @param id    the ticket
     * @param actor who asks; staff only
     * @return the ticket, or a rejection: not found, not allowed, a ticket that is assigned,
     *         solved, final or in a group without routing
     */
    public Either<Rejection, Ticket> route(TicketId id, Actor actor) {
        if (id == null || actor == null) {
            return Either.left(Rejection.Invalid.of(id == null ? "ticketId" : "actor", "is required"));
        }
        if (!actor.isStaff()) {
            return Either.left(new Rejection.NotAllowed("only agents may route tickets, not " + actor.display()));
        }
        return pipeline.commands().route(tenant, id, actor);
    }

    /**
     * The actor routing's events carry.
     *
     * @return {@code rule:routing}
     */
    public static Actor actor() {
        return ROUTING;
    }
}
