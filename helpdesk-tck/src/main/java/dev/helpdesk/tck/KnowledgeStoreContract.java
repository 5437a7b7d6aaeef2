package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.Checksum;
import dev.helpdesk.spi.channel.Disposition;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.ArticleStatus;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeStore;
import dev.helpdesk.spi.knowledge.MediaEntry;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KnowledgeStore} keeps, as JUnit 5 tests. An implementation
 * subclasses this class and supplies an empty store:
 *
 * <pre>{@code
 * class InMemoryKnowledgeStoreTest extends KnowledgeStoreContract {
 *     protected KnowledgeStore createStore() {
 *         return new InMemoryKnowledgeStore();
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: an article with every part (four locales, media with transcripts,
 * attachments, tags, a segment's visibility, an origin, instants with nanoseconds) reads back
 * equal; every edit is a version and a published version stays readable while the next is
 * drafted, through draft → published → archived; a save over a stale revision, a new article
 * that claims a history, and a save that alters a stored version are rejected and write
 * nothing; of two concurrent saves over one revision exactly one wins; tenants are isolated;
 * paging walks every article once in id order; articles are found by the origin of their
 * latest version.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class KnowledgeStoreContract {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    /** Nanoseconds on purpose: a store keeps instants exactly. */
    private static final Instant T0 = Instant.parse("2026-03-29T01:30:00.123456789Z");
    private static final Actor WRITER = Actor.agent("writer");

    private KnowledgeStore store;

    /** Creates the suite; subclasses add their own set-up. */
    protected KnowledgeStoreContract() {
    }

    /**
     * Makes the store under test. Called once per test.
     *
     * @return a store that holds no article of any tenant
     */
    protected abstract KnowledgeStore createStore();

    @BeforeEach
    final void createTheStore() {
        store = createStore();
    }

    // ---- builders --------------------------------------------------------------------------

    private static ArticleId newId() {
        return ArticleId.of(TckIds.ticketId().value());
    }

    private static ArticleContent content(String title) {
        return ArticleContent.builder().kind(ArticleKind.ARTICLE).category(Category.HARDWARE)
                .visibility(ArticleVisibility.PUBLIC)
                .addVariant(ArticleVariant.builder().locale(ContentLocale.ENGLISH).title(title).body("Body of " + title).build())
                .build();
    }

    private static ArticleContent everyPart() {
        return ArticleContent.builder().kind(ArticleKind.TUTORIAL).category(Category.of("technical.installation"))
                .visibility(ArticleVisibility.segment(CustomerSegment.of("enterprise")))
                .addTags("video", "install", "desktop-app")
                .addVariant(ArticleVariant.builder().locale(ContentLocale.ENGLISH).title("Installing the app")
                        .body("# Install\n\n1. Download\n2. Run `setup.exe`\n\n<b>bold</b> & 'quotes' \"double\"")
                        .addMedia(MediaEntry.builder().url(URI.create("https://videos.example/install-en.mp4"))
                                .poster(URI.create("https://videos.example/install-en.jpg"))
                                .duration(Duration.ofSeconds(245, 500_000_000))
                                .transcript("First download the installer.\nThen run it.").build())
                        .addMedia(MediaEntry.builder().url(URI.create("https://videos.example/short.mp4")).build())
                        .build())
                .addVariant(ArticleVariant.builder().locale(ContentLocale.of("nl-BE")).title("De app installeren")
                        .body("Download het installatieprogramma.").build())
                .addVariant(ArticleVariant.builder().locale(ContentLocale.SPANISH).title("Instalar la aplicación")
                        .body("Descargue el instalador; ¡ejecútelo!").build())
                .addVariant(ArticleVariant.builder().locale(ContentLocale.RUSSIAN).title("Установка приложения")
                        .body("Скачайте установщик. 😀").build())
                .addAttachment(AttachmentRef.builder().name("guide.pdf").mediaType("application/pdf").size(12_345)
                        .checksum(Checksum.of("sha256:" + "a".repeat(64))).storageKey(StorageKey.of("kb/guide.pdf")).build())
                .addAttachment(AttachmentRef.builder().name("screen.png").mediaType("image/png").size(99)
                        .checksum(Checksum.of("sha256:" + "b".repeat(64))).storageKey(StorageKey.of("kb/screen.png"))
                        .disposition(Disposition.INLINE).contentId("screen@kb").build())
                .origin(ArticleOrigin.of(ArticleOrigin.Kind.FORUM_ANSWER, "forum-post-77"))
                .build();
    }

    private static ArticleVersion version(int number, ArticleContent content) {
        return ArticleVersion.builder().number(number).author(WRITER).at(T0.plusSeconds(number)).content(content).build();
    }

    private static Article draft(TenantId tenant, ArticleId id, ArticleContent content) {
        return Article.builder().tenant(tenant).id(id).addVersion(version(1, content)).revision(1).build();
    }

    private static Article edited(Article a, ArticleContent content) {
        return Article.builder().from(a).addVersion(version(a.versions().size() + 1, content)).revision(a.revision() + 1).build();
    }

    private static Article published(Article a) {
        return Article.builder().from(a).publishedVersion(a.versions().size()).revision(a.revision() + 1).build();
    }

    private static Article archived(Article a) {
        return Article.builder().from(a).archived(true).revision(a.revision() + 1).build();
    }

    private Article saved(Article a) {
        Either<Rejection, Article> result = store.save(a);
        assertTrue(result.isRight(), () -> "rejected: " + result.getLeft().message());
        assertEquals(a, result.get());
        return result.get();
    }

    // ---- the tests -------------------------------------------------------------------------

    @Test
    void an_article_with_every_part_reads_back_equal() {
        Article a = saved(draft(ACME, newId(), everyPart()));
        assertEquals(Option.of(a), store.find(ACME, a.id()));
        Article more = saved(edited(saved(published(a)), content("Second words")));
        Article read = store.find(ACME, a.id()).get();
        assertEquals(more, read);
        assertEquals(T0.plusSeconds(1), read.versions().get(0).at());
        assertEquals(WRITER, read.latest().author());
    }

    @Test
    void notes_and_every_kind_of_author_and_visibility_read_back() {
        ArticleContent internal = ArticleContent.builder().from(content("Internal procedure")).kind(ArticleKind.FAQ)
                .visibility(ArticleVisibility.INTERNAL).build();
        Article a = Article.builder().tenant(ACME).id(newId())
                .addVersion(ArticleVersion.builder().number(1).author(Actor.integration("forum")).at(T0)
                        .note("drafted from the forum").content(internal).build())
                .addVersion(ArticleVersion.builder().number(2).author(Actor.system("known-errors")).at(T0)
                        .content(content("Public now")).build())
                .addVersion(ArticleVersion.builder().number(3).author(Actor.customer("c-1")).at(T0.plusNanos(1))
                        .content(ArticleContent.builder().from(content("Segment")).kind(ArticleKind.TUTORIAL).build()).build())
                .revision(3).build();
        saved(a);
        assertEquals(Option.of(a), store.find(ACME, a.id()));
    }

    @Test
    void a_published_version_stays_readable_while_the_next_is_drafted_through_draft_published_archived() {
        Article a = saved(draft(ACME, newId(), content("Printer offline")));
        assertEquals(ArticleStatus.DRAFT, store.find(ACME, a.id()).get().status());
        Article live = saved(published(a));
        Article next = saved(edited(live, content("Printer offline, revised")));
        Article read = store.find(ACME, a.id()).get();
        assertEquals(ArticleStatus.PUBLISHED, read.status());
        assertEquals("Printer offline", read.published().orElseThrow().content().variants().get(0).title());
        assertEquals("Printer offline, revised", read.draft().orElseThrow().content().variants().get(0).title());
        Article second = saved(published(next));
        assertEquals(2, store.find(ACME, a.id()).get().publishedVersion().orElseThrow());
        Article gone = saved(archived(second));
        Article last = store.find(ACME, a.id()).get();
        assertEquals(ArticleStatus.ARCHIVED, last.status());
        assertEquals(2, last.versions().size());
        assertEquals(gone.revision(), last.revision());
    }

    @Test
    void a_save_over_a_stale_revision_is_a_concurrent_modification_and_writes_nothing() {
        Article a = saved(draft(ACME, newId(), content("One")));
        Article first = saved(edited(a, content("Two")));
        Either<Rejection, Article> stale = store.save(edited(a, content("Other two")));
        assertInstanceOf(Rejection.ConcurrentModification.class, stale.getLeft());
        assertEquals(Option.of(first), store.find(ACME, a.id()));
        Either<Rejection, Article> skipping = store.save(Article.builder().from(edited(first, content("Three")))
                .revision(first.revision() + 2).build());
        assertInstanceOf(Rejection.ConcurrentModification.class, skipping.getLeft());
        assertEquals(Option.of(first), store.find(ACME, a.id()));
    }

    @Test
    void a_new_article_that_claims_earlier_changes_or_an_existing_id_is_a_concurrent_modification() {
        Article a = draft(ACME, newId(), content("One"));
        Either<Rejection, Article> claims = store.save(published(a));
        assertInstanceOf(Rejection.ConcurrentModification.class, claims.getLeft());
        assertTrue(store.find(ACME, a.id()).isEmpty());
        saved(a);
        Either<Rejection, Article> again = store.save(draft(ACME, a.id(), content("Again")));
        assertInstanceOf(Rejection.ConcurrentModification.class, again.getLeft());
        assertEquals(Option.of(a), store.find(ACME, a.id()));
    }

    @Test
    void a_save_that_alters_a_stored_version_is_invalid_and_writes_nothing() {
        Article a = saved(draft(ACME, newId(), content("One")));
        Article rewritten = Article.builder().tenant(ACME).id(a.id()).addVersion(version(1, content("Rewritten")))
                .addVersion(version(2, content("Two"))).revision(2).build();
        Either<Rejection, Article> result = store.save(rewritten);
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, result.getLeft());
        assertEquals("versions", invalid.errors().get(0).field());
        assertEquals(Option.of(a), store.find(ACME, a.id()));
    }

    @Test
    void of_concurrent_saves_over_one_revision_exactly_one_wins() throws Exception {
        Article a = saved(draft(ACME, newId(), content("Start")));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Either<Rejection, Article>>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Article mine = edited(a, content("Writer " + i));
                Callable<Either<Rejection, Article>> save = () -> {
                    start.await();
                    return store.save(mine);
                };
                results.add(pool.submit(save));
            }
            start.countDown();
            List<Article> won = new ArrayList<>();
            for (Future<Either<Rejection, Article>> f : results) {
                Either<Rejection, Article> r = f.get(60, TimeUnit.SECONDS);
                if (r.isRight()) {
                    won.add(r.get());
                } else {
                    assertInstanceOf(Rejection.ConcurrentModification.class, r.getLeft());
                }
            }
            assertEquals(1, won.size(), "winners");
            assertEquals(Option.of(won.get(0)), store.find(ACME, a.id()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenants_are_isolated() {
        ArticleId shared = newId();
        Article ours = saved(draft(ACME, shared, content("Ours")));
        assertTrue(store.find(GLOBEX, shared).isEmpty());
        assertTrue(store.page(GLOBEX, Option.none(), 10).isEmpty());
        Article theirs = saved(draft(GLOBEX, shared, content("Theirs")));
        assertEquals(Option.of(ours), store.find(ACME, shared));
        assertEquals(Option.of(theirs), store.find(GLOBEX, shared));
        saved(published(theirs));
        assertEquals(Option.of(ours), store.find(ACME, shared));
        assertEquals(List.of(ours), store.page(ACME, Option.none(), 10));
    }

    @Test
    void pages_walk_every_article_once_in_id_order() {
        List<ArticleId> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(saved(draft(ACME, newId(), content("Article " + i))).id());
        }
        saved(draft(GLOBEX, newId(), content("Elsewhere")));
        List<ArticleId> walked = new ArrayList<>();
        Option<ArticleId> after = Option.none();
        while (true) {
            List<Article> page = store.page(ACME, after, 5);
            page.forEach(a -> walked.add(a.id()));
            if (page.size() < 5) {
                break;
            }
            after = Option.of(page.get(page.size() - 1).id());
        }
        assertEquals(ids.stream().sorted().toList(), walked);
        assertThrows(IllegalArgumentException.class, () -> store.page(ACME, Option.none(), 0));
        assertThrows(IllegalArgumentException.class, () -> store.page(ACME, Option.none(), 501));
        assertEquals(23, store.page(ACME, Option.none(), 500).size());
    }

    @Test
    void articles_are_found_by_the_origin_of_their_latest_version() {
        ArticleOrigin forum = ArticleOrigin.of(ArticleOrigin.Kind.FORUM_ANSWER, "post-1");
        ArticleOrigin error = ArticleOrigin.of(ArticleOrigin.Kind.KNOWN_ERROR, "post-1");
        Article fromForum = saved(draft(ACME, newId(), ArticleContent.builder().from(content("From forum")).origin(forum).build()));
        Article fromError = saved(draft(ACME, newId(), ArticleContent.builder().from(content("From error")).origin(error).build()));
        Article moved = saved(draft(ACME, newId(), ArticleContent.builder().from(content("Moved")).origin(forum).build()));
        saved(edited(moved, content("No origin any more")));
        saved(draft(GLOBEX, newId(), ArticleContent.builder().from(content("Their forum")).origin(forum).build()));
        assertEquals(List.of(fromForum.id()), store.byOrigin(ACME, forum).stream().map(Article::id).toList());
        assertEquals(List.of(fromError.id()), store.byOrigin(ACME, error).stream().map(Article::id).toList());
        assertTrue(store.byOrigin(ACME, ArticleOrigin.of(ArticleOrigin.Kind.TICKET, "post-1")).isEmpty());
    }

    @Test
    void a_body_of_the_largest_size_and_an_unpublished_article_read_back() {
        String body = "ü".repeat(ArticleVariant.MAX_BODY_BYTES / 2);
        ArticleContent big = ArticleContent.builder().kind(ArticleKind.ARTICLE).category(Category.HARDWARE)
                .visibility(ArticleVisibility.PUBLIC)
                .addVariant(ArticleVariant.builder().locale(ContentLocale.ENGLISH).title("Big").body(body).build()).build();
        Article a = saved(draft(ACME, newId(), big));
        Article read = store.find(ACME, a.id()).get();
        assertEquals(body, read.latest().content().variants().get(0).body());
        assertEquals(Optional.empty(), read.publishedVersion());
        assertFalse(read.archived());
    }
}
