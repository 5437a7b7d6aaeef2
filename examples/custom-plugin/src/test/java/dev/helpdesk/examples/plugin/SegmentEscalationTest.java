package dev.helpdesk.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentEscalationTest {
    private final SegmentEscalation action = new SegmentEscalation();
    private final Ticket ticket = Fixtures.openedTicket();
    private final Map<String, String> parameters = Map.of(
            "enterprise", "L3 key-accounts",
            "*", "L2 specialists",
            "@notify-role", "account-manager");

    @Test
    void the_requesters_segment_chooses_the_tier_and_group_and_the_role_is_told_urgently() {
        List<Action> actions = action.expand(facts(Optional.of(CustomerSegment.of("enterprise"))), parameters);

        assertEquals(List.of(new Action.RaiseTier(Optional.of(Tier.L3)), new Action.SetGroup(GroupId.of("key-accounts")),
                new Action.NotifyRole("account-manager", true)), actions);
    }

    @Test
    void a_segment_without_an_entry_and_an_unknown_segment_take_the_entry_for_every_other() {
        List<Action> expected = List.of(new Action.RaiseTier(Optional.of(Tier.L2)),
                new Action.SetGroup(GroupId.of("specialists")), new Action.NotifyRole("account-manager", true));

        assertEquals(expected, action.expand(facts(Optional.of(CustomerSegment.of("smb"))), parameters));
        assertEquals(expected, action.expand(facts(Optional.empty()), parameters));
    }

    @Test
    void without_an_entry_for_the_segment_nor_for_every_other_the_ticket_stays_as_it_is() {
        assertEquals(List.of(), action.expand(facts(Optional.of(CustomerSegment.of("smb"))),
                Map.of("enterprise", "L3 key-accounts")));
    }

    @Test
    void well_formed_parameters_pass_the_check() {
        assertEquals(List.of(), action.check(parameters));
        assertEquals(List.of(), action.check(Map.of("*", "L4 vendor")));
    }

    @Test
    void the_check_names_every_bad_parameter() {
        List<FieldError> errors = action.check(Map.of(
                "enter prise", "L3 key-accounts",
                "smb", "L9 specialists",
                "gold", "L2",
                "@notify-role", "account manager"));

        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.contains(new FieldError("enter prise", "is neither a segment code nor *")), errors.toString());
        assertTrue(errors.contains(new FieldError("smb", "must be a tier and a group, such as 'L3 key-accounts'")));
        assertTrue(errors.contains(new FieldError("gold", "must be a tier and a group, such as 'L3 key-accounts'")));
        assertTrue(errors.contains(new FieldError("@notify-role", "must be a role name without spaces")));
    }

    @Test
    void a_rule_must_name_at_least_one_target() {
        assertEquals(List.of(new FieldError("parameters", "name at least one segment, or *")),
                action.check(Map.of("@notify-role", "account-manager")));
    }

    @Test
    void its_plugin_name_follows_the_action_types_convention() {
        assertEquals("segment-escalation", action.type());
        assertEquals("action:segment-escalation", action.name());
    }

    private TicketFacts facts(Optional<CustomerSegment> segment) {
        return new TicketFacts(ticket, List.of(), Map.of(), segment, 0);
    }
}
