package dev.helpdesk.core.ticket;

import static dev.helpdesk.core.ticket.DeciderFixture.ANA;
import static dev.helpdesk.core.ticket.DeciderFixture.CAROL;
import static dev.helpdesk.core.ticket.DeciderFixture.DAVE;
import static dev.helpdesk.core.ticket.DeciderFixture.MAILER;
import static dev.helpdesk.core.ticket.DeciderFixture.RULE;
import static dev.helpdesk.core.ticket.DeciderFixture.after;
import static dev.helpdesk.core.ticket.DeciderFixture.decide;
import static dev.helpdesk.core.ticket.DeciderFixture.opened;
import static dev.helpdesk.core.ticket.DeciderFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The commands that used to be decided outside the decider, decided by it under the same rules as the rest. */
class DeciderCommandsTest {

    private static Ticket closed() {
        Ticket t = after(opened(), new TicketCommand.Assign(AgentId.of("ana")), ANA);
        t = after(t, new TicketCommand.Solve(), ANA);
        return after(t, new TicketCommand.Close(), ANA);
    }

    @Nested
    class Tags {
        @Test
        void an_agent_tags_a_ticket_once() {
            Ticket t = after(opened(), new TicketCommand.Tag("vip"), ANA);
            assertEquals(List.of("vip"), List.copyOf(t.tags()));
            assertEquals(List.of(), decide(t, new TicketCommand.Tag("vip"), ANA));
        }

        @Test
        void untagging_a_tag_the_ticket_lacks_changes_nothing() {
            Ticket t = after(opened(), new TicketCommand.Tag("vip"), ANA);
            assertEquals(List.of(), decide(t, new TicketCommand.Untag("outage"), ANA));
            assertTrue(after(t, new TicketCommand.Untag("vip"), RULE).tags().isEmpty());
        }

        @Test
        void a_customer_cannot_tag_even_their_own_ticket() {
            assertInstanceOf(Rejection.NotAllowed.class, refused(opened(), new TicketCommand.Tag("vip"), CAROL));
        }

        @Test
        void a_tag_that_is_not_a_label_is_refused_by_name() {
            Rejection r = refused(opened(), new TicketCommand.Tag("two words"), ANA);
            assertTrue(((Rejection.Invalid) r).names("tag"), r.message());
        }

        @Test
        void a_closed_ticket_takes_no_tag() {
            assertInstanceOf(Rejection.InvalidTransition.class, refused(closed(), new TicketCommand.Tag("vip"), ANA));
        }
    }

    @Nested
    class Custom_fields {
        @Test
        void staff_set_any_declared_field_in_canonical_form() {
            Ticket t = after(opened(), new TicketCommand.SetField("contract-value", "1.50e3"), ANA);
            assertEquals("1500", t.fields().get("contract-value"));
            assertEquals(List.of(), decide(t, new TicketCommand.SetField("contract-value", "1500.0"), ANA));
        }

        @Test
        void a_customer_sets_only_fields_that_are_theirs_to_set() {
            Ticket t = after(opened(), new TicketCommand.SetField("product", "LaserJet 4"), CAROL);
            assertEquals("LaserJet 4", t.fields().get("product"));
            assertInstanceOf(Rejection.NotAllowed.class, refused(t, new TicketCommand.SetField("contract-value", "1"), CAROL));
            assertInstanceOf(Rejection.NotAllowed.class, refused(t, new TicketCommand.SetField("region", "EU"), CAROL));
        }

        @Test
        void another_customer_does_not_find_the_ticket() {
            assertInstanceOf(Rejection.NotFound.class, refused(opened(), new TicketCommand.SetField("product", "x"), DAVE));
        }

        @Test
        void an_integration_sets_customer_fields_but_not_staff_fields() {
            assertEquals(1, decide(opened(), new TicketCommand.SetField("product", "x"), MAILER).size());
            assertInstanceOf(Rejection.NotAllowed.class, refused(opened(), new TicketCommand.SetField("contract-value", "1"), MAILER));
        }

        @Test
        void clearing_a_field_removes_its_value() {
            Ticket t = after(opened(), new TicketCommand.SetField("contract-value", "7"), ANA);
            assertTrue(after(t, new TicketCommand.SetField("contract-value", null), ANA).fields().isEmpty());
        }

        @Test
        void an_unknown_field_and_a_value_of_the_wrong_type_are_refused_by_name() {
            Rejection unknown = refused(opened(), new TicketCommand.SetField("colour", "red"), ANA);
            assertTrue(((Rejection.Invalid) unknown).names("field"), unknown.message());
            Rejection wrong = refused(opened(), new TicketCommand.SetField("contract-value", "1e999999999"), ANA);
            assertTrue(((Rejection.Invalid) wrong).names("value"), wrong.message());
        }

        @Test
        void a_closed_ticket_keeps_its_fields() {
            assertInstanceOf(Rejection.InvalidTransition.class, refused(closed(), new TicketCommand.SetField("product", "x"), ANA));
        }
    }

    @Nested
    class Escalation_and_notices {
        @Test
        void an_agent_escalates_to_a_role_with_a_reason() {
            List<TicketEvent> events = decide(opened(), new TicketCommand.EscalateToRole("supervisor", "customer threatens to leave", true), ANA);
            TicketEvent.EscalatedToRole e = (TicketEvent.EscalatedToRole) events.get(0);
            assertEquals("supervisor", e.role());
            assertTrue(e.urgent());
        }

        @Test
        void a_reason_is_one_line_of_at_most_500_characters_counted_in_code_points() {
            String emoji = "\uD83D\uDE00".repeat(500);
            assertEquals(1, decide(opened(), new TicketCommand.EscalateToRole("supervisor", emoji, false), ANA).size());
            for (String bad : List.of(emoji + "x", "two\nlines", "para\u2029graph", "next\u0085line", " ")) {
                Rejection r = refused(opened(), new TicketCommand.EscalateToRole("supervisor", bad, false), ANA);
                assertTrue(((Rejection.Invalid) r).names("reason"), r.message());
            }
        }

        @Test
        void customers_and_integrations_do_not_escalate_or_notify() {
            for (var actor : List.of(CAROL, MAILER)) {
                assertInstanceOf(Rejection.NotAllowed.class, refused(opened(), new TicketCommand.EscalateToRole("supervisor", "x", false), actor));
                assertInstanceOf(Rejection.NotAllowed.class, refused(opened(), new TicketCommand.NotifyCustomer("x"), actor));
                assertInstanceOf(Rejection.NotAllowed.class, refused(opened(), new TicketCommand.NotifyAgent(AgentId.of("ana"), "x", false), actor));
            }
        }

        @Test
        void a_rule_notifies_the_requester_and_an_agent() {
            Ticket t = opened();
            TicketEvent.CustomerNotified c = (TicketEvent.CustomerNotified) decide(t, new TicketCommand.NotifyCustomer("moved to specialists"), RULE).get(0);
            assertEquals(t.requester(), c.customer());
            TicketEvent.AgentNotified a = (TicketEvent.AgentNotified) decide(t, new TicketCommand.NotifyAgent(AgentId.of("ben"), "look", false), RULE).get(0);
            assertEquals(AgentId.of("ben"), a.agent());
        }
    }

    @Nested
    class Desk_records {
        @Test
        void only_the_desks_rules_record_rule_firings_queueing_and_sla_events() {
            List<TicketCommand> records = List.of(new TicketCommand.FireRule("vip", "opened@1", "VIPs first", 1),
                    new TicketCommand.SkipRule("vip", "opened@1", "depth"),
                    new TicketCommand.Queue(GroupId.of("printers"), "nobody available"),
                    new TicketCommand.WarnSla(ClockKind.FIRST_RESPONSE, 1, 75, Instant.parse("2026-03-02T12:00:00Z")),
                    new TicketCommand.BreachSla(ClockKind.FIRST_RESPONSE, 1, Instant.parse("2026-03-02T12:00:00Z")));
            for (TicketCommand record : records) {
                assertEquals(1, decide(opened(), record, RULE).size(), record.name());
                for (var actor : List.of(ANA, CAROL, MAILER)) {
                    assertInstanceOf(Rejection.NotAllowed.class, refused(opened(), record, actor), record.name() + " by " + actor);
                }
            }
        }

        @Test
        void a_rule_firing_is_recorded_on_a_closed_ticket_but_nothing_else_is() {
            assertEquals(1, decide(closed(), new TicketCommand.FireRule("vip", "opened@1", "VIPs first", 1), RULE).size());
            assertInstanceOf(Rejection.InvalidTransition.class,
                    refused(closed(), new TicketCommand.BreachSla(ClockKind.RESOLUTION, 1, Instant.parse("2026-03-02T12:00:00Z")), RULE));
            assertInstanceOf(Rejection.InvalidTransition.class, refused(closed(), new TicketCommand.Queue(null, "nobody"), RULE));
        }

        @Test
        void an_assigned_ticket_is_not_queued() {
            Ticket assigned = after(opened(), new TicketCommand.Assign(AgentId.of("ana")), ANA);
            assertInstanceOf(Rejection.InvalidTransition.class, refused(assigned, new TicketCommand.Queue(null, "nobody"), RULE));
        }

        @Test
        void bad_record_input_is_refused_by_name() {
            Rejection r = refused(opened(), new TicketCommand.WarnSla(null, 0, 100, null), RULE);
            Rejection.Invalid invalid = (Rejection.Invalid) r;
            for (String field : List.of("clock", "cycle", "thresholdPercent", "dueAt")) {
                assertTrue(invalid.names(field), r.message());
            }
        }
    }

    @Nested
    class Follow_up {
        @Test
        void a_follow_up_subject_is_cut_on_a_character_boundary() {
            // 243 chars of subject room behind "Follow-up: " (11): a subject of 250 code points made of emoji
            String subject = "\uD83D\uDE00".repeat(250);
            Ticket t = after(opened(DeciderFixture.printer(CAROL).subject(subject).build(), CAROL),
                    new TicketCommand.Assign(AgentId.of("ana")), ANA);
            t = after(after(t, new TicketCommand.Solve(), ANA), new TicketCommand.Close(), ANA);
            TicketDecider.Opening opening = DeciderFixture.ok(DeciderFixture.DECIDER.checkFollowUp(t,
                    new TicketCommand.Reply("still broken", dev.helpdesk.spi.ticket.Channel.EMAIL), CAROL));
            String followUp = opening.command().subject();
            assertEquals(255, followUp.codePointCount(0, followUp.length()));
            assertTrue(followUp.startsWith("Follow-up: \uD83D\uDE00"));
            assertTrue(Character.isLowSurrogate(followUp.charAt(followUp.length() - 1)));
        }

        @Test
        void a_follow_up_keeps_the_priority_and_group_the_desk_gave_the_closed_ticket() {
            Ticket t = opened(DeciderFixture.printer(CAROL).priority(dev.helpdesk.spi.ticket.Priority.HIGH)
                    .group(GroupId.of("printers")).build(), ANA);
            t = after(after(after(t, new TicketCommand.Assign(AgentId.of("ana")), ANA), new TicketCommand.Solve(), ANA),
                    new TicketCommand.Close(), ANA);
            TicketDecider.Opening opening = DeciderFixture.ok(DeciderFixture.DECIDER.checkFollowUp(t,
                    new TicketCommand.Reply("still broken", dev.helpdesk.spi.ticket.Channel.EMAIL), CAROL));
            assertEquals(dev.helpdesk.spi.ticket.Priority.HIGH, opening.command().priority());
            assertEquals(Optional.of(t.id()), Optional.ofNullable(opening.command().followUpOf()));
        }

        @Test
        void only_a_closed_ticket_is_followed_up() {
            Rejection r = DeciderFixture.rejected(DeciderFixture.DECIDER.checkFollowUp(opened(),
                    new TicketCommand.Reply("hello", dev.helpdesk.spi.ticket.Channel.EMAIL), CAROL));
            assertInstanceOf(Rejection.InvalidTransition.class, r);
        }
    }

    @Test
    void a_subject_is_one_line_also_for_unicode_line_breaks_and_counts_code_points() {
        String emoji = "\uD83D\uDE00".repeat(255);
        assertEquals(emoji, opened(DeciderFixture.printer(CAROL).subject(emoji).build(), CAROL).subject());
        for (String bad : List.of(emoji + "x", "a\u2028b", "a\u2029b", "a\u0085b", "a\nb")) {
            Rejection r = DeciderFixture.rejected(DeciderFixture.DECIDER.checkOpen(DeciderFixture.printer(CAROL).subject(bad).build(), CAROL));
            assertTrue(((Rejection.Invalid) r).names("subject"), r.message());
        }
    }

    @Test
    void merging_names_another_ticket() {
        Ticket t = opened();
        Rejection r = refused(t, new TicketCommand.Merge(t.id()), ANA);
        assertTrue(((Rejection.Invalid) r).names("into"));
        assertEquals(1, decide(t, new TicketCommand.Merge(new TicketId(new UUID(9, 9))), ANA).size());
    }
}
