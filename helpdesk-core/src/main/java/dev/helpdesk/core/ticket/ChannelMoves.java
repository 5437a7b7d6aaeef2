package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;

/**
 * The part of {@link TicketDecider} that moves a ticket to another channel: input first (the
 * channel, a one-line reason), then who may (staff), then the ticket's state (not closed or
 * merged). Moving to the channel the ticket is on records nothing.
 */
final class ChannelMoves {
    private ChannelMoves() {
    }

    static Either<Rejection, List<TicketEvent>> decide(TicketCommand.MoveToChannel c, Ticket t, Actor actor, Instant now) {
        return Input.all(Input.required("channel", c.channel()), Input.reason("reason", c.reason()))
                .flatMap(a -> Rules.staffOnly(actor, c.name()))
                .flatMap(a -> Rules.notFinal(t, c.name()))
                .map(a -> c.channel().equals(t.channel()) ? List.<TicketEvent>of()
                        : List.of(new TicketEvent.ChannelMoved(t.id(), now, actor, c.channel(), c.reason())));
    }
}
