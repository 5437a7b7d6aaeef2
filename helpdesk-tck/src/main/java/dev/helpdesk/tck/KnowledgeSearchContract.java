package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.knowledge.LocaleChain;
import dev.helpdesk.spi.knowledge.MediaEntry;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.SearchText;
import dev.helpdesk.spi.knowledge.Viewer;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import io.vavr.control.Either;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KnowledgeSearch} keeps, as JUnit 5 tests on a fixed multilingual
 * corpus: a dozen help articles in English, Dutch, Spanish and Russian (some in several
 * languages, one for a customer segment, one internal, a tutorial found by its video's
 * transcript, a draft, an archived article, one with hostile markup) plus the same words in
 * another tenant. An implementation subclasses this class and supplies an empty search:
 *
 * <pre>{@code
 * class LuceneKnowledgeSearchTest extends KnowledgeSearchContract {
 *     protected KnowledgeSearch createSearch() {
 *         return LuceneKnowledgeSearch.inMemory();
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: the queries of {@link #FIRST_ANSWERS} bring their article first, in the
 * reader's language; the reader's fallback chain; visibility (public, segment, internal),
 * category, tag and kind filters; only published versions are found, a newer draft's words are
 * not; remove, re-index and rebuild; tenants are isolated; each article is answered once and at
 * most {@code limit} hits; snippets are escaped HTML with {@code <mark>} as their only markup;
 * query syntax, punctuation, very long and arbitrary texts, and languages without an analyzer,
 * answer a result or a {@link Rejection}, never an exception.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class KnowledgeSearchContract {
    /** The tenant of the corpus. */
    protected static final TenantId ACME = TenantId.of("acme");
    /** Another tenant with an article of the same words. */
    protected static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final CustomerSegment ENTERPRISE = CustomerSegment.of("enterprise");
    private static final ContentLocale EN = ContentLocale.ENGLISH;
    private static final ContentLocale NL = ContentLocale.DUTCH;
    private static final ContentLocale ES = ContentLocale.SPANISH;
    private static final ContentLocale RU = ContentLocale.RUSSIAN;

    /** The queries of the corpus and the article each must answer first, with the reader's language. */
    protected static final List<String[]> FIRST_ANSWERS = List.of(
            new String[] {"en", "printer offline", "printer"},
            new String[] {"en", "reset my password", "password"},
            new String[] {"nl", "wachtwoord vergeten", "password"},
            new String[] {"nl", "printer offline", "printer"},
            new String[] {"es", "impresora sin conexión", "printer"},
            new String[] {"ru", "принтер не печатает", "printer"},
            new String[] {"en", "refund", "refund"},
            new String[] {"nl", "geld terug", "refund"},
            new String[] {"en", "firmware update", "firmware"},
            new String[] {"nl", "firmware bijwerken", "firmware"},
            new String[] {"en", "how long does shipping take", "shipping"},
            new String[] {"es", "plazos de envío", "shipping"},
            new String[] {"en", "calibrate the sensor", "tutorial"},
            new String[] {"ru", "установка приложения", "tutorial"},
            new String[] {"en", "prnter ofline", "printer"});

    /** The queries of {@link #FIRST_ANSWERS} that need typo tolerance. */
    protected static final Set<String> TYPO_QUERIES = Set.of("prnter ofline");

    /**
     * What an implementation may be exempt from, only when it says so in {@link #exemptions()}
     * and in its Javadoc; every other case of the contract holds for every implementation.
     */
    public enum Exemption {
        /** Misspelled words ({@link #TYPO_QUERIES}) need not find their article. */
        TYPO_TOLERANCE
    }

    private KnowledgeSearch search;

    /**
     * The cases this implementation is exempt from; none unless it overrides this.
     *
     * @return the exemptions
     */
    protected Set<Exemption> exemptions() {
        return Set.of();
    }

    /** Creates the suite; subclasses add their own set-up. */
    protected KnowledgeSearchContract() {
    }

    /**
     * Makes the search under test. Called once per test, before the corpus is indexed.
     *
     * @return a search whose index holds nothing of any tenant
     */
    protected abstract KnowledgeSearch createSearch();

    /**
     * Releases the search after a test; by default closes it when it is {@link AutoCloseable}.
     *
     * @param search the search under test
     * @throws Exception when closing fails
     */
    protected void release(KnowledgeSearch search) throws Exception {
        if (search instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @BeforeEach
    final void indexTheCorpus() {
        search = createSearch();
        for (Article a : corpus()) {
            search.index(a);
        }
    }

    @AfterEach
    final void releaseTheSearch() throws Exception {
        release(search);
    }

    /**
     * The id of an article of the corpus.
     *
     * @param name the article's name, such as {@code printer}
     * @return its id in tenant {@link #ACME}
     */
    protected static ArticleId id(String name) {
        return ArticleId.of(UUID.nameUUIDFromBytes(("acme/" + name).getBytes(StandardCharsets.UTF_8)));
    }

    // ---- the corpus ------------------------------------------------------------------------

    private static ArticleVariant variant(ContentLocale locale, String title, String body) {
        return ArticleVariant.builder().locale(locale).title(title).body(body).build();
    }

    private static Article article(TenantId tenant, String name, ArticleKind kind, Category category,
                                   ArticleVisibility visibility, Set<String> tags, ArticleVariant... variants) {
        return article(tenant, name, content(kind, category, visibility, tags, variants));
    }

    private static ArticleContent content(ArticleKind kind, Category category, ArticleVisibility visibility,
                                          Set<String> tags, ArticleVariant... variants) {
        return ArticleContent.builder().kind(kind).category(category).visibility(visibility).addAllTags(tags)
                .addAllVariants(List.of(variants)).build();
    }

    private static Article article(TenantId tenant, String name, ArticleContent content) {
        UUID uuid = UUID.nameUUIDFromBytes((tenant.value() + "/" + name).getBytes(StandardCharsets.UTF_8));
        return Article.builder().tenant(tenant).id(ArticleId.of(uuid))
                .addVersion(version(1, content)).publishedVersion(1).revision(2).build();
    }

    private static ArticleVersion version(int number, ArticleContent content) {
        return ArticleVersion.builder().number(number).author(Actor.agent("writer")).at(T0.plusSeconds(number))
                .content(content).build();
    }

    /**
     * The corpus, as indexed before each test.
     *
     * @return every article, of both tenants
     */
    protected static List<Article> corpus() {
        List<Article> all = new ArrayList<>();
        all.add(article(ACME, "printer", ArticleKind.ARTICLE, Category.HARDWARE, ArticleVisibility.PUBLIC, Set.of("printer"),
                variant(EN, "Printer shows offline", "When the printer is offline, check the cable and the Wi-Fi network, "
                        + "then restart the printer and remove stuck print jobs from the queue."),
                variant(NL, "Printer staat offline", "Als de printer offline staat, controleer de kabel en het wifi-netwerk, "
                        + "start de printer opnieuw en verwijder vastgelopen afdruktaken uit de wachtrij."),
                variant(ES, "La impresora aparece sin conexión", "Si la impresora está sin conexión, revise el cable y la red "
                        + "wifi, reinicie la impresora y elimine los trabajos atascados de la cola."),
                variant(RU, "Принтер не печатает и отключён", "Если принтер отключён и не печатает, проверьте кабель и сеть "
                        + "Wi-Fi, перезапустите принтер и удалите зависшие задания из очереди печати.")));
        all.add(article(ACME, "password", ArticleKind.FAQ, Category.ACCOUNT, ArticleVisibility.PUBLIC, Set.of("account", "password"),
                variant(EN, "I forgot my password", "Choose Forgot password on the sign-in page; we send a link to reset "
                        + "your password to your email address. The link works for one hour."),
                variant(NL, "Ik ben mijn wachtwoord vergeten", "Kies Wachtwoord vergeten op de aanmeldpagina; we sturen een "
                        + "link om uw wachtwoord opnieuw in te stellen naar uw e-mailadres.")));
        all.add(article(ACME, "invoice", ArticleKind.ARTICLE, Category.BILLING, ArticleVisibility.segment(ENTERPRISE),
                Set.of("invoice"),
                variant(EN, "Downloading invoices for enterprise accounts", "Enterprise customers download every invoice "
                        + "as PDF from the billing page of the admin console."),
                variant(ES, "Descargar facturas de cuentas empresariales", "Los clientes empresariales descargan cada "
                        + "factura en PDF desde la página de facturación.")));
        all.add(article(ACME, "vpn", ArticleKind.ARTICLE, Category.REMOTE_ACCESS, ArticleVisibility.INTERNAL, Set.of("vpn"),
                variant(EN, "Remote session through the support VPN", "Agents open a remote session only after the "
                        + "customer's recorded consent; connect to the support VPN first.")));
        all.add(article(ACME, "tutorial", ArticleKind.TUTORIAL, Category.INSTALLATION, ArticleVisibility.PUBLIC, Set.of("video"),
                ArticleVariant.builder().locale(EN).title("Installing the desktop app").body("Watch the video.")
                        .addMedia(MediaEntry.builder().url(URI.create("https://videos.example/install-en.mp4"))
                                .poster(URI.create("https://videos.example/install-en.jpg")).duration(Duration.ofMinutes(4))
                                .transcript("First download the installer. After installing, calibrate the sensor "
                                        + "by holding the device flat for ten seconds.").build()).build(),
                ArticleVariant.builder().locale(RU).title("Установка настольного приложения").body("Смотрите видео.")
                        .addMedia(MediaEntry.builder().url(URI.create("https://videos.example/install-ru.mp4"))
                                .transcript("Сначала скачайте установщик. Установка приложения занимает минуту.").build())
                        .build()));
        all.add(article(ACME, "refund", ArticleKind.FAQ, Category.BILLING, ArticleVisibility.PUBLIC, Set.of("refund", "payment"),
                variant(EN, "How do I get a refund?", "Ask for a refund within 30 days; the money is returned to the card "
                        + "you paid with."),
                variant(NL, "Hoe krijg ik mijn geld terug?", "Vraag binnen 30 dagen uw geld terug; het bedrag gaat terug "
                        + "naar de kaart waarmee u betaalde.")));
        all.add(article(ACME, "shipping", ArticleKind.ARTICLE, Category.ORDERS_AND_SHIPPING, ArticleVisibility.PUBLIC,
                Set.of("shipping"),
                variant(EN, "Shipping times", "Orders ship within two working days; delivery takes three to five days."),
                variant(ES, "Plazos de envío", "Los pedidos se envían en dos días laborables; la entrega tarda de tres a "
                        + "cinco días.")));
        all.add(article(ACME, "firmware", ArticleKind.ARTICLE, Category.SOFTWARE_UPDATES, ArticleVisibility.PUBLIC,
                Set.of("firmware", "printer"),
                variant(EN, "Updating the firmware", "Install the latest firmware update from the device menu; do not "
                        + "switch the device off while it updates."),
                variant(NL, "De firmware bijwerken", "Installeer de nieuwste firmware via het apparaatmenu en zet het "
                        + "apparaat niet uit tijdens het bijwerken.")));
        all.add(article(ACME, "hostile", ArticleKind.ARTICLE, Category.TROUBLESHOOTING, ArticleVisibility.PUBLIC, Set.of(),
                variant(EN, "Scanner <script>alert(1)</script> drivers", "If the scanner driver fails, reinstall it. "
                        + "<img src=x onerror=alert('scanner')> \"quoted\" & 'single' <b>scanner</b> driver notes.")));
        // a draft that was never published, and an archived article: neither is ever found
        all.add(Article.builder().from(article(ACME, "draft", content(ArticleKind.ARTICLE, Category.HARDWARE,
                        ArticleVisibility.PUBLIC, Set.of(), variant(EN, "Unreleased zeppelin printer", "Zeppelin notes."))))
                .publishedVersion(java.util.Optional.empty()).revision(1).build());
        all.add(Article.builder().from(article(ACME, "archived", content(ArticleKind.ARTICLE, Category.HARDWARE,
                        ArticleVisibility.PUBLIC, Set.of(), variant(EN, "Old fax machine setup", "Connect the fax machine."))))
                .archived(true).revision(3).build());
        // published version 1 while version 2 is drafted with other words
        Article revised = article(ACME, "revised", content(ArticleKind.ARTICLE, Category.HARDWARE, ArticleVisibility.PUBLIC,
                Set.of(), variant(EN, "Monitor flickers", "A flickering monitor needs a new cable.")));
        all.add(Article.builder().from(revised)
                .addVersion(version(2, content(ArticleKind.ARTICLE, Category.HARDWARE, ArticleVisibility.PUBLIC, Set.of(),
                        variant(EN, "Monitor flickers", "A flickering monitor needs a new graphics driver (quasar)."))))
                .revision(3).build());
        all.add(article(GLOBEX, "printer", ArticleKind.ARTICLE, Category.HARDWARE, ArticleVisibility.PUBLIC, Set.of("printer"),
                variant(EN, "Printer offline at Globex", "Globex printers go offline when the printer is unplugged.")));
        return all;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private KnowledgeQuery.Builder query(String text, ContentLocale... chain) {
        return KnowledgeQuery.builder().tenant(ACME).text(SearchText.of(text))
                .locales(LocaleChain.of(chain[0], java.util.Arrays.copyOfRange(chain, 1, chain.length)));
    }

    private List<SearchHit> hits(KnowledgeQuery query) {
        Either<Rejection, List<SearchHit>> result = search.search(query);
        assertTrue(result.isRight(), () -> "rejected: " + result.getLeft().message());
        return result.get();
    }

    private List<ArticleId> ids(KnowledgeQuery query) {
        return hits(query).stream().map(SearchHit::id).toList();
    }

    private List<ArticleId> ids(String text, ContentLocale... chain) {
        return ids(query(text, chain).build());
    }

    private static <T> T with(T value, Consumer<T> check) {
        check.accept(value);
        return value;
    }

    // ---- the tests -------------------------------------------------------------------------

    @Test
    void each_query_of_the_corpus_answers_its_article_first_in_the_readers_language() {
        List<String> wrong = new ArrayList<>();
        for (String[] q : FIRST_ANSWERS) {
            if (TYPO_QUERIES.contains(q[1]) && exemptions().contains(Exemption.TYPO_TOLERANCE)) {
                continue;
            }
            ContentLocale locale = ContentLocale.of(q[0]);
            List<SearchHit> hits = hits(query(q[1], locale).build());
            if (hits.isEmpty() || !hits.get(0).id().equals(id(q[2])) || !hits.get(0).locale().equals(locale)) {
                wrong.add(q[0] + " '" + q[1] + "' → " + hits.stream().map(h -> h.title() + " (" + h.locale() + ")").toList());
            }
        }
        assertTrue(wrong.isEmpty(), "not first: " + wrong);
    }

    @Test
    void an_article_missing_in_the_readers_language_is_found_through_the_tenants_fallback() {
        List<SearchHit> hits = hits(query("shipping times", NL, EN).build());
        assertEquals(id("shipping"), hits.get(0).id());
        assertEquals(EN, hits.get(0).locale());
        assertFalse(ids("shipping times", NL).contains(id("shipping")), "Dutch alone has no shipping article");
    }

    @Test
    void an_article_in_several_languages_is_answered_once_in_the_first_language_of_the_chain_it_matched() {
        List<SearchHit> hits = hits(query("printer offline", NL, EN).build());
        assertEquals(id("printer"), hits.get(0).id());
        assertEquals(NL, hits.get(0).locale());
        assertEquals(hits.size(), new HashSet<>(hits.stream().map(SearchHit::id).toList()).size(), "each article once");
        assertEquals(NL, with(hits(query("printer offline", ContentLocale.of("nl-BE"), EN).build()).get(0),
                h -> assertEquals(id("printer"), h.id())).locale(), "a Belgian reader reads the Dutch variant");
    }

    @Test
    void customers_see_public_articles_and_their_segments_but_never_internal_ones() {
        assertFalse(ids("invoice download", EN).contains(id("invoice")), "anonymous readers do not see a segment's article");
        assertFalse(ids(query("invoice download", EN).viewer(Viewer.customer(Set.of(CustomerSegment.of("free")))).build())
                .contains(id("invoice")));
        assertEquals(id("invoice"), ids(query("descargar factura", ES)
                .viewer(Viewer.customer(Set.of(ENTERPRISE))).build()).get(0));
        assertFalse(ids(query("remote session VPN", EN).viewer(Viewer.customer(Set.of(ENTERPRISE))).build()).contains(id("vpn")));
        assertEquals(id("vpn"), ids(query("remote session VPN", EN).viewer(Viewer.AGENT).build()).get(0));
    }

    @Test
    void category_tag_and_kind_filters_narrow_the_answer() {
        List<SearchHit> technical = hits(query("printer firmware offline", EN).addCategory(Category.of("technical")).build());
        assertFalse(technical.isEmpty());
        assertTrue(technical.stream().allMatch(h -> h.category().area().equals("technical")));

        assertEquals(List.of(id("firmware")), ids(query("firmware printer offline", EN).addTag("firmware").build()));
        assertEquals(List.of(id("refund")), ids(query("refund payment card", EN).addTag("refund").addTag("payment").build()));
        assertTrue(hits(query("password refund", EN).addKind(ArticleKind.FAQ).build()).stream()
                .allMatch(h -> h.kind() == ArticleKind.FAQ));
        assertTrue(ids(query("printer", EN).addCategory(Category.BILLING).build()).isEmpty());
    }

    @Test
    void only_published_versions_are_found_and_a_newer_drafts_words_are_not() {
        assertFalse(ids("zeppelin", EN).contains(id("draft")));
        assertFalse(ids("fax machine", EN).contains(id("archived")));
        assertEquals(List.of(id("revised")), ids("flickering monitor cable", EN).subList(0, 1));
        assertFalse(ids("quasar", EN).contains(id("revised")), "the draft's words are not searchable yet");
    }

    @Test
    void a_tutorial_is_found_by_what_its_video_says() {
        List<SearchHit> hits = hits(query("calibrate the sensor", EN).build());
        assertEquals(id("tutorial"), hits.get(0).id());
        assertEquals(ArticleKind.TUTORIAL, hits.get(0).kind());
    }

    @Test
    void removing_and_indexing_again_and_rebuilding_change_what_is_found() {
        search.remove(ACME, id("printer"));
        assertFalse(ids("printer offline", EN).contains(id("printer")));
        search.remove(ACME, id("printer"));

        Article printer = corpus().stream().filter(a -> a.id().equals(id("printer"))).findFirst().orElseThrow();
        search.index(printer);
        search.index(printer);
        assertEquals(id("printer"), ids("printer offline", EN).get(0));

        search.index(Article.builder().from(printer).archived(true).revision(printer.revision() + 1).build());
        assertFalse(ids("printer offline", EN).contains(id("printer")), "archiving takes it out");

        List<Article> two = corpus().stream().filter(a -> a.tenant().equals(ACME)
                && (a.id().equals(id("refund")) || a.id().equals(id("shipping")))).toList();
        assertEquals(2, search.rebuild(ACME, two));
        assertTrue(ids("printer offline firmware password", EN).isEmpty());
        assertEquals(id("refund"), ids("refund", EN).get(0));
    }

    @Test
    void tenants_are_isolated() {
        List<SearchHit> acme = hits(query("Globex printer unplugged", EN).build());
        assertTrue(acme.stream().noneMatch(h -> h.title().contains("Globex")));
        List<SearchHit> globex = search.search(KnowledgeQuery.builder().tenant(GLOBEX).text(SearchText.of("printer offline"))
                .locales(LocaleChain.of(EN)).build()).get();
        assertEquals(1, globex.size());
        assertTrue(globex.get(0).title().contains("Globex"));
        search.rebuild(GLOBEX, List.of());
        assertEquals(id("printer"), ids("printer offline", EN).get(0), "rebuilding one tenant leaves the others");
    }

    @Test
    void answers_are_ordered_by_score_each_article_once_and_no_more_than_the_limit() {
        List<SearchHit> hits = hits(query("printer offline firmware update refund password shipping", NL, EN, ES, RU).limit(3).build());
        assertEquals(3, hits.size());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
        assertEquals(3, new HashSet<>(hits.stream().map(SearchHit::id).toList()).size());
    }

    @Test
    void snippets_mark_the_words_searched_for_and_are_safe_html() {
        SearchHit printer = hits(query("printer offline", EN).build()).get(0);
        assertTrue(printer.snippet().highlights().stream().anyMatch(w -> w.equalsIgnoreCase("printer")),
                printer.snippet().html());

        for (String text : List.of("scanner driver", "script alert", "img onerror", "quoted single", "b scanner")) {
            for (SearchHit hit : hits(query(text, EN).build())) {
                String html = hit.snippet().html();
                String outsideMarks = html.replace("<mark>", "").replace("</mark>", "");
                assertFalse(outsideMarks.contains("<") || outsideMarks.contains(">") || outsideMarks.contains("\"")
                        || outsideMarks.contains("'"), html);
                assertEquals(hit.snippet().text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;").replace("'", "&#39;"), outsideMarks);
            }
        }
    }

    @Test
    void query_syntax_is_read_as_words_and_never_fails() {
        for (String text : List.of("title:printer AND (offline OR \"jam\")~2", "*:*", "printer*", "[a TO z]", "+printer -offline",
                "printer^100", "\\", "\"", "(((", "/regex.*/", "field:", "a && b || !c", "{!lucene}printer", "'); DROP TABLE x;--",
                "<script>alert(1)</script>", "%27%22", "printer~", "??!!", "…", "\u200b\u200b")) {
            Either<Rejection, SearchText> parsed = SearchText.parse(text);
            if (parsed.isRight()) {
                Either<Rejection, List<SearchHit>> result = search.search(query(parsed.get().value(), EN).build());
                assertTrue(result.isRight() || result.getLeft() instanceof Rejection.Invalid, text);
            }
        }
        assertEquals(id("printer"), ids("title:printer AND offline", EN).get(0));
    }

    @Test
    void punctuation_alone_finds_nothing() {
        assertTrue(ids("?!.,;:-", EN).isEmpty());
        assertTrue(ids("#", EN).isEmpty());
    }

    @Test
    void bad_texts_and_locales_are_rejected_before_the_search() {
        Rejection tooLong = SearchText.parse("printer ".repeat(1_250)).getLeft();
        assertTrue(((Rejection.Invalid) tooLong).names("query"));
        assertTrue(SearchText.parse("\u0000printer").isLeft());
        assertTrue(SearchText.parse(" ").isLeft());
        assertTrue(ContentLocale.parse("xx").isLeft());
        assertTrue(ContentLocale.parse("not a locale").isLeft());
    }

    @Test
    void a_language_without_an_analyzer_is_searched_without_failing() {
        ContentLocale swahili = ContentLocale.of("sw");
        search.index(article(ACME, "swahili", ArticleKind.FAQ, Category.KNOWLEDGE_BASE, ArticleVisibility.PUBLIC, Set.of(),
                variant(swahili, "Nenosiri limesahaulika", "Chagua Umesahau nenosiri kwenye ukurasa wa kuingia.")));
        assertEquals(id("swahili"), ids("nenosiri", swahili).get(0));
        assertTrue(ids("printer", ContentLocale.of("ja")).isEmpty());
    }

    @Test
    void arbitrary_texts_answer_a_result_within_the_limit_and_never_throw() {
        List<String> texts = Arbitraries.strings().ofMaxLength(40).sampleStream().limit(100).toList();
        for (String text : texts) {
            SearchText.parse(text).forEach(t -> {
                Either<Rejection, List<SearchHit>> result = search.search(query(t.value(), EN, NL, ES, RU).limit(5).build());
                assertTrue(result.isLeft() || result.get().size() <= 5, text);
                result.forEach(hits -> hits.forEach(h -> assertFalse(h.id().equals(id("vpn")) || h.id().equals(id("invoice")))));
            });
        }
    }
}
