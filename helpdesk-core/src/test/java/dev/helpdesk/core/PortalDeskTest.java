package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.portal.FormField;
import dev.helpdesk.core.portal.PortalSettings;
import dev.helpdesk.core.portal.WebForm;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portal: a customer's own tickets, public conversation and replies; web forms with required fields. */
class PortalDeskTest {
    private static final WebForm RETURNS = WebForm.builder().name("returns").category(Category.ORDERS_AND_SHIPPING)
            .addField(FormField.required("order"))
            .addField(FormField.optional("reason"))
            .addField(new FormField("internal-score", Optional.of("score"), false))
            .addField(new FormField("colour", Optional.empty(), false))
            .build();
    private final Fixture f = new Fixture(b -> b
            .customFields(CustomField.text("order").withAccess(CustomField.Access.CUSTOMER_SETS),
                    CustomField.text("reason").withAccess(CustomField.Access.CUSTOMER_SETS), CustomField.number("score"))
            .portal(PortalSettings.builder().addForm(RETURNS).build()));
    private final PortalDesk portal = f.desk.tenant(ACME).portal();

    private int tickets() {
        return ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items().size();
    }

    @Test
    void a_customer_lists_reads_and_answers_only_their_own_tickets_without_internal_notes() {
        Ticket mine = f.openedBy(CAROL);
        Ticket theirs = f.openedBy(DAVE);
        ok(f.acme.note(mine.id(), "internal: refund approved", ANA));
        ok(f.acme.reply(mine.id(), "We are on it.", Channel.EMAIL, ANA));

        assertEquals(List.of(mine.id()), ok(portal.myTickets(PageRequest.first(10), CAROL)).items().stream()
                .map(Ticket::id).toList());
        List<Message> conversation = ok(portal.conversation(mine.id(), CAROL));
        assertTrue(conversation.stream().allMatch(m -> m.visibility() == Visibility.PUBLIC));
        assertEquals("We are on it.", conversation.get(conversation.size() - 1).body());
        Ticket replied = ok(portal.reply(mine.id(), "Thanks, waiting.", CAROL));
        assertEquals(Channel.SELF_SERVICE, replied.messages().get(replied.messages().size() - 1).channel());
        assertInstanceOf(Rejection.NotFound.class, rejected(portal.ticket(theirs.id(), CAROL)));
        assertInstanceOf(Rejection.NotFound.class, rejected(portal.reply(theirs.id(), "hi", CAROL)));
    }

    @Test
    void staff_do_not_use_the_portal() {
        assertInstanceOf(Rejection.NotAllowed.class, rejected(portal.myTickets(PageRequest.first(10), ANA)));
    }

    @Test
    void a_web_form_opens_a_web_form_ticket_with_its_fields_in_custom_fields() {
        Ticket t = ok(portal.submit("returns", Map.of("subject", "Return a kettle", "description", "It leaks.",
                "order", "5531", "colour", "red"), CAROL));

        Ticket staffView = ok(f.acme.get(t.id(), ANA));
        assertEquals(Channel.WEB_FORM, staffView.channel());
        assertEquals(Category.ORDERS_AND_SHIPPING, staffView.category());
        assertEquals("5531", staffView.fields().get("order"));
        assertTrue(staffView.messages().get(0).body().contains("colour: red"));
    }

    @Test
    void a_web_form_missing_required_inputs_or_with_unknown_ones_is_refused_naming_each_and_writes_nothing() {
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(portal.submit("returns",
                Map.of("description", " ", "coupon", "X1"), CAROL)));

        for (String field : List.of("subject", "description", "order", "coupon")) {
            assertTrue(r.names(field), field + " in " + r.message());
        }
        assertEquals(0, tickets());
    }

    @Test
    void a_value_the_custom_field_refuses_is_named_by_the_forms_input() {
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(portal.submit("returns",
                Map.of("subject", "Return", "description", "Leaks", "order", "5531", "internal-score", "9"), CAROL)));

        assertTrue(r.names("internal-score"), r.message());
        assertEquals(0, tickets());
    }

    @Test
    void an_unknown_form_is_not_found() {
        assertInstanceOf(Rejection.NotFound.class, rejected(portal.submit("warranty", Map.of(), CAROL)));
    }

    @Test
    void a_form_posted_twice_under_one_key_opens_one_ticket_and_a_reply_posted_twice_adds_one_message() {
        dev.helpdesk.spi.idempotency.IdempotencyKey post = dev.helpdesk.spi.idempotency.IdempotencyKey.of("form-post-1");
        Map<String, String> inputs = Map.of("subject", "Return a kettle", "description", "It leaks.", "order", "5531");

        Ticket first = ok(portal.submit(post, "returns", inputs, CAROL));
        Ticket again = ok(portal.submit(post, "returns", inputs, CAROL));
        dev.helpdesk.spi.idempotency.IdempotencyKey reply = dev.helpdesk.spi.idempotency.IdempotencyKey.of("reply-1");
        ok(portal.reply(reply, first.id(), "Any news?", CAROL));
        ok(portal.reply(reply, first.id(), "Any news?", CAROL));

        assertEquals(first, again);
        assertEquals(1, tickets());
        assertEquals(1, ok(portal.conversation(first.id(), CAROL)).stream().filter(m -> m.body().equals("Any news?")).count());
    }
}
