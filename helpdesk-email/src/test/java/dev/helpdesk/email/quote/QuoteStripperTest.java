package dev.helpdesk.email.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteStripperTest {
    private final QuoteStripper stripper = new QuoteStripper();

    @Test
    void gmail_attribution_and_quote_are_removed() {
        QuoteStripper.Result r = stripper.strip("Works now.\n\nOn Mon, Mar 2, 2026 at 9:00 AM Desk <d@x.example> wrote:\n> old");
        assertEquals("Works now.", r.text());
        assertTrue(r.stripped());
    }

    @Test
    void outlook_header_blocks_in_dutch_spanish_and_russian_are_cut() {
        assertEquals("Ja.", stripper.strip("Ja.\n\nVan: Desk\nVerzonden: maandag\nAan: Eva\n\noud").text());
        assertEquals("Sí.", stripper.strip("Sí.\n\nDe: Desk\nEnviado: lunes\nPara: Pablo\n\nviejo").text());
        assertEquals("Да.", stripper.strip("Да.\n\nОт: Desk\nОтправлено: 2 марта\nКому: Анна\n\nстарое").text());
    }

    @Test
    void a_from_line_without_a_header_block_is_kept() {
        String text = "From: the warehouse team we heard nothing.\nPlease check.";
        assertEquals(text, stripper.strip(text).text());
    }

    @Test
    void the_signature_after_dash_dash_space_is_removed_but_a_double_dash_in_prose_is_not() {
        assertEquals("Question?", stripper.strip("Question?\n-- \nOlaf\nCTO").text());
        assertEquals("a -- b\nc", stripper.strip("a -- b\nc").text());
    }

    @Test
    void a_mail_that_is_only_a_quote_keeps_everything() {
        String forwarded = "On Mon, Mar 2, 2026 at 9:00 AM Bob <b@x.example> wrote:\n> Please read this.";
        QuoteStripper.Result r = stripper.strip(forwarded);
        assertEquals(forwarded, r.text());
        assertFalse(r.stripped());
    }

    @Test
    void answers_between_quoted_lines_are_kept() {
        assertEquals("Hi\n4.2\nNora", stripper.strip("Hi\n> version?\n4.2\n> more?\nNora").text());
    }

    @Test
    void the_desk_marker_cuts_in_any_language() {
        assertEquals("Betaald.", stripper.strip("Betaald.\n##- Typ uw antwoord boven deze regel -##\n\nFactuur").text());
        assertEquals("Оплачено.", stripper.strip("Оплачено.\n##- Пожалуйста, пишите ответ над этой строкой -##").text());
    }

    @Test
    void sent_from_my_phone_at_the_end_goes() {
        assertEquals("Dropped it off.", stripper.strip("Dropped it off.\n\nSent from my iPhone").text());
        assertEquals("Sent from my iPhone, which broke.\nHelp?",
                stripper.strip("Sent from my iPhone, which broke.\nHelp?").text());
    }
}
