package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.problem.ProblemLinks;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The part of {@link TicketDecider} that decides a ticket's links to problems: input first, then
 * who may, then the ticket's state and its current links (from its history).
 */
final class ProblemDecisions {
    private ProblemDecisions() {
    }

    static Either<Rejection, List<TicketEvent>> decide(TicketCommand.ProblemLink command, Ticket t,
                                                       Supplier<? extends List<TicketEvent>> history, Actor actor, Instant now) {
        return Input.all(Input.required("problem", command.problem()))
                .flatMap(a -> Rules.visibleTo(actor, t))
                .flatMap(a -> Rules.staffOnly(actor, command.name()))
                .flatMap(a -> t.status() == Status.MERGED
                        ? Either.left(new Rejection.InvalidTransition(command.name(), t.status().name(),
                        "a merged ticket is not an incident of its own: link the ticket it was merged into"))
                        : Either.right(a))
                .flatMap(a -> {
                    boolean linked = ProblemLinks.current(history.get()).contains(command.problem());
                    if (command instanceof TicketCommand.LinkProblem) {
                        return linked
                                ? Either.left(Rejection.Invalid.of("problem", "ticket #" + t.number().value()
                                + " is already linked to problem " + command.problem()))
                                : Either.right(List.of(new TicketEvent.ProblemLinked(t.id(), now, actor, command.problem())));
                    }
                    return linked
                            ? Either.right(List.of(new TicketEvent.ProblemUnlinked(t.id(), now, actor, command.problem())))
                            : Either.left(Rejection.Invalid.of("problem", "ticket #" + t.number().value()
                            + " is not linked to problem " + command.problem()));
                });
    }
}
