package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What staff read about a ticket beyond its state, computed on each call from its history and
 * the configuration in force: SLA clocks, the policy that applies, escalation facts. Customers
 * get {@link Rejection.NotAllowed}.
 */
public final class Views {
    private final TicketLoader loader;
    private final LiveConfiguration config;
    private final Clock clock;

    Views(TicketLoader loader, LiveConfiguration config, Clock clock) {
        this.loader = loader;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A ticket's SLA clocks as they stand now.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @param actor  who looks
     * @return the clocks, or why not
     */
    public Either<Rejection, List<ClockState>> clocks(TenantId tenant, TicketId id, Actor actor) {
        return loader.find(tenant, id, actor).flatMap(ticket -> {
            if (actor instanceof Actor.Customer) {
                return Either.left(new Rejection.NotAllowed("SLA clocks are internal to the desk"));
            }
            return Either.right(config.current().sla().clocks(ticket,
                    loader.history(tenant, id, ticket.version()), clock.instant()));
        });
    }

    /**
     * The SLA policy that applies to a ticket now.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @param actor  who looks
     * @return the policy if any, or why not
     */
    public Either<Rejection, Optional<SlaPolicy>> policy(TenantId tenant, TicketId id, Actor actor) {
        return loader.find(tenant, id, actor).flatMap(ticket -> actor instanceof Actor.Customer
                ? Either.left(new Rejection.NotAllowed("SLA policies are internal to the desk"))
                : Either.right(config.current().sla().policyFor(ticket)));
    }

    /**
     * What escalation conditions see of a ticket.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @param actor  who looks
     * @return the facts, or why not
     */
    public Either<Rejection, TicketFacts> facts(TenantId tenant, TicketId id, Actor actor) {
        if (actor instanceof Actor.Customer) {
            return Either.left(new Rejection.NotAllowed("escalation facts are internal to the desk"));
        }
        return loader.find(tenant, id, actor)
                .map(t -> config.current().rules().facts(t, loader.history(tenant, id, t.version())));
    }
}
