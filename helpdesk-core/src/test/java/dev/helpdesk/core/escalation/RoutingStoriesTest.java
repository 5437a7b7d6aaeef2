package dev.helpdesk.core.escalation;

import static dev.helpdesk.core.escalation.World.ACME;
import static dev.helpdesk.core.escalation.World.ANA;
import static dev.helpdesk.core.escalation.World.CAROL;
import static dev.helpdesk.core.escalation.World.DAVE;
import static dev.helpdesk.core.escalation.World.SPECIALISTS;
import static dev.helpdesk.core.escalation.World.SUPPORT;
import static dev.helpdesk.core.escalation.World.ok;
import static dev.helpdesk.core.escalation.World.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.routing.Choice;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.routing.RoutingRequest;
import dev.helpdesk.spi.routing.RoutingStrategy;
import dev.helpdesk.spi.routing.SkillRequirement;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Routing told as small stories: strategies, capacity, queues and assignment after escalation. */
class RoutingStoriesTest {

    private static World desk(String strategy, UnaryOperator<dev.helpdesk.core.Helpdesk.Builder> more) {
        return new World(b -> more.apply(b.routing(GroupRouting.automatic("support", strategy),
                GroupRouting.automatic("specialists", strategy))));
    }

    private static Optional<AgentId> assignee(World w, Ticket t) {
        return w.get(t.id()).assignee();
    }

    @Test
    void round_robin_takes_turns_within_the_group() {
        World w = desk("round-robin", b -> b)
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(10))
                .agent("ben", a -> a.groups("support").tiers(Tier.L1).capacity(10))
                .agent("cem", a -> a.groups("support").tiers(Tier.L1).capacity(10));

        List<String> order = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> w.open(CAROL, b -> b.group(SUPPORT)).assignee().orElseThrow().value()).toList();

        assertEquals(List.of("ana", "ben", "cem", "ana", "ben"), order);
    }

    @Test
    void least_loaded_gives_the_ticket_to_the_agent_holding_fewest() {
        World w = desk("least-loaded", b -> b)
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(10))
                .agent("ben", a -> a.groups("support").tiers(Tier.L1).capacity(10));
        Ticket first = w.open(CAROL, b -> b.group(SUPPORT));
        Ticket second = w.open(CAROL, b -> b.group(SUPPORT));
        ok(w.tickets.assign(second.id(), AgentId.of("ana"), ANA));

        Ticket third = w.open(DAVE, b -> b.group(SUPPORT));

        assertEquals(Optional.of(AgentId.of("ana")), first.assignee());
        assertEquals(Optional.of(AgentId.of("ben")), third.assignee(), "ana holds two, ben none");
    }

    @Test
    void skills_tier_and_language_choose_the_spanish_speaking_printer_expert() {
        World w = desk("skills", b -> b.skills(SkillRequirement.of(Category.HARDWARE, "printers"))
                .customerLanguages((tenant, customer) -> Optional.of(Locale.forLanguageTag("es"))))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).skills("printers").languages("en").capacity(5))
                .agent("ben", a -> a.groups("support").tiers(Tier.L1).skills("billing").languages("es").capacity(5))
                .agent("cem", a -> a.groups("support").tiers(Tier.L2).skills("printers").languages("es").capacity(5))
                .agent("dan", a -> a.groups("support").tiers(Tier.L1).skills("printers", "sepa").languages("nl", "es").capacity(5));

        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));

        assertEquals(Optional.of(AgentId.of("dan")), ticket.assignee());
        assertEquals(Status.OPEN, ticket.status());
        assertEquals(dev.helpdesk.core.RoutingDesk.actor(), w.events(ticket.id(), TicketEvent.Assigned.class).get(0).actor());
    }

    @Test
    void a_skill_tag_adds_to_what_the_ticket_needs() {
        World w = desk("skills", b -> b.escalationRules(rule("hp", r -> r.on(TicketTrigger.OPENED)
                        .then(new Action.AddTag("skill:hp")).reason("HP printers need the HP expert"))))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).skills("printers").capacity(5))
                .agent("ben", a -> a.groups("support").tiers(Tier.L1).skills("printers", "hp").capacity(5));

        assertEquals(Optional.of(AgentId.of("ben")), w.open(CAROL, b -> b.group(SUPPORT)).assignee());
    }

    @Test
    void when_nobody_fits_the_ticket_waits_and_its_history_says_why() {
        World w = desk("skills", b -> b.skills(SkillRequirement.of(Category.HARDWARE, "printers")))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).skills("billing").capacity(5));

        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));

        assertTrue(ticket.assignee().isEmpty());
        TicketEvent.Queued queued = w.events(ticket.id(), TicketEvent.Queued.class).get(0);
        assertEquals(Optional.of(SUPPORT), queued.group());
        assertEquals("nobody with room has the skills [printers]", queued.reason());
        assertEquals(List.of(ticket.id()), w.acme.routing().queue(SUPPORT).stream().map(Ticket::id).toList());
    }

    @Test
    void capacity_is_per_channel_and_never_exceeded() {
        World w = desk("least-loaded", b -> b)
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(Channel.EMAIL, 2).capacity(Channel.PHONE, 1));

        Ticket e1 = w.open(CAROL, b -> b.group(SUPPORT));
        Ticket e2 = w.open(CAROL, b -> b.group(SUPPORT));
        Ticket e3 = w.open(CAROL, b -> b.group(SUPPORT));
        Ticket p1 = w.open(DAVE, b -> b.group(SUPPORT).channel(Channel.PHONE));
        Ticket chat = w.open(DAVE, b -> b.group(SUPPORT).channel(Channel.LIVE_CHAT));

        assertTrue(e1.assignee().isPresent() && e2.assignee().isPresent() && p1.assignee().isPresent());
        assertTrue(e3.assignee().isEmpty());
        assertEquals("everyone available at L1 in group support is at capacity on EMAIL",
                w.events(e3.id(), TicketEvent.Queued.class).get(0).reason());
        assertTrue(chat.assignee().isEmpty(), "ana takes no chats");
    }

    @Test
    void a_queue_drains_oldest_first_when_an_agent_frees_up() {
        World w = desk("least-loaded", b -> b)
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(1));
        Ticket first = w.open(CAROL, b -> b.group(SUPPORT));
        w.at("Mon 09:05");
        Ticket older = w.open(CAROL, b -> b.group(SUPPORT));
        w.at("Mon 09:10");
        Ticket younger = w.open(DAVE, b -> b.group(SUPPORT));
        assertEquals(List.of(older.id(), younger.id()), w.acme.routing().queue(SUPPORT).stream().map(Ticket::id).toList());

        w.at("Mon 10:00");
        ok(w.tickets.solve(first.id(), ANA));

        assertEquals(Optional.of(AgentId.of("ana")), assignee(w, older));
        assertTrue(assignee(w, younger).isEmpty(), "ana has room for one");
        assertEquals(List.of(younger.id()), w.acme.routing().queue(SUPPORT).stream().map(Ticket::id).toList());
    }

    @Test
    void an_agent_coming_back_drains_the_queue_when_the_host_says_so() {
        World w = desk("round-robin", b -> b)
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(5).available(false));
        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));
        assertEquals("nobody in group support is available", w.events(ticket.id(), TicketEvent.Queued.class).get(0).reason());

        w.agents.setAvailable(ACME, AgentId.of("ana"), true);
        int assigned = w.acme.routing().drain(SUPPORT);

        assertEquals(1, assigned);
        assertEquals(Optional.of(AgentId.of("ana")), assignee(w, ticket));
    }

    @Test
    void waiting_for_a_new_reason_is_recorded_once() {
        World w = desk("least-loaded", b -> b)
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(5).available(false));
        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));

        w.acme.routing().drain(SUPPORT);
        w.acme.routing().drain(SUPPORT);
        w.agents.put(ACME, dev.helpdesk.spi.routing.AgentProfile.builder("ana").groups("support").tiers(Tier.L2)
                .capacity(5).build());
        w.acme.routing().drainAll();

        assertEquals(List.of("nobody in group support is available", "nobody available in group support works at L1"),
                w.events(ticket.id(), TicketEvent.Queued.class).stream().map(TicketEvent.Queued::reason).toList());
    }

    @Test
    void escalation_to_L2_hands_the_ticket_from_the_L1_agent_to_an_L2_agent() {
        World w = desk("least-loaded", b -> b.escalationRules(rule("to-l2", r -> r.on(TicketTrigger.REOPENED)
                        .then(new Action.RaiseTier(Optional.empty())).reason("reopened means the first line could not fix it"))))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(5))
                .agent("lea", a -> a.groups("support").tiers(Tier.L2).capacity(5));
        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));
        assertEquals(Optional.of(AgentId.of("ana")), ticket.assignee());
        ok(w.tickets.solve(ticket.id(), ANA));

        ok(w.tickets.reopen(ticket.id(), CAROL));

        Ticket after = w.get(ticket.id());
        assertEquals(Tier.L2, after.tier());
        assertEquals(Optional.of(AgentId.of("lea")), after.assignee());
    }

    @Test
    void escalation_into_a_group_with_nobody_free_unassigns_and_queues() {
        World w = desk("least-loaded", b -> b.escalationRules(rule("to-specialists", r -> r.on(TicketTrigger.PRIORITY_CHANGED)
                        .then(new Action.SetGroup(SPECIALISTS)).reason("priority changes go to the specialists"))))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(5));
        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));

        ok(w.tickets.changePriority(ticket.id(), dev.helpdesk.spi.ticket.Priority.HIGH, ANA));

        Ticket after = w.get(ticket.id());
        assertEquals(Optional.of(SPECIALISTS), after.group());
        assertTrue(after.assignee().isEmpty());
        assertEquals("group specialists has no agents", w.events(ticket.id(), TicketEvent.Queued.class).get(0).reason());
    }

    @Test
    void a_rule_can_route_with_a_named_strategy_and_a_host_can_plug_its_own() {
        RoutingStrategy senior = new RoutingStrategy() {
            @Override
            public String name() {
                return "most-senior";
            }

            @Override
            public Choice choose(RoutingRequest request) {
                return request.candidates().stream().filter(c -> c.agent().tiers().contains(Tier.L4)).findFirst()
                        .<Choice>map(c -> new Choice.Assign(c.agent().id())).orElse(new Choice.Wait("no L4 agent"));
            }
        };
        World w = new World(b -> b.plugin(senior).escalationRules(rule("vip", r -> r.on(TicketTrigger.OPENED)
                .then(new Action.Route(Optional.of("most-senior"))).reason("VIPs get the most senior agent"))))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(5))
                .agent("zoe", a -> a.groups("support").tiers(Tier.L1, Tier.L4).capacity(5));

        assertEquals(Optional.of(AgentId.of("zoe")), w.open(CAROL, b -> b.group(SUPPORT)).assignee());
    }

    @Test
    void a_strategy_choosing_someone_without_room_makes_the_ticket_wait() {
        RoutingStrategy rogue = new RoutingStrategy() {
            @Override
            public String name() {
                return "rogue";
            }

            @Override
            public Choice choose(RoutingRequest request) {
                return new Choice.Assign(AgentId.of("nobody"));
            }
        };
        World w = new World(b -> b.plugin(rogue).routing(GroupRouting.automatic("support", "rogue")))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(5));

        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));

        assertTrue(ticket.assignee().isEmpty());
        assertTrue(w.events(ticket.id(), TicketEvent.Queued.class).get(0).reason().contains("cannot take the ticket"));
    }

    @Test
    void a_group_naming_an_unknown_strategy_is_a_configuration_error() {
        assertThrows(ConfigurationException.class, () -> new World(b -> b.routing(GroupRouting.automatic("support", "psychic"))));
    }

    @Test
    void routing_on_request_and_its_rejections() {
        World w = new World(b -> b.routing(GroupRouting.builder().group(SUPPORT).strategy("least-loaded").assignOnOpen(false)
                .assignAfterEscalation(false).build()))
                .agent("ana", a -> a.groups("support").tiers(Tier.L1).capacity(5));
        Ticket ticket = w.open(CAROL, b -> b.group(SUPPORT));
        assertTrue(ticket.assignee().isEmpty(), "the group does not route on open");

        assertTrue(World.rejected(w.acme.routing().route(ticket.id(), CAROL)) instanceof dev.helpdesk.spi.rejection.Rejection.NotAllowed);
        Ticket routed = ok(w.acme.routing().route(ticket.id(), Actor.agent("ana")));

        assertEquals(Optional.of(AgentId.of("ana")), routed.assignee());
        assertTrue(World.rejected(w.acme.routing().route(ticket.id(), ANA))
                instanceof dev.helpdesk.spi.rejection.Rejection.InvalidTransition);
    }
}
