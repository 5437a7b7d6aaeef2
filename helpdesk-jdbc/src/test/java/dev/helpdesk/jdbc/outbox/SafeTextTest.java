package dev.helpdesk.jdbc.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void nul_and_other_control_characters_become_the_replacement_character_but_line_breaks_and_tabs_stay() {
        assertEquals("a\uFFFDb\uFFFDc\td\ne\r", SafeText.of("a\u0000b\u0007c\td\ne\r", 100));
    }

    @Test
    void unpaired_surrogates_become_the_replacement_character_and_pairs_stay() {
        assertEquals("bob\uFFFD x\uFFFD \uD83D\uDE00", SafeText.of("bob\uD800 x\uDC00 \uD83D\uDE00", 100));
        assertEquals("\uFFFD", SafeText.of("\uD83D", 100));
    }

    @Test
    void the_text_is_cut_at_a_number_of_code_points_never_inside_a_pair() {
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.repeat(3), SafeText.of(emoji.repeat(10), 3));
        assertEquals("ab", SafeText.of("abc", 2));
        assertEquals("", SafeText.of(null, 5));
    }
}
