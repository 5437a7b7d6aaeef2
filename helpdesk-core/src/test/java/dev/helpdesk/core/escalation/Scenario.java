package dev.helpdesk.core.escalation;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random days at a desk with escalation and routing, for the properties: tickets opened into
 * a routed group on three channels, replies, priority and tier changes, waiting, solving,
 * reopening, tags, agents going away and coming back, time passing and due runs from one of
 * two desks sharing the store.
 */
final class Scenario {
    static final Actor[] CUSTOMERS = {Actor.customer("carol"), Actor.customer("dave"), Actor.customer("erin")};
    static final Actor[] STAFF = {Actor.agent("ana"), Actor.agent("ben"), Actor.agent("cem")};
    static final Channel[] CHANNELS = {Channel.EMAIL, Channel.PHONE, Channel.LIVE_CHAT};

    /** One thing that happens. */
    sealed interface Step {
    }

    record Open(int customer, Priority priority, int channel) implements Step {
    }

    record Reply(int ticket, boolean byCustomer) implements Step {
    }

    record ChangePriority(int ticket, Priority priority) implements Step {
    }

    record ChangeTier(int ticket, Tier tier) implements Step {
    }

    record Unassign(int ticket) implements Step {
    }

    record Solve(int ticket) implements Step {
    }

    record Reopen(int ticket) implements Step {
    }

    record Pending(int ticket) implements Step {
    }

    record Resume(int ticket) implements Step {
    }

    record Tag(int ticket, String tag) implements Step {
    }

    record Away(int agent, boolean available) implements Step {
    }

    record Wait(int minutes) implements Step {
    }

    record RunDue(boolean second) implements Step {
    }

    static Arbitrary<Step> steps() {
        Arbitrary<Integer> ticket = Arbitraries.integers().between(0, 30);
        Arbitrary<Priority> priority = Arbitraries.of(Priority.class);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, 2), priority,
                        Arbitraries.integers().between(0, 2)).as(Open::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(ticket, Arbitraries.of(true, false)).as(Reply::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(ticket, priority).as(ChangePriority::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(ticket, Arbitraries.of(Tier.class)).as(ChangeTier::new)),
                net.jqwik.api.Tuple.of(1, ticket.map(Unassign::new)),
                net.jqwik.api.Tuple.of(3, ticket.map(Solve::new)),
                net.jqwik.api.Tuple.of(2, ticket.map(Reopen::new)),
                net.jqwik.api.Tuple.of(1, ticket.map(Pending::new)),
                net.jqwik.api.Tuple.of(1, ticket.map(Resume::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(ticket, Arbitraries.of("vip", "press", "skill:hp")).as(Tag::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                        .as(Away::new)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 6 * 60).map(Wait::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(true, false).map(RunDue::new)));
    }

    final World world;
    final Helpdesk second;
    final List<TicketId> ids = new ArrayList<>();

    Scenario(World world, Helpdesk second) {
        this.world = world;
        this.second = second;
    }

    Ticket ticket(int i) {
        return world.get(ids.get(i % ids.size()));
    }

    void apply(Step step) {
        var tickets = world.tickets;
        Actor agent = STAFF[0];
        if (step instanceof Open o) {
            Actor who = CUSTOMERS[o.customer()];
            tickets.open(World.printer(who).priority(o.priority()).channel(CHANNELS[o.channel()]).group(World.SUPPORT).build(),
                            World.WEB_FORM)
                    .forEach(t -> ids.add(t.id()));
            return;
        }
        if (step instanceof Wait w) {
            world.clock.advance(Duration.ofMinutes(w.minutes()));
            return;
        }
        if (step instanceof RunDue r) {
            (r.second() ? second : world.desk).runDue(world.clock.instant());
            return;
        }
        if (step instanceof Away a) {
            world.agents.setAvailable(World.ACME, ((Actor.Agent) STAFF[a.agent()]).id(), a.available());
            if (a.available()) {
                world.acme.routing().drainAll();
            }
            return;
        }
        if (ids.isEmpty()) {
            return;
        }
        if (step instanceof Reply r) {
            Ticket t = ticket(r.ticket());
            tickets.reply(t.id(), "more", Channel.EMAIL, r.byCustomer() ? requester(t) : agent);
        } else if (step instanceof ChangePriority c) {
            tickets.changePriority(ticket(c.ticket()).id(), c.priority(), agent);
        } else if (step instanceof ChangeTier c) {
            tickets.changeTier(ticket(c.ticket()).id(), c.tier(), "by hand", agent);
        } else if (step instanceof Unassign u) {
            tickets.unassign(ticket(u.ticket()).id(), agent);
        } else if (step instanceof Solve s) {
            tickets.solve(ticket(s.ticket()).id(), agent);
        } else if (step instanceof Reopen r) {
            Ticket t = ticket(r.ticket());
            tickets.reopen(t.id(), requester(t));
        } else if (step instanceof Pending p) {
            tickets.setPending(ticket(p.ticket()).id(), agent);
        } else if (step instanceof Resume r) {
            tickets.resume(ticket(r.ticket()).id(), agent);
        } else if (step instanceof Tag t) {
            world.acme.escalation().tag(ticket(t.ticket()).id(), t.tag(), agent);
        }
    }

    private static Actor requester(Ticket t) {
        return new Actor.Customer(t.requester());
    }

    static AgentId agentId(int i) {
        return ((Actor.Agent) STAFF[i]).id();
    }
}
