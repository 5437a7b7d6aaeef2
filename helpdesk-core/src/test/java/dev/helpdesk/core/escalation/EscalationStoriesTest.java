package dev.helpdesk.core.escalation;

import static dev.helpdesk.core.escalation.World.ACME;
import static dev.helpdesk.core.escalation.World.ANA;
import static dev.helpdesk.core.escalation.World.BEN;
import static dev.helpdesk.core.escalation.World.CAROL;
import static dev.helpdesk.core.escalation.World.DAVE;
import static dev.helpdesk.core.escalation.World.OFFICE;
import static dev.helpdesk.core.escalation.World.SPECIALISTS;
import static dev.helpdesk.core.escalation.World.SUPPORT;
import static dev.helpdesk.core.escalation.World.id;
import static dev.helpdesk.core.escalation.World.ok;
import static dev.helpdesk.core.escalation.World.rule;
import static dev.helpdesk.core.escalation.World.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.Condition;
import dev.helpdesk.spi.escalation.Operator;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Recipient;
import dev.helpdesk.spi.notification.Topic;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Escalation rules told as small stories: each trigger, and what its rule does. */
class EscalationStoriesTest {

    private static final SlaPolicy TWO_HOUR_RESPONSE = SlaPolicy.builder("standard")
            .firstResponse(SlaTarget.businessHours(2, OFFICE)).resolution(SlaTarget.businessHours(16, OFFICE))
            .build();

    private static World withSupervisor(World w) {
        return w.agent("sam", a -> a.displayName("Sam").roles("supervisor").languages("nl").groups("support")
                .tiers(Tier.L1, Tier.L2, Tier.L3));
    }

    @Test
    void breach_of_first_response_moves_ticket_to_L2_and_notifies_supervisor() {
        World w = withSupervisor(new World(b -> b.slaPolicies(TWO_HOUR_RESPONSE).escalationRules(
                rule("first-response-breach", r -> r.on(new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE))
                        .then(new Action.RaiseTier(Optional.of(Tier.L2)), new Action.NotifyRole("supervisor", true))
                        .reason("Nobody answered within two business hours")))));
        Ticket ticket = w.open(CAROL);

        w.runDueAt("Mon 11:05");

        Ticket after = w.get(ticket.id());
        assertEquals(Tier.L2, after.tier());
        List<TicketEvent.RuleFired> fired = w.firings(ticket.id());
        assertEquals(1, fired.size());
        assertEquals("sla_breach:first_response:1", fired.get(0).trigger());
        assertEquals("Nobody answered within two business hours", fired.get(0).reason());
        TicketEvent.TierChanged raised = w.events(ticket.id(), TicketEvent.TierChanged.class).get(0);
        assertEquals(dev.helpdesk.core.internal.rules.RuleBook.actorOf("first-response-breach"), raised.actor());
        assertEquals("Nobody answered within two business hours", raised.reason());
        assertEquals("supervisor", w.events(ticket.id(), TicketEvent.EscalatedToRole.class).get(0).role());
        Notification notice = w.notices.get(0);
        assertEquals(Topic.SLA_BREACH, notice.topic());
        assertEquals(new Recipient.Agent(AgentId.of("sam"), Optional.of("supervisor")), notice.recipient());
        assertEquals(Locale.forLanguageTag("nl"), notice.locale());
        assertTrue(notice.subject().startsWith("[#1] SLA overschreden: eerste reactie"), notice.subject());
        assertTrue(notice.body().contains("U ontvangt dit als supervisor."), notice.body());
    }

    @Test
    void breach_fires_once_per_clock_cycle_and_again_in_the_next_cycle() {
        World w = new World(b -> b.slaPolicies(TWO_HOUR_RESPONSE).escalationRules(
                rule("resolution-breach", r -> r.on(new Trigger.SlaBreach(ClockKind.RESOLUTION))
                        .then(new Action.AddTag("resolution-breached")).reason("Resolution late"))));
        Ticket ticket = w.open(CAROL);
        w.at("Mon 09:30");
        ok(w.tickets.assign(ticket.id(), id(ANA), ANA));
        ok(w.tickets.reply(ticket.id(), "Looking into it", Channel.EMAIL, ANA));

        w.runDueAt("Wed 10:00");
        w.runDueAt("Wed 11:00");
        w.at("Wed 12:00");
        ok(w.tickets.solve(ticket.id(), ANA));
        ok(w.tickets.reply(ticket.id(), "Still broken", Channel.EMAIL, CAROL));
        w.runDueAt("Mon2 09:00");
        w.runDueAt("Tue2 09:00");

        assertEquals(List.of("sla_breach:resolution:1", "sla_breach:resolution:2"),
                w.firings(ticket.id()).stream().map(TicketEvent.RuleFired::trigger).toList());
    }

    @Test
    void sla_warning_notifies_the_assignee_in_spanish_before_the_breach() {
        World w = new World(b -> b.slaPolicies(TWO_HOUR_RESPONSE).escalationRules(
                rule("warn-assignee", r -> r.on(new Trigger.SlaWarning(ClockKind.FIRST_RESPONSE, 75))
                        .then(new Action.NotifyAgent(Optional.empty(), false)).reason("First response almost due"))));
        w.agent("ana", a -> a.tiers(Tier.L1).languages("es").workingHours(World.OFFICE_HOURS, false));
        Ticket ticket = w.open(CAROL);
        ok(w.tickets.assign(ticket.id(), id(ANA), ANA));

        w.runDueAt("Mon 10:35");
        w.runDueAt("Mon 10:50");

        assertEquals(1, w.notices.size(), "the 75 and 90 percent warnings are one clock cycle");
        Notification notice = w.notices.get(0);
        assertEquals(Topic.SLA_WARNING, notice.topic());
        assertEquals(new Recipient.Agent(AgentId.of("ana"), Optional.empty()), notice.recipient());
        assertTrue(notice.subject().startsWith("[#1] Aviso de SLA: primera respuesta vence"), notice.subject());
        assertTrue(notice.body().contains("11:00"), "the due time in the agent's zone: " + notice.body());
    }

    @Test
    void opened_ticket_of_a_vip_customer_gets_high_priority_and_a_tag() {
        World w = new World(b -> b.customerSegments((tenant, customer) -> customer.value().equals("carol")
                ? Optional.of(CustomerSegment.of("vip")) : Optional.empty()).escalationRules(
                rule("vip-first", r -> r.on(TicketTrigger.OPENED)
                        .when(Condition.test("segment", Operator.IS, "vip"))
                        .then(new Action.SetPriority(Priority.HIGH), new Action.AddTag("vip")).reason("VIP customers come first"))));

        Ticket vip = w.open(CAROL);
        Ticket other = w.open(DAVE);

        assertEquals(Priority.HIGH, vip.priority());
        assertEquals(List.of("vip"), ok(w.acme.escalation().facts(vip.id(), ANA)).tags());
        assertEquals(Priority.NORMAL, other.priority());
        assertTrue(w.firings(other.id()).isEmpty());
    }

    @Test
    void customer_reply_on_a_pending_urgent_ticket_moves_it_to_the_specialists() {
        World w = new World(b -> b.escalationRules(
                rule("urgent-reply", r -> r.on(TicketTrigger.CUSTOMER_REPLIED)
                        .when(Condition.test("priority", Operator.AT_LEAST, "URGENT"))
                        .then(new Action.SetGroup(SPECIALISTS)).reason("Urgent customers get specialists at once"))));
        Ticket urgent = w.open(CAROL, b -> b.priority(Priority.URGENT).group(SUPPORT));
        Ticket normal = w.open(DAVE, b -> b.group(SUPPORT));

        ok(w.tickets.reply(urgent.id(), "Any news?", Channel.EMAIL, CAROL));
        ok(w.tickets.reply(normal.id(), "Any news?", Channel.EMAIL, DAVE));
        ok(w.tickets.reply(urgent.id(), "Hello?", Channel.EMAIL, CAROL));

        assertEquals(Optional.of(SPECIALISTS), w.get(urgent.id()).group());
        assertEquals(2, w.firings(urgent.id()).size(), "once per reply");
        assertEquals(Optional.of(SUPPORT), w.get(normal.id()).group());
    }

    @Test
    void agent_reply_does_not_trigger_a_customer_reply_rule() {
        World w = new World(b -> b.escalationRules(rule("reply", r -> r.on(TicketTrigger.CUSTOMER_REPLIED)
                .then(new Action.AddTag("replied")).reason("mark"))));
        Ticket ticket = w.open(CAROL);

        ok(w.tickets.reply(ticket.id(), "We are on it", Channel.EMAIL, ANA));
        ok(w.tickets.note(ticket.id(), "internal", ANA));

        assertTrue(w.firings(ticket.id()).isEmpty());
    }

    @Test
    void reopened_twice_escalates_to_the_supervisor_once() {
        World w = withSupervisor(new World(b -> b.escalationRules(
                rule("reopened-twice", r -> r.on(new Trigger.ReopenedTimes(2))
                        .then(new Action.NotifyRole("supervisor", false), new Action.RaiseTier(Optional.empty()))
                        .reason("Solved twice and still not solved")))));
        Ticket ticket = w.open(CAROL);
        ok(w.tickets.assign(ticket.id(), id(ANA), ANA));
        for (int i = 0; i < 3; i++) {
            ok(w.tickets.solve(ticket.id(), ANA));
            ok(w.tickets.reopen(ticket.id(), CAROL));
        }

        assertEquals(List.of("reopened_times:2"), w.firings(ticket.id()).stream().map(TicketEvent.RuleFired::trigger).toList());
        assertEquals(Tier.L2, w.get(ticket.id()).tier());
        assertEquals(Topic.ESCALATION, w.notices.get(0).topic());
    }

    @Test
    void priority_raised_to_urgent_moves_the_ticket_up_to_L3_but_never_down() {
        World w = new World(b -> b.escalationRules(
                rule("urgent-to-l3", r -> r.on(TicketTrigger.PRIORITY_CHANGED)
                        .when(Condition.test("priority", Operator.IS, "URGENT"))
                        .then(new Action.RaiseTier(Optional.of(Tier.L3))).reason("Urgent work belongs at L3")),
                rule("high-to-l2", r -> r.on(TicketTrigger.PRIORITY_CHANGED)
                        .when(Condition.test("priority", Operator.IS, "HIGH"))
                        .then(new Action.RaiseTier(Optional.of(Tier.L2))).reason("High work belongs at L2"))));
        Ticket ticket = w.open(CAROL);

        ok(w.tickets.changePriority(ticket.id(), Priority.URGENT, ANA));
        ok(w.tickets.changePriority(ticket.id(), Priority.HIGH, ANA));

        assertEquals(Tier.L3, w.get(ticket.id()).tier());
        assertEquals(1, w.events(ticket.id(), TicketEvent.TierChanged.class).size(), "L2 would lower it");
        assertEquals(2, w.firings(ticket.id()).size(), "both rules fired; the second had nothing to raise");
    }

    @Test
    void ticket_idle_in_pending_for_two_days_gets_an_internal_note_from_a_due_run() {
        World w = new World(b -> b.escalationRules(
                rule("stale-pending", r -> r.on(new Trigger.Idle(Status.PENDING, Duration.ofDays(2)))
                        .then(new Action.AddNote("Pending for two days: chase the customer or close."))
                        .reason("Pending tickets must not be forgotten"))));
        Ticket ticket = w.open(CAROL);
        ok(w.tickets.assign(ticket.id(), id(ANA), ANA));
        w.at("Mon 10:00");
        ok(w.tickets.setPending(ticket.id(), ANA));

        assertEquals(Optional.of(t("Wed 10:00")), w.store.dueAt(ACME, ticket.id()), "due when the rule can fire");
        assertEquals(0, w.runDueAt("Wed 09:59").events());
        w.runDueAt("Wed 10:00");

        Ticket after = w.get(ticket.id());
        assertEquals("Pending for two days: chase the customer or close.", after.messages().get(after.messages().size() - 1).body());
        assertEquals(List.of("idle:pending@5"), w.firings(ticket.id()).stream().map(TicketEvent.RuleFired::trigger).toList());
        w.runDueAt("Fri 10:00");
        assertEquals(1, w.firings(ticket.id()).size(), "one firing per idle stretch");
    }

    @Test
    void a_customer_reply_starts_a_new_idle_stretch() {
        World w = new World(b -> b.escalationRules(
                rule("idle-open", r -> r.on(new Trigger.Idle(Status.OPEN, Duration.ofHours(4)))
                        .then(new Action.AddTag("stale")).reason("Open tickets need attention"))));
        Ticket ticket = w.open(CAROL);
        ok(w.tickets.assign(ticket.id(), id(ANA), ANA));
        w.at("Mon 12:00");
        ok(w.tickets.reply(ticket.id(), "Please hurry", Channel.EMAIL, CAROL));

        w.runDueAt("Mon 15:00");
        assertTrue(w.firings(ticket.id()).isEmpty(), "idle since the reply at 12:00, not since 09:00");
        w.runDueAt("Mon 16:00");
        assertEquals(1, w.firings(ticket.id()).size());
    }

    @Test
    void unassigned_for_thirty_minutes_notifies_the_supervisor() {
        World w = withSupervisor(new World(b -> b.escalationRules(
                rule("unassigned-30", r -> r.on(new Trigger.Unassigned(Duration.ofMinutes(30)))
                        .then(new Action.NotifyRole("supervisor", true)).reason("Nobody picked it up")))));
        Ticket waiting = w.open(CAROL);
        Ticket taken = w.open(DAVE);
        w.at("Mon 09:10");
        ok(w.tickets.assign(taken.id(), id(BEN), BEN));

        w.runDueAt("Mon 09:31");

        assertEquals(1, w.firings(waiting.id()).size());
        assertTrue(w.firings(taken.id()).isEmpty());
        assertEquals("sam", w.notices.get(0).recipient().id());
    }

    @Test
    void a_rule_never_triggers_itself() {
        World w = new World(b -> b.escalationRules(
                rule("bump", r -> r.on(TicketTrigger.PRIORITY_CHANGED)
                        .then(new Action.SetPriority(Priority.URGENT)).reason("any change of priority means urgent"))));
        Ticket ticket = w.open(CAROL);

        ok(w.tickets.changePriority(ticket.id(), Priority.HIGH, ANA));

        assertEquals(Priority.URGENT, w.get(ticket.id()).priority());
        assertEquals(1, w.firings(ticket.id()).size());
    }

    @Test
    void rules_feeding_on_each_other_stop_at_the_depth_bound_and_say_so() {
        // in reverse order, so that each rule can only react to the one before it
        World w = new World(b -> b.maxRuleDepth(3).escalationRules(
                rule("ping2", r -> r.on(TicketTrigger.TAG_ADDED).when(Condition.test("tags", Operator.HAS, "ping2"))
                        .then(new Action.AddTag("pong2")).reason("answer ping2")),
                rule("pong", r -> r.on(TicketTrigger.TAG_ADDED).when(Condition.test("tags", Operator.HAS, "pong"))
                        .then(new Action.AddTag("ping2")).reason("answer pong")),
                rule("ping", r -> r.on(TicketTrigger.TAG_ADDED).when(Condition.test("tags", Operator.HAS, "ping"))
                        .then(new Action.AddTag("pong")).reason("answer ping"))));
        Ticket ticket = w.open(CAROL);

        ok(w.acme.escalation().tag(ticket.id(), "ping", ANA));

        assertEquals(List.of(1, 2, 3), w.firings(ticket.id()).stream().map(TicketEvent.RuleFired::depth).toList());
        assertEquals(List.of("ping", "pong", "ping2", "pong2"), ok(w.acme.escalation().facts(ticket.id(), ANA)).tags());
        assertTrue(w.events(ticket.id(), TicketEvent.RuleSkipped.class).isEmpty(), "depth 3 is within the bound");

        World shallow = new World(b -> b.maxRuleDepth(2).escalationRules(w.desk.escalationRules()));
        Ticket other = shallow.open(CAROL);
        ok(shallow.acme.escalation().tag(other.id(), "ping", ANA));
        List<TicketEvent.RuleSkipped> skipped = shallow.events(other.id(), TicketEvent.RuleSkipped.class);
        assertEquals(1, skipped.size());
        assertEquals("ping2", skipped.get(0).rule());
        assertEquals(2, shallow.firings(other.id()).size());
    }

    @Test
    void rules_run_in_the_order_given_and_see_what_earlier_rules_did() {
        World w = new World(b -> b.escalationRules(
                rule("tag-phone", r -> r.on(TicketTrigger.OPENED).when(Condition.test("channel", Operator.IS, "PHONE"))
                        .then(new Action.AddTag("caller")).reason("callers")),
                rule("callers-high", r -> r.on(TicketTrigger.OPENED).when(Condition.test("tags", Operator.HAS, "caller"))
                        .then(new Action.SetPriority(Priority.HIGH)).reason("callers wait on the line"))));

        Ticket ticket = w.open(CAROL, b -> b.channel(Channel.PHONE));

        assertEquals(Priority.HIGH, ticket.priority());
        assertEquals(List.of("tag-phone", "callers-high"), w.firings(ticket.id()).stream().map(TicketEvent.RuleFired::rule).toList());
    }

    @Test
    void conditions_combine_with_all_any_and_not() {
        Condition hardwareNotOnSite = new Condition.All(List.of(
                Condition.test("category", Operator.WITHIN, "technical"),
                new Condition.Not(Condition.test("channel", Operator.IS, "ON_SITE")),
                new Condition.Any(List.of(Condition.test("tier", Operator.AT_MOST, "L2"),
                        Condition.test("group", Operator.PRESENT)))));
        World w = new World(b -> b.escalationRules(rule("hw", r -> r.on(TicketTrigger.OPENED).when(hardwareNotOnSite)
                .then(new Action.AddTag("hw")).reason("hardware"))));

        assertEquals(1, w.firings(w.open(CAROL).id()).size());
        assertEquals(0, w.firings(w.open(CAROL, b -> b.channel(Channel.ON_SITE)).id()).size());
        assertEquals(0, w.firings(w.open(CAROL, b -> b.category(Category.BILLING)).id()).size());
        assertEquals(0, w.firings(w.open(CAROL, b -> b.tier(Tier.L3)).id()).size());
        assertEquals(1, w.firings(w.open(CAROL, b -> b.tier(Tier.L3).group(SUPPORT)).id()).size());
    }

    @Test
    void custom_fields_are_set_by_staff_and_compared_by_their_type() {
        World w = new World(b -> b.customFields(dev.helpdesk.spi.ticket.CustomField.number("contract-value"))
                .escalationRules(rule("big-contract", r -> r.on(TicketTrigger.TAG_ADDED)
                        .when(Condition.test("field.contract-value", Operator.AT_LEAST, "1000"))
                        .then(new Action.SetPriority(Priority.HIGH)).reason("big contracts"))));
        Ticket small = w.open(CAROL);
        Ticket big = w.open(DAVE);

        ok(w.acme.escalation().setField(small.id(), "contract-value", "999.99", ANA));
        ok(w.acme.escalation().setField(big.id(), "contract-value", "1000.00", ANA));
        ok(w.acme.escalation().tag(small.id(), "check", ANA));
        ok(w.acme.escalation().tag(big.id(), "check", ANA));

        assertEquals(Priority.NORMAL, w.get(small.id()).priority());
        assertEquals(Priority.HIGH, w.get(big.id()).priority());
        assertEquals("1000", ok(w.acme.escalation().facts(big.id(), ANA)).fields().get("contract-value"));
        assertTrue(World.rejected(w.acme.escalation().setField(big.id(), "contract-value", "lots", ANA))
                instanceof dev.helpdesk.spi.rejection.Rejection.Invalid);
        assertTrue(World.rejected(w.acme.escalation().setField(big.id(), "colour", "red", ANA))
                instanceof dev.helpdesk.spi.rejection.Rejection.Invalid);
        assertTrue(World.rejected(w.acme.escalation().tag(small.id(), "vip", CAROL))
                instanceof dev.helpdesk.spi.rejection.Rejection.NotAllowed);
        assertTrue(World.rejected(w.acme.escalation().tag(big.id(), "vip", CAROL))
                instanceof dev.helpdesk.spi.rejection.Rejection.NotFound, "another customer's ticket is not found");
    }

    @Test
    void every_action_becomes_an_event_with_the_rule_as_actor() {
        World w = new World(b -> b.escalationRules(rule("everything", r -> r.on(TicketTrigger.OPENED)
                .then(new Action.RaiseTier(Optional.empty()), new Action.SetGroup(SPECIALISTS),
                        new Action.SetPriority(Priority.HIGH), new Action.AssignTo(AgentId.of("ben")),
                        new Action.NotifyRole("supervisor", false), new Action.NotifyAgent(Optional.empty(), true),
                        new Action.NotifyCustomer(), new Action.AddTag("escalated"), new Action.AddNote("Handled by the rule"))
                .reason("show every action"))));

        Ticket ticket = w.open(CAROL);

        assertEquals(Tier.L2, ticket.tier());
        assertEquals(Optional.of(SPECIALISTS), ticket.group());
        assertEquals(Priority.HIGH, ticket.priority());
        assertEquals(Optional.of(AgentId.of("ben")), ticket.assignee());
        assertEquals(Status.OPEN, ticket.status());
        Actor rule = dev.helpdesk.core.internal.rules.RuleBook.actorOf("everything");
        List<TicketEvent> byRule = w.events(ticket.id()).stream().filter(e -> e.actor().equals(rule)).toList();
        assertEquals(List.of("rule_fired", "tier_changed", "group_changed", "priority_changed", "assigned", "status_changed",
                "escalated_to_role", "agent_notified", "customer_notified", "tag_added", "message_posted"),
                byRule.stream().map(TicketEvent::kind).toList());
        assertEquals(AgentId.of("ben"), w.events(ticket.id(), TicketEvent.AgentNotified.class).get(0).agent());
    }

    @Test
    void an_action_the_decider_refuses_is_recorded_on_the_ticket_and_the_rest_of_the_rule_still_acts() {
        // a plugged-in action type expands at run time, past the rule's definition-time checks
        dev.helpdesk.spi.escalation.ActionType noisyNote = new dev.helpdesk.spi.escalation.ActionType() {
            @Override
            public String type() {
                return "noisy-note";
            }

            @Override
            public List<dev.helpdesk.spi.rejection.FieldError> check(java.util.Map<String, String> parameters) {
                return List.of();
            }

            @Override
            public List<Action> expand(dev.helpdesk.spi.escalation.TicketFacts ticket, java.util.Map<String, String> parameters) {
                return List.of(new Action.AddNote("bell \u0007 in a note"), new Action.AddTag("noted"));
            }
        };
        World w = new World(b -> b.plugin(noisyNote).escalationRules(rule("noisy", r -> r.on(TicketTrigger.OPENED)
                .then(new Action.Custom("noisy-note", java.util.Map.of())).reason("r"))));

        Ticket ticket = w.open(CAROL);

        Actor rule = dev.helpdesk.core.internal.rules.RuleBook.actorOf("noisy");
        List<TicketEvent> byRule = w.events(ticket.id()).stream().filter(e -> e.actor().equals(rule)).toList();
        assertEquals(List.of("rule_fired", "rule_action_failed", "tag_added"),
                byRule.stream().map(TicketEvent::kind).toList());
        TicketEvent.RuleActionFailed failed = w.events(ticket.id(), TicketEvent.RuleActionFailed.class).get(0);
        assertEquals("noisy", failed.rule());
        assertEquals("add_note", failed.action());
        assertTrue(failed.problem().contains("body"), failed.problem());
        assertEquals(List.of("opened", "message_posted"),
                ok(w.tickets.history(ticket.id(), CAROL)).stream().map(r -> r.event().kind()).toList(),
                "the failure is the desk's own business");
    }

    @Test
    void customers_never_see_the_desks_escalation_events() {
        World w = new World(b -> b.escalationRules(rule("tag", r -> r.on(TicketTrigger.OPENED)
                .then(new Action.AddTag("new"), new Action.NotifyRole("supervisor", false), new Action.NotifyCustomer())
                .reason("r"))));
        Ticket ticket = w.open(CAROL);

        List<String> seen = ok(w.tickets.history(ticket.id(), CAROL)).stream().map(r -> r.event().kind()).toList();

        // the notice itself reached the customer; its event names the rule's reason, which is the desk's
        assertEquals(List.of("opened", "message_posted"), seen);
        assertFalse(World.ok(w.tickets.history(ticket.id(), ANA)).size() == seen.size());
    }

    @Test
    void satisfaction_rated_bad_fires_once_the_customer_rates_badly_and_not_before() {
        World w = new World(b -> b.escalationRules(rule("unhappy", r -> r.on(TicketTrigger.SATISFACTION_RATED_BAD)
                .then(new Action.NotifyRole("supervisor", false)).reason("unhappy customer"))));
        Ticket ticket = w.open(CAROL);
        ok(w.tickets.assign(ticket.id(), id(ANA), ANA));
        ok(w.tickets.solve(ticket.id(), ANA));

        assertEquals("event", w.desk.escalationRules().get(0).toValues().get("trigger") instanceof java.util.Map<?, ?> m
                ? m.get("kind") : null);
        assertTrue(w.firings(ticket.id()).isEmpty(), "solving is no rating");
        ok(w.acme.feedback().rate(ticket.id(), 4, "fine", CAROL));
        assertTrue(w.firings(ticket.id()).isEmpty(), "a good rating is not bad");
        ok(w.acme.feedback().rate(ticket.id(), 1, "still broken", CAROL));
        assertEquals(1, w.firings(ticket.id()).size(), "the bad rating fires the rule in the same commit");
    }

    @Test
    void an_agent_escalates_to_the_supervisor_by_hand_without_moving_the_ticket() {
        World w = new World(b -> b).agent("sam", a -> a.tiers(Tier.L2).roles("supervisor").languages("nl"));
        Ticket ticket = w.open(CAROL);
        ok(w.tickets.assign(ticket.id(), id(ANA), ANA));

        Ticket after = ok(w.acme.escalation().escalateToRole(ticket.id(), "supervisor", "Customer threatens to cancel", true, ANA));

        assertEquals(ticket.tier(), after.tier());
        assertEquals(Optional.of(id(ANA)), after.assignee());
        TicketEvent.EscalatedToRole e = w.events(ticket.id(), TicketEvent.EscalatedToRole.class).get(0);
        assertEquals(ANA, e.actor());
        assertEquals("Customer threatens to cancel", e.reason());
        assertTrue(w.notices.get(0).body().contains("geëscaleerd door regel agent:ana: Customer threatens to cancel"),
                w.notices.get(0).body());
        assertTrue(World.rejected(w.acme.escalation().escalateToRole(ticket.id(), "super visor", "x", false, ANA))
                instanceof dev.helpdesk.spi.rejection.Rejection.Invalid);
        assertTrue(World.rejected(w.acme.escalation().escalateToRole(ticket.id(), "supervisor", "x", false, CAROL))
                instanceof dev.helpdesk.spi.rejection.Rejection.NotAllowed);
    }

    @Test
    void tags_come_off_and_fields_clear_and_the_facts_follow() {
        World w = new World(b -> b.customFields(dev.helpdesk.spi.ticket.CustomField.flag("contract"),
                dev.helpdesk.spi.ticket.CustomField.date("renewal")));
        Ticket ticket = w.open(CAROL);

        ok(w.acme.escalation().tag(ticket.id(), "vip", ANA));
        ok(w.acme.escalation().tag(ticket.id(), "vip", ANA));
        ok(w.acme.escalation().setField(ticket.id(), "contract", "TRUE", ANA));
        ok(w.acme.escalation().setField(ticket.id(), "renewal", "2026-12-31", ANA));
        ok(w.acme.escalation().untag(ticket.id(), "vip", ANA));
        ok(w.acme.escalation().setField(ticket.id(), "renewal", null, ANA));

        var facts = ok(w.acme.escalation().facts(ticket.id(), ANA));
        assertEquals(List.of(), facts.tags());
        assertEquals(java.util.Map.of("contract", "true"), facts.fields());
        assertEquals(1, w.events(ticket.id(), TicketEvent.TagAdded.class).size(), "tagging twice changes nothing");
        assertTrue(World.rejected(w.acme.escalation().facts(ticket.id(), CAROL))
                instanceof dev.helpdesk.spi.rejection.Rejection.NotAllowed);
    }
}
