package dev.helpdesk.email.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.MessageFlag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutomaticMailTest {

    private static AutomaticMail.Finding classify(Map<String, String> headers, String subject, String from,
                                                  String report) {
        return AutomaticMail.classify(name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).toList(), subject, from, report);
    }

    @Test
    void auto_submitted_no_is_a_person_and_anything_else_a_machine() {
        assertEquals(Set.of(), classify(Map.of("Auto-Submitted", "no"), "Hi", "a@x.example", "").flags());
        assertEquals(Set.of(MessageFlag.AUTO_REPLY), classify(Map.of("Auto-Submitted", "auto-generated"), "Hi",
                "a@x.example", "").flags());
    }

    @Test
    void precedence_bulk_junk_and_list_are_bulk_mail() {
        for (String p : List.of("bulk", "junk", "list", " List ")) {
            assertEquals(Set.of(MessageFlag.BULK), classify(Map.of("Precedence", p), "", "", "").flags(), p);
        }
        assertEquals(Set.of(), classify(Map.of("Precedence", "first-class"), "", "", "").flags());
    }

    @Test
    void a_delivery_report_is_a_bounce_and_a_read_receipt_is_automatic() {
        assertEquals(Set.of(MessageFlag.BOUNCE), classify(Map.of(), "", "", "delivery-status").flags());
        assertEquals(Set.of(MessageFlag.AUTO_REPLY), classify(Map.of(), "", "", "disposition-notification").flags());
    }

    @Test
    void an_empty_return_path_from_the_mailer_daemon_is_a_bounce_and_from_others_automatic() {
        assertEquals(Set.of(MessageFlag.BOUNCE), classify(Map.of("Return-Path", "<>"), "Undelivered",
                "MAILER-DAEMON@mx.example", "").flags());
        assertEquals(Set.of(MessageFlag.AUTO_REPLY), classify(Map.of("Return-Path", "<>"), "Hello", "bot@x.example", "")
                .flags());
    }

    @Test
    void out_of_office_subjects_in_the_desk_languages_are_automatic() {
        for (String s : List.of("Automatic reply: Your ticket", "Out of Office: Re: X", "Automatisch antwoord: X",
                "Respuesta automática: X", "Автоматический ответ: X", "Autoreply")) {
            AutomaticMail.Finding f = classify(Map.of(), s, "a@x.example", "");
            assertEquals(Set.of(MessageFlag.AUTO_REPLY), f.flags(), s);
            assertTrue(f.evidence().get(0).startsWith("Subject: "));
        }
        assertEquals(Set.of(), classify(Map.of(), "Re: my automatic reply settings are broken", "", "").flags());
    }

    @Test
    void each_finding_names_its_evidence() {
        AutomaticMail.Finding f = classify(Map.of("X-Auto-Response-Suppress", "All", "List-Id", "<dev.lists.example>"),
                "", "", "");
        assertEquals(Set.of(MessageFlag.AUTO_REPLY, MessageFlag.BULK), f.flags());
        assertTrue(f.evidence().contains("X-Auto-Response-Suppress: All"), f.evidence().toString());
        assertTrue(f.evidence().contains("List-Id: <dev.lists.example>"), f.evidence().toString());
    }
}
