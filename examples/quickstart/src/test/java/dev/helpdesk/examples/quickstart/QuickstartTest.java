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
        String customerView = out.substring(out.indexOf("What carol sees"), out.indexOf("What the desk sees"));
        assertFalse(customerView.contains("Payment provider"), "the customer view shows no internal note");
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
    }

    @Test
    void the_day_runs_on_postgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String out = run("--jdbc-url", pg.getJdbcUrl("postgres", "postgres"));

            assertTrue(out.contains("CLOSED automatically"));
            assertEquals(2, out.split("Summary for").length - 1);
        }
    }
}
