package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.BEN;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.MAILER;
import static dev.helpdesk.core.Fixture.RULE;
import static dev.helpdesk.core.Fixture.idOf;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
    private final Fixture f = new Fixture();
    private static final AgentId ANA_ID = AgentId.of("ana");

    @Test
    void a_new_ticket_starts_new_with_its_description_as_first_public_message() {
        Ticket t = f.openedBy(CAROL);

        assertEquals(Status.NEW, t.status());
        assertEquals(TicketNumber.of(1), t.number());
        assertEquals(1, t.messages().size());
        assertEquals(Visibility.PUBLIC, t.messages().get(0).visibility());
        assertEquals(f.clock.instant(), t.createdAt());
        assertEquals(Tier.L1, t.tier());
        assertEquals(Priority.NORMAL, t.priority());
    }

    @Test
    void ticket_numbers_count_per_tenant() {
        f.openedBy(CAROL);
        Ticket second = f.openedBy(DAVE);
        Ticket firstOfGlobex = ok(f.globex.open(Fixture.printerBroken(CAROL).build(), CAROL));

        assertEquals(TicketNumber.of(2), second.number());
        assertEquals(TicketNumber.of(1), firstOfGlobex.number());
    }

    @Test
    void tickets_open_from_every_well_known_channel() {
        for (Channel channel : Channel.wellKnown()) {
            Ticket t = ok(f.acme.open(Fixture.printerBroken(CAROL).channel(channel).build(), CAROL));
            assertEquals(channel, t.channel());
        }
    }

    @Test
    void an_agent_reply_takes_a_new_ticket_to_open() {
        Ticket t = f.openedBy(CAROL);

        Ticket replied = ok(f.acme.reply(t.id(), "Is it switched on?", Channel.EMAIL, ANA));

        assertEquals(Status.OPEN, replied.status());
    }

    @Test
    void assigning_a_new_ticket_opens_it() {
        Ticket t = f.openedBy(CAROL);

        Ticket assigned = ok(f.acme.assign(t.id(), ANA_ID, ANA));

        assertEquals(Status.OPEN, assigned.status());
        assertEquals(ANA_ID, assigned.assignee().orElseThrow());
    }

    @Test
    void a_customer_reply_reopens_a_pending_ticket() {
        Ticket t = f.openedBy(CAROL);
        ok(f.acme.setPending(t.id(), ANA));

        Ticket answered = ok(f.acme.reply(t.id(), "Yes, it is on.", Channel.EMAIL, CAROL));

        assertEquals(Status.OPEN, answered.status());
    }

    @Test
    void a_customer_reply_reopens_an_on_hold_ticket() {
        Ticket t = f.openedBy(CAROL);
        ok(f.acme.setOnHold(t.id(), ANA));

        assertEquals(Status.OPEN, ok(f.acme.reply(t.id(), "Any news?", Channel.EMAIL, CAROL)).status());
    }

    @Test
    void a_customer_reply_reopens_a_solved_ticket_in_a_new_cycle() {
        Ticket t = solved(f.openedBy(CAROL));

        Ticket reopened = ok(f.acme.reply(t.id(), "It broke again.", Channel.EMAIL, CAROL));

        assertEquals(Status.OPEN, reopened.status());
        assertEquals(2, reopened.cycle());
    }

    @Test
    void solving_needs_an_assignee() {
        Ticket t = f.openedBy(CAROL);

        Rejection r = rejected(f.acme.solve(t.id(), ANA));

        assertInstanceOf(Rejection.InvalidTransition.class, r);
        assertTrue(r.message().contains("assignee"), r.message());
    }

    @Test
    void a_solved_ticket_cannot_lose_its_assignee() {
        Ticket t = solved(f.openedBy(CAROL));

        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.unassign(t.id(), ANA)));
    }

    @Test
    void a_ticket_never_returns_to_new() {
        Ticket t = f.openedBy(CAROL);
        ok(f.acme.assign(t.id(), ANA_ID, ANA));
        ok(f.acme.unassign(t.id(), ANA));
        ok(f.acme.setPending(t.id(), ANA));
        Ticket resumed = ok(f.acme.resume(t.id(), ANA));

        assertEquals(Status.OPEN, resumed.status());
    }

    @Test
    void a_closed_ticket_is_final() {
        Ticket t = solved(f.openedBy(CAROL));
        ok(f.acme.close(t.id(), ANA));

        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.reopen(t.id(), ANA)));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.reply(t.id(), "hi", Channel.EMAIL, ANA)));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.note(t.id(), "note", ANA)));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.changePriority(t.id(), Priority.HIGH, ANA)));
    }

    @Test
    void a_customer_message_to_a_closed_ticket_opens_a_follow_up_linked_to_it() {
        Ticket closed = solved(f.openedBy(CAROL));
        ok(f.acme.close(closed.id(), ANA));

        Ticket followUp = ok(f.acme.reply(closed.id(), "The printer is offline again.", Channel.EMAIL, CAROL));

        assertNotEquals(closed.id(), followUp.id());
        assertEquals(closed.id(), followUp.followUpOf().orElseThrow());
        assertEquals(Status.NEW, followUp.status());
        assertEquals("Follow-up: Printer offline", followUp.subject());
        assertEquals(Status.CLOSED, ok(f.acme.get(closed.id(), ANA)).status());
    }

    @Test
    void a_merged_ticket_is_final_and_the_target_records_it() {
        Ticket a = f.openedBy(CAROL);
        Ticket b = f.openedBy(CAROL);

        Ticket target = ok(f.acme.merge(a.id(), b.id(), ANA));

        assertEquals(List.of(a.id()), target.mergedFrom());
        Ticket source = ok(f.acme.get(a.id(), ANA));
        assertEquals(Status.MERGED, source.status());
        assertEquals(b.id(), source.mergedInto().orElseThrow());
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.reply(a.id(), "hello", Channel.EMAIL, ANA)));
        assertEquals(b.id(), ok(f.acme.reply(a.id(), "hello", Channel.EMAIL, CAROL)).id(),
                "a customer's reply to a merged ticket lands on the ticket it was merged into");
    }

    @Test
    void a_ticket_cannot_be_merged_into_itself_or_into_a_final_ticket() {
        Ticket a = f.openedBy(CAROL);
        Ticket closed = solved(f.openedBy(CAROL));
        ok(f.acme.close(closed.id(), ANA));

        assertInstanceOf(Rejection.Invalid.class, rejected(f.acme.merge(a.id(), a.id(), ANA)));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.acme.merge(a.id(), closed.id(), ANA)));
        assertEquals(Status.NEW, ok(f.acme.get(a.id(), ANA)).status(), "a rejected merge writes nothing");
    }

    @Test
    void customers_see_only_their_own_tickets() {
        Ticket carols = f.openedBy(CAROL);
        f.openedBy(DAVE);

        assertInstanceOf(Rejection.NotFound.class, rejected(f.acme.get(carols.id(), DAVE)));
        assertInstanceOf(Rejection.NotFound.class, rejected(f.acme.reply(carols.id(), "me too", Channel.EMAIL, DAVE)));
        List<Ticket> davesList = ok(f.acme.list(TicketQuery.all(), PageRequest.first(50), DAVE)).items();
        assertEquals(1, davesList.size());
        assertEquals(idOf(DAVE), davesList.get(0).requester());
    }

    @Test
    void a_customer_never_sees_an_internal_note() {
        Ticket t = f.openedBy(CAROL);
        ok(f.acme.note(t.id(), "Customer is on the legacy plan.", ANA));
        ok(f.acme.reply(t.id(), "We are looking into it.", Channel.EMAIL, ANA));

        Ticket agentView = ok(f.acme.get(t.id(), ANA));
        Ticket customerView = ok(f.acme.get(t.id(), CAROL));

        assertEquals(3, agentView.messages().size());
        assertEquals(2, customerView.messages().size());
        assertTrue(customerView.messages().stream().allMatch(m -> m.visibility() == Visibility.PUBLIC));
        assertTrue(ok(f.acme.history(t.id(), CAROL)).stream().noneMatch(r -> r.event() instanceof TicketEvent.MessagePosted m
                && m.message().visibility() == Visibility.INTERNAL));
        assertTrue(ok(f.acme.list(TicketQuery.all(), PageRequest.first(10), CAROL)).items().stream()
                .allMatch(x -> x.messages().stream().allMatch(m -> m.visibility() == Visibility.PUBLIC)));
        Ticket afterReply = ok(f.acme.reply(t.id(), "Thanks", Channel.EMAIL, CAROL));
        assertTrue(afterReply.messages().stream().allMatch(m -> m.visibility() == Visibility.PUBLIC));
    }

    @Test
    void a_customer_cannot_write_an_internal_note() {
        Ticket t = f.openedBy(CAROL);

        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.note(t.id(), "psst", CAROL)));
    }

    @Test
    void only_agents_change_priority_tier_category_group_or_assignment() {
        Ticket t = f.openedBy(CAROL);

        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.changePriority(t.id(), Priority.URGENT, CAROL)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.changeTier(t.id(), Tier.L3, "now", CAROL)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.assign(t.id(), ANA_ID, CAROL)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.changeCategory(t.id(), Category.BILLING, CAROL)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.moveToGroup(t.id(), GroupId.of("l2"), MAILER)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.acme.changePriority(t.id(), Priority.URGENT, MAILER)));

        Ticket changed = ok(f.acme.changePriority(t.id(), Priority.URGENT, ANA));
        changed = ok(f.acme.changeTier(t.id(), Tier.L2, "needs a specialist", RULE));
        assertEquals(Priority.URGENT, changed.priority());
        assertEquals(Tier.L2, changed.tier());
    }

    @Test
    void a_customer_may_reopen_their_solved_ticket() {
        Ticket t = solved(f.openedBy(CAROL));

        assertEquals(Status.OPEN, ok(f.acme.reopen(t.id(), CAROL)).status());
    }

    @Test
    void changing_a_value_to_what_it_already_is_adds_no_event() {
        Ticket t = ok(f.acme.assign(f.openedBy(CAROL).id(), ANA_ID, ANA));

        Ticket again = ok(f.acme.assign(t.id(), ANA_ID, ANA));

        assertEquals(t.version(), again.version());
    }

    @Test
    void tickets_solved_longer_than_the_configured_period_close_automatically() {
        Fixture fx = new Fixture(b -> b.autoCloseAfter(Duration.ofDays(3)));
        Ticket t = ok(fx.acme.open(Fixture.printerBroken(CAROL).build(), CAROL));
        ok(fx.acme.assign(t.id(), ANA_ID, ANA));
        ok(fx.acme.solve(t.id(), ANA));

        fx.clock.advance(Duration.ofDays(3).minusMinutes(1));
        DueRun early = fx.desk.runDue();
        fx.clock.advance(Duration.ofMinutes(1));
        DueRun due = fx.desk.runDue();
        DueRun again = fx.desk.runDue();

        assertEquals(0, early.changed());
        assertEquals(1, due.changed());
        assertEquals(0, again.claimed());
        Ticket closed = ok(fx.acme.get(t.id(), ANA));
        assertEquals(Status.CLOSED, closed.status());
        TicketEvent last = ok(fx.acme.history(t.id(), ANA)).get((int) closed.version() - 1).event();
        assertTrue(((TicketEvent.Closed) last).automatic());
    }

    @Test
    void a_reopened_ticket_is_not_closed_by_its_earlier_solve() {
        Fixture fx = new Fixture(b -> b.autoCloseAfter(Duration.ofDays(1)));
        Ticket t = ok(fx.acme.open(Fixture.printerBroken(CAROL).build(), CAROL));
        ok(fx.acme.assign(t.id(), ANA_ID, ANA));
        ok(fx.acme.solve(t.id(), ANA));
        ok(fx.acme.reply(t.id(), "Not fixed", Channel.EMAIL, CAROL));

        fx.clock.advance(Duration.ofDays(2));
        fx.desk.runDue();

        assertEquals(Status.OPEN, ok(fx.acme.get(t.id(), ANA)).status());
    }

    @Test
    void another_tenants_ticket_is_not_found() {
        Ticket t = f.openedBy(CAROL);

        assertInstanceOf(Rejection.NotFound.class, rejected(f.globex.get(t.id(), ANA)));
        assertInstanceOf(Rejection.NotFound.class, rejected(f.globex.solve(t.id(), ANA)));
        assertInstanceOf(Rejection.NotFound.class, rejected(f.acme.merge(t.id(), ok(f.globex.open(
                Fixture.printerBroken(CAROL).build(), CAROL)).id(), ANA)));
        assertEquals(Status.NEW, ok(f.acme.get(t.id(), ANA)).status());
    }

    @Test
    void a_ticket_is_found_by_its_number() {
        Ticket t = f.openedBy(CAROL);

        assertEquals(t.id(), ok(f.acme.byNumber(t.number(), BEN)).id());
        assertInstanceOf(Rejection.NotFound.class, rejected(f.globex.byNumber(t.number(), BEN)));
    }

    private Ticket solved(Ticket t) {
        ok(f.acme.assign(t.id(), ANA_ID, ANA));
        return ok(f.acme.solve(t.id(), ANA));
    }
}
