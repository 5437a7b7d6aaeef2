package dev.helpdesk.core.ticket;

import static dev.helpdesk.core.ticket.DeciderFixture.ANA;
import static dev.helpdesk.core.ticket.DeciderFixture.DECIDER;
import static dev.helpdesk.core.ticket.DeciderFixture.RULE;
import static dev.helpdesk.core.ticket.DeciderFixture.decide;
import static dev.helpdesk.core.ticket.DeciderFixture.opened;
import static dev.helpdesk.core.ticket.DeciderFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.escalation.Vocabulary;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 11, the decider's side: a rule's texts are checked when the rule is defined, by
 * the same rule the decider applies when it fires; what still fails at run time is recorded.
 */
class RuleActionTextTest {

    private static EscalationRule.Builder rule(String reason, Action... actions) {
        return EscalationRule.builder("vip").on(TicketTrigger.OPENED).then(actions).reason(reason);
    }

    @Test
    void a_note_with_a_control_character_is_refused_when_the_rule_is_built_naming_rule_and_field() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> rule("VIPs first", new Action.AddTag("vip"), new Action.AddNote("bell \u0007")).build());
        assertTrue(e.getMessage().contains("vip"), e.getMessage());
        assertEquals(List.of("actions[1].text"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void a_reason_that_is_not_one_line_is_refused_when_the_rule_is_built() {
        for (String bad : List.of("a\u2028b", "a\nb", "broken \uD800")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> rule(bad, new Action.AddTag("vip")).build());
            assertEquals(List.of("reason"), e.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    void rules_read_as_plain_values_get_a_rejection_naming_the_field() {
        EscalationRule ok = rule("VIPs first", new Action.AddNote("fine")).build();
        var values = new java.util.LinkedHashMap<String, Object>(ok.toValues());
        values.put("reason", "two\u2029paragraphs");
        Rejection r = EscalationRule.fromValues(values).getLeft();
        assertTrue(((Rejection.Invalid) r).names("reason"), r.message());
    }

    @Test
    void a_failed_action_is_recorded_by_the_desks_rules_only_with_a_one_line_problem() {
        Ticket t = opened();
        List<TicketEvent> events = decide(t, new TicketCommand.RuleActionFailed("vip", "add_note",
                "invalid input: body must not contain control characters\n\u0000"), RULE);
        TicketEvent.RuleActionFailed failed = (TicketEvent.RuleActionFailed) events.get(0);
        assertEquals("vip", failed.rule());
        assertEquals("add_note", failed.action());
        assertTrue(failed.problem().codePoints().noneMatch(Character::isISOControl), failed.problem());
        assertInstanceOf(Rejection.NotAllowed.class, refused(t, new TicketCommand.RuleActionFailed("vip", "add_note", "x"), ANA));
        assertTrue(CustomerView.isInternal(failed));
    }

    @Test
    void a_failure_is_recorded_also_on_a_closed_ticket() {
        Ticket t = DeciderFixture.after(opened(), new TicketCommand.Assign(AgentId.of("ana")), ANA);
        t = DeciderFixture.after(DeciderFixture.after(t, new TicketCommand.Solve(), ANA), new TicketCommand.Close(), ANA);
        assertEquals(1, decide(t, new TicketCommand.RuleActionFailed("vip", "raise_tier", "closed"), RULE).size());
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab \n\r\t\u0000\u0007\u0085\u2028\u2029\uD800\uDC00\uD83D\uDE00漢")
                .ofMinLength(0).ofMaxLength(12);
    }

    /** The definition-time check and the run-time check agree: what a rule may say, a ticket takes. */
    @Property(tries = 1000)
    void a_text_a_rule_is_built_with_is_a_text_the_decider_takes(@ForAll("texts") String text) {
        Ticket t = opened();
        boolean noteDefined = builds(rule("r", new Action.AddNote(text)));
        boolean noteTaken = DECIDER.decide(new TicketCommand.Note(text), t, RULE, t.updatedAt(), DeciderFixture.messageIds()).isRight();
        assertEquals(noteDefined, noteTaken, "note " + escape(text));
        boolean reasonDefined = builds(rule(text, new Action.AddTag("x")));
        boolean reasonTaken = DECIDER.decide(new TicketCommand.ChangeTier(Tier.L2, text), t, RULE, t.updatedAt(),
                DeciderFixture.messageIds()).isRight()
                && DECIDER.decide(new TicketCommand.EscalateToRole("supervisor", text, false), t, RULE, t.updatedAt(),
                DeciderFixture.messageIds()).isRight();
        assertEquals(reasonDefined, reasonTaken, "reason " + escape(text));
    }

    private static boolean builds(EscalationRule.Builder rule) {
        try {
            rule.build(Vocabulary.standard());
            return true;
        } catch (ConfigurationException e) {
            return false;
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
