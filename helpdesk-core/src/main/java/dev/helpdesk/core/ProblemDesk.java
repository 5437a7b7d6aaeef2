package dev.helpdesk.core;

import dev.helpdesk.core.internal.problem.ProblemBase;
import dev.helpdesk.core.knowledge.ArticleForm;
import dev.helpdesk.core.knowledge.VariantForm;
import dev.helpdesk.core.problem.ProblemSuggestions;
import dev.helpdesk.core.problem.SuggestedProblem;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.problem.DeveloperUpdate;
import dev.helpdesk.spi.problem.HandOff;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemId;
import dev.helpdesk.spi.problem.ProblemImpact;
import dev.helpdesk.spi.problem.ProblemLinks;
import dev.helpdesk.spi.problem.ProblemStatus;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One tenant's problems: record a problem, link its incidents, follow it through its statuses,
 * see its impact, turn its workaround into a draft article, hand it to the developers and take
 * their answer (and tell every linked customer when it is fixed), and confirm suggested problems.
 * Reached through {@code TenantDesk.problems()}; thread-safe.
 *
 * <p>Problems are staff data: a customer gets {@link Rejection.NotAllowed} everywhere. Changes
 * name the revision the caller read; a stale one gets {@link Rejection.ConcurrentModification}.
 * A status change that the status does not allow ({@link ProblemStatus#next()}) is
 * {@link Rejection.Invalid} on {@code status}, naming the statuses it may move to.
 */
public final class ProblemDesk {
    private static final int MAX_TICKETS_PER_CONFIRM = 500;

    private final TenantId tenant;
    private final ProblemBase base;
    private final TicketDesk tickets;
    private final Supplier<KnowledgeDesk> knowledge;

    /**
     * One tenant's problem desk. {@link TenantDesk#problems()} makes it.
     *
     * @param tenant    the tenant
     * @param base      the shared parts
     * @param tickets   the tenant's ticket desk (links are ticket commands)
     * @param knowledge the tenant's knowledge desk (workaround drafts)
     */
    ProblemDesk(TenantId tenant, ProblemBase base, TicketDesk tickets, Supplier<KnowledgeDesk> knowledge) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.base = Objects.requireNonNull(base, "base");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    // ---- recording and reading ----

    /**
     * Records a new problem, status {@link ProblemStatus#NEW}.
     *
     * @param title       one line, 1 to 200 characters, no control characters
     * @param description the symptoms, at most 8000 characters; null for none
     * @param actor       who records it: staff, rules or integrations
     * @return the problem; invalid (every bad field); not allowed
     */
    public Either<Rejection, Problem> open(String title, String description, Actor actor) {
        return staff(actor).flatMap(a -> check(List.of(line("title", title, Problem.MAX_TITLE, true),
                text("description", description, false)))).flatMap(a -> {
                    Instant now = base.clock().instant();
                    return base.store().insert(Problem.builder().id(ProblemId.of(base.ids().next())).tenant(tenant)
                            .title(title.strip()).description(description == null ? "" : description.strip())
                            .status(ProblemStatus.NEW).createdBy(actor).createdAt(now).updatedAt(now).build());
                });
    }

    /**
     * One problem.
     *
     * @param id    the problem
     * @param actor who asks
     * @return the problem; not found; not allowed
     */
    public Either<Rejection, Problem> problem(ProblemId id, Actor actor) {
        return staff(actor).flatMap(a -> find(id));
    }

    /**
     * The tenant's problems, newest first.
     *
     * @param statuses only these; empty for all
     * @param limit    the most, 1 to 1000
     * @param actor    who asks
     * @return the problems; invalid limit; not allowed
     */
    public Either<Rejection, List<Problem>> list(Set<ProblemStatus> statuses, int limit, Actor actor) {
        return staff(actor).flatMap(a -> limit < 1 || limit > 1000
                ? Either.left(Rejection.Invalid.of("limit", "must be 1-1000, not " + limit))
                : Either.right(base.store().list(tenant, Set.copyOf(statuses), limit)));
    }

    // ---- statuses ----

    /**
     * Starts (or, after a fix that did not hold, restarts) the investigation.
     *
     * @param id       the problem
     * @param revision the revision the caller read
     * @param actor    who
     * @return the problem, {@code INVESTIGATING}
     */
    public Either<Rejection, Problem> investigate(ProblemId id, long revision, Actor actor) {
        return move(id, revision, ProblemStatus.INVESTIGATING, actor, List.of(), b -> b);
    }

    /**
     * Records the root cause and a workaround: a known error.
     *
     * @param id         the problem
     * @param revision   the revision the caller read
     * @param rootCause  the root cause: required, at most 8000 characters
     * @param workaround what customers can do meanwhile: required, at most 8000 characters
     * @param actor      who
     * @return the problem, {@code KNOWN_ERROR}; invalid fields or status
     */
    public Either<Rejection, Problem> knownError(ProblemId id, long revision, String rootCause, String workaround, Actor actor) {
        return move(id, revision, ProblemStatus.KNOWN_ERROR, actor,
                List.of(text("root cause", rootCause, true), text("workaround", workaround, true)),
                b -> b.rootCause(rootCause.strip()).workaround(workaround.strip()));
    }

    /**
     * Records the fix, and tells the requester of every linked ticket in their language.
     *
     * @param id       the problem
     * @param revision the revision the caller read
     * @param version  the version with the fix; null when none is named
     * @param actor    who
     * @return the problem, {@code FIXED}
     */
    public Either<Rejection, Problem> fixed(ProblemId id, long revision, String version, Actor actor) {
        return move(id, revision, ProblemStatus.FIXED, actor,
                version == null ? List.of() : List.of(line("version", version, Problem.MAX_REFERENCE, true)),
                b -> version == null ? b : b.fixedIn(version.strip()))
                .peek(this::tellCustomers);
    }

    /**
     * Closes the problem.
     *
     * @param id       the problem
     * @param revision the revision the caller read
     * @param actor    who
     * @return the problem, {@code CLOSED}
     */
    public Either<Rejection, Problem> close(ProblemId id, long revision, Actor actor) {
        return move(id, revision, ProblemStatus.CLOSED, actor, List.of(), b -> b);
    }

    // ---- incidents and impact ----

    /**
     * Links a ticket to the problem: a {@code problem_linked} event in the ticket's history.
     * Not on a closed problem.
     *
     * @param id     the problem
     * @param ticket the ticket
     * @param actor  who: staff
     * @return the ticket after the link; not found; invalid (linked already); not allowed
     */
    public Either<Rejection, Ticket> link(ProblemId id, TicketId ticket, Actor actor) {
        return staff(actor).flatMap(a -> find(id))
                .flatMap(p -> p.status() == ProblemStatus.CLOSED
                        ? Either.left(new Rejection.InvalidTransition("link problem", p.status().name(),
                        "a closed problem takes no more incidents"))
                        : Either.right(p))
                .flatMap(p -> tickets.execute(ticket, new TicketCommand.LinkProblem(id.value()), actor));
    }

    /**
     * Removes a ticket's link to the problem.
     *
     * @param id     the problem
     * @param ticket the ticket
     * @param actor  who: staff
     * @return the ticket after it; invalid (not linked)
     */
    public Either<Rejection, Ticket> unlink(ProblemId id, TicketId ticket, Actor actor) {
        return staff(actor).flatMap(a -> find(id))
                .flatMap(p -> tickets.execute(ticket, new TicketCommand.UnlinkProblem(id.value()), actor));
    }

    /**
     * The tickets linked to the problem now.
     *
     * @param id    the problem
     * @param actor who asks
     * @return the tickets, by id
     */
    public Either<Rejection, List<TicketId>> tickets(ProblemId id, Actor actor) {
        return staff(actor).flatMap(a -> find(id)).map(p -> base.store().linkedTickets(tenant, id));
    }

    /**
     * The problem's impact: linked tickets, unsolved ones, distinct customers, per segment and
     * category, from the tickets as they stand.
     *
     * @param id    the problem
     * @param actor who asks
     * @return the impact
     */
    public Either<Rejection, ProblemImpact> impact(ProblemId id, Actor actor) {
        return staff(actor).flatMap(a -> find(id)).map(p -> base.impact(tenant, id));
    }

    // ---- knowledge ----

    /**
     * Drafts a knowledge-base article from the problem's workaround (origin
     * {@code known_error:<problem id>}), once: asked again, the same article is answered. The
     * problem keeps the article's id. The draft is for an editor to check and publish.
     *
     * @param id         the problem, a known error (or later) with a workaround
     * @param revision   the revision the caller read
     * @param category   the article's category code
     * @param visibility the article's visibility, such as {@code public}
     * @param locale     the draft's language, such as {@code en}
     * @param actor      who drafts
     * @return the draft article; invalid when the problem has no workaround yet
     */
    public Either<Rejection, Article> draftWorkaroundArticle(ProblemId id, long revision, String category, String visibility,
                                                           String locale, Actor actor) {
        return staff(actor).flatMap(a -> find(id)).flatMap(p -> p.workaround().isEmpty()
                        ? Either.left(Rejection.Invalid.of("workaround", "problem " + id + " has no workaround yet: record it as a known error first"))
                        : Either.right(p))
                .flatMap(p -> stale(p, revision))
                .flatMap(p -> {
                    String body = p.rootCause().map(c -> "**Cause.** " + c + "\n\n").orElse("")
                            + "**Workaround.** " + p.workaround().get();
                    return knowledge.get().draftFrom(ArticleOrigin.of(ArticleOrigin.Kind.KNOWN_ERROR, p.id().toString()),
                                    ArticleForm.of("article", category, visibility, VariantForm.of(locale, p.title(), body))
                                            .withNote("drafted from problem " + p.id()), actor)
                            .flatMap(article -> p.workaroundArticle().equals(Optional.of(article.id())) ? Either.right(article)
                                    : base.store().update(next(p).workaroundArticle(article.id()).build()).map(x -> article));
                });
    }

    // ---- the developers ----

    /**
     * Hands the problem to the product's developers: a hand-off kept with the problem (a new
     * problem becomes {@code INVESTIGATING}), delivered to the {@link dev.helpdesk.spi.problem.DeveloperBridge}
     * by {@code Helpdesk.deliverHandOffs(now)} at least once, with back-off.
     *
     * @param id       the problem, not closed
     * @param revision the revision the caller read
     * @param actor    who
     * @return the pending hand-off; invalid transition for a closed problem; not allowed
     */
    public Either<Rejection, HandOff> handOff(ProblemId id, long revision, Actor actor) {
        return staff(actor).flatMap(a -> find(id)).flatMap(p -> stale(p, revision))
                .flatMap(p -> p.status() == ProblemStatus.CLOSED
                        ? Either.left(new Rejection.InvalidTransition("hand off", p.status().name(), "a closed problem is done with"))
                        : Either.right(p))
                .flatMap(p -> {
                    Instant now = base.clock().instant();
                    HandOff h = HandOff.requested(base.ids().next(), tenant, id, now);
                    Problem.Builder b = next(p).handedOffAt(now);
                    if (p.status() == ProblemStatus.NEW) {
                        b.status(ProblemStatus.INVESTIGATING);
                    }
                    return base.store().update(b.build(), h).map(x -> h);
                });
    }

    /**
     * The problem's hand-offs and where their delivery stands.
     *
     * @param id    the problem
     * @param actor who asks
     * @return the hand-offs, oldest first
     */
    public Either<Rejection, List<HandOff>> handOffs(ProblemId id, Actor actor) {
        return staff(actor).flatMap(a -> find(id)).map(p -> base.store().handOffs(tenant, id));
    }

    /**
     * Takes what the developers' tracker says: the status moves (when the problem's status
     * allows it), the version and the tracker's reference are kept, and on {@code FIXED} the
     * requester of every linked ticket is told in their language. An update that says what the
     * problem says already (same status, same version) changes nothing and tells nobody again.
     *
     * @param update the tracker's update
     * @param actor  the integration that received it
     * @return the problem after it; not found; invalid on {@code status}
     */
    public Either<Rejection, Problem> developerUpdate(DeveloperUpdate update, Actor actor) {
        Objects.requireNonNull(update, "update");
        return staff(actor).flatMap(a -> find(update.problem())).flatMap(p -> {
            if (p.status() == update.status() && (update.version().isEmpty() || p.fixedIn().equals(update.version()))) {
                return Either.right(p);
            }
            List<Optional<FieldError>> checks = new ArrayList<>();
            update.version().ifPresent(v -> checks.add(line("version", v, Problem.MAX_REFERENCE, true)));
            update.reference().ifPresent(r -> checks.add(line("reference", r, Problem.MAX_REFERENCE, true)));
            return move(p.id(), p.revision(), update.status(), actor, checks, b -> {
                update.version().ifPresent(v -> b.fixedIn(v.strip()));
                update.reference().ifPresent(r -> b.trackerReference(r.strip()));
                return b;
            }).peek(done -> {
                if (done.status() == ProblemStatus.FIXED) {
                    tellCustomers(done);
                }
            });
        });
    }

    // ---- suggestions ----

    /**
     * Candidate problems among the tickets opened in a period and not linked to a problem (see
     * {@link ProblemSuggestions}), clusters of at least the settings' {@code minCluster} tickets.
     *
     * @param from  the period's start
     * @param to    the period's end, exclusive, after {@code from}
     * @param limit the most suggestions, 1 to 100
     * @param actor who asks
     * @return the suggestions, largest first
     */
    public Either<Rejection, List<SuggestedProblem>> suggestions(Instant from, Instant to, int limit, Actor actor) {
        return staff(actor).flatMap(a -> from == null || to == null || !from.isBefore(to)
                        ? Either.left(Rejection.Invalid.of("to", "must be after from"))
                        : limit < 1 || limit > 100 ? Either.left(Rejection.Invalid.of("limit", "must be 1-100, not " + limit))
                        : Either.right(a))
                .map(a -> {
                    List<Ticket> opened = new ArrayList<>();
                    Set<TicketId> linked = new HashSet<>();
                    Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
                    while (next.isPresent()) {
                        Page page = base.tickets().list(tenant, TicketQuery.all(), next.get());
                        for (Ticket t : page.items()) {
                            if (!t.createdAt().isBefore(from) && t.createdAt().isBefore(to)) {
                                opened.add(t);
                                List<RecordedEvent> history = base.tickets().history(tenant, t.id());
                                if (!ProblemLinks.current(history.stream().map(RecordedEvent::event).toList()).isEmpty()) {
                                    linked.add(t.id());
                                }
                            }
                        }
                        next = page.next();
                    }
                    return ProblemSuggestions.suggest(opened, linked, from, to, base.settings().minCluster(), limit);
                });
    }

    /**
     * Confirms a suggestion: a new problem with its tickets linked. A ticket that cannot be
     * linked any more (merged, or linked meanwhile) is skipped; the others are linked.
     *
     * @param suggestion the suggestion
     * @param title      the problem's title; null for the suggestion's proposed title
     * @param actor      who confirms
     * @return the problem
     */
    public Either<Rejection, Problem> confirm(SuggestedProblem suggestion, String title, Actor actor) {
        Objects.requireNonNull(suggestion, "suggestion");
        if (suggestion.tickets().size() > MAX_TICKETS_PER_CONFIRM) {
            return Either.left(Rejection.Invalid.of("tickets", "at most " + MAX_TICKETS_PER_CONFIRM + " per suggestion"));
        }
        String description = "Suggested from " + suggestion.tickets().size() + " tickets in " + suggestion.category().code()
                + " whose subjects (" + suggestion.language() + ") share: " + String.join(", ", suggestion.terms())
                + "; opened from " + suggestion.from() + " to " + suggestion.to() + ".";
        return open(title == null ? suggestion.proposedTitle() : title, description, actor).peek(p -> {
            for (TicketId t : suggestion.tickets()) {
                tickets.execute(t, new TicketCommand.LinkProblem(p.id().value()), actor);
            }
        });
    }

    // ---- helpers ----

    private void tellCustomers(Problem p) {
        Instant now = base.clock().instant();
        for (TicketId id : base.store().linkedTickets(tenant, p.id())) {
            base.tickets().find(tenant, id).forEach(t ->
                    base.notices().problemFixed(tenant, t, p.id().toString(), p.title(), p.fixedIn(), now));
        }
    }

    private Either<Rejection, Problem> move(ProblemId id, long revision, ProblemStatus to, Actor actor,
                                            List<Optional<FieldError>> checks, Function<Problem.Builder, Problem.Builder> change) {
        return staff(actor).flatMap(a -> check(checks)).flatMap(a -> find(id)).flatMap(p -> stale(p, revision))
                .flatMap(p -> p.status().canMoveTo(to) ? Either.right(p)
                        : Either.left(Rejection.Invalid.of("status", "a problem that is " + p.status().words() + " cannot become "
                        + to.words() + (p.status().next().isEmpty() ? ": it is final"
                        : "; it may become " + String.join(" or ", p.status().next().stream().map(ProblemStatus::words).toList())))))
                .flatMap(p -> base.store().update(change.apply(next(p).status(to)).build()));
    }

    private Problem.Builder next(Problem p) {
        return Problem.builder().from(p).updatedAt(base.clock().instant()).revision(p.revision() + 1);
    }

    private Either<Rejection, Problem> find(ProblemId id) {
        if (id == null) {
            return Either.left(Rejection.Invalid.of("problem", "is required"));
        }
        return base.store().find(tenant, id).<Either<Rejection, Problem>>map(Either::right)
                .orElseGet(() -> Either.left(new Rejection.NotFound("problem", id.toString())));
    }

    private static Either<Rejection, Problem> stale(Problem p, long revision) {
        return p.revision() == revision ? Either.right(p)
                : Either.left(new Rejection.ConcurrentModification("problem", p.id().toString(), revision, p.revision()));
    }

    private static Either<Rejection, Actor> staff(Actor actor) {
        if (actor == null) {
            return Either.left(Rejection.Invalid.of("actor", "is required"));
        }
        return actor instanceof Actor.Customer
                ? Either.left(new Rejection.NotAllowed("problems are the desk's: " + actor.display() + " may not see or change them"))
                : Either.right(actor);
    }

    private static Either<Rejection, Boolean> check(List<Optional<FieldError>> checks) {
        List<FieldError> errors = checks.stream().flatMap(Optional::stream).toList();
        return errors.isEmpty() ? Either.right(true) : Either.left(new Rejection.Invalid(errors));
    }

    private static Optional<FieldError> line(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(new FieldError(field, "is required")) : Optional.empty();
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(new FieldError(field, "must not contain control characters"));
        }
        return value.strip().length() > max ? Optional.of(new FieldError(field, "must be at most " + max + " characters"))
                : Optional.empty();
    }

    private static Optional<FieldError> text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(new FieldError(field, "is required")) : Optional.empty();
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return Optional.of(new FieldError(field, "must not contain control characters other than line breaks and tabs"));
        }
        return value.strip().length() > Problem.MAX_TEXT
                ? Optional.of(new FieldError(field, "must be at most " + Problem.MAX_TEXT + " characters")) : Optional.empty();
    }
}
