package dev.helpdesk.core.internal.forum;

import dev.helpdesk.core.forum.ForumSettings;
import dev.helpdesk.core.forum.PostReport;
import dev.helpdesk.core.internal.idempotency.KeyedRequests;
import dev.helpdesk.core.internal.pipeline.Commands;
import dev.helpdesk.core.knowledge.ArticleForm;
import dev.helpdesk.core.knowledge.VariantForm;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.forum.ForumPost;
import dev.helpdesk.spi.forum.KnowledgeCandidate;
import dev.helpdesk.spi.forum.PostId;
import dev.helpdesk.spi.forum.PostStatus;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forum's steps: a post is reported; the community may answer it; one still unanswered
 * after the configured time becomes a ticket linked to it (opened once, under an idempotency key
 * made from the post's id); an agent's answer is published back and posted on the ticket; an
 * accepted answer is offered as a candidate knowledge-base article.
 */
public final class Forum {
    /** Who registers a post as a ticket. */
    public static final Actor FORUM = Actor.integration("community-forum");
    private static final Logger LOG = LoggerFactory.getLogger(Forum.class);
    private static final int MAX_TITLE = 255;

    private final ForumSettings settings;
    private final Commands commands;
    private final KeyedRequests keyed;
    private final Clock clock;

    /**
     * Makes the forum.
     *
     * @param settings its settings
     * @param commands the command path
     * @param keyed    keyed requests, so a post becomes one ticket
     * @param clock    the desk's clock
     */
    public Forum(ForumSettings settings, Commands commands, KeyedRequests keyed, Clock clock) {
        this(settings, commands, keyed, clock, null);
    }

    /**
     * Makes the forum with the knowledge base's drafts, for accepted answers.
     *
     * @param settings its settings
     * @param commands the command path
     * @param keyed    keyed requests, so a post becomes one ticket
     * @param clock    the desk's clock
     * @param drafts   the knowledge base's {@code draftFrom}, or null for none
     */
    public Forum(ForumSettings settings, Commands commands, KeyedRequests keyed, Clock clock, Drafts drafts) {
        this.settings = settings;
        this.commands = commands;
        this.keyed = keyed;
        this.clock = clock;
        this.drafts = drafts;
    }

    /** The knowledge base's draft from an origin (once per origin), as the forum calls it. */
    @FunctionalInterface
    public interface Drafts {
        /**
         * Drafts an article from its origin, or answers the draft made before from it.
         *
         * @param tenant the tenant
         * @param origin where the article comes from
         * @param form   the article
         * @param author who drafts it
         * @return the draft, or why not
         */
        Either<Rejection, ?> draftFrom(TenantId tenant, ArticleOrigin origin, ArticleForm form, Actor author);
    }

    private final Drafts drafts;

    /**
     * The settings in force.
     *
     * @return the settings
     */
    public ForumSettings settings() {
        return settings;
    }

    /**
     * Takes a new post the forum reports.
     *
     * @param tenant the tenant
     * @param report the post
     * @param actor  the forum's integration or staff
     * @return the tracked post
     */
    public Either<Rejection, ForumPost> report(TenantId tenant, PostReport report, Actor actor) {
        if (report == null || actor == null) {
            return Either.left(Rejection.Invalid.of(report == null ? "report" : "actor", "is required"));
        }
        if (actor instanceof Actor.Customer) {
            return Either.left(new Rejection.NotAllowed("the forum reports posts, not a customer"));
        }
        List<FieldError> errors = new ArrayList<>();
        Either<Rejection, PostId> id = PostId.parse(report.id());
        id.peekLeft(r -> errors.addAll(((Rejection.Invalid) r).errors()));
        Either<Rejection, CustomerId> author = CustomerId.parse(report.author());
        author.peekLeft(r -> errors.add(new FieldError("author", report.author() == null ? "is required"
                : "is not a customer id: " + r.message())));
        if (report.title() == null || report.title().isBlank()) {
            errors.add(new FieldError("title", "is required"));
        } else if (report.title().codePointCount(0, report.title().length()) > MAX_TITLE) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (report.body() == null || report.body().isBlank()) {
            errors.add(new FieldError("body", "is required"));
        }
        if (report.postedAt() == null) {
            errors.add(new FieldError("postedAt", "is required"));
        } else if (report.postedAt().isAfter(clock.instant())) {
            errors.add(new FieldError("postedAt", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            return Either.left(new Rejection.Invalid(errors));
        }
        ForumPost post = ForumPost.builder().id(id.get()).author(author.get()).title(report.title().strip())
                .body(report.body()).postedAt(report.postedAt()).status(PostStatus.UNANSWERED).version(1).build();
        return settings.store().save(tenant, post).mapLeft(r -> Rejection.Invalid.of("post id", "is reported already"));
    }

    /**
     * The community answered a post: the desk leaves it alone.
     *
     * @param tenant the tenant
     * @param id     the post
     * @return the post
     */
    public Either<Rejection, ForumPost> communityAnswered(TenantId tenant, PostId id) {
        return find(tenant, id).flatMap(p -> p.status() != PostStatus.UNANSWERED
                ? Either.left(new Rejection.InvalidTransition("mark answered", p.status().name(),
                        "only an unanswered post is answered by the community"))
                : settings.store().save(tenant, next(p, b -> b.status(PostStatus.COMMUNITY_ANSWERED))));
    }

    /**
     * Picks up every post that stayed unanswered past the configured time as a ticket.
     *
     * @param tenant the tenant
     * @return the posts picked up
     */
    public List<ForumPost> sweep(TenantId tenant) {
        List<ForumPost> picked = new ArrayList<>();
        for (ForumPost p : settings.store().unansweredBefore(tenant, clock.instant().minus(settings.pickUpAfter()))) {
            TicketCommand.Open open = TicketCommand.open().subject(p.title()).body(p.body() + "\n\n(community forum post "
                    + p.id() + ", unanswered since " + p.postedAt() + ")").channel(Channel.COMMUNITY_FORUM)
                    .category(settings.category()).requester(p.author()).build();
            // the ticket's commit and the post's save: one unit of the forum store
            settings.store().<Either<Rejection, ForumPost>>unit(() -> keyed.run(tenant, IdempotencyKey.of("forum:" + p.id()),
                    "forum ticket " + p.id(), FORUM, commit -> commands.open(tenant, open, FORUM, commit))
                    .flatMap(t -> settings.store().save(tenant, next(p, b -> b.status(PostStatus.PICKED_UP).ticket(t.id())))),
                    Either::isRight).peek(picked::add);
        }
        return List.copyOf(picked);
    }

    /**
     * An agent answers a post: published back to the forum, and posted on its ticket.
     *
     * @param tenant the tenant
     * @param id     the post
     * @param text   the answer
     * @param actor  the agent
     * @return the answered post
     */
    public Either<Rejection, ForumPost> answer(TenantId tenant, PostId id, String text, Actor actor) {
        if (!(actor instanceof Actor.Agent agent)) {
            return Either.left(actor == null ? Rejection.Invalid.of("actor", "is required")
                    : new Rejection.NotAllowed("only an agent answers a post for the desk"));
        }
        if (text == null || text.isBlank()) {
            return Either.left(Rejection.Invalid.of("answer", "is required"));
        }
        return find(tenant, id).flatMap(p -> {
            if (p.status() != PostStatus.UNANSWERED && p.status() != PostStatus.PICKED_UP) {
                return Either.left(new Rejection.InvalidTransition("answer", p.status().name(),
                        "the post is answered already"));
            }
            if (p.ticket().isPresent()) {
                Either<Rejection, Ticket> replied = commands.execute(tenant, p.ticket().get(),
                        new TicketCommand.Reply(text, Channel.COMMUNITY_FORUM), actor);
                if (replied.isLeft()) {
                    return Either.left(replied.getLeft());
                }
            }
            return settings.publisher().publish(tenant, p.id(), text, agent.id())
                    .flatMap(published -> settings.store().save(tenant,
                            next(p, b -> b.status(PostStatus.ANSWERED).answer(text))));
        });
    }

    /**
     * The author (or staff) accepts the agent's answer: the question and answer are offered as a
     * candidate knowledge-base article.
     *
     * @param tenant the tenant
     * @param id     the post
     * @param actor  the post's author or staff
     * @return the accepted post
     */
    public Either<Rejection, ForumPost> accept(TenantId tenant, PostId id, Actor actor) {
        return find(tenant, id).flatMap(p -> {
            if (actor instanceof Actor.Customer c && !c.id().equals(p.author())) {
                return Either.left(new Rejection.NotAllowed("only the post's author accepts its answer"));
            }
            if (actor == null || actor instanceof Actor.SystemRule) {
                return Either.left(new Rejection.NotAllowed("the author or staff accept an answer"));
            }
            if (p.status() != PostStatus.ANSWERED) {
                return Either.left(new Rejection.InvalidTransition("accept", p.status().name(),
                        "only a post answered by an agent is accepted"));
            }
            Instant now = clock.instant();
            return settings.store().save(tenant, next(p, b -> b.status(PostStatus.ACCEPTED))).peek(accepted -> {
                KnowledgeCandidate candidate = KnowledgeCandidate.builder().tenant(tenant).post(p.id()).question(p.title())
                        .details(p.body()).answer(p.answer().orElseThrow()).ticket(p.ticket()).acceptedAt(now).build();
                settings.candidates().offer(candidate);
                if (settings.draftArticles() && drafts != null) {
                    draft(candidate);
                }
            });
        });
    }

    /**
     * Drafts a knowledge-base article (an FAQ entry) from an accepted answer, once per post; a
     * refusal (say, the forum's category is not in the taxonomy) is logged: the post stays
     * accepted and the candidate offered.
     */
    private void draft(KnowledgeCandidate c) {
        String question = c.question().strip();
        String title = question.codePointCount(0, question.length()) <= 255 ? question
                : question.substring(0, question.offsetByCodePoints(0, 254)) + "…";
        String body = c.details().strip() + "\n\n## " + settings.answerHeading() + "\n\n" + c.answer().strip();
        ArticleForm form = new ArticleForm("faq", settings.category().code(), "public", List.of("forum"),
                List.of(VariantForm.of(settings.draftLocale(), title, body)), "from forum post " + c.post());
        drafts.draftFrom(c.tenant(), ArticleOrigin.of(ArticleOrigin.Kind.FORUM_ANSWER, c.post().toString()), form, FORUM)
                .peekLeft(r -> LOG.warn("the accepted answer of forum post {} was not drafted as an article: {}", c.post(),
                        r.message()));
    }

    /**
     * Reads a post.
     *
     * @param tenant the tenant
     * @param id     the post
     * @return the post, or not found
     */
    public Either<Rejection, ForumPost> find(TenantId tenant, PostId id) {
        if (id == null) {
            return Either.left(Rejection.Invalid.of("post id", "is required"));
        }
        return settings.store().find(tenant, id).toEither(() -> new Rejection.NotFound("post", id.toString()));
    }

    private static ForumPost next(ForumPost p, UnaryOperator<ForumPost.Builder> change) {
        ForumPost.Builder b = ForumPost.builder();
        b.from(p);
        return change.apply(b).version(p.version() + 1).build();
    }
}
