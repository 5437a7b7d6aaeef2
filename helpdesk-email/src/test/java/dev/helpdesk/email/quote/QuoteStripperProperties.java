package dev.helpdesk.email.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of quoted-reply stripping. */
class QuoteStripperProperties {
    private final QuoteStripper stripper = new QuoteStripper();

    @Property
    void stripping_never_loses_the_first_line_of_a_body_that_does_not_start_with_a_quote(
            @ForAll("bodies") List<String> lines) {
        String first = lines.get(0);
        Assume.that(!first.isBlank() && !first.startsWith(">"));
        String text = String.join("\n", lines);
        assertEquals(first, stripper.strip(text).text().split("\n", -1)[0]);
    }

    @Property
    void stripping_never_answers_an_empty_text_for_a_text_with_words(@ForAll("bodies") List<String> lines) {
        String text = String.join("\n", lines);
        Assume.that(!text.isBlank());
        assertFalse(stripper.strip(text).text().isBlank());
    }

    @Property
    void the_result_is_made_of_lines_of_the_original(@ForAll("bodies") List<String> lines) {
        String text = String.join("\n", lines);
        for (String line : stripper.strip(text).text().split("\n", -1)) {
            assertTrue(lines.contains(line) || line.isEmpty(), line);
        }
    }

    @Provide
    Arbitrary<List<String>> bodies() {
        Arbitrary<String> prose = Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ж', '€').ofMaxLength(60);
        Arbitrary<String> shaped = Arbitraries.of("On Mon, 2 Mar 2026, Ana <a@x.example> wrote:", "> quoted", ">",
                "-- ", "--", "-----Original Message-----", "From: Desk <d@x.example>", "Sent: Monday", "Van: Desk",
                "Verzonden: maandag", "От: Desk", "Отправлено: 2 марта", "________________", "##- reply above -##",
                "Sent from my iPhone", "", "Thanks!");
        Arbitrary<String> line = Arbitraries.oneOf(prose, shaped);
        return Combinators.combine(prose.filter(s -> !s.isBlank()), line.list().ofMaxSize(12))
                .as((head, tail) -> {
                    List<String> all = new ArrayList<>();
                    all.add(head);
                    all.addAll(tail);
                    return all;
                });
    }
}
