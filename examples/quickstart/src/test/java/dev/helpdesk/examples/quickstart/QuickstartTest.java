package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoOptions options = DemoOptions.parse(args);
        new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8), options.store(), options.describe()).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_day_runs_in_memory_through_the_whole_lifecycle() {
        String out = run("--in-memory");

        for (String expected : new String[] {"opened via PHONE", "opened via EMAIL", "opened via LIVE_CHAT",
                "opened via WEB_FORM", "opened via SELF_SERVICE", "status OPEN -> PENDING", "status PENDING -> OPEN",
                "SOLVED", "REOPENED (cycle 2)", "CLOSED", "MERGED", "(follow-up)", "CLOSED automatically"}) {
            assertTrue(out.contains(expected), expected);
        }
        assertTrue(out.contains("noted (internal)"));
        for (String expected : new String[] {"rule:sla               SLA warning: first response at 75 % (due 10:45)",
                "10:50  globex  #1    rule:sla               SLA BREACHED: first response (was due 10:45)",
                "SLA clocks for acme", "SLA clocks for globex"}) {
            assertTrue(out.contains(expected), expected);
        }
        String clocks = out.substring(out.indexOf("SLA clocks for acme"));
        assertTrue(clocks.contains("#1   normal  first response   1   ACHIEVED  Mon 13:00      1h05"),
                "opened at 08:55, counted from the 09:00 opening");
        assertTrue(clocks.contains("#6   normal  first response   1   RUNNING   Tue 12:20"), "due the next business day");
        assertTrue(clocks.contains("#1   high    first response   1   BREACHED  Mon 10:45"));
        String customerView = out.substring(out.indexOf("What carol sees"), out.indexOf("What the desk sees"));
        assertFalse(customerView.contains("Payment provider"), "the customer view shows no internal note");
    }

    @Test
    void the_platform_ticket_climbs_from_L1_to_L3_on_its_breaches_and_the_supervisor_is_told_in_dutch() {
        // a clock breaches only after its due instant: the scheduler's next five-minute run records it
        String out = run("--in-memory");

        for (String expected : new String[] {
                "11:00  globex  #4    rule:routing           assigned to noor",
                "11:35  globex  #4    rule:l2-on-breach      tier L1 -> L2 (No first response in time: a specialist takes over)",
                "11:35  globex  #4    rule:l2-on-breach      escalated to the supervisor, ticket stays where it is",
                "11:35  globex  #4    rule:routing           waits in queue platform: everyone available at L2 in group platform"
                        + " is at capacity on EMAIL",
                "11:35  globex  #4    notice to sanne (nl)   [#4] SLA overschreden: eerste reactie",
                "| U ontvangt dit als supervisor.",
                "11:45  globex  #3    agent:lars             SOLVED",
                "11:45  globex  #4    rule:routing           assigned to lars",
                "13:05  globex  #4    rule:l3-on-breach      tier L2 -> L3 (Not solved in time: the platform engineers take over)",
                "13:05  globex  #4    rule:routing           assigned to olga",
                "13:05  globex  #4    notice to sanne (nl)   URGENT [#4] SLA overschreden: oplossing",
                "Escalations of #4 at globex: L1 -> L2 -> L3; notices sent: 2 (sanne in Dutch, sanne in Dutch)"}) {
            assertTrue(out.contains(expected), expected);
        }
        assertTrue(out.indexOf("11:45  globex  #3    agent:lars             SOLVED")
                < out.indexOf("11:45  globex  #4    rule:routing           assigned to lars"), "the queue drains when lars frees up");
    }

    @Test
    void a_second_run_on_the_same_database_continues_with_the_next_day() {
        String url = "jdbc:h2:mem:quickstart-test;DB_CLOSE_DELAY=-1";

        String first = run("--jdbc-url", url);
        String second = run("--jdbc-url", url);

        assertTrue(first.contains("2026-03-02"));
        assertTrue(second.contains("2026-03-03"));
        assertTrue(second.contains("#7 "), "numbers continue");
        assertTrue(second.contains("6 tickets today, 6 from earlier days"));
        assertTrue(second.contains("12:25  acme    #6    rule:sla               SLA BREACHED: first response (was due 12:20)"),
                "yesterday's evening ticket misses its target the next morning");
    }

    @Test
    void the_day_runs_on_postgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String out = run("--jdbc-url", pg.getJdbcUrl("postgres", "postgres"));

            assertTrue(out.contains("CLOSED automatically"));
            assertEquals(2, out.split("Summary for").length - 1);
        }
    }

    // ---- channels ------------------------------------------------------------------------

    @Test
    void the_day_ends_with_a_hotline_call_a_chat_that_becomes_a_ticket_and_a_forum_post_picked_up() {
        String out = run("--in-memory");
        String channels = out.substring(out.indexOf("Channels at harbor"));

        for (String expected : new String[] {
                "hotline: call from +31205550100 (carol), 6 min, SOLVED_ON_CALL -> #1 SOLVED",
                "api: the CRM sent one request twice under key crm-request-5531: #2 and #2, the same answer",
                "chat: dave waited over 3 minutes -> TICKETED #4; dave is told: \"Nobody could take your chat in time, so it is now ticket #4",
                "forum: post t-881 unanswered for 25 h -> picked up as #5",
                "forum: answer published and accepted -> candidate article \"Export to CSV loses accents\"",
                "hotline: closed; the call left callback request #6, due Tue 11:00 (policy callback)",
                "Tickets at harbor: 6"}) {
            assertTrue(channels.contains(expected), expected + " in:\n" + channels);
        }
    }

    @Test
    void self_service_suggests_in_the_customers_language_deflects_a_ticket_and_counts_votes() {
        String out = run("--in-memory");
        String self = out.substring(out.indexOf("Self-service at initech"));
        for (String expected : new String[] {
                "ana published \"Printer shows offline\" in [en, nl, es, ru] (version 1)",
                "&lt;script&gt;alert('never runs')&lt;/script&gt;",
                "<a href=\"https://support.example/drivers\">Driver downloads</a>",
                "Suggestions while ines writes her ticket (nl-BE):",
                "  1. Printer staat offline (nl)",
                // the field day's two initech tickets (#1, #2) come first, on the same store
                "ines: \"this solved my problem\" -> ticket #3 CLOSED as self-served",
                "ana linked the article on #4 and solved it with the article: SOLVED",
                "a forum answer became draft DRAFT from forum_answer:forum-post-311; offered again: the same draft",
                "\"Printer shows offline\": deflections 1, helpful 1, not helpful 1, linked 1, solved tickets 1",
                "a 10,000-character search: invalid input: query must be at most 500 characters"}) {
            assertTrue(self.contains(expected), expected + " in\n" + self);
        }
        assertFalse(self.contains("<script>"), "no raw HTML on the page");
    }

    @Test
    void self_service_keeps_articles_and_votes_in_the_database() {
        String url = "jdbc:h2:mem:self-service-test;DB_CLOSE_DELAY=-1";
        String first = run("--jdbc-url", url);
        String second = run("--jdbc-url", url);
        assertTrue(first.contains("deflections 1, helpful 1, not helpful 1, linked 1, solved tickets 1"), first);
        // each run opens four initech tickets: two on the field day, two in self-service
        assertTrue(second.contains("ticket #7 CLOSED as self-served"), "numbers continue in the database");
        assertTrue(second.contains("Field work on #5: consent_requested"), "the field day's work is in the database too");
        assertTrue(second.contains("offered again: the same draft"));
    }
}
