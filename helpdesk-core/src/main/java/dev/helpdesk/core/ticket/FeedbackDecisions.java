package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.feedback.SatisfactionScale;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of {@link TicketDecider} that decides satisfaction ratings. Same order of checks as
 * every other command: input first, then who may, then what the ticket's state allows.
 */
final class FeedbackDecisions {
    /** The longest comment a rating takes, in code points. */
    static final int MAX_COMMENT_LENGTH = 2000;

    private FeedbackDecisions() {
    }

    static Either<Rejection, List<TicketEvent>> rate(TicketCommand.RateSatisfaction c, Ticket t, Actor actor, Instant now) {
        String comment = c.comment() == null || c.comment().isBlank() ? "" : c.comment().strip();
        return Input.all(
                        Input.required("scale", c.scale()),
                        score(c.scale(), c.score()),
                        comment.isEmpty() ? Validation.valid(comment) : Input.body("comment", comment),
                        comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH
                                ? Validation.invalid(new FieldError("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters"))
                                : Validation.valid(comment))
                .flatMap(a -> requesterOnly(actor, t))
                .flatMap(a -> rated(t, c.cycle()))
                .map(a -> List.of(new TicketEvent.SatisfactionRated(t.id(), now, actor, c.cycle(), c.score(),
                        c.scale().top(), comment, Optional.ofNullable(c.survey()))));
    }

    private static Validation<FieldError, Integer> score(SatisfactionScale scale, int score) {
        if (scale == null || scale.accepts(score)) {
            return Validation.valid(score);
        }
        return Validation.invalid(new FieldError("score", "must be 1 to " + scale.top() + " on the " + scale.name() + " scale"));
    }

    /** Only the requester rates; {@link Rules#visibleTo} has already hidden other customers' tickets. */
    private static Either<Rejection, Allowance> requesterOnly(Actor actor, Ticket t) {
        return actor instanceof Actor.Customer
                ? Either.right(Allowance.GRANTED)
                : Either.left(new Rejection.NotAllowed("only the requester rates a ticket, not " + actor.display()));
    }

    /** A solved or closed ticket, in the cycle it is in. */
    private static Either<Rejection, Allowance> rated(Ticket t, int cycle) {
        if (t.status() != Status.SOLVED && t.status() != Status.CLOSED) {
            return Either.left(new Rejection.InvalidTransition("rate satisfaction", t.status().name(),
                    "only a solved or closed ticket is rated"));
        }
        if (cycle != t.cycle()) {
            return Either.left(Rejection.Invalid.of("cycle", "the survey is for resolution " + cycle
                    + " but the ticket is in resolution " + t.cycle() + ": it was reopened since"));
        }
        return Either.right(Allowance.GRANTED);
    }
}
