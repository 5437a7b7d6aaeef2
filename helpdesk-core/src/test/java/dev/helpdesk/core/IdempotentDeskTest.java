package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.GLOBEX;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.printerBroken;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Visibility;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Requests under an idempotency key are carried out once and answered alike. */
class IdempotentDeskTest {
    private static final IdempotencyKey KEY = IdempotencyKey.of("req-7f3a");
    private final Fixture f = new Fixture();
    private final IdempotentDesk keyed = f.desk.tenant(ACME).idempotent();

    private long tickets() {
        return ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items().size();
    }

    @Test
    void an_opening_sent_twice_opens_one_ticket_and_answers_the_same_both_times() {
        TicketCommand.Open command = printerBroken(CAROL).build();
        Ticket first = ok(keyed.open(KEY, command, CAROL));
        Ticket second = ok(keyed.open(KEY, command, CAROL));

        assertEquals(first, second);
        assertEquals(1, tickets());
    }

    @Test
    void the_second_answer_is_the_first_even_after_the_ticket_moved_on() {
        TicketCommand.Open command = printerBroken(CAROL).build();
        Ticket first = ok(keyed.open(KEY, command, CAROL));
        f.clock.advance(Duration.ofMinutes(5));
        ok(f.acme.reply(first.id(), "Looking into it", Channel.EMAIL, ANA));

        Ticket again = ok(keyed.open(KEY, command, CAROL));

        assertEquals(first, again);
        assertTrue(ok(f.acme.get(first.id(), CAROL)).version() > again.version());
    }

    @Test
    void a_reply_sent_twice_is_posted_once() {
        Ticket t = f.openedBy(CAROL);
        Ticket first = ok(keyed.reply(KEY, t.id(), "Still broken", Channel.WEB_FORM, CAROL));
        Ticket second = ok(keyed.reply(KEY, t.id(), "Still broken", Channel.WEB_FORM, CAROL));

        assertEquals(first, second);
        long posted = ok(f.acme.get(t.id(), ANA)).messages().stream()
                .filter(m -> m.visibility() == Visibility.PUBLIC && m.body().equals("Still broken")).count();
        assertEquals(1, posted);
    }

    @Test
    void a_rejection_is_recorded_and_the_retry_gets_it_even_when_the_command_would_now_succeed() {
        Ticket t = f.openedBy(CAROL);
        Rejection first = rejected(keyed.execute(KEY, t.id(), new TicketCommand.Solve(), ANA));
        ok(f.acme.assign(t.id(), AgentId.of("ana"), ANA));

        Rejection again = rejected(keyed.execute(KEY, t.id(), new TicketCommand.Solve(), ANA));

        assertEquals(first, again);
        assertNotEquals(Status.SOLVED, ok(f.acme.get(t.id(), ANA)).status());
    }

    @Test
    void a_key_sent_with_another_request_is_refused_naming_the_key() {
        ok(keyed.open(KEY, printerBroken(CAROL).build(), CAROL));

        Rejection other = rejected(keyed.open(KEY, printerBroken(CAROL).subject("Scanner offline").build(), CAROL));
        Rejection otherActor = rejected(keyed.open(KEY, printerBroken(DAVE).build(), DAVE));

        assertTrue(assertInstanceOf(Rejection.Invalid.class, other).names("idempotencyKey"));
        assertTrue(assertInstanceOf(Rejection.Invalid.class, otherActor).names("idempotencyKey"));
        assertEquals(1, tickets());
    }

    @Test
    void the_same_key_in_another_tenant_is_another_request() {
        Ticket acme = ok(keyed.open(KEY, printerBroken(CAROL).build(), CAROL));
        Ticket globex = ok(f.desk.tenant(GLOBEX).idempotent().open(KEY, printerBroken(CAROL).build(), CAROL));

        assertNotEquals(acme.id(), globex.id());
        assertEquals(GLOBEX, globex.tenant());
    }

    @Test
    void a_customer_retrying_gets_the_customer_view_again() {
        Ticket first = ok(keyed.open(KEY, printerBroken(CAROL).build(), CAROL));
        ok(f.acme.note(first.id(), "internal: call the vendor", ANA));

        Ticket again = ok(keyed.open(KEY, printerBroken(CAROL).build(), CAROL));

        assertEquals(first, again);
        assertTrue(again.messages().stream().allMatch(m -> m.visibility() == Visibility.PUBLIC));
    }

    @Test
    void a_missing_key_is_refused_naming_it() {
        Rejection r = rejected(keyed.open(null, printerBroken(CAROL).build(), CAROL));

        assertTrue(assertInstanceOf(Rejection.Invalid.class, r).names("idempotencyKey"));
        assertEquals(0, tickets());
    }

    @Test
    void a_key_typed_by_a_user_is_parsed_into_a_rejection_naming_it() {
        assertTrue(assertInstanceOf(Rejection.Invalid.class, IdempotencyKey.parse(" ").getLeft()).names("idempotencyKey"));
        assertTrue(assertInstanceOf(Rejection.Invalid.class, IdempotencyKey.parse("a\nb").getLeft()).names("idempotencyKey"));
        assertTrue(assertInstanceOf(Rejection.Invalid.class, IdempotencyKey.parse("k".repeat(129)).getLeft())
                .names("idempotencyKey"));
        assertEquals("k".repeat(128), IdempotencyKey.parse("k".repeat(128)).get().value());
    }

    @Test
    void a_key_is_kept_for_its_retention_and_pruned_by_run_due_after_it() {
        Fixture g = new Fixture(b -> b.idempotencyRetention(Duration.ofDays(2)));
        IdempotentDesk desk = g.desk.tenant(ACME).idempotent();
        TicketCommand.Open command = printerBroken(CAROL).build();
        Ticket first = ok(desk.open(KEY, command, CAROL));
        // a refused request is recorded too, and pruned with the rest
        IdempotencyKey refused = IdempotencyKey.of("req-refused");
        rejected(desk.reply(refused, first.id(), " ", Channel.WEB_FORM, CAROL));

        g.clock.advance(Duration.ofDays(1));
        g.desk.runDue();
        assertEquals(first, ok(desk.open(KEY, command, CAROL)));

        g.clock.advance(Duration.ofDays(1).plusMinutes(1));
        g.desk.runDue();
        Ticket anew = ok(desk.open(KEY, command, CAROL));

        assertNotEquals(first.id(), anew.id());
        assertEquals(2, ok(g.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items().size());
        // the refused one runs anew too: now with a body it is posted
        ok(desk.reply(refused, first.id(), "Still broken", Channel.WEB_FORM, CAROL));
        assertEquals(0, g.desk.pruneIdempotencyKeys(g.clock.instant()));
    }

    @Test
    void a_retention_under_a_minute_is_a_configuration_error() {
        org.junit.jupiter.api.Assertions.assertThrows(dev.helpdesk.spi.ConfigurationException.class,
                () -> Helpdesk.builder().idempotencyRetention(Duration.ofSeconds(59)));
    }
}
