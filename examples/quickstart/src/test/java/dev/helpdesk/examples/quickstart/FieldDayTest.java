package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldDayTest {

    @Test
    void the_quickstart_ends_with_a_remote_session_with_consent_and_a_visit_rescheduled_once() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoOptions options = DemoOptions.parse(new String[] {"--in-memory"});
        new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8), options.store(), options.describe()).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String field = out.substring(out.indexOf("Field day at initech"));

        for (String expected : new String[] {
                "a visit right away is refused: not allowed: visit policy: a visit is planned only after a remote session",
                "ana asks for consent (control, 30 min); the link expires Mon 13:05",
                "consent text for ivy (nl): Verzoek #1: mogen we verbinding maken met uw apparaat?",
                "Doel: reinstall the scanner driver",
                "Toegang: uw scherm bekijken en uw apparaat bedienen",
                "ivy grants it with the link: consent GRANTED until Mon 09:37",
                "ana starts a remote session with remote-assist",
                "the same link clicked again: invalid input: token was used already",
                "a consent link works once",
                "ana ends the session: 2 actions, ended BY_AGENT",
                "visit planned: tom at Utrecht, Tue 10:00-12:00, SLA target Wed 09:30",
                "refused, invalid input: slot technician tom is booked for visit",
                "ivy confirms the visit",
                "notice to ivy (nl): Verzoek #1: het bezoek van de monteur is verplaatst",
                "Reden: de nieuwe USB-controller komt pas om 12:00 binnen",
                "is verplaatst naar 2026-03-03 14:00–16:00 (Europe/Amsterdam).",
                "rescheduled to Tue 14:00-16:00 (1 time)",
                "tom files the visit report: \"Replaced the USB controller; scanner detected, test scan OK.\"; within its SLA target",
                "Field work on #1: consent_requested, consent_granted, remote_session_started, remote_action_recorded, "
                        + "remote_action_recorded, remote_session_ended, visit_planned, visit_confirmed, visit_rescheduled, "
                        + "visit_done"}) {
            assertTrue(field.contains(expected), expected + "\n---\n" + field);
        }
    }
}
