package dev.helpdesk.core.internal.knowledge;

import dev.helpdesk.core.knowledge.ArticleForm;
import dev.helpdesk.core.knowledge.ArticleView;
import dev.helpdesk.core.knowledge.MarkdownRenderer;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleFeedback;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.ArticleStats;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.knowledge.KnowledgeStore;
import dev.helpdesk.spi.knowledge.LocaleChain;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.SearchText;
import dev.helpdesk.spi.knowledge.Viewer;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.IdGenerator;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base of a desk: writing, editing, publishing and archiving articles in the
 * store (every change is a new revision, every edit a new version), keeping the search index in
 * step after each saved change, what readers see, suggestions, deflections and votes.
 */
public final class KnowledgeBase {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    /** How many characters of a ticket's subject and body make a suggestion's query. */
    private static final int SUGGESTION_TEXT = SearchText.MAX_LENGTH;

    private final KnowledgeStore store;
    private final KnowledgeFeedbackStore feedback;
    private final Optional<KnowledgeSearch> search;
    private final Clock clock;
    private final IdGenerator ids;
    private final Set<Category> taxonomy;
    private final List<ContentLocale> fallbacks;
    private final Map<TenantId, List<ContentLocale>> tenantFallbacks;
    private final MarkdownRenderer renderer = MarkdownRenderer.standard();

    /**
     * Wires the knowledge base.
     *
     * @param store           the articles
     * @param feedback        deflections, votes, links
     * @param search          the search plugin, if one is installed
     * @param clock           the desk's clock
     * @param ids             the desk's id generator
     * @param taxonomy        the desk's categories
     * @param fallbacks       the languages every tenant falls back to, in order
     * @param tenantFallbacks tenants with fallbacks of their own
     */
    public KnowledgeBase(KnowledgeStore store, KnowledgeFeedbackStore feedback, Optional<KnowledgeSearch> search, Clock clock,
                         IdGenerator ids, Set<Category> taxonomy, List<ContentLocale> fallbacks,
                         Map<TenantId, List<ContentLocale>> tenantFallbacks) {
        this.store = store;
        this.feedback = feedback;
        this.search = search;
        this.clock = clock;
        this.ids = ids;
        this.taxonomy = Set.copyOf(taxonomy);
        this.fallbacks = List.copyOf(fallbacks);
        this.tenantFallbacks = Map.copyOf(tenantFallbacks);
    }

    // ---- writing ---------------------------------------------------------------------------

    public Either<Rejection, Article> write(TenantId tenant, ArticleForm form, Actor author) {
        return writer(author).flatMap(a -> form(form, Optional.empty()))
                .flatMap(content -> create(tenant, content, Optional.ofNullable(form.note()), author));
    }

    public Either<Rejection, Article> write(TenantId tenant, ArticleContent content, Optional<String> note, Actor author) {
        return writer(author).flatMap(a -> category(content)).flatMap(c -> create(tenant, c, note, author));
    }

    public Either<Rejection, Article> draftFrom(TenantId tenant, ArticleOrigin origin, ArticleForm form, Actor author) {
        return writer(author).flatMap(a -> {
            List<Article> existing = store.byOrigin(tenant, origin);
            if (!existing.isEmpty()) {
                return Either.right(existing.get(0));
            }
            return form(form, Optional.of(origin))
                    .flatMap(content -> create(tenant, content, Optional.ofNullable(form.note()), author));
        });
    }

    public Either<Rejection, Article> edit(TenantId tenant, ArticleId id, long revision, ArticleForm form, Actor author) {
        return writer(author).flatMap(a -> current(tenant, id, revision)).flatMap(article -> {
            if (article.archived()) {
                return Either.left(new Rejection.InvalidTransition("edit", "ARCHIVED", "an archived article is not edited"));
            }
            return form(form, article.latest().content().origin())
                    .flatMap(content -> save(Article.builder().from(article).addVersion(version(article, content,
                            Optional.ofNullable(form.note()), author)).revision(article.revision() + 1).build()));
        });
    }

    public Either<Rejection, Article> edit(TenantId tenant, ArticleId id, long revision, ArticleContent content,
                                           Optional<String> note, Actor author) {
        return writer(author).flatMap(a -> category(content)).flatMap(c -> current(tenant, id, revision)).flatMap(article ->
                article.archived()
                        ? Either.left(new Rejection.InvalidTransition("edit", "ARCHIVED", "an archived article is not edited"))
                        : save(Article.builder().from(article).addVersion(version(article, content, note, author))
                        .revision(article.revision() + 1).build()));
    }

    public Either<Rejection, Article> publish(TenantId tenant, ArticleId id, long revision, Actor author) {
        return writer(author).flatMap(a -> current(tenant, id, revision)).flatMap(article -> {
            if (article.archived()) {
                return Either.left(new Rejection.InvalidTransition("publish", "ARCHIVED", "an archived article is not published again"));
            }
            if (article.draft().isEmpty()) {
                return Either.left(new Rejection.InvalidTransition("publish", "PUBLISHED", "its newest version is published already"));
            }
            return save(Article.builder().from(article).publishedVersion(article.versions().size())
                    .revision(article.revision() + 1).build());
        });
    }

    public Either<Rejection, Article> archive(TenantId tenant, ArticleId id, long revision, Actor author) {
        return writer(author).flatMap(a -> current(tenant, id, revision)).flatMap(article -> article.archived()
                ? Either.left(new Rejection.InvalidTransition("archive", "ARCHIVED", "it is archived already"))
                : save(Article.builder().from(article).archived(true).revision(article.revision() + 1).build()));
    }

    public Either<Rejection, Article> article(TenantId tenant, ArticleId id, Actor actor) {
        return writer(actor).flatMap(a -> store.find(tenant, id).toEither(() -> notFound(id)));
    }

    public long rebuildIndex(TenantId tenant) {
        if (search.isEmpty()) {
            return 0;
        }
        List<Article> all = new ArrayList<>();
        Option<ArticleId> after = Option.none();
        while (true) {
            List<Article> page = store.page(tenant, after, 500);
            all.addAll(page);
            if (page.size() < 500) {
                break;
            }
            after = Option.of(page.get(page.size() - 1).id());
        }
        return search.get().rebuild(tenant, all);
    }

    private Either<Rejection, Article> create(TenantId tenant, ArticleContent content, Optional<String> note, Actor author) {
        ArticleId id = ArticleId.of(ids.next());
        Article article;
        try {
            article = Article.builder().tenant(tenant).id(id)
                    .addVersion(ArticleVersion.builder().number(1).author(author).at(clock.instant()).note(note)
                            .content(content).build()).revision(1).build();
        } catch (dev.helpdesk.spi.ConfigurationException e) {
            return Either.left(new Rejection.Invalid(e.errors()));
        }
        return save(article);
    }

    private ArticleVersion version(Article article, ArticleContent content, Optional<String> note, Actor author) {
        // versions are in time order even when the clock steps back
        Instant now = clock.instant();
        Instant last = article.latest().at();
        return ArticleVersion.builder().number(article.versions().size() + 1).author(author)
                .at(now.isBefore(last) ? last : now).note(note).content(content).build();
    }

    private Either<Rejection, Article> save(Article article) {
        Either<Rejection, Article> saved = store.save(article);
        saved.forEach(this::index);
        return saved;
    }

    /** Keeps the index in step; a failing index is logged, and {@link #rebuildIndex} repairs it. */
    private void index(Article article) {
        search.ifPresent(s -> {
            try {
                s.index(article);
            } catch (RuntimeException e) {
                LOG.warn("the knowledge search did not index article {} of tenant {}; rebuild the index: {}",
                        article.id(), article.tenant(), e.toString());
            }
        });
    }

    private Either<Rejection, ArticleContent> form(ArticleForm form, Optional<ArticleOrigin> origin) {
        if (form == null) {
            return Either.left(Rejection.Invalid.of("article", "is required"));
        }
        return form.toContent(taxonomy, origin);
    }

    private Either<Rejection, ArticleContent> category(ArticleContent content) {
        Objects.requireNonNull(content, "content");
        return taxonomy.contains(content.category()) ? Either.right(content)
                : Either.left(Rejection.Invalid.of("category", "is not a category of this desk: " + content.category().code()));
    }

    private Either<Rejection, Article> current(TenantId tenant, ArticleId id, long revision) {
        if (id == null) {
            return Either.left(Rejection.Invalid.of("article id", "is required"));
        }
        return store.find(tenant, id).toEither(() -> notFound(id)).flatMap(a -> a.revision() == revision ? Either.right(a)
                : Either.left(new Rejection.ConcurrentModification("article", id.toString(), revision, a.revision())));
    }

    private static Either<Rejection, Actor> writer(Actor actor) {
        if (actor == null) {
            return Either.left(Rejection.Invalid.of("actor", "is required"));
        }
        return actor instanceof Actor.Customer ? Either.left(new Rejection.NotAllowed("customers do not write articles"))
                : Either.right(actor);
    }

    private static Rejection notFound(ArticleId id) {
        return new Rejection.NotFound("article", String.valueOf(id));
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * The reader's chain: their language, then the tenant's fallbacks.
     *
     * @param tenant the tenant
     * @param tag    the reader's BCP 47 tag, as typed or sent
     * @return the chain, or {@link Rejection.Invalid} naming {@code locale}
     */
    public Either<Rejection, LocaleChain> chain(TenantId tenant, String tag) {
        return ContentLocale.parse(tag).map(first -> {
            List<ContentLocale> rest = tenantFallbacks.getOrDefault(tenant, fallbacks);
            return LocaleChain.of(first, rest.stream().filter(l -> !l.equals(first)).limit(LocaleChain.MAX_LENGTH - 1)
                    .toArray(ContentLocale[]::new));
        });
    }

    public Either<Rejection, ArticleView> read(TenantId tenant, ArticleId id, Viewer viewer, String locale) {
        Objects.requireNonNull(viewer, "viewer");
        return chain(tenant, locale).flatMap(chain -> {
            Option<Article> found = id == null ? Option.none() : store.find(tenant, id);
            Optional<ArticleVersion> shown = found.toJavaOptional().flatMap(Article::published)
                    .filter(v -> viewer.mayRead(v.content().visibility()));
            Optional<ArticleVariant> variant = shown.flatMap(v -> v.content().variantFor(chain));
            if (variant.isEmpty()) {
                return Either.left(notFound(id));
            }
            ArticleContent c = shown.get().content();
            ArticleVariant v = variant.get();
            return Either.right(new ArticleView(id, shown.get().number(), shown.get().at(), c.kind(), c.category(), c.tags(),
                    v.locale(), v.title(), renderer.toHtml(v.body()), v.media(), c.attachments()));
        });
    }

    public Either<Rejection, List<SearchHit>> search(TenantId tenant, String text, Viewer viewer, String locale, int limit) {
        return SearchText.parse(text).flatMap(t -> find(tenant, t, viewer, locale, limit));
    }

    public Either<Rejection, List<SearchHit>> suggest(TenantId tenant, String subject, String body, Viewer viewer,
                                                      String locale, int limit) {
        String words = ((subject == null ? "" : subject) + " " + (body == null ? "" : body));
        Either<Rejection, SearchText> text = SearchText.parse(clip(words));
        if (text.isLeft()) {
            // nothing worth searching for yet (blank, or control characters only): no suggestions
            return chain(tenant, locale).map(c -> List.of());
        }
        return find(tenant, text.get(), viewer, locale, limit);
    }

    private Either<Rejection, List<SearchHit>> find(TenantId tenant, SearchText text, Viewer viewer, String locale, int limit) {
        Objects.requireNonNull(viewer, "viewer");
        if (limit < 1 || limit > KnowledgeQuery.MAX_LIMIT) {
            return Either.left(Rejection.Invalid.of("limit", "must be 1-" + KnowledgeQuery.MAX_LIMIT + ", not " + limit));
        }
        return chain(tenant, locale).flatMap(chain -> {
            if (search.isEmpty()) {
                return Either.left(new Rejection.NotAllowed("no knowledge search is installed on this desk"));
            }
            return search.get().search(KnowledgeQuery.builder().tenant(tenant).text(text).viewer(viewer).locales(chain)
                    .limit(limit).build());
        });
    }

    /** The first words of a text, at most a query's length, without control characters. */
    static String clip(String text) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length() && count < SUGGESTION_TEXT; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                cp = ' ';
            }
            out.appendCodePoint(cp);
            count++;
        }
        if (count == SUGGESTION_TEXT) {
            int space = out.lastIndexOf(" ");
            if (space > 0) {
                out.setLength(space);
            }
        }
        return out.toString();
    }

    // ---- feedback --------------------------------------------------------------------------

    public Either<Rejection, ArticleStats> deflect(TenantId tenant, ArticleId id, Viewer viewer, Actor reader,
                                                  Optional<TicketId> draftTicket) {
        return readable(tenant, id, viewer).flatMap(a -> record(tenant, id, ArticleFeedback.Kind.DEFLECTION, reader,
                Optional.empty(), draftTicket));
    }

    public Either<Rejection, ArticleStats> vote(TenantId tenant, ArticleId id, Viewer viewer, Actor reader, boolean helpful,
                                               String comment) {
        Optional<String> c = Optional.ofNullable(comment).filter(x -> !x.isBlank());
        return readable(tenant, id, viewer).flatMap(a -> record(tenant, id,
                helpful ? ArticleFeedback.Kind.HELPFUL : ArticleFeedback.Kind.NOT_HELPFUL, reader, c, Optional.empty()));
    }

    public Either<Rejection, ArticleStats> recordForTicket(TenantId tenant, ArticleId id, ArticleFeedback.Kind kind, Actor agent,
                                                          TicketId ticket) {
        return record(tenant, id, kind, agent, Optional.empty(), Optional.of(ticket));
    }

    public Either<Rejection, ArticleStats> stats(TenantId tenant, ArticleId id, Actor actor) {
        return article(tenant, id, actor).map(a -> feedback.stats(tenant, id));
    }

    public Either<Rejection, List<ArticleFeedback>> latestFeedback(TenantId tenant, ArticleId id, Actor actor, int limit) {
        if (limit < 1 || limit > 500) {
            return Either.left(Rejection.Invalid.of("limit", "must be 1-500, not " + limit));
        }
        return article(tenant, id, actor).map(a -> feedback.latest(tenant, id, limit));
    }

    /** A published article the viewer may read, or not found. */
    public Either<Rejection, Article> readable(TenantId tenant, ArticleId id, Viewer viewer) {
        Objects.requireNonNull(viewer, "viewer");
        Option<Article> found = id == null ? Option.none() : store.find(tenant, id);
        return found.filter(a -> a.published().filter(v -> viewer.mayRead(v.content().visibility())).isPresent())
                .toEither(() -> notFound(id));
    }

    private Either<Rejection, ArticleStats> record(TenantId tenant, ArticleId id, ArticleFeedback.Kind kind, Actor actor,
                                                  Optional<String> comment, Optional<TicketId> ticket) {
        if (actor == null) {
            return Either.left(Rejection.Invalid.of("actor", "is required"));
        }
        ArticleFeedback f;
        try {
            f = ArticleFeedback.builder().id(ids.next()).tenant(tenant).article(id).kind(kind).actor(actor)
                    .at(clock.instant()).comment(comment).ticket(ticket).build();
        } catch (dev.helpdesk.spi.ConfigurationException e) {
            return Either.left(new Rejection.Invalid(e.errors()));
        }
        feedback.record(f);
        return Either.right(feedback.stats(tenant, id));
    }
}
