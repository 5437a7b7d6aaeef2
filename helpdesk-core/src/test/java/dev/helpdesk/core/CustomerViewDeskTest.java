package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desk's customer-facing reads (get, list, history) show the customer's view. */
class CustomerViewDeskTest {
    private final Fixture f = new Fixture(b -> b.customFields(CustomField.number("contract-value"),
            CustomField.text("product").withAccess(CustomField.Access.CUSTOMER_SETS)));

    @Test
    void get_list_and_history_hide_tags_staff_fields_and_notes_from_the_customer() {
        Ticket t = ok(f.acme.open(Fixture.printerBroken(CAROL).field("product", "LaserJet").build(), CAROL));
        ok(f.desk.tenant(Fixture.ACME).escalation().tag(t.id(), "vip", ANA));
        ok(f.desk.tenant(Fixture.ACME).escalation().setField(t.id(), "contract-value", "1000", ANA));
        ok(f.acme.note(t.id(), "difficult customer", ANA));

        Ticket seen = ok(f.acme.get(t.id(), CAROL));
        assertTrue(seen.tags().isEmpty());
        assertEquals(Map.of("product", "LaserJet"), seen.fields());
        assertEquals(1, seen.messages().size());
        Ticket listed = ok(f.acme.list(TicketQuery.all(), PageRequest.first(10), CAROL)).items().get(0);
        assertEquals(seen.fields(), listed.fields());
        assertTrue(listed.tags().isEmpty());
        List<String> kinds = ok(f.acme.history(t.id(), CAROL)).stream().map(RecordedEvent::event).map(e -> e.kind()).toList();
        assertEquals(List.of("opened", "message_posted", "field_set"), kinds);

        Ticket staff = ok(f.acme.get(t.id(), ANA));
        assertEquals(List.of("vip"), List.copyOf(staff.tags()));
        assertEquals("1000", staff.fields().get("contract-value"));
    }

    @Test
    void a_customers_command_answers_with_the_customers_view() {
        Ticket t = ok(f.acme.open(Fixture.printerBroken(CAROL).field("product", "LaserJet").build(), CAROL));
        ok(f.desk.tenant(Fixture.ACME).escalation().tag(t.id(), "vip", ANA));
        ok(f.desk.tenant(Fixture.ACME).escalation().setField(t.id(), "contract-value", "1000", ANA));

        Ticket answered = ok(f.acme.reply(t.id(), "Any news?", dev.helpdesk.spi.ticket.Channel.EMAIL, CAROL));

        assertTrue(answered.tags().isEmpty());
        assertEquals(Map.of("product", "LaserJet"), answered.fields());
    }
}
