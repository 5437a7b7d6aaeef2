package dev.helpdesk.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal and the agent desk in a real browser, as a customer and an agent use them: a
 * customer writes a ticket while articles are suggested, attaches a file; an agent works the
 * queue by SLA due time and the ticket beside the CRM's record; the customer rates the help.
 * Screenshots of each page land in {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmBrowserTest {
    @LocalServerPort
    int port;
    private Browser browser;
    private long ticket;
    private long duplicate;

    @BeforeAll
    void startBrowser() {
        browser = Browser.open(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void a_customer_is_shown_articles_while_typing_and_opens_a_ticket() {
        browser.go("/login");
        assertThat(browser.text("#as-carol")).contains("Carol Smith").contains("Acme Logistics");
        browser.screenshot("login");
        browser.signInAs("carol");
        browser.find("#my-tickets");
        browser.type("#subject", "Label printer offline");
        browser.select("#category", "technical.hardware");
        browser.type("#body", "The label printer at dock 5 shows offline after the weekend.");
        browser.waitForText("#suggestions", "Label printer shows offline");
        browser.screenshot("portal-new-ticket");

        browser.click("#send-ticket");
        browser.waitForText("#notice", "is open");
        ticket = browser.ticketNumber();
        assertThat(browser.text("#conversation")).contains("dock 5 shows offline");
        assertThat(browser.text("#ticket-suggestions")).contains("Label printer shows offline");
    }

    @Test
    @Order(2)
    void a_customer_replies_with_a_file() throws Exception {
        Path file = Files.createTempFile("printer-status-", ".txt");
        Files.writeString(file, "PRINTER STATUS: OFFLINE\nIP: 10.0.5.21\n");
        browser.go("/portal/tickets/" + ticket);
        browser.type("#reply-body", "Here is the status page of the printer.");
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#send-reply");
        browser.waitForText("#notice", "were sent");
        assertThat(browser.text("#conversation")).contains("Here is the status page of the printer.")
                .contains(file.getFileName().toString());

        browser.go("/portal");
        browser.type("#subject", "Dock 5 printer still offline");
        browser.type("#body", "Same printer as before, still offline.");
        browser.click("#send-ticket");
        browser.waitForText("#notice", "is open");
        duplicate = browser.ticketNumber();
        browser.go("/portal/tickets/" + ticket);
        browser.screenshot("portal-ticket");
        browser.signOut();
    }

    @Test
    @Order(3)
    void the_agent_queue_is_sorted_by_sla_due_time_with_the_clocks_shown() {
        browser.signInAs("sofia");
        browser.find("#queue");
        List<WebElement> rows = browser.all("#queue tbody tr");
        List<String> numbers = rows.stream().map(r -> r.findElement(org.openqa.selenium.By.cssSelector("td")).getText())
                .toList();
        // carol's account is enterprise (an answer within the hour): her new ticket comes before
        // erin's business ticket (four hours) that was opened earlier
        assertThat(numbers).contains("#" + ticket, "#3");
        assertThat(numbers.indexOf("#" + ticket)).isLessThan(numbers.indexOf("#3"));
        assertThat(rows.get(numbers.indexOf("#" + ticket)).getText()).contains("Acme Logistics").contains("left");
        browser.screenshot("agent-queue");
    }

    @Test
    @Order(4)
    void the_agent_works_the_ticket_beside_the_crm_record() {
        browser.go("/desk/tickets/" + ticket);
        assertThat(browser.text("#crm-record")).contains("Carol Smith").contains("Acme Logistics")
                .contains("Anna de Vries").contains("Opened #" + ticket);
        assertThat(browser.text("#clocks")).contains("policy enterprise");

        browser.click("#take");
        browser.waitForText("#notice", "yours");
        browser.type("#note-body", "Dock 5 printer was replaced last month; check the warranty.");
        browser.click("#add-note");
        browser.waitForText("#notice", "Internal note added");
        browser.type("#reply-body", "Thanks Carol, we are on it. A technician can come by if the restart does not help.");
        browser.click("#send-reply");
        browser.waitForText("#notice", "Reply sent");

        browser.type("#escalate-reason", "Needs the hardware specialist");
        browser.select("#escalate-tier", "L2");
        browser.click("#send-escalate");
        browser.waitForText("#notice", "Escalated to L2");
        assertThat(browser.text("#tier")).isEqualTo("L2");

        browser.click("#articles .link-article");
        browser.waitForText("#notice", "Article linked");
        assertThat(browser.text("#linked")).contains("Label printer shows offline");

        browser.click("#send-visit");
        browser.waitForText("#notice", "Visit planned");
        assertThat(browser.text("#visits")).contains("Tom Bakker").contains("Amsterdam");

        browser.go("/desk/tickets/" + duplicate);
        browser.type("#merge-into", Long.toString(ticket));
        browser.click("#send-merge");
        browser.waitForText("#notice", "merged into this ticket");
        assertThat(browser.ticketNumber()).isEqualTo(ticket);
        assertThat(browser.text("#conversation")).contains("Same printer as before, still offline.")
                .contains("Dock 5 printer was replaced last month");
        browser.screenshot("agent-ticket");

        browser.type("#reply-body", "The technician replaced the power supply; the printer is back online.");
        browser.click("#reply-solve");
        browser.click("#send-reply");
        browser.waitForText("#notice", "solved");
        browser.signOut();
    }

    @Test
    @Order(5)
    void the_customer_never_sees_the_note_and_rates_the_solved_ticket() {
        browser.signInAs("carol");
        browser.go("/portal/tickets/" + ticket);
        String conversation = browser.text("#conversation");
        assertThat(conversation).contains("the printer is back online").contains("Same printer as before")
                .doesNotContain("warranty");
        browser.click("#score-5");
        browser.type("#rate-comment", "Quick and friendly, thank you!");
        browser.click("#send-rating");
        browser.waitForText("#notice", "Thank you for rating");
        browser.screenshot("portal-rated");
        browser.signOut();
    }
}
