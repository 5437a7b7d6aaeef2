package dev.helpdesk.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void the_page_is_self_contained_with_inline_svg_and_no_script() {
        String html = HtmlReport.of(Reports.with("billing")).title("Week 10").render();

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        String lower = html.toLowerCase(Locale.ROOT);
        for (String outside : List.of("<script", "src=", "href=", "@import", "url(", "<link", "<img")) {
            assertFalse(lower.contains(outside), outside);
        }
        assertTrue(html.contains("<title>Week 10</title>"));
        assertTrue(html.contains("Tenant acme"));
    }

    @Test
    void figures_are_written_as_a_person_reads_them() {
        String html = HtmlReport.of(Reports.with("billing")).render();

        assertTrue(html.contains("2 h 00 min"), "median first reply");
        assertTrue(html.contains("1 d 6 h"), "p90");
        assertTrue(html.contains("50 %"), "one touch and satisfied");
        assertTrue(html.contains("Troubleshooting (technical)"));
        assertTrue(html.contains(">Email<") && html.contains("(cost 5.00)"));
        assertTrue(html.contains("no group"));
        assertTrue(html.contains("33 % raised (1)"), "L1: 1 of 3");
    }

    @Test
    void a_host_adds_its_own_sections_and_an_empty_table_says_so() {
        String html = HtmlReport.of(Reports.with("billing"))
                .section("SLA compliance", "cycles completed", List.of("Clock", "Met"), List.of(List.of("first response", "4")))
                .section("What if", "", List.of("Ticket", "Outcome"), List.of())
                .render();

        assertTrue(html.contains("<h2>SLA compliance</h2>"));
        assertTrue(html.contains("<td>first response</td><td class=\"num\">4</td>"));
        assertTrue(html.contains("none in this period"));
    }

    @Property(tries = 200)
    void text_from_tickets_is_always_escaped(@ForAll String text) {
        String html = HtmlReport.of(Reports.with("<script>" + text)).render();

        assertFalse(html.contains("<script"), "no markup from a ticket");
        assertEquals(-1, html.indexOf('\u0000'), "no control characters");
    }

    @Test
    void linked_problems_show_the_hosts_names_escaped_and_the_knowledge_base_its_share() {
        String html = HtmlReport.of(Reports.with("billing")).problemNames(Map.of(Reports.PROBLEM, "Printers <drop> off")).render();

        assertTrue(html.contains("Linked problems"));
        assertTrue(html.contains("Printers &lt;drop&gt; off"), "named and escaped");
        assertTrue(html.contains("Knowledge base") && html.contains("self-served"));
        assertTrue(html.contains("share of all resolutions: 50 %"), "(1 + 1) of (3 solves + 1 self-served)");
        String unnamed = HtmlReport.of(Reports.with("billing")).render();
        assertTrue(unnamed.contains("problem " + Reports.PROBLEM));
    }
}
