package dev.helpdesk.spi.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final TenantId T = TenantId.of("acme");
    private static final TicketId ID = TicketId.of(UUID.fromString("0190a000-0000-7000-8000-000000000001"));
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void identifiers_reject_malformed_values() {
        assertThrows(ConfigurationException.class, () -> TenantId.of("a b"));
        assertThrows(ConfigurationException.class, () -> CustomerId.of(" "));
        assertThrows(ConfigurationException.class, () -> AgentId.of("x\u0000"));
        assertThrows(ConfigurationException.class, () -> TicketNumber.of(0));
        assertThrows(ConfigurationException.class, () -> Channel.of("whats app"));
        assertThrows(ConfigurationException.class, () -> Category.of("Billing"));
        assertTrue(TenantId.isValid("acme-eu.1"));
        assertFalse(TenantId.isValid(null));
    }

    @Test
    void the_default_taxonomy_covers_technical_customer_and_general_support() {
        assertEquals(List.of("technical", "customer", "general"),
                Category.defaults().stream().map(Category::area).distinct().toList());
        assertEquals("customer", Category.of("customer.loyalty").area());
    }

    @Test
    void a_host_defines_its_own_channel() {
        Channel whatsapp = Channel.of("WHATSAPP");

        assertFalse(Channel.wellKnown().contains(whatsapp));
        assertFalse(whatsapp.isRealTime());
        assertTrue(Channel.PHONE.isRealTime());
    }

    @Test
    void ticket_numbers_read_as_on_the_phone() {
        assertEquals("#10234", TicketNumber.of(10234).toString());
    }

    @Test
    void replay_builds_the_state_event_by_event() {
        Actor agent = Actor.agent("ana");
        List<TicketEvent> events = List.of(
                new TicketEvent.Opened(ID, AT, Actor.customer("carol"), TicketNumber.of(7), "Help", CustomerId.of("carol"),
                        Channel.EMAIL, Category.BILLING, Priority.NORMAL, Tier.L1, Optional.empty(), Optional.empty()),
                new TicketEvent.Assigned(ID, AT.plusSeconds(60), agent, AgentId.of("ana")),
                new TicketEvent.StatusChanged(ID, AT.plusSeconds(60), agent, Status.NEW, Status.OPEN),
                new TicketEvent.Solved(ID, AT.plusSeconds(120), agent),
                new TicketEvent.Reopened(ID, AT.plusSeconds(180), Actor.customer("carol"), 2));

        Ticket t = Tickets.replay(T, events);

        assertEquals(Status.OPEN, t.status());
        assertEquals(2, t.cycle());
        assertEquals(5, t.version());
        assertEquals(Optional.empty(), t.solvedAt());
        assertEquals(AT.plusSeconds(180), t.updatedAt());
        assertEquals(t, Tickets.evolve(Tickets.replay(T, events.subList(0, 2)), events.subList(2, 5)));
    }

    @Test
    void a_history_must_start_with_an_opening_and_stay_on_one_ticket() {
        TicketEvent solved = new TicketEvent.Solved(ID, AT, Actor.agent("ana"));

        assertThrows(IllegalArgumentException.class, () -> Tickets.replay(T, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Tickets.replay(T, List.of(solved)));
    }

    @Test
    void event_kinds_have_stable_snake_case_names() {
        assertEquals("message_posted", new TicketEvent.MessagePosted(ID, AT, Actor.agent("a"),
                new Message(new MessageId(ID.value()), Actor.agent("a"), Visibility.PUBLIC, Channel.EMAIL, "x", AT, false)).kind());
        assertEquals("merged_in", new TicketEvent.MergedIn(ID, AT, Actor.agent("a"), ID).kind());
    }

    @Test
    void an_invalid_rejection_lists_every_field() {
        Rejection.Invalid r = new Rejection.Invalid(List.of(new FieldError("subject", "must not be blank"),
                new FieldError("body", "is required")));

        assertTrue(r.names("subject") && r.names("body"));
        assertEquals("invalid input: subject must not be blank; body is required", r.message());
        assertThrows(IllegalArgumentException.class, () -> new Rejection.Invalid(List.of()));
    }
}
