package dev.helpdesk.core.escalation;

import static dev.helpdesk.core.escalation.World.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.ActionType;
import dev.helpdesk.spi.escalation.Condition;
import dev.helpdesk.spi.escalation.ConditionType;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Operator;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.escalation.Vocabulary;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Rules are data: checked when defined, stored as plain values and read back. */
class RuleDefinitionTest {

    private static List<FieldError> errors(Either<Rejection, ?> result) {
        assertTrue(result.isLeft(), () -> "expected a rejection, got " + result.get());
        return ((Rejection.Invalid) result.getLeft()).errors();
    }

    private static List<FieldError> refused(Executable build) {
        return assertThrows(ConfigurationException.class, build).errors();
    }

    private static EscalationRule when(Condition condition) {
        return EscalationRule.builder("r").on(TicketTrigger.OPENED).when(condition)
                .then(new Action.AddTag("x")).reason("why").build(Vocabulary.standard()
                        .withFields(List.of(CustomField.number("contract-value"), CustomField.text("product"))));
    }

    @Test
    void an_unknown_field_is_rejected_naming_the_path() {
        List<FieldError> errors = refused(() -> when(new Condition.All(List.of(Condition.test("prioirty", Operator.IS, "HIGH")))));

        assertEquals("condition.all[0].field", errors.get(0).field());
        assertTrue(errors.get(0).problem().startsWith("unknown field 'prioirty'"));
    }

    @Test
    void impossible_comparisons_are_rejected() {
        assertEquals("condition.operator", refused(() -> when(Condition.test("status", Operator.ABOVE, "OPEN"))).get(0).field());
        assertEquals("condition.values[0]", refused(() -> when(Condition.test("priority", Operator.IS, "SUPER"))).get(0).field());
        assertEquals("condition.operator", refused(() -> when(Condition.test("tags", Operator.IS, "vip"))).get(0).field());
        assertEquals("condition.values", refused(() -> when(Condition.test("tier", Operator.AT_LEAST, "L1", "L2"))).get(0).field());
        assertEquals("condition.values", refused(() -> when(Condition.test("group", Operator.PRESENT, "x"))).get(0).field());
        assertEquals("condition.values", refused(() -> when(Condition.test("channel", Operator.IS))).get(0).field());
        assertEquals("condition.operator", refused(() -> when(Condition.test("field.product", Operator.ABOVE, "a"))).get(0).field());
        assertEquals("condition.values[0]", refused(() -> when(Condition.test("field.contract-value", Operator.AT_LEAST, "many")))
                .get(0).field());
        assertEquals("condition.field", refused(() -> when(Condition.test("field.colour", Operator.IS, "red"))).get(0).field());
        assertEquals(Operator.BELOW, ((Condition.Test) when(Condition.test("field.contract-value", Operator.BELOW, "10.5"))
                .condition()).operator());
        assertEquals("r", when(Condition.test("category", Operator.WITHIN, "technical")).name());
    }

    @Test
    void every_problem_of_a_rule_is_named_at_once() {
        List<FieldError> errors = refused(() -> EscalationRule.builder("bad name!").on(TicketTrigger.OPENED)
                .then(new Action.AddTag("no spaces allowed"), new Action.Route(Optional.of("psychic")))
                .reason(" ").build(Vocabulary.standard()));

        assertEquals(List.of("name", "reason", "actions[0].tag", "actions[1].strategy"),
                errors.stream().map(FieldError::field).toList());
        assertEquals(List.of("trigger", "reason"), refused(() -> EscalationRule.builder("r").build()).stream()
                .map(FieldError::field).toList());
        assertEquals(List.of("actions"), refused(() -> EscalationRule.builder("r").on(TicketTrigger.OPENED).reason("x").build())
                .stream().map(FieldError::field).toList());
        assertEquals(List.of("name", "trigger"), refused(() -> EscalationRule.builder(null).on((Trigger) null)
                .then(new Action.AddTag("x")).reason("x").build()).stream().map(FieldError::field).toList());
    }

    @Test
    void a_desk_rejects_rules_it_cannot_run_and_keeps_the_ones_in_force() {
        EscalationRule custom = rule("big", r -> r.on(TicketTrigger.OPENED)
                .when(Condition.test("field.contract-value", Operator.AT_LEAST, "1000")).then(new Action.AddTag("big")).reason("big"));
        EscalationRule same = rule("big", r -> r.on(TicketTrigger.REOPENED).then(new Action.AddTag("again")).reason("again"));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new World(b -> b.escalationRules(custom)));
        assertTrue(e.getMessage().contains("rules[0].condition.field"), e.getMessage());

        World w = new World(b -> b.customFields(CustomField.number("contract-value")).escalationRules(custom));
        List<FieldError> errors = errors(w.desk.configureEscalation(List.of(custom, same)));
        assertEquals("rules[1].name", errors.get(0).field());
        assertEquals(List.of(custom), w.desk.escalationRules());
        assertEquals(List.of(same), World.ok(w.desk.configureEscalation(List.of(same))));
        assertEquals(List.of(same), w.desk.escalationRules());
    }

    @Test
    void rules_go_to_plain_values_and_back_unchanged() {
        EscalationRule rule = rule("everything", r -> r.on(new Trigger.SlaWarning(ClockKind.RESOLUTION, 75))
                .when(new Condition.All(List.of(
                        new Condition.Any(List.of(Condition.test("priority", Operator.AT_LEAST, "HIGH"),
                                Condition.test("tags", Operator.HAS_ANY, "vip", "press"))),
                        new Condition.Not(Condition.test("group", Operator.PRESENT)),
                        new Condition.Custom("business-hours", Map.of("calendar", "office")))))
                .then(new Action.RaiseTier(Optional.of(Tier.L3)), new Action.RaiseTier(Optional.empty()),
                        new Action.SetGroup(GroupId.of("l3")), new Action.SetPriority(Priority.URGENT),
                        new Action.Route(Optional.of("skills")), new Action.Route(Optional.empty()),
                        new Action.AssignTo(AgentId.of("zoe")), new Action.NotifyRole("supervisor", true),
                        new Action.NotifyAgent(Optional.of(AgentId.of("ana")), false),
                        new Action.NotifyAgent(Optional.empty(), true), new Action.NotifyCustomer(),
                        new Action.AddTag("escalated"), new Action.AddNote("Escalated by rule"),
                        new Action.Custom("page-on-call", Map.of("rota", "night"))).reason("all of it"));

        Map<String, Object> values = rule.toValues();

        assertEquals(rule, World.ok(EscalationRule.fromValues(values)));
        for (Trigger trigger : List.of(new Trigger.OnEvent(TicketTrigger.CUSTOMER_REPLIED), new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE),
                new Trigger.Idle(Status.PENDING, Duration.ofHours(48)), new Trigger.Unassigned(Duration.ofMinutes(30)),
                new Trigger.ReopenedTimes(3))) {
            EscalationRule other = rule("t", r -> r.on(trigger).then(new Action.AddTag("t")).reason("t"));
            assertEquals(other, World.ok(EscalationRule.fromValues(other.toValues())));
        }
        assertEquals(Map.of("kind", "sla_warning", "clock", "RESOLUTION", "minimum_percent", 75), values.get("trigger"));
    }

    @Test
    void plain_values_with_mistakes_are_rejected_with_every_path() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "r");
        values.put("reason", "why");
        values.put("trigger", Map.of("kind", "idle", "status", "CLOSED", "after", "two days"));
        values.put("condition", Map.of("any", List.of(Map.of("field", "priority", "operator", "bigger", "values", List.of("HIGH")),
                Map.of("nonsense", 1))));
        values.put("actions", List.of(Map.of("kind", "raise_tier", "to", "L9"), Map.of("kind", "teleport")));

        assertEquals(List.of("trigger.after", "trigger.status", "condition.any[0].operator", "condition.any[1]",
                "actions[0].to", "actions[1].kind"), errors(EscalationRule.fromValues(values)).stream().map(FieldError::field).toList());
    }

    @Test
    void custom_condition_and_action_types_are_checked_and_run() {
        ConditionType weekendOnly = new ConditionType() {
            @Override
            public String type() {
                return "subject-contains";
            }

            @Override
            public List<FieldError> check(Map<String, String> parameters) {
                return parameters.containsKey("text") ? List.of() : List.of(new FieldError("text", "is required"));
            }

            @Override
            public boolean test(TicketFacts ticket, Map<String, String> parameters) {
                return ticket.ticket().subject().contains(parameters.get("text"));
            }
        };
        ActionType escalateTwice = new ActionType() {
            @Override
            public String type() {
                return "straight-to-l3";
            }

            @Override
            public List<FieldError> check(Map<String, String> parameters) {
                return List.of();
            }

            @Override
            public List<Action> expand(TicketFacts ticket, Map<String, String> parameters) {
                return List.of(new Action.RaiseTier(Optional.of(Tier.L3)), new Action.AddTag("l3-direct"),
                        new Action.Custom("straight-to-l3", Map.of()));
            }
        };
        EscalationRule bad = rule("r", r -> r.on(TicketTrigger.OPENED).when(new Condition.Custom("subject-contains", Map.of()))
                .then(new Action.Custom("straight-to-l3", Map.of())).reason("r"));
        assertThrows(ConfigurationException.class, () -> new World(b -> b.escalationRules(bad)));
        assertThrows(ConfigurationException.class, () -> new World(b -> b.plugin(weekendOnly).plugin(escalateTwice).escalationRules(bad)));

        World w = new World(b -> b.plugin(weekendOnly).plugin(escalateTwice).escalationRules(rule("r", r -> r.on(TicketTrigger.OPENED)
                .when(new Condition.Custom("subject-contains", Map.of("text", "offline")))
                .then(new Action.Custom("straight-to-l3", Map.of())).reason("offline printers are serious"))));

        var offline = w.open(World.CAROL);
        var other = w.open(World.CAROL, b -> b.subject("Toner low"));

        assertEquals(Tier.L3, offline.tier());
        assertEquals(List.of("l3-direct"), World.ok(w.acme.escalation().facts(offline.id(), World.ANA)).tags());
        assertEquals(Tier.L1, other.tier());
    }
}
