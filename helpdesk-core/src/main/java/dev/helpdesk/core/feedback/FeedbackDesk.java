package dev.helpdesk.core.feedback;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.feedback.SatisfactionScale;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Satisfaction surveys of one tenant: hand out a survey for a solved ticket, take the answer.
 * The answer is a {@link TicketCommand.RateSatisfaction} from the requester, decided by the one
 * ticket decider and committed through the desk's pipeline like every other command, so an
 * escalation rule on {@code satisfaction_rated_bad} reacts in the same commit.
 *
 * <p>A token is taken once: the rating records the token's id, and a second answer with the same
 * token is refused. A customer who wants to change their answer answers a newer survey, or rates
 * while signed in ({@link #rate(TicketId, int, String, Actor)}); the latest rating of a cycle is the
 * one reports count. Two answers with one token at the very same moment may both pass the check;
 * the second then replaces the first, as a later rating does.
 *
 * <p>Reached through {@code TenantDesk.feedback()}; thread-safe.
 */
public final class FeedbackDesk {
    /** What the desk runs a command with: the pipeline behind {@code TicketDesk.execute}. */
    @FunctionalInterface
    public interface CommandRunner {
        /**
         * Runs a command on a ticket.
         *
         * @param id      the ticket
         * @param command the command
         * @param actor   who sends it
         * @return the ticket as the actor sees it, or why not
         */
        Either<Rejection, Ticket> execute(TicketId id, TicketCommand command, Actor actor);
    }

    private final TenantId tenant;
    private final Optional<FeedbackSettings> settings;
    private final TicketStore store;
    private final Clock clock;
    private final CommandRunner runner;

    /**
     * The feedback of one tenant. The facade makes it; hosts reach it through
     * {@code TenantDesk.feedback()}.
     *
     * @param tenant   the tenant
     * @param settings the desk's survey settings, empty when the host configured none
     * @param store    the desk's store, for reading tickets and histories
     * @param clock    the desk's clock
     * @param runner   the desk's command path
     */
    public FeedbackDesk(TenantId tenant, Optional<FeedbackSettings> settings, TicketStore store, Clock clock,
                        CommandRunner runner) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * The scale this tenant's customers answer on.
     *
     * @return the scale; {@link SatisfactionScale#ONE_TO_FIVE} when the desk has no settings
     */
    public SatisfactionScale scale() {
        return settings.map(s -> s.scaleOf(tenant)).orElse(SatisfactionScale.ONE_TO_FIVE);
    }

    /**
     * Hands out a survey for the current resolution cycle of a solved (or closed) ticket, valid for
     * {@link FeedbackSettings#surveyLifetime()} from now. Call it when the ticket is solved (an
     * {@code EventListener} on {@code solved} is the usual place) and send the token to the
     * requester.
     *
     * @param id    the ticket
     * @param actor who asks: staff, a system rule or an integration; not a customer
     * @return the survey, or: not allowed for a customer, or when the desk has no
     *         {@link FeedbackSettings}; not found; invalid transition for a ticket that is not
     *         solved or closed
     */
    public Either<Rejection, SurveyInvitation> survey(TicketId id, Actor actor) {
        if (settings.isEmpty()) {
            return Either.left(new Rejection.NotAllowed("surveys need the desk's feedback settings (Helpdesk.Builder.feedback)"));
        }
        if (actor == null || actor instanceof Actor.Customer) {
            return Either.left(new Rejection.NotAllowed("only the desk hands out surveys"));
        }
        if (id == null) {
            return Either.left(Rejection.Invalid.of("id", "is required"));
        }
        return store.find(tenant, id).toEither(() -> (Rejection) new Rejection.NotFound("ticket", id.toString()))
                .flatMap(t -> t.status() == Status.SOLVED || t.status() == Status.CLOSED ? Either.right(t)
                        : Either.left(new Rejection.InvalidTransition("survey", t.status().name(),
                                "only a solved or closed ticket is rated")))
                .map(t -> {
                    Instant expires = clock.instant().plus(settings.get().surveyLifetime());
                    String token = tokens().issue(tenant, t.id(), t.cycle(), expires);
                    return new SurveyInvitation(t.id(), t.cycle(), token, expires);
                });
    }

    /**
     * Takes the answer to a survey. No account is needed: the token says which ticket and cycle,
     * and the rating is recorded as the ticket's requester.
     *
     * @param token   the survey token as received
     * @param score   the score, 1 to the tenant's scale's top
     * @param comment the comment, or null
     * @return the ticket as its requester sees it, or {@link Rejection.Invalid} on {@code token}
     *         naming the problem (not a token, a signature that does not match, expired, already
     *         used, for another desk), on {@code score} or {@code comment}, or on {@code cycle}
     *         when the ticket was reopened since; an invalid transition when it is not solved or
     *         closed any more
     */
    public Either<Rejection, Ticket> rate(String token, int score, String comment) {
        if (settings.isEmpty()) {
            return Either.left(new Rejection.NotAllowed("surveys need the desk's feedback settings (Helpdesk.Builder.feedback)"));
        }
        return tokens().check(token, clock.instant())
                .flatMap(c -> c.tenant().equals(tenant) ? Either.right(c)
                        : Either.left(Rejection.Invalid.of("token", "is for another desk")))
                .flatMap(c -> store.find(tenant, c.ticket())
                        .toEither(() -> (Rejection) Rejection.Invalid.of("token", "names a ticket that does not exist"))
                        .flatMap(t -> unused(c).map(x -> t))
                        .flatMap(t -> runner.execute(t.id(), new TicketCommand.RateSatisfaction(c.cycle(), scale(), score,
                                comment, c.id()), Actor.customer(t.requester().value()))));
    }

    /**
     * A rating by the requester while signed in (a portal), for the ticket's current cycle; a
     * later one replaces it.
     *
     * @param id      the ticket
     * @param score   the score, 1 to the tenant's scale's top
     * @param comment the comment, or null
     * @param actor   the requester
     * @return the ticket, or why not: not found (another customer's ticket), not allowed for
     *         staff, invalid score or comment, a ticket that is not solved or closed
     */
    public Either<Rejection, Ticket> rate(TicketId id, int score, String comment, Actor actor) {
        if (id == null) {
            return Either.left(Rejection.Invalid.of("id", "is required"));
        }
        int cycle = store.find(tenant, id).map(Ticket::cycle).getOrElse(1);
        return runner.execute(id, new TicketCommand.RateSatisfaction(cycle, scale(), score, comment, null), actor);
    }

    private Either<Rejection, TokenUse> unused(SurveyTokens.Claims claims) {
        for (RecordedEvent r : store.history(tenant, claims.ticket())) {
            if (r.event() instanceof TicketEvent.SatisfactionRated s && s.survey().equals(Optional.of(claims.id()))) {
                return Either.left(Rejection.Invalid.of("token", "was already used at " + s.at()));
            }
        }
        return Either.right(TokenUse.FIRST);
    }

    private enum TokenUse { FIRST }

    private SurveyTokens tokens() {
        return new SurveyTokens(settings.orElseThrow().secret());
    }
}
