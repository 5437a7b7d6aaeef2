package dev.helpdesk.core.ticket;

import static dev.helpdesk.core.ticket.DeciderFixture.ANA;
import static dev.helpdesk.core.ticket.DeciderFixture.CAROL;
import static dev.helpdesk.core.ticket.DeciderFixture.DECIDER;
import static dev.helpdesk.core.ticket.DeciderFixture.MAILER;
import static dev.helpdesk.core.ticket.DeciderFixture.opened;
import static dev.helpdesk.core.ticket.DeciderFixture.printer;
import static dev.helpdesk.core.ticket.DeciderFixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Issue 10, item 3: a customer opening a ticket cannot set what the desk decides; the command is rejected, naming each such field. */
class CustomerOpeningTest {

    private static List<String> fieldsOf(Rejection r) {
        return ((Rejection.Invalid) r).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_customer_choosing_priority_tier_and_group_is_rejected_naming_each() {
        Rejection r = rejected(DECIDER.checkOpen(printer(CAROL).priority(Priority.URGENT).tier(Tier.L3)
                .group(GroupId.of("printers")).build(), CAROL));
        assertEquals(List.of("priority", "tier", "group"), fieldsOf(r));
    }

    @Test
    void a_customer_sets_custom_fields_that_are_theirs_to_set_and_no_others() {
        Ticket t = opened(printer(CAROL).field("product", "LaserJet 4").build(), CAROL);
        assertEquals(Map.of("product", "LaserJet 4"), t.fields());
        Rejection r = rejected(DECIDER.checkOpen(printer(CAROL).field("contract-value", "1000").field("region", "EU")
                .field("colour", "red").build(), CAROL));
        assertEquals(List.of("fields.contract-value", "fields.region", "fields.colour"), fieldsOf(r));
    }

    @Test
    void the_defaults_are_what_a_customer_gets() {
        Ticket t = opened();
        assertEquals(Priority.NORMAL, t.priority());
        assertEquals(Tier.L1, t.tier());
        assertEquals(Optional.empty(), t.group());
    }

    @Test
    void staff_and_integrations_open_with_every_part() {
        for (Actor by : List.of(ANA, MAILER)) {
            Ticket t = opened(printer(CAROL).priority(Priority.HIGH).tier(Tier.L2).group(GroupId.of("printers"))
                    .field("contract-value", "1.5e3").build(), by);
            assertEquals(Priority.HIGH, t.priority());
            assertEquals(Tier.L2, t.tier());
            assertEquals(Optional.of(GroupId.of("printers")), t.group());
            assertEquals("1500", t.fields().get("contract-value"));
        }
    }

    @Test
    void a_field_value_of_the_wrong_type_is_rejected_for_everyone() {
        Rejection r = rejected(DECIDER.checkOpen(printer(CAROL).field("contract-value", "lots").build(), ANA));
        assertEquals(List.of("fields.contract-value"), fieldsOf(r));
    }

    @Provide
    Arbitrary<Map<String, String>> fieldValues() {
        return Arbitraries.maps(Arbitraries.of("contract-value", "product", "region", "colour"),
                Arbitraries.of("7", "LaserJet", "EU", "x".repeat(600))).ofMaxSize(4);
    }

    @Property(tries = 300)
    void what_a_customer_opens_never_carries_what_the_desk_decides(@ForAll Priority priority, @ForAll Tier tier,
                                                                 @ForAll boolean grouped,
                                                                 @ForAll("fieldValues") Map<String, String> fields) {
        TicketCommand.Open.Builder b = printer(CAROL).priority(priority).tier(tier).group(grouped ? GroupId.of("g") : null);
        fields.forEach(b::field);
        var checked = DECIDER.checkOpen(b.build(), CAROL);
        boolean allowed = priority == Priority.NORMAL && tier == Tier.L1 && !grouped
                && fields.entrySet().stream().allMatch(e -> e.getKey().equals("product") && e.getValue().length() <= 500);
        assertEquals(allowed, checked.isRight(), String.valueOf(checked));
        if (checked.isLeft()) {
            List<String> named = fieldsOf(checked.getLeft());
            if (priority != Priority.NORMAL) {
                assertTrue(named.contains("priority"));
            }
            if (tier != Tier.L1) {
                assertTrue(named.contains("tier"));
            }
            if (grouped) {
                assertTrue(named.contains("group"));
            }
            new TreeMap<>(fields).keySet().stream().filter(f -> !f.equals("product"))
                    .forEach(f -> assertTrue(named.contains("fields." + f), named.toString()));
        }
    }
}
