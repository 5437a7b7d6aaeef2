package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.routing.Placement;
import dev.helpdesk.core.internal.routing.Router;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.Optional;

/**
 * The routing step, after the rules: a ticket opened into a group routed on open, or moved up a
 * tier or into a group routed after escalation whose assignee no longer fits, is placed with an
 * agent or queued with the reason. An assignment routing makes claims the agent's seat in the
 * commit ({@link SeatClaim}); the store refuses the commit when another commit took the last
 * seat first, and the committer runs the attempt again without that agent.
 */
final class RoutingStep {
    /** The actor of routing's events. */
    static final Actor ROUTING = Actor.system("routing");

    private final Router router;

    RoutingStep(Router router) {
        this.router = router;
    }

    Router router() {
        return router;
    }

    /** Routing's part after the rules: on open, and after an escalation. */
    void afterRules(Batch batch) {
        if (!router.hasGroups() || batch.events().isEmpty()) {
            return;
        }
        Ticket state = batch.state();
        Optional<GroupRouting> config = state.group().flatMap(router::routing);
        if (config.isEmpty() || state.status().isFinal() || state.status() == Status.SOLVED) {
            return;
        }
        boolean opened = batch.events().get(0) instanceof TicketEvent.Opened;
        if (opened && config.get().assignOnOpen() && state.assignee().isEmpty()) {
            route(batch, Optional.empty());
        } else if (batch.escalated() && config.get().assignAfterEscalation()
                && (state.assignee().isEmpty() || !router.fits(state.tenant(), state, state.assignee().get()))) {
            route(batch, Optional.empty());
        }
    }

    /** Whether a ticket waits in a routed group's queue, so that routing it again may place it. */
    boolean waiting(Ticket ticket) {
        return ticket.assignee().isEmpty() && !ticket.status().isFinal() && ticket.status() != Status.SOLVED
                && ticket.group().flatMap(router::routing).isPresent();
    }

    /** Places the ticket as the batch has made it: assigned with a seat, or queued with the reason. */
    void route(Batch batch, Optional<String> strategy) {
        Ticket state = batch.state();
        if (state.status().isFinal() || state.status() == Status.SOLVED) {
            return;
        }
        // an assignee who still fits keeps the ticket: it counts in their own load
        if (state.assignee().isPresent() && router.fits(batch.tenant, state, state.assignee().get())) {
            return;
        }
        Placement placement = router.place(batch.facts(), strategy, batch.full);
        if (placement instanceof Placement.Assign a) {
            if (batch.decide(new TicketCommand.Assign(a.agent()), ROUTING)) {
                batch.claim(new SeatClaim(a.agent(), state.channel(), a.capacity()));
            }
            return;
        }
        Placement.Wait wait = (Placement.Wait) placement;
        if (state.assignee().isPresent()) {
            batch.decide(new TicketCommand.Unassign(), ROUTING);
        }
        if (!batch.queuedFor().equals(Optional.of(wait.reason()))) {
            batch.decide(new TicketCommand.Queue(wait.group().orElse(null), wait.reason()), ROUTING);
        }
    }
}
