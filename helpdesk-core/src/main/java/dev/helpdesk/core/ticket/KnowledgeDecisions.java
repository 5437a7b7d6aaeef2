package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;

/**
 * The part of {@link TicketDecider} that decides what the knowledge base does to a ticket: an
 * agent links an article (and may solve the ticket with it), a customer closes their own
 * ticket as self-served because an article solved the problem. Input first, then who may, then
 * the ticket's state, as for every command.
 */
final class KnowledgeDecisions {
    private KnowledgeDecisions() {
    }

    static Either<Rejection, List<TicketEvent>> decide(TicketCommand command, Ticket t, Actor actor, Instant now) {
        if (command instanceof TicketCommand.LinkArticle c) {
            return Input.all(Input.required("article", c.article()))
                    .flatMap(a -> Rules.staffOnly(actor, c.name()))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .flatMap(a -> c.solution() ? Rules.canBeSolved(t) : Either.right(a))
                    .map(a -> c.solution()
                            ? List.of(new TicketEvent.ArticleLinked(t.id(), now, actor, c.article(), true),
                            new TicketEvent.Solved(t.id(), now, actor))
                            : List.of(new TicketEvent.ArticleLinked(t.id(), now, actor, c.article(), false)));
        }
        TicketCommand.SelfServe c = (TicketCommand.SelfServe) command;
        return Input.all(Input.required("article", c.article()))
                .flatMap(a -> actor instanceof Actor.Customer customer && customer.id().equals(t.requester())
                        ? Either.<Rejection, Allowance>right(Allowance.GRANTED)
                        : Either.left(new Rejection.NotAllowed("only the requester closes a ticket as self-served")))
                .flatMap(a -> Rules.notFinal(t, c.name()))
                .flatMap(a -> t.status() == Status.SOLVED ? Either.left(new Rejection.InvalidTransition(c.name(),
                        t.status().name(), "a solved ticket is not self-served")) : Either.right(a))
                .map(a -> List.of(new TicketEvent.ArticleLinked(t.id(), now, actor, c.article(), true),
                        new TicketEvent.Closed(t.id(), now, actor, false)));
    }
}
