package dev.helpdesk.core.ticket;

import static dev.helpdesk.core.ticket.DeciderFixture.ANA;
import static dev.helpdesk.core.ticket.DeciderFixture.CAROL;
import static dev.helpdesk.core.ticket.DeciderFixture.DECIDER;
import static dev.helpdesk.core.ticket.DeciderFixture.RULE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10, item 2, spelled out: what a customer sees of a ticket that the desk worked on. */
class CustomerViewTest {
    private static final dev.helpdesk.spi.party.Actor SLA = dev.helpdesk.spi.party.Actor.system("sla");
    private final List<TicketEvent> history = new ArrayList<>(DeciderFixture.opening(
            DeciderFixture.printer(CAROL).field("product", "LaserJet").build(), CAROL));
    private Ticket ticket = Tickets.replay(DeciderFixture.ACME, history);

    private void by(dev.helpdesk.spi.party.Actor actor, TicketCommand command) {
        List<TicketEvent> events = DeciderFixture.ok(DECIDER.decide(command, ticket, actor,
                ticket.updatedAt().plusSeconds(60), DeciderFixture.messageIds()));
        history.addAll(events);
        ticket = Tickets.evolve(ticket, events);
    }

    @Test
    void a_customer_sees_the_conversation_status_and_their_fields_and_nothing_of_the_desks_work() {
        by(ANA, new TicketCommand.Note("customer is difficult"));
        by(ANA, new TicketCommand.Tag("vip"));
        by(ANA, new TicketCommand.SetField("contract-value", "1000"));
        by(ANA, new TicketCommand.SetField("region", "EU"));
        by(RULE, new TicketCommand.FireRule("vip", "tag_added@4", "VIPs go to L2", 1));
        by(RULE, new TicketCommand.ChangeTier(Tier.L2, "VIPs go to L2"));
        by(RULE, new TicketCommand.Reply("A specialist will look at it.", Channel.EMAIL));
        by(SLA, new TicketCommand.BreachSla(ClockKind.FIRST_RESPONSE, 1, Instant.parse("2026-03-02T10:00:00Z")));
        by(ANA, new TicketCommand.Assign(AgentId.of("ana")));

        CustomerView view = DECIDER.customerView();
        Ticket seen = view.ticket(ticket);
        assertEquals(List.of("The office printer stopped printing this morning.", "A specialist will look at it."),
                seen.messages().stream().map(m -> m.body()).toList());
        assertEquals(CustomerView.SUPPORT, seen.messages().get(1).author());
        assertEquals(Map.of("product", "LaserJet", "region", "EU"), seen.fields());
        assertEquals(List.of(), List.copyOf(seen.tags()));
        assertEquals(ticket.status(), seen.status());

        List<TicketEvent> events = view.events(history);
        assertEquals(List.of("opened", "message_posted", "field_set", "field_set", "tier_changed", "message_posted",
                "assigned", "status_changed"), events.stream().map(TicketEvent::kind).toList());
        TicketEvent.TierChanged tier = (TicketEvent.TierChanged) events.get(4);
        assertEquals(CustomerView.SUPPORT, tier.actor());
        assertEquals("", tier.reason());
    }

    @Test
    void a_ticket_with_nothing_to_hide_is_shown_as_it_is() {
        assertSame(ticket, DECIDER.customerView().ticket(ticket));
    }
}
