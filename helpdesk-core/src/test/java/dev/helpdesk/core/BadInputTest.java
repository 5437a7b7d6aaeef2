package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BadInputTest {
    private final Fixture f = new Fixture();

    @Test
    void an_empty_open_command_names_every_missing_field_at_once() {
        Rejection r = rejected(f.acme.open(TicketCommand.open().priority(null).tier(null).build(), ANA));

        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, r);
        for (String field : new String[] {"subject", "body", "channel", "category", "priority", "tier", "requester"}) {
            assertTrue(invalid.names(field), field + " missing from " + invalid.message());
        }
        assertNothingWritten();
    }

    @Test
    void the_open_builder_never_throws_and_keeps_null_field_names_and_values_to_be_rejected_by_name() {
        TicketCommand.Open command = Fixture.printerBroken(CAROL).field("plan", null).field(null, "gold").build();

        assertEquals(java.util.Arrays.asList("plan", null), new java.util.ArrayList<>(command.fields().keySet()));
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.open(command, CAROL)));
        assertTrue(invalid.names("fields.plan"), invalid.message());
        assertNothingWritten();
    }

    @Test
    void an_open_command_is_a_value_copied_with_one_part_changed() {
        TicketCommand.Open command = Fixture.printerBroken(CAROL).build();

        TicketCommand.Open urgent = command.withPriority(dev.helpdesk.spi.ticket.Priority.URGENT);

        assertEquals(dev.helpdesk.spi.ticket.Priority.URGENT, urgent.priority());
        assertEquals(command.subject(), urgent.subject());
        assertEquals(command, urgent.withPriority(command.priority()));
        assertEquals(dev.helpdesk.spi.ticket.Priority.NORMAL, TicketCommand.open().build().priority());
        assertEquals(dev.helpdesk.spi.ticket.Tier.L1, TicketCommand.open().build().tier());
    }

    @Test
    void blank_oversize_and_control_character_input_is_rejected_by_field() {
        Rejection r = rejected(f.acme.open(Fixture.printerBroken(CAROL)
                .subject("x".repeat(Ticket.MAX_SUBJECT_LENGTH + 1))
                .body("a\u0000b")
                .build(), CAROL));

        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, r);
        assertEquals(2, invalid.errors().size(), invalid.message());
        assertTrue(invalid.names("subject"));
        assertTrue(invalid.names("body"));
        assertNothingWritten();
    }

    @Test
    void a_body_over_64_kib_in_utf8_is_rejected_even_when_it_has_fewer_characters() {
        String body = "é".repeat(32 * 1024 + 1); // 2 bytes each in UTF-8

        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class,
                rejected(f.acme.open(Fixture.printerBroken(CAROL).body(body).build(), CAROL)));

        assertTrue(invalid.names("body"));
    }

    @Test
    void a_body_of_exactly_64_kib_is_accepted() {
        ok(f.acme.open(Fixture.printerBroken(CAROL).body("x".repeat(64 * 1024)).build(), CAROL));
    }

    @Test
    void a_subject_with_a_line_break_is_rejected_but_a_body_may_have_lines() {
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.open(
                Fixture.printerBroken(CAROL).subject("two\nlines").body("line one\r\nline two\tend").build(), CAROL)));

        assertEquals(1, invalid.errors().size());
        assertTrue(invalid.names("subject"));
    }

    @Test
    void blank_text_is_rejected() {
        Ticket t = f.openedBy(CAROL);

        assertTrue(((Rejection.Invalid) rejected(f.acme.reply(t.id(), "   ", Channel.EMAIL, CAROL))).names("body"));
        assertTrue(((Rejection.Invalid) rejected(f.acme.note(t.id(), "", ANA))).names("body"));
        assertTrue(((Rejection.Invalid) rejected(f.acme.reply(t.id(), "hi", null, CAROL))).names("channel"));
        assertEquals(2, ok(f.acme.get(t.id(), ANA)).version(), "nothing written");
    }

    @Test
    void an_unpaired_surrogate_is_rejected() {
        assertTrue(((Rejection.Invalid) rejected(f.acme.open(Fixture.printerBroken(CAROL).subject("bad \uD800 half").build(),
                CAROL))).names("subject"));
    }

    @Test
    void a_category_outside_the_desks_taxonomy_is_rejected_until_the_host_adds_it() {
        Category custom = Category.of("customer.loyalty-programme");

        assertTrue(((Rejection.Invalid) rejected(f.acme.open(Fixture.printerBroken(CAROL).category(custom).build(), CAROL)))
                .names("category"));

        Fixture extended = new Fixture(b -> b.addCategories(java.util.List.of(custom)));
        assertEquals(custom, ok(extended.acme.open(Fixture.printerBroken(CAROL).category(custom).build(), CAROL)).category());
    }

    @Test
    void unknown_and_null_ids_are_rejected_not_thrown() {
        TicketId unknown = TicketId.of(UUID.fromString("00000000-0000-7000-8000-000000000001"));

        assertInstanceOf(Rejection.NotFound.class, rejected(f.acme.solve(unknown, ANA)));
        assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.solve(null, ANA)));
        assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.get(null, ANA)));
        assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.solve(f.openedBy(CAROL).id(), null)));
        assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.open(null, ANA)));
        assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.list(null, PageRequest.first(1), ANA)));
        assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.assign(f.openedBy(CAROL).id(), null, ANA)));
    }

    @Test
    void a_follow_up_must_name_an_existing_closed_ticket_of_the_tenant() {
        Ticket open = f.openedBy(CAROL);
        TicketId unknown = TicketId.of(UUID.fromString("00000000-0000-7000-8000-000000000002"));

        assertInstanceOf(Rejection.NotFound.class,
                rejected(f.acme.open(Fixture.printerBroken(CAROL).followUpOf(unknown).build(), CAROL)));
        assertTrue(((Rejection.Invalid) rejected(f.acme.open(Fixture.printerBroken(CAROL).followUpOf(open.id()).build(), CAROL)))
                .names("followUpOf"));
    }

    @Test
    void a_customer_cannot_open_a_ticket_for_someone_else() {
        assertInstanceOf(Rejection.NotAllowed.class,
                rejected(f.acme.open(Fixture.printerBroken(Fixture.DAVE).build(), CAROL)));
    }

    private void assertNothingWritten() {
        assertTrue(ok(f.acme.list(TicketQuery.all(), PageRequest.first(10), ANA)).items().isEmpty());
    }
}
