package dev.helpdesk.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.KnowledgeDesk;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.Viewer;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a form, a reader's text or a browser's locale holds, the knowledge desk answers a
 * value or a {@link Rejection} naming the problem: never an exception, never a partial write,
 * and what it shows is safe HTML.
 */
class KnowledgeBadInputProperties {
    private final Helpdesk desk = Helpdesk.builder().plugin(new WordSearch()).build();
    private final KnowledgeDesk kb = desk.tenant(TenantId.of("acme")).knowledge();

    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.of(null, "", " ", "en", "nl-BE",
                "xx", "klingon", "article", "FAQ", "public", "segment:", "segment:enterprise", "internal",
                "technical.hardware", "technical", "<script>alert(1)</script>", "[x](javascript:alert(1))",
                "title:printer AND (x OR \"y\")~2", "*:*", "?!.,", "\u0000", "\uD800", "a\nb", "x".repeat(300),
                "'); DROP TABLE hd_article; --"));
    }

    @Property(tries = 300)
    void any_form_is_written_or_rejected_by_field_and_nothing_else(@ForAll("nasty") String kind, @ForAll("nasty") String category,
            @ForAll("nasty") String visibility, @ForAll("nasty") String tag, @ForAll("nasty") String locale,
            @ForAll("nasty") String title, @ForAll("nasty") String body, @ForAll("nasty") String note) {
        ArticleForm form = new ArticleForm(kind, category, visibility, tag == null ? null : List.of(tag),
                List.of(VariantForm.of(locale, title, body)), note);
        Either<Rejection, Article> written = kb.write(form, Actor.agent("ana"));
        if (written.isLeft()) {
            assertTrue(written.getLeft() instanceof Rejection.Invalid invalid && !invalid.errors().isEmpty(),
                    written.getLeft().message());
            return;
        }
        Article a = written.get();
        Article live = kb.publish(a.id(), a.revision(), Actor.agent("ana")).get();
        kb.read(live.id(), Viewer.AGENT, locale == null ? "en" : locale).forEach(view -> {
            assertFalse(view.html().toLowerCase(java.util.Locale.ROOT).contains("<script"), view.html());
            assertFalse(view.html().contains("href=\"javascript"), view.html());
        });
    }

    @Property(tries = 300)
    void any_search_suggestion_or_locale_answers_a_result_or_a_rejection(@ForAll("nasty") String text,
            @ForAll("nasty") String locale, @ForAll("nasty") String body) {
        Either<Rejection, ?> searched = kb.search(text, Viewer.ANONYMOUS, locale, 5);
        Either<Rejection, ?> suggested = kb.suggest(text, body, Viewer.ANONYMOUS, locale, 5);
        for (Either<Rejection, ?> r : List.of(searched, suggested)) {
            if (r.isLeft()) {
                assertTrue(r.getLeft() instanceof Rejection.Invalid, r.getLeft().message());
            }
        }
        assertTrue(kb.suggest(text, "x".repeat(10_000) + " " + body, Viewer.ANONYMOUS, "en", 5).isRight());
    }
}
