package dev.helpdesk.core.escalation;

import static dev.helpdesk.core.escalation.World.ACME;
import static dev.helpdesk.core.escalation.World.CAROL;
import static dev.helpdesk.core.escalation.World.DAVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.routing.RoundRobin;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seats: the store claims them atomically with the commit, and routing turns are the store's. */
class CapacityTest {

    @Test
    void a_commit_that_claims_a_seat_the_agent_does_not_have_is_refused_and_writes_nothing() {
        World w = new World(b -> b.routing(GroupRouting.automatic("support", RoundRobin.NAME)))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(1));
        Ticket first = w.open(CAROL, b -> b.group(World.SUPPORT));
        assertEquals(Optional.of(AgentId.of("ana")), first.assignee());
        Ticket second = w.open(DAVE, b -> b.group(World.SUPPORT));
        assertTrue(second.assignee().isEmpty(), "ana's one seat is taken: the second ticket waits");

        // a desk on another instance that decided with a stale count claims ana's seat anyway
        Ticket waiting = w.get(second.id());
        TicketEvent.Assigned assigned = new TicketEvent.Assigned(waiting.id(), w.clock.instant(),
                dev.helpdesk.core.RoutingDesk.actor(), AgentId.of("ana"));
        Ticket after = Tickets.evolve(waiting, assigned);
        Rejection refused = World.rejected(w.store.commit(ACME, new TicketChange(waiting.version(), List.of(assigned),
                after, Optional.empty(), Optional.of(new SeatClaim(AgentId.of("ana"), Channel.EMAIL, 1)))));
        assertInstanceOf(Rejection.NoCapacity.class, refused);
        assertEquals(waiting, w.get(second.id()));
        assertEquals(1, w.store.openCounts(ACME, AgentId.of("ana")).get(Channel.EMAIL));
    }

    @Test
    void round_robin_turns_are_shared_by_every_desk_on_one_store() {
        World w = new World(b -> b.routing(GroupRouting.automatic("support", RoundRobin.NAME)))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(10))
                .agent("ben", a -> a.groups("support").tiers(Tier.L1).capacity(10));
        TenantDesk other = Helpdesk.builder().store(w.store).clock(w.clock).agents(w.agents)
                .routing(GroupRouting.automatic("support", RoundRobin.NAME)).build().tenant(ACME);
        Ticket one = w.open(CAROL, b -> b.group(World.SUPPORT));
        Ticket two = World.ok(other.tickets().open(World.printer(DAVE).group(World.SUPPORT).build(), World.WEB_FORM));
        Ticket three = w.open(CAROL, b -> b.group(World.SUPPORT));
        assertEquals(List.of("ana", "ben", "ana"), List.of(one, two, three).stream()
                .map(t -> w.get(t.id()).assignee().orElseThrow().value()).toList());
    }
}
