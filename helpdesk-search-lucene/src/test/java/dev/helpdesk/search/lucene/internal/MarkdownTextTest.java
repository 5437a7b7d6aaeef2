package dev.helpdesk.search.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The headings of a Markdown body, which the index weighs above the body's other words. */
class MarkdownTextTest {
    @Property
    void the_headings_are_exactly_the_heading_lines_of_any_body_in_order(
            @ForAll @Size(max = 6) List<@AlphaChars @StringLength(min = 1, max = 12) String> headings,
            @ForAll @Size(min = 6, max = 6) List<@AlphaChars @StringLength(max = 40) String> paragraphs,
            @ForAll @IntRange(min = 1, max = 6) int level) {
        StringBuilder body = new StringBuilder(paragraphs.get(0));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            body.append("\n\n").append("#".repeat(level)).append(' ').append(headings.get(i)).append("\n\n")
                    .append(paragraphs.get(i));
            expected.add(headings.get(i));
        }
        assertEquals(String.join("\n", expected), MarkdownText.headings(body.toString()));
    }

    @Test
    void a_hash_without_a_space_a_line_inside_a_code_fence_and_emphasis_make_no_heading_words() {
        String body = """
                #NAME? is the error of an unknown name.

                ```
                ## not a heading
                ```

                ## **Pivot** tables ##
                """;
        assertEquals("Pivot tables", MarkdownText.headings(body));
    }
}
