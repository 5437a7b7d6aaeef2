package dev.helpdesk.spi.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Invariants of the knowledge contract's values, over arbitrary input. */
class KnowledgeProperties {

    @Property
    void parsing_any_text_answers_a_value_or_a_rejection_and_never_throws(@ForAll String any) {
        ArticleId.parse(any);
        ContentLocale.parse(any);
        SearchText.parse(any);
        ArticleOrigin.parse(ArticleOrigin.Kind.TICKET, any);
    }

    @Property
    void a_parsed_locale_or_search_text_reads_back_as_itself(@ForAll String any) {
        ContentLocale.parse(any).forEach(l -> assertEquals(l, ContentLocale.of(l.tag())));
        SearchText.parse(any).forEach(t -> assertEquals(t, SearchText.of(t.value())));
    }

    @Property
    void snippet_html_holds_no_markup_but_its_marks_and_reads_back_as_its_text(
            @ForAll @Size(max = 6) List<String> pieces) {
        List<Snippet.Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            fragments.add(new Snippet.Fragment(pieces.get(i), i % 2 == 1));
        }
        Snippet snippet = new Snippet(fragments);
        String withoutMarks = snippet.html().replace("<mark>", "").replace("</mark>", "");
        assertTrue(withoutMarks.indexOf('<') < 0 && withoutMarks.indexOf('>') < 0
                && withoutMarks.indexOf('"') < 0 && withoutMarks.indexOf('\'') < 0);
        String unescaped = withoutMarks.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        assertEquals(snippet.text(), unescaped);
    }
}
