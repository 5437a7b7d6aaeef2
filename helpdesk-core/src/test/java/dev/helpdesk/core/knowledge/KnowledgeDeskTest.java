package dev.helpdesk.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.KnowledgeDesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleFeedback;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.ArticleStats;
import dev.helpdesk.spi.knowledge.ArticleStatus;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.Viewer;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnowledgeDeskTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Actor ANA = Actor.agent("ana");
    private static final Actor CAROL = Actor.customer("carol");
    private static final Viewer VISITOR = Viewer.ANONYMOUS;
    private static final Viewer ENTERPRISE = Viewer.customer(Set.of(CustomerSegment.of("enterprise")));

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final WordSearch search = new WordSearch();
    private final Helpdesk desk = Helpdesk.builder().clock(clock)
            .idGenerator(new TimeOrderedIdGenerator(clock, new SplittableRandom(7)))
            .plugin(search)
            .knowledgeFallbacks(ContentLocale.ENGLISH)
            .knowledgeFallbacks(GLOBEX, ContentLocale.SPANISH)
            .build();
    private final KnowledgeDesk kb = desk.tenant(ACME).knowledge();

    private static <T> T ok(Either<Rejection, T> result) {
        assertTrue(result.isRight(), () -> "rejected: " + result.getLeft().message());
        return result.get();
    }

    private static ArticleForm printer() {
        return ArticleForm.of("article", "technical.hardware", "public",
                VariantForm.of("en", "Printer shows offline", "Check the **cable**, then restart the printer."),
                VariantForm.of("nl", "Printer staat offline", "Controleer de kabel en start de printer opnieuw."))
                .withTags("printer").withNote("first draft");
    }

    private Article published(ArticleForm form) {
        Article a = ok(kb.write(form, ANA));
        return ok(kb.publish(a.id(), a.revision(), ANA));
    }

    @Test
    void a_written_article_is_a_draft_that_readers_do_not_see_until_it_is_published() {
        Article draft = ok(kb.write(printer(), ANA));
        assertEquals(ArticleStatus.DRAFT, draft.status());
        assertEquals(1, draft.versions().size());
        assertEquals(ANA, draft.latest().author());
        assertEquals(clock.instant(), draft.latest().at());
        assertInstanceOf(Rejection.NotFound.class, kb.read(draft.id(), VISITOR, "en").getLeft());
        Article live = ok(kb.publish(draft.id(), draft.revision(), ANA));
        ArticleView view = ok(kb.read(live.id(), VISITOR, "nl-BE"));
        assertEquals(ContentLocale.DUTCH, view.locale());
        assertEquals("Printer staat offline", view.title());
        assertEquals(ContentLocale.ENGLISH, ok(kb.read(live.id(), VISITOR, "ru")).locale(), "the tenant's fallback");
        assertTrue(ok(kb.read(live.id(), VISITOR, "en")).html().contains("<strong>cable</strong>"));
    }

    @Test
    void the_published_version_stays_readable_while_the_next_is_drafted_and_every_edit_is_a_version() {
        Article live = published(printer());
        clock.advance(Duration.ofMinutes(5));
        Article next = ok(kb.edit(live.id(), live.revision(), ArticleForm.of("article", "technical.hardware", "public",
                VariantForm.of("en", "Printer offline (updated)", "Update the driver.")), Actor.agent("ben")));
        assertEquals(2, next.versions().size());
        assertEquals(Actor.agent("ben"), next.latest().author());
        assertEquals(clock.instant(), next.latest().at());
        ArticleView seen = ok(kb.read(live.id(), VISITOR, "en"));
        assertEquals(1, seen.version());
        assertEquals("Printer shows offline", seen.title());
        Article second = ok(kb.publish(next.id(), next.revision(), ANA));
        assertEquals("Printer offline (updated)", ok(kb.read(live.id(), VISITOR, "en")).title());
        assertEquals(ContentLocale.ENGLISH, ok(kb.read(live.id(), VISITOR, "nl")).locale(), "version 2 has no Dutch");
        assertInstanceOf(Rejection.InvalidTransition.class, kb.publish(second.id(), second.revision(), ANA).getLeft());
        Article gone = ok(kb.archive(second.id(), second.revision(), ANA));
        assertEquals(ArticleStatus.ARCHIVED, gone.status());
        assertInstanceOf(Rejection.NotFound.class, kb.read(live.id(), VISITOR, "en").getLeft());
        assertInstanceOf(Rejection.InvalidTransition.class, kb.edit(gone.id(), gone.revision(), printer(), ANA).getLeft());
        assertInstanceOf(Rejection.InvalidTransition.class, kb.archive(gone.id(), gone.revision(), ANA).getLeft());
        assertEquals(2, ok(kb.article(live.id(), ANA)).versions().size());
    }

    @Test
    void a_change_from_a_stale_revision_is_a_concurrent_modification_and_writes_nothing() {
        Article live = published(printer());
        ok(kb.edit(live.id(), live.revision(), printer(), ANA));
        Rejection stale = kb.edit(live.id(), live.revision(), printer(), Actor.agent("ben")).getLeft();
        assertInstanceOf(Rejection.ConcurrentModification.class, stale);
        assertEquals(2, ok(kb.article(live.id(), ANA)).versions().size());
    }

    @Test
    void customers_do_not_write_or_read_the_history() {
        assertInstanceOf(Rejection.NotAllowed.class, kb.write(printer(), CAROL).getLeft());
        Article live = published(printer());
        assertInstanceOf(Rejection.NotAllowed.class, kb.article(live.id(), CAROL).getLeft());
        assertInstanceOf(Rejection.NotAllowed.class, kb.stats(live.id(), CAROL).getLeft());
    }

    @Test
    void every_bad_field_of_a_form_is_named_at_once_and_nothing_is_written() {
        ArticleForm bad = new ArticleForm("essay", "technical.unknown", "friends", List.of("ok", "not ok"),
                List.of(VariantForm.of("xx", "", "body"), VariantForm.of("en", "Line\nbreak", null),
                        VariantForm.of("en-us", "Fine", "x".repeat(300_000))), " ");
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, kb.write(bad, ANA).getLeft());
        List<String> fields = invalid.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("kind", "category", "visibility", "tags[1]", "variants[0].locale", "variants[0].title",
                "variants[1].title", "variants[2].body", "note"), fields);
        Rejection.Invalid empty = assertInstanceOf(Rejection.Invalid.class,
                kb.write(new ArticleForm(null, null, null, null, null, null), ANA).getLeft());
        assertEquals(List.of("kind", "category", "visibility", "variants"),
                empty.errors().stream().map(FieldError::field).toList());
        assertTrue(search.indexed.isEmpty());
        Rejection.Invalid repeated = assertInstanceOf(Rejection.Invalid.class, kb.write(ArticleForm.of("faq",
                "technical.hardware", "public", VariantForm.of("en-US", "A", ""), VariantForm.of("en-us", "B", "")), ANA).getLeft());
        assertEquals("variants[1].locale", repeated.errors().get(0).field());
    }

    @Test
    void readers_see_only_what_is_visible_to_them() {
        Article segment = published(ArticleForm.of("article", "customer.billing", "segment:enterprise",
                VariantForm.of("en", "Enterprise invoices", "Download them from the console.")));
        Article internal = published(ArticleForm.of("article", "technical.remote-access", "internal",
                VariantForm.of("en", "Support VPN", "Connect first.")));
        assertInstanceOf(Rejection.NotFound.class, kb.read(segment.id(), VISITOR, "en").getLeft());
        assertInstanceOf(Rejection.NotFound.class, kb.read(segment.id(), Viewer.customer(Set.of()), "en").getLeft());
        ok(kb.read(segment.id(), ENTERPRISE, "en"));
        assertInstanceOf(Rejection.NotFound.class, kb.read(internal.id(), ENTERPRISE, "en").getLeft());
        ok(kb.read(internal.id(), Viewer.AGENT, "en"));
        assertInstanceOf(Rejection.NotFound.class, desk.tenant(GLOBEX).knowledge().read(segment.id(), ENTERPRISE, "en").getLeft());
    }

    @Test
    void an_article_in_no_language_of_the_readers_chain_is_not_found_and_a_bad_locale_is_named() {
        Article spanish = published(ArticleForm.of("faq", "customer.orders-shipping", "public",
                VariantForm.of("es", "Plazos de envío", "Dos días.")));
        assertInstanceOf(Rejection.NotFound.class, kb.read(spanish.id(), VISITOR, "nl").getLeft());
        ok(kb.read(spanish.id(), VISITOR, "es-MX"));
        Rejection.Invalid bad = assertInstanceOf(Rejection.Invalid.class, kb.read(spanish.id(), VISITOR, "klingon").getLeft());
        assertEquals("locale", bad.errors().get(0).field());
        assertInstanceOf(Rejection.Invalid.class, kb.read(spanish.id(), VISITOR, null).getLeft());
    }

    @Test
    void a_tenant_falls_back_to_its_own_languages() {
        KnowledgeDesk globex = desk.tenant(GLOBEX).knowledge();
        Article a = ok(globex.write(ArticleForm.of("faq", "customer.account", "public",
                VariantForm.of("en", "Password", "Reset it."), VariantForm.of("es", "Contraseña", "Restablézcala.")), ANA));
        ok(globex.publish(a.id(), a.revision(), ANA));
        assertEquals(ContentLocale.SPANISH, ok(globex.read(a.id(), VISITOR, "ru")).locale());
        assertEquals(ContentLocale.ENGLISH, ok(globex.read(a.id(), VISITOR, "en")).locale());
    }

    @Test
    void markdown_is_rendered_to_safe_html() {
        Article hostile = published(ArticleForm.of("article", "technical.troubleshooting", "public",
                VariantForm.of("en", "Hostile <script>", "<script>alert(1)</script>\n\n"
                        + "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) "
                        + "[ok](https://example.com/help) <img src=x onerror=alert(1)> ![pic](javascript:x)\n\n"
                        + "<iframe src=\"https://evil.example\"></iframe>")));
        String html = ok(kb.read(hostile.id(), VISITOR, "en")).html();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img src=\"x\""), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertFalse(html.contains("href=\"data"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("<a href=\"https://example.com/help\">ok</a>"), html);
        assertTrue(html.contains("click"), "a dropped link keeps its text");
        assertEquals("Hostile <script>", ok(kb.read(hostile.id(), VISITOR, "en")).title(), "titles are plain text");
    }

    @Test
    void a_draft_from_a_source_is_made_once_with_its_origin() {
        ArticleOrigin origin = ArticleOrigin.of(ArticleOrigin.Kind.FORUM_ANSWER, "forum-post-42");
        ArticleForm form = ArticleForm.of("faq", "general.community", "public",
                VariantForm.of("en", "Pairing the headset", "Hold the button for five seconds."));
        Article first = ok(kb.draftFrom(origin, form, Actor.integration("forum")));
        Article again = ok(kb.draftFrom(origin, form, Actor.integration("forum")));
        assertEquals(first, again);
        assertEquals(origin, first.latest().content().origin().orElseThrow());
        ArticleOrigin knownError = ArticleOrigin.of(ArticleOrigin.Kind.KNOWN_ERROR, "problem-7");
        Article edited = ok(kb.edit(first.id(), first.revision(), form, ANA));
        assertEquals(origin, edited.latest().content().origin().orElseThrow(), "an edit keeps the origin");
        assertTrue(ok(kb.draftFrom(knownError, form, Actor.system("problems"))).latest().content().origin()
                .filter(knownError::equals).isPresent());
    }

    @Test
    void suggestions_while_a_ticket_is_written_come_in_the_customers_language() {
        Article printer = published(printer());
        published(ArticleForm.of("faq", "customer.billing", "public", VariantForm.of("en", "Refunds", "Ask within 30 days.")));
        List<SearchHit> hits = ok(kb.suggest("Printer offline", "my printer says offline since today", VISITOR, "nl", 5));
        assertEquals(printer.id(), hits.get(0).id());
        assertEquals(ContentLocale.DUTCH, hits.get(0).locale());
        String longBody = "printer ".repeat(2_000);
        assertEquals(printer.id(), ok(kb.suggest(null, longBody, VISITOR, "en", 5)).get(0).id());
        assertTrue(ok(kb.suggest("", "  \n ", VISITOR, "en", 5)).isEmpty());
        assertTrue(ok(kb.suggest("!!!", "???", VISITOR, "en", 5)).isEmpty());
        Rejection.Invalid tooLong = assertInstanceOf(Rejection.Invalid.class,
                kb.search("x".repeat(10_000), VISITOR, "en", 5).getLeft());
        assertEquals("query", tooLong.errors().get(0).field());
        assertEquals("locale", ((Rejection.Invalid) kb.suggest("printer", "", VISITOR, "zz", 5).getLeft())
                .errors().get(0).field());
        assertEquals("limit", ((Rejection.Invalid) kb.search("printer", VISITOR, "en", 0).getLeft()).errors().get(0).field());
    }

    @Test
    void the_index_follows_every_saved_change_and_is_rebuilt_from_the_store() {
        Article live = published(printer());
        assertEquals(2, search.indexed.size());
        assertEquals(1, ok(kb.search("printer", VISITOR, "en", 5)).size());
        ok(kb.archive(live.id(), live.revision(), ANA));
        assertTrue(ok(kb.search("printer", VISITOR, "en", 5)).isEmpty());
        published(ArticleForm.of("faq", "customer.billing", "public", VariantForm.of("en", "Refunds", "Ask.")));
        search.index.clear();
        assertEquals(1, kb.rebuildIndex());
        assertEquals(1, ok(kb.search("refunds", VISITOR, "en", 5)).size());
    }

    @Test
    void deflections_and_votes_are_counted_for_readable_articles_only() {
        Article live = published(printer());
        assertEquals(new ArticleStats(1, 0, 0, 0, 0), ok(kb.solvedMyProblem(live.id(), VISITOR, Actor.integration("portal"))));
        ok(kb.vote(live.id(), VISITOR, CAROL, true, null));
        ArticleStats stats = ok(kb.vote(live.id(), VISITOR, CAROL, false, "Step two is missing"));
        assertEquals(new ArticleStats(1, 1, 1, 0, 0), stats);
        assertEquals(stats, ok(kb.stats(live.id(), ANA)));
        ArticleFeedback latest = ok(kb.feedback(live.id(), ANA, 10)).get(0);
        assertEquals("Step two is missing", latest.comment().orElseThrow());
        Rejection.Invalid longComment = assertInstanceOf(Rejection.Invalid.class,
                kb.vote(live.id(), VISITOR, CAROL, false, "x".repeat(5_000)).getLeft());
        assertEquals("comment", longComment.errors().get(0).field());
        Article draft = ok(kb.write(printer(), ANA));
        assertInstanceOf(Rejection.NotFound.class, kb.vote(draft.id(), VISITOR, CAROL, true, null).getLeft());
        Article segment = published(ArticleForm.of("article", "customer.billing", "segment:enterprise",
                VariantForm.of("en", "Invoices", "Console.")));
        assertInstanceOf(Rejection.NotFound.class, kb.solvedMyProblem(segment.id(), VISITOR, CAROL).getLeft());
        assertEquals(new ArticleStats(1, 1, 1, 0, 0), ok(kb.stats(live.id(), ANA)));
    }

    private Ticket ticketOf(Actor customer) {
        return ok(desk.tenant(ACME).tickets().open(TicketCommand.open().subject("Printer offline").body("It stopped.")
                .channel(Channel.WEB_FORM).category(Category.HARDWARE).requester(((Actor.Customer) customer).id()).build(),
                customer));
    }

    @Test
    void a_customer_whose_problem_an_article_solved_closes_their_ticket_as_self_served() {
        Article live = published(printer());
        Ticket started = ticketOf(CAROL);
        Ticket closed = ok(kb.solvedMyProblem(live.id(), VISITOR, CAROL, started.id()));
        assertEquals(Status.CLOSED, closed.status());
        List<TicketEvent> history = ok(desk.tenant(ACME).tickets().history(started.id(), ANA)).stream()
                .map(RecordedEvent::event).toList();
        assertTrue(history.contains(new TicketEvent.ArticleLinked(started.id(), clock.instant(), CAROL, live.id().value(), true)));
        assertEquals(1, ok(kb.stats(live.id(), ANA)).deflections());
        assertEquals(started.id(), ok(kb.feedback(live.id(), ANA, 1)).get(0).ticket().orElseThrow());
        Ticket other = ticketOf(CAROL);
        assertInstanceOf(Rejection.NotFound.class, kb.solvedMyProblem(live.id(), VISITOR, Actor.customer("dave"), other.id())
                .getLeft(), "another customer's ticket is not theirs to close");
        assertInstanceOf(Rejection.InvalidTransition.class, kb.solvedMyProblem(live.id(), VISITOR, CAROL, started.id()).getLeft());
        assertEquals(1, ok(kb.stats(live.id(), ANA)).deflections(), "a refused self-service counts nothing");
    }

    @Test
    void agents_link_articles_on_tickets_and_a_ticket_solved_with_one_counts_for_it() {
        Article live = published(printer());
        Ticket ticket = ticketOf(CAROL);
        ok(kb.linkToTicket(ticket.id(), live.id(), ANA));
        assertInstanceOf(Rejection.NotAllowed.class, kb.linkToTicket(ticket.id(), live.id(), CAROL).getLeft());
        assertInstanceOf(Rejection.InvalidTransition.class, kb.solveWith(ticket.id(), live.id(), ANA).getLeft(),
                "solving needs an assignee");
        ok(desk.tenant(ACME).tickets().assign(ticket.id(), AgentId.of("ana"), ANA));
        Ticket solved = ok(kb.solveWith(ticket.id(), live.id(), ANA));
        assertEquals(Status.SOLVED, solved.status());
        assertEquals(new ArticleStats(0, 0, 0, 1, 1), ok(kb.stats(live.id(), ANA)));
        long links = ok(desk.tenant(ACME).tickets().history(ticket.id(), ANA)).stream()
                .filter(e -> e.event() instanceof TicketEvent.ArticleLinked).count();
        assertEquals(2, links);
        assertInstanceOf(Rejection.NotFound.class, kb.linkToTicket(ticket.id(),
                dev.helpdesk.spi.knowledge.ArticleId.of(java.util.UUID.randomUUID()), ANA).getLeft());
    }
}
