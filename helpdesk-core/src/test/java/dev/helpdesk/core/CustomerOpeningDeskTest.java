package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.printerBroken;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10, item 3, through the desk on the in-memory store: what a customer may not choose is refused and nothing is written. */
class CustomerOpeningDeskTest {
    private final Fixture f = new Fixture(b -> b.customFields(CustomField.number("contract-value"),
            CustomField.text("product").withAccess(CustomField.Access.CUSTOMER_SETS)));

    @Test
    void a_customer_choosing_what_the_desk_decides_is_rejected_and_nothing_is_stored() {
        Rejection r = rejected(f.acme.open(printerBroken(CAROL).priority(Priority.URGENT).group(GroupId.of("vip"))
                .field("contract-value", "1000000").build(), CAROL));
        assertEquals(List.of("priority", "group", "fields.contract-value"),
                ((Rejection.Invalid) r).errors().stream().map(FieldError::field).toList());
        assertEquals(List.of(), ok(f.acme.list(TicketQuery.inStatus(Status.NEW), PageRequest.first(10), ANA)).items());
    }

    @Test
    void a_customer_sets_the_fields_the_desk_lets_them_and_staff_set_the_rest() {
        Ticket mine = ok(f.acme.open(printerBroken(CAROL).field("product", "LaserJet 4").build(), CAROL));
        assertEquals("LaserJet 4", ok(f.acme.get(mine.id(), ANA)).fields().get("product"));
        Ticket logged = ok(f.acme.open(printerBroken(CAROL).priority(Priority.HIGH).field("contract-value", "1000").build(), ANA));
        assertEquals(Priority.HIGH, logged.priority());
        assertEquals("1000", logged.fields().get("contract-value"));
    }

    @Test
    void a_customer_reply_to_a_closed_high_priority_ticket_opens_its_follow_up_all_the_same() {
        Ticket t = ok(f.acme.open(printerBroken(CAROL).priority(Priority.HIGH).group(GroupId.of("printers")).build(), ANA));
        ok(f.acme.assign(t.id(), dev.helpdesk.spi.party.AgentId.of("ana"), ANA));
        ok(f.acme.solve(t.id(), ANA));
        ok(f.acme.close(t.id(), ANA));
        Ticket followUp = ok(f.acme.reply(t.id(), "It is broken again \uD83D\uDE1E", dev.helpdesk.spi.ticket.Channel.EMAIL, CAROL));
        assertTrue(followUp.followUpOf().isPresent());
        assertEquals(Priority.HIGH, ok(f.acme.get(followUp.id(), ANA)).priority());
    }

    @Test
    void a_customer_reply_to_a_closed_ticket_whose_subject_ends_in_an_emoji_is_not_lost() {
        // 245 code points: one too many for the 244 behind "Follow-up: ", and the cut falls in an emoji's UTF-16 pair
        String subject = "x".repeat(243) + "\uD83D\uDE00\uD83D\uDE00";
        Ticket t = ok(f.acme.open(printerBroken(CAROL).subject(subject).build(), CAROL));
        ok(f.acme.assign(t.id(), dev.helpdesk.spi.party.AgentId.of("ana"), ANA));
        ok(f.acme.solve(t.id(), ANA));
        ok(f.acme.close(t.id(), ANA));

        Ticket followUp = ok(f.acme.reply(t.id(), "Still broken", dev.helpdesk.spi.ticket.Channel.EMAIL, CAROL));

        assertEquals("Follow-up: " + "x".repeat(243) + "\uD83D\uDE00", followUp.subject());
    }
}
