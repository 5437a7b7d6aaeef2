package dev.helpdesk.core.escalation;

import static dev.helpdesk.core.escalation.World.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.internal.routing.Workload;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.Condition;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Operator;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The escalation and routing invariants, on random days at a desk: escalation never lowers a
 * tier; a rule fires at most once per ticket, rule and trigger key (so once per clock cycle)
 * whatever the order of events and due runs, from either of two desks; routing never gives an
 * agent more tickets than their capacity; and the same inputs give the same assignments.
 */
class EscalationProperties {
    private static final SlaPolicy FAST = SlaPolicy.builder("fast")
            .firstResponse(SlaTarget.calendarTime(Duration.ofMinutes(30)))
            .nextResponse(SlaTarget.calendarTime(Duration.ofHours(1)))
            .resolution(SlaTarget.calendarTime(Duration.ofHours(3)))
            .warnAt(50, 80).build();

    /** A desk's configuration the properties vary. */
    record Setup(List<Optional<Tier>> raises, String strategy, List<AgentProfile> agents) {
    }

    @Provide
    Arbitrary<Scenario.Step> step() {
        return Scenario.steps();
    }

    @Provide
    Arbitrary<Setup> setup() {
        Arbitrary<Optional<Tier>> raise = Arbitraries.of(Tier.class).optional().map(o -> o.map(Optional::of).orElse(Optional.empty()));
        Arbitrary<AgentProfile> agent = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of(Tier.class).set().ofMinSize(1), Arbitraries.integers().between(0, 3).list().ofSize(3))
                .as((i, tiers, capacity) -> {
                    AgentProfile.Builder b = AgentProfile.builder(Scenario.agentId(i).value()).groups("support")
                            .tiers(tiers.toArray(Tier[]::new)).languages("en");
                    for (int c = 0; c < 3; c++) {
                        b.capacity(Scenario.CHANNELS[c], capacity.get(c));
                    }
                    return b.build();
                });
        return Combinators.combine(raise.list().ofSize(4), Arbitraries.of("round-robin", "least-loaded", "skills"),
                agent.list().ofMinSize(1).ofMaxSize(3).uniqueElements(a -> a.id()))
                .as(Setup::new);
    }

    static List<EscalationRule> rules(Setup setup) {
        return List.of(
                rule("first-response-breach", r -> r.on(new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE))
                        .then(new Action.RaiseTier(setup.raises().get(0)), new Action.NotifyRole("supervisor", true))
                        .reason("first response breached")),
                rule("resolution-warning", r -> r.on(new Trigger.SlaWarning(ClockKind.RESOLUTION, 1))
                        .then(new Action.AddTag("late"), new Action.NotifyAgent(Optional.empty(), false)).reason("resolution close")),
                rule("resolution-breach", r -> r.on(new Trigger.SlaBreach(ClockKind.RESOLUTION))
                        .then(new Action.RaiseTier(setup.raises().get(1))).reason("resolution breached")),
                rule("next-response-breach", r -> r.on(new Trigger.SlaBreach(ClockKind.NEXT_RESPONSE))
                        .then(new Action.SetPriority(dev.helpdesk.spi.ticket.Priority.HIGH)).reason("customer waits")),
                rule("high-priority", r -> r.on(TicketTrigger.PRIORITY_CHANGED)
                        .when(Condition.test("priority", Operator.AT_LEAST, "HIGH"))
                        .then(new Action.RaiseTier(setup.raises().get(2)), new Action.AddTag("hot")).reason("hot ticket")),
                rule("hot-tag", r -> r.on(TicketTrigger.TAG_ADDED).when(Condition.test("tags", Operator.HAS, "hot"))
                        .then(new Action.SetPriority(dev.helpdesk.spi.ticket.Priority.URGENT)).reason("hot means urgent")),
                rule("reopened", r -> r.on(TicketTrigger.REOPENED)
                        .then(new Action.RaiseTier(setup.raises().get(3))).reason("reopened")),
                rule("reopened-twice", r -> r.on(new Trigger.ReopenedTimes(2))
                        .then(new Action.NotifyRole("supervisor", false)).reason("reopened twice")),
                rule("idle-open", r -> r.on(new Trigger.Idle(Status.OPEN, Duration.ofMinutes(45)))
                        .then(new Action.AddNote("idle"), new Action.Route(Optional.empty())).reason("idle")),
                rule("unassigned", r -> r.on(new Trigger.Unassigned(Duration.ofMinutes(20)))
                        .then(new Action.NotifyRole("supervisor", true)).reason("nobody took it")));
    }

    static World world(Setup setup) {
        World w = new World(b -> b.slaPolicies(FAST).escalationRules(rules(setup))
                .routing(GroupRouting.automatic("support", setup.strategy())));
        setup.agents().forEach(a -> w.agents.put(World.ACME, a));
        return w;
    }

    static Scenario play(Setup setup, List<Scenario.Step> steps) {
        World w = world(setup);
        Helpdesk second = Helpdesk.builder().clock(w.clock).store(w.store).agents(w.agents).slaPolicies(FAST)
                .idGenerator(new dev.helpdesk.core.time.TimeOrderedIdGenerator(w.clock, new java.util.SplittableRandom(11)))
                .escalationRules(rules(setup)).routing(GroupRouting.automatic("support", setup.strategy())).build();
        Scenario s = new Scenario(w, second);
        steps.forEach(s::apply);
        return s;
    }

    static List<TicketEvent> history(Scenario s, TicketId id) {
        return s.world.store.history(World.ACME, id).stream().map(RecordedEvent::event).toList();
    }

    private static boolean byRule(TicketEvent e) {
        return e.actor() instanceof Actor.SystemRule r && r.rule().startsWith("escalation:");
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void escalation_never_lowers_a_tier(@ForAll("setup") Setup setup,
                                        @ForAll @Size(min = 10, max = 60) List<Scenario.@From("step") Step> steps) {
        Scenario s = play(setup, steps);
        int raised = 0;
        for (TicketId id : s.ids) {
            Tier tier = Tier.L1;
            for (TicketEvent e : history(s, id)) {
                if (e instanceof TicketEvent.TierChanged c) {
                    assertEquals(tier, c.from());
                    if (byRule(e)) {
                        assertTrue(c.to().compareTo(c.from()) > 0, () -> "a rule lowered a tier: " + c);
                        raised++;
                    }
                    tier = c.to();
                }
            }
        }
        Statistics.label("tiers raised by rules").collect(raised > 0);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void a_rule_fires_at_most_once_per_ticket_rule_and_key_whatever_the_order_of_events_and_due_runs(
            @ForAll("setup") Setup setup, @ForAll @Size(min = 10, max = 60) List<Scenario.@From("step") Step> steps) {
        Scenario s = play(setup, steps);
        int firings = 0;
        for (TicketId id : s.ids) {
            List<TicketEvent> history = history(s, id);
            Set<String> seen = new HashSet<>();
            Set<String> slaEvents = new HashSet<>();
            for (TicketEvent e : history) {
                if (e instanceof TicketEvent.SlaWarning w) {
                    slaEvents.add("sla_warning:" + w.clock().name().toLowerCase(java.util.Locale.ROOT) + ":" + w.cycle());
                } else if (e instanceof TicketEvent.SlaBreached b) {
                    slaEvents.add("sla_breach:" + b.clock().name().toLowerCase(java.util.Locale.ROOT) + ":" + b.cycle());
                } else if (e instanceof TicketEvent.RuleFired f) {
                    assertTrue(seen.add(f.rule() + "|" + f.trigger()), () -> "fired twice: " + f + " in " + history);
                    if (f.trigger().startsWith("sla_")) {
                        assertTrue(slaEvents.contains(f.trigger()), () -> "fired without its SLA event: " + f);
                    }
                    assertTrue(f.depth() >= 1 && f.depth() <= 5);
                    firings++;
                }
            }
        }
        Statistics.label("rules fired").collect(firings == 0 ? "none" : firings < 5 ? "some" : "many");
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void routing_never_exceeds_an_agents_capacity(@ForAll("setup") Setup setup,
                                                   @ForAll @Size(min = 10, max = 60) List<Scenario.@From("step") Step> steps) {
        World w = world(setup);
        Scenario s = new Scenario(w, w.desk);
        Workload workload = Workload.of(w.store);
        int assigned = 0;
        for (Scenario.Step step : steps) {
            // only routing assigns here: no reopening (which gives a ticket back to its agent)
            if (step instanceof Scenario.Reopen || (step instanceof Scenario.Reply r && r.byCustomer())) {
                continue;
            }
            s.apply(step);
            for (AgentProfile agent : setup.agents()) {
                Map<Channel, Integer> held = workload.of(World.ACME, agent.id());
                for (Channel c : Scenario.CHANNELS) {
                    int count = held.getOrDefault(c, 0);
                    assertTrue(count <= agent.capacityOn(c), () -> agent.id() + " holds " + count + " on " + c
                            + " with capacity " + agent.capacityOn(c));
                }
            }
        }
        for (TicketId id : s.ids) {
            assigned += w.get(id).assignee().isPresent() ? 1 : 0;
        }
        Statistics.label("tickets assigned").collect(assigned == 0 ? "none" : "some");
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void the_same_inputs_give_the_same_assignments(@ForAll("setup") Setup setup,
                                                   @ForAll @Size(min = 10, max = 60) List<Scenario.@From("step") Step> steps) {
        Scenario first = play(setup, steps);
        Scenario again = play(setup, steps);

        assertEquals(first.ids, again.ids);
        Map<TicketId, List<TicketEvent>> a = new HashMap<>();
        Map<TicketId, List<TicketEvent>> b = new HashMap<>();
        for (TicketId id : first.ids) {
            a.put(id, history(first, id));
            b.put(id, history(again, id));
        }
        assertEquals(a, b);
        List<Optional<AgentId>> assignees = new ArrayList<>();
        first.world.store.list(World.ACME, TicketQuery.all(), PageRequest.first(PageRequest.MAX_SIZE)).items()
                .stream().map(Ticket::assignee).forEach(assignees::add);
        Statistics.label("assigned").collect(assignees.stream().anyMatch(Optional::isPresent));
    }
}
