package dev.helpdesk.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpdesk.examples.crm.desk.SupportService;
import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CRM over real HTTP: its JSON endpoints, the customer directory and segments, and the one
 * transaction that holds a CRM write and a ticket command together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrmHttpTest {
    private static final Actor SOFIA = Actor.agent("sofia");

    @LocalServerPort
    int port;
    @Autowired
    CrmRepository crm;
    @Autowired
    SupportService support;
    @Autowired
    dev.helpdesk.core.Helpdesk helpdesk;
    @Autowired
    java.time.Clock clock;

    @Test
    void a_customer_reads_the_public_conversation_and_never_an_internal_note() {
        Http carol = new Http(port).signIn("customer:carol");
        Http sofia = new Http(port).signIn("agent:sofia");
        Http.Response opened = carol.post("/api/tickets", "{\"subject\":\"Scanner at the gate is slow\","
                + "\"body\":\"Each scan takes ten seconds.\",\"category\":\"technical.hardware\"}");
        assertThat(opened.status()).isEqualTo(201);
        int number = opened.json("$.number");

        assertThat(sofia.post("/api/tickets/" + number + "/notes", "{\"body\":\"Firmware 4.2 has a known delay.\"}")
                .status()).isEqualTo(200);
        assertThat(sofia.post("/api/tickets/" + number + "/replies", "{\"body\":\"Please update to firmware 4.3.\"}")
                .status()).isEqualTo(200);

        List<String> seenByCarol = carol.get("/api/tickets/" + number).json("$.messages[*].body");
        assertThat(seenByCarol).containsExactly("Each scan takes ten seconds.", "Please update to firmware 4.3.");
        List<String> seenBySofia = sofia.get("/api/tickets/" + number).json("$.messages[*].body");
        assertThat(seenBySofia).contains("Firmware 4.2 has a known delay.");
        assertThat(carol.post("/api/tickets/" + number + "/notes", "{\"body\":\"I am not staff\"}").status())
                .isEqualTo(403);
    }

    @Test
    void a_customer_sees_only_their_own_tickets_and_record() {
        Http erin = new Http(port).signIn("customer:erin");
        Http carol = new Http(port).signIn("customer:carol");
        int number = carol.post("/api/tickets", "{\"subject\":\"Invoice address is wrong\",\"body\":\"Please use the "
                + "new address.\",\"category\":\"customer.billing\"}").json("$.number");

        assertThat(erin.get("/api/tickets/" + number).status()).isEqualTo(404);
        assertThat(erin.get("/api/customers/carol").status()).isEqualTo(404);
        List<Integer> erinsTickets = erin.get("/api/tickets").json("$[*].number");
        assertThat(erinsTickets).doesNotContain(number);
        assertThat(new Http(port).get("/api/tickets").status()).isEqualTo(401);
    }

    @Test
    void the_customer_view_shows_the_crm_record_beside_the_tickets() {
        Http sofia = new Http(port).signIn("agent:sofia");
        Http.Response view = sofia.get("/api/customers/carol");

        assertThat(view.status()).isEqualTo(200);
        assertThat((String) view.json("$.account")).isEqualTo("Acme Logistics");
        assertThat((String) view.json("$.segment")).isEqualTo("enterprise");
        assertThat((String) view.json("$.manager")).isEqualTo("Anna de Vries");
        List<String> subjects = view.json("$.tickets[*].subject");
        assertThat(subjects).contains("Label printer in warehouse 3 is offline");
        List<String> timeline = view.json("$.activities[*].summary");
        assertThat(timeline).anyMatch(s -> s.contains("Label printer in warehouse 3 is offline"));
    }

    @Test
    void staff_file_a_ticket_for_an_email_address_the_crm_knows() {
        Http sofia = new Http(port).signIn("agent:sofia");
        Http.Response known = sofia.post("/api/tickets", "{\"email\":\"Dave@Acme.example\",\"subject\":\"Web form: "
                + "tracking page empty\",\"body\":\"The tracking page shows no parcels.\"}");
        assertThat(known.status()).isEqualTo(201);
        assertThat((String) known.json("$.requester")).isEqualTo("dave");

        Http.Response unknown = sofia.post("/api/tickets", "{\"email\":\"nobody@nowhere.example\",\"subject\":\"x\","
                + "\"body\":\"y\"}");
        assertThat(unknown.status()).isEqualTo(400);
        List<String> fields = unknown.json("$.fields[*].field");
        assertThat(fields).containsExactly("email");
    }

    @Test
    void an_enterprise_customer_gets_the_enterprise_service_level_from_the_crm_segment() {
        Http dave = new Http(port).signIn("customer:dave");
        Http ivan = new Http(port).signIn("customer:ivan");
        int daves = dave.post("/api/tickets", "{\"subject\":\"Dock door sensor\",\"body\":\"It beeps.\"}")
                .json("$.number");
        int ivans = ivan.post("/api/tickets", "{\"subject\":\"Logo on invoices\",\"body\":\"It is blurry.\"}")
                .json("$.number");

        assertThat(policies(daves)).containsOnly("enterprise");
        assertThat(policies(ivans)).containsOnly("starter");
    }

    @Test
    void a_call_logged_in_the_crm_and_its_ticket_commit_together() {
        String marker = UUID.randomUUID().toString();
        Http sofia = new Http(port).signIn("agent:sofia");
        Http.Response call = sofia.post("/api/customers/erin/calls", "{\"subject\":\"Till prints no receipts " + marker
                + "\",\"notes\":\"Erin called: no receipts since noon. " + marker + "\"}");

        assertThat(call.status()).isEqualTo(201);
        assertThat(crm.activitiesMentioning(marker)).isEqualTo(1);
        assertThat(ticketsOfErinMentioning(marker)).hasSize(1);
    }

    @Test
    void when_the_crm_refuses_the_call_the_ticket_is_rolled_back_with_it() {
        String marker = UUID.randomUUID().toString();
        // the desk takes 64 KiB in a message, the CRM's timeline only 500 characters: the ticket
        // is written first, then the CRM's insert fails, and the one transaction rolls back both
        String notes = marker + " " + "The customer explained at length. ".repeat(20);
        Http sofia = new Http(port).signIn("agent:sofia");
        Http.Response call = sofia.post("/api/customers/erin/calls", "{\"subject\":\"Long call " + marker
                + "\",\"notes\":" + Http.quote(notes) + "}");

        assertThat(call.status()).isEqualTo(422);
        assertThat(crm.activitiesMentioning(marker)).isZero();
        assertThat(ticketsOfErinMentioning(marker)).isEmpty();
    }

    @Test
    void when_the_desk_rejects_the_ticket_the_call_is_not_logged() {
        String marker = UUID.randomUUID().toString();
        Http sofia = new Http(port).signIn("agent:sofia");
        Http.Response call = sofia.post("/api/customers/erin/calls", "{\"subject\":\"\",\"notes\":\"Hung up. " + marker
                + "\"}");

        assertThat(call.status()).isEqualTo(400);
        List<String> fields = call.json("$.fields[*].field");
        assertThat(fields).contains("subject");
        assertThat(crm.activitiesMentioning(marker)).isZero();
    }

    @Test
    void a_solved_ticket_reaches_the_crm_timeline_after_its_commit_once() {
        String marker = UUID.randomUUID().toString();
        Http dave = new Http(port).signIn("customer:dave");
        int number = dave.post("/api/tickets", "{\"subject\":\"Pallet labels " + marker + "\",\"body\":\"Blank.\"}")
                .json("$.number");
        support.take(number, SOFIA);
        support.solve(number, SOFIA);

        helpdesk.deliverEvents(clock.instant());
        helpdesk.deliverEvents(clock.instant());

        assertThat(crm.activities("dave", 50)).filteredOn(a -> a.summary().contains(marker))
                .extracting(a -> a.summary()).containsExactlyInAnyOrder(
                        "Opened #" + number + " in the portal: Pallet labels " + marker,
                        "#" + number + " solved: Pallet labels " + marker);
    }

    @Test
    void the_desk_reports_its_health_and_counts_its_commands_at_the_actuator() {
        Http anyone = new Http(port);
        new Http(port).signIn("customer:ivan").post("/api/tickets", "{\"subject\":\"Counted\",\"body\":\"Once.\"}");

        Http.Response health = anyone.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat((String) health.json("$.components.helpdesk.status")).isEqualTo("UP");
        Http.Response commands = anyone.get("/actuator/metrics/helpdesk.commands");
        assertThat(commands.status()).isEqualTo(200);
        assertThat(((Number) commands.json("$.measurements[0].value")).doubleValue()).isPositive();
    }

    private List<String> policies(int number) {
        Ticket ticket = support.ticket(number, SOFIA);
        return support.clocks(ticket, SOFIA).stream().map(ClockState::policy).distinct().toList();
    }

    private List<Ticket> ticketsOfErinMentioning(String marker) {
        return support.ticketsOf("erin", SOFIA).stream().filter(t -> t.subject().contains(marker)).toList();
    }
}
