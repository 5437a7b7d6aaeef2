package dev.helpdesk.email.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.email.quote.QuoteStripper;
import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.OutboundKind;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.OutboundMessageId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates();

    private static OutboundMessage message(Locale locale, OutboundKind kind, String text) {
        return OutboundMessage.builder().id(OutboundMessageId.of("o-1")).channel(Channel.EMAIL)
                .tenant(Mailboxes.ACME.tenant()).endpoint(Mailboxes.ACME.endpoint()).kind(kind)
                .recipient(ContactAddress.email("ana@example.com")).ticket(TicketId.of(new UUID(1, 1)))
                .number(TicketNumber.of(1234)).subject("Printer").text(text).locale(locale)
                .createdAt(Instant.parse("2026-03-02T10:00:00Z")).build();
    }

    @Test
    void every_shipped_language_frames_the_text_with_a_marker_and_a_footer() {
        for (String language : MailTemplates.LANGUAGES) {
            MailTemplates.Rendered r = templates.render(message(Locale.forLanguageTag(language), OutboundKind.REPLY,
                    "Body"), Mailboxes.ACME);
            assertTrue(r.text().startsWith("##- "), language);
            assertTrue(r.text().contains("#1234"), language);
            assertTrue(r.text().contains("ACME Support"), language);
            assertTrue(r.html().contains("lang=\"" + language + "\""), language);
        }
        assertTrue(templates.render(message(Locale.forLanguageTag("ru"), OutboundKind.AUTOMATIC_NOTICE, "x"),
                Mailboxes.ACME).text().contains("Это автоматическое сообщение"));
    }

    @Test
    void a_language_without_templates_falls_back_to_english() {
        assertTrue(templates.render(message(Locale.GERMAN, OutboundKind.REPLY, "x"), Mailboxes.ACME).text()
                .startsWith("##- Please type your reply above this line -##"));
    }

    @Test
    void the_text_is_escaped_in_html_and_desk_html_is_cleaned() {
        MailTemplates.Rendered r = templates.render(message(Locale.ENGLISH, OutboundKind.REPLY, "a < b & <script>"),
                Mailboxes.ACME);
        assertTrue(r.html().contains("a &lt; b &amp; &lt;script&gt;"), r.html());
        OutboundMessage withHtml = OutboundMessage.builder().from(message(Locale.ENGLISH, OutboundKind.REPLY, "x"))
                .html("<p onclick=\"evil()\">Hi <b>there</b></p><script>evil()</script>").build();
        String html = templates.render(withHtml, Mailboxes.ACME).html();
        assertTrue(html.contains("<b>there</b>"), html);
        assertFalse(html.contains("evil"), html);
    }

    @Test
    void an_answer_written_above_the_marker_is_cut_there_on_the_way_back() {
        for (String language : MailTemplates.LANGUAGES) {
            String sent = templates.render(message(Locale.forLanguageTag(language), OutboundKind.REPLY, "Question?"),
                    Mailboxes.ACME).text();
            assertEquals("Answer.", new QuoteStripper().strip("Answer.\n" + sent).text(), language);
        }
    }
}
