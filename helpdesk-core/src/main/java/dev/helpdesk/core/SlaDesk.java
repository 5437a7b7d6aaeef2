package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * The SLA side of one tenant's tickets: which policy applies to a ticket and where each of its
 * clocks stands. Clocks are computed on every call from the ticket's history, the policy that
 * applies to the ticket now and the configuration in force at the desk's current time (see
 * {@link dev.helpdesk.core.sla.SlaClocks}); nothing here is cached, so a replaced configuration
 * shows at once.
 *
 * <p>SLA data is internal to the desk: customers get {@link Rejection.NotAllowed}. Each call
 * costs two reads of the store (the ticket and its history) and a computation that does not
 * grow with the length of the spans involved.
 */
public final class SlaDesk {
    private final Pipeline pipeline;
    private final TenantId tenant;

    SlaDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
    }

    /**
     * Every clock of a ticket, each cycle on its own (earlier cycles are kept for statistics),
     * ordered by clock then cycle, as they stand now.
     *
     * @param id    the ticket
     * @param actor who looks; agents, system rules and integrations may
     * @return the clocks (empty when no policy applies to the ticket), not found, or not
     *         allowed for a customer
     */
    public Either<Rejection, List<ClockState>> clocks(TicketId id, Actor actor) {
        return pipeline.views().clocks(tenant, id, actor);
    }

    /**
     * The policy that applies to a ticket as it is now.
     *
     * @param id    the ticket
     * @param actor who looks; not a customer
     * @return the policy, or empty when none applies; not found; not allowed for a customer
     */
    public Either<Rejection, Optional<SlaPolicy>> policy(TicketId id, Actor actor) {
        return pipeline.views().policy(tenant, id, actor);
    }

    /**
     * Recomputes and stores the next due time of every ticket of this tenant that can still
     * have timed work (every status but closed and merged), after the host replaced the SLA
     * configuration with {@link Helpdesk#configureSla}. Until then a ticket keeps the due time
     * of its last commit, so a stricter new target would be noticed late. Safe to run while
     * commands and due runs go on: a ticket that changes meanwhile is scheduled by its own
     * commit.
     *
     * @return how many tickets were rescheduled
     */
    public int reschedule() {
        return pipeline.sweep().reschedule(tenant);
    }
}
