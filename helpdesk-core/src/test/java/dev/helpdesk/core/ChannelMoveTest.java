package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ticket moves to another channel by an explicit command, recorded in its history. */
class ChannelMoveTest {
    private final Fixture f = new Fixture();

    private Ticket phoneTicket() {
        return ok(f.acme.open(Fixture.printerBroken(CAROL).channel(Channel.PHONE).build(), ANA));
    }

    @Test
    void an_agent_moves_a_phone_ticket_to_email_and_the_move_is_in_its_history() {
        Ticket t = phoneTicket();

        Ticket moved = ok(f.acme.execute(t.id(), new TicketCommand.MoveToChannel(Channel.EMAIL,
                "follow-up by email, as agreed on the call"), ANA));

        assertEquals(Channel.EMAIL, moved.channel());
        List<TicketEvent> history = ok(f.acme.history(t.id(), ANA)).stream().map(RecordedEvent::event).toList();
        TicketEvent.ChannelMoved move = (TicketEvent.ChannelMoved) history.get(history.size() - 1);
        assertEquals(Channel.EMAIL, move.channel());
        assertEquals(ANA, move.actor());
        assertEquals("follow-up by email, as agreed on the call", move.reason());
        assertEquals(Channel.PHONE, ((TicketEvent.Opened) history.get(0)).channel(), "the opening keeps its channel");
        assertEquals(ok(f.acme.get(t.id(), ANA)), Tickets.replay(Fixture.ACME, history));
        // the customer sees where the conversation went
        assertEquals(1, ok(f.acme.history(t.id(), CAROL)).stream()
                .filter(r -> r.event() instanceof TicketEvent.ChannelMoved).count());
        assertEquals(Channel.EMAIL, ok(f.acme.get(t.id(), CAROL)).channel());
    }

    @Test
    void moving_to_the_channel_it_is_on_records_nothing() {
        Ticket t = phoneTicket();
        Ticket same = ok(f.acme.execute(t.id(), new TicketCommand.MoveToChannel(Channel.PHONE, "still on the phone"), ANA));
        assertEquals(t.version(), same.version());
    }

    @Test
    void bad_input_customers_and_closed_tickets_are_refused_and_nothing_is_written() {
        Ticket t = phoneTicket();
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class,
                rejected(f.acme.execute(t.id(), new TicketCommand.MoveToChannel(null, " "), ANA)));
        assertEquals(List.of("channel", "reason"), invalid.errors().stream().map(FieldError::field).toList());
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.execute(t.id(),
                new TicketCommand.MoveToChannel(Channel.EMAIL, "I prefer email"), CAROL)));
        ok(f.acme.assign(t.id(), AgentId.of("ana"), ANA));
        ok(f.acme.solve(t.id(), ANA));
        ok(f.acme.close(t.id(), ANA));
        long version = ok(f.acme.get(t.id(), ANA)).version();
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.execute(t.id(),
                new TicketCommand.MoveToChannel(Channel.EMAIL, "too late"), ANA)));
        assertEquals(version, ok(f.acme.get(t.id(), ANA)).version());
    }
}
