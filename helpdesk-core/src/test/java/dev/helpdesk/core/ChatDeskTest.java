package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.BEN;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.chat.ChatSettings;
import dev.helpdesk.core.chat.FirstResponse;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.chat.ChatStatus;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live chat: waiting, taken, ended; too long a wait, no agent or no solution make a ticket. */
class ChatDeskTest {
    static final GroupId SUPPORT = GroupId.of("support");
    static final GroupId NIGHT = GroupId.of("night");

    static InMemoryAgentDirectory agents() {
        return new InMemoryAgentDirectory()
                .put(ACME, AgentProfile.builder("ana").groups("support").tiers(Tier.L1).capacity(Channel.LIVE_CHAT, 1).build())
                .put(ACME, AgentProfile.builder("ben").groups("night").tiers(Tier.L1).capacity(3).available(false).build());
    }

    private final Fixture f = new Fixture(b -> b.agents(agents())
            .chat(ChatSettings.builder().waitLimit("support", Duration.ofMinutes(2)).firstResponseTarget(Duration.ofSeconds(45))
                    .build()));
    private final ChatDesk chat = f.desk.tenant(ACME).chat();

    private Ticket ticketOf(ChatSession s) {
        return ok(f.acme.get(s.ticket().orElseThrow(), ANA));
    }

    private int tickets() {
        return ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items().size();
    }

    @Test
    void a_chat_solved_by_its_agent_is_registered_as_a_solved_ticket_with_the_transcript() {
        ChatSession s = ok(chat.start(SUPPORT, "My order shows twice", CAROL));
        f.clock.advance(Duration.ofSeconds(20));
        ok(chat.take(s.id(), ANA));
        ok(chat.say(s.id(), "I see it, removing the copy now", ANA));
        ok(chat.say(s.id(), "Thanks!", CAROL));

        ChatSession ended = ok(chat.end(s.id(), true, ANA));

        assertEquals(ChatStatus.SOLVED, ended.status());
        Ticket t = ticketOf(ended);
        assertEquals(Status.SOLVED, t.status());
        assertEquals(Channel.LIVE_CHAT, t.channel());
        assertEquals(AgentId.of("ana"), t.assignee().orElseThrow());
        assertTrue(t.messages().get(0).body().contains("agent:ana: I see it, removing the copy now"));
        assertEquals(new FirstResponse(Duration.ofSeconds(45), java.util.Optional.of(Duration.ofSeconds(20)), false),
                ok(chat.firstResponse(s.id())));
    }

    @Test
    void a_chat_that_ends_unsolved_becomes_an_open_ticket_and_the_customer_is_told() {
        ChatSession s = ok(chat.start(SUPPORT, "Can I change my plan?", CAROL));
        ok(chat.take(s.id(), ANA));

        ChatSession ended = ok(chat.end(s.id(), false, CAROL));

        assertEquals(ChatStatus.TICKETED, ended.status());
        Ticket t = ticketOf(ended);
        assertEquals(Status.OPEN, t.status());
        String last = ended.transcript().get(ended.transcript().size() - 1).text();
        assertTrue(last.contains(t.number().toString()), last);
    }

    @Test
    void a_chat_waiting_past_its_groups_limit_becomes_a_ticket_when_swept() {
        ChatSession s = ok(chat.start(SUPPORT, "Is anyone there?", CAROL));
        f.clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), chat.sweep(), "at the limit it still waits");
        f.clock.advance(Duration.ofSeconds(1));

        List<ChatSession> swept = chat.sweep();

        assertEquals(1, swept.size());
        ChatSession ticketed = ok(chat.get(s.id(), CAROL));
        assertEquals(ChatStatus.TICKETED, ticketed.status());
        assertTrue(ticketed.transcript().get(1).text().contains(ticketOf(ticketed).number().toString()));
        assertTrue(ok(chat.firstResponse(s.id())).took().isEmpty());
        assertEquals(List.of(), chat.sweep(), "swept once");
        assertEquals(1, tickets());
    }

    @Test
    void a_chat_in_a_group_without_a_free_agent_becomes_a_ticket_at_once() {
        ChatSession s = ok(chat.start(NIGHT, "Server down", DAVE));

        assertEquals(ChatStatus.TICKETED, s.status());
        assertTrue(s.transcript().get(1).text().startsWith("No agent is free"));
        assertEquals(1, tickets());
    }

    @Test
    void an_agent_at_chat_capacity_is_not_free() {
        ChatSession first = ok(chat.start(SUPPORT, "One", CAROL));
        ok(chat.take(first.id(), ANA));

        ChatSession second = ok(chat.start(SUPPORT, "Two", DAVE));

        assertEquals(ChatStatus.TICKETED, second.status());
    }

    @Test
    void a_closed_chat_takes_no_more_lines_and_changes_nothing() {
        ChatSession s = ok(chat.start(SUPPORT, "Hello", CAROL));
        ok(chat.take(s.id(), ANA));
        ChatSession ended = ok(chat.end(s.id(), true, ANA));

        Rejection r = rejected(chat.say(s.id(), "One more thing", CAROL));

        assertInstanceOf(Rejection.InvalidTransition.class, r);
        assertEquals(ended, ok(chat.get(s.id(), ANA)));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(chat.end(s.id(), false, ANA)));
        assertEquals(1, tickets());
    }

    @Test
    void bad_input_is_refused_naming_the_problem_and_changes_nothing() {
        ChatSession s = ok(chat.start(SUPPORT, "Hello", CAROL));

        assertTrue(assertInstanceOf(Rejection.Invalid.class, rejected(chat.say(s.id(), " ", CAROL))).names("text"));
        assertTrue(assertInstanceOf(Rejection.Invalid.class, rejected(chat.say(s.id(), "x".repeat(4001), CAROL)))
                .names("text"));
        assertInstanceOf(Rejection.NotFound.class, rejected(chat.say(s.id(), "hi", DAVE)), "another customer's chat");
        assertInstanceOf(Rejection.NotFound.class, rejected(chat.get(
                dev.helpdesk.spi.chat.ChatId.of(java.util.UUID.randomUUID()), ANA)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(chat.take(s.id(), BEN)), "not in the group");
        assertInstanceOf(Rejection.NotAllowed.class, rejected(chat.start(SUPPORT, "hi", ANA)), "agents do not start");
        assertInstanceOf(Rejection.NotAllowed.class, rejected(chat.end(s.id(), true, CAROL)));
        assertEquals(s, ok(chat.get(s.id(), CAROL)));
        assertEquals(0, tickets());
    }

    @Test
    void a_late_first_response_is_breached() {
        ChatSession s = ok(chat.start(SUPPORT, "Hello", CAROL));
        f.clock.advance(Duration.ofSeconds(46));
        assertTrue(ok(chat.firstResponse(s.id())).breached(), "no answer past the target");
        ok(chat.take(s.id(), ANA));
        ok(chat.say(s.id(), "Sorry for the wait", ANA));

        FirstResponse figure = ok(chat.firstResponse(s.id()));

        assertTrue(figure.breached());
        assertEquals(Duration.ofSeconds(46), figure.took().orElseThrow());
        assertFalse(ok(chat.firstResponse(ok(chat.start(SUPPORT, "Again", DAVE)).id())).breached());
    }

    @Test
    void the_customer_of_a_chat_that_became_a_ticket_gets_a_notice_in_their_language_and_a_solved_chat_none() {
        List<dev.helpdesk.spi.notification.Notification> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.helpdesk.spi.notification.Notifier recorder = new dev.helpdesk.spi.notification.Notifier() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void deliver(dev.helpdesk.spi.notification.Notification n) {
                notices.add(n);
            }
        };
        Fixture g = new Fixture(b -> b.agents(agents()).plugin(recorder)
                .customerLanguages((tenant, customer) -> java.util.Optional.of(java.util.Locale.forLanguageTag(
                        customer.value().equals("carol") ? "nl" : "en")))
                .chat(ChatSettings.builder().waitLimit("support", Duration.ofMinutes(2)).build()));
        ChatDesk desk = g.desk.tenant(ACME).chat();
        ChatSession solved = ok(desk.start(SUPPORT, "Can I pay by invoice?", DAVE));
        ok(desk.take(solved.id(), ANA));
        ok(desk.say(solved.id(), "Yes.", ANA));
        ok(desk.end(solved.id(), true, ANA));
        ChatSession waiting = ok(desk.start(SUPPORT, "Is anyone there?", CAROL));
        g.clock.advance(Duration.ofMinutes(3));

        ChatSession swept = desk.sweep().get(0);

        assertEquals(waiting.id(), swept.id());
        assertEquals(1, notices.size(), notices.toString());
        dev.helpdesk.spi.notification.Notification told = notices.get(0);
        Ticket t = ok(g.acme.get(swept.ticket().orElseThrow(), ANA));
        assertEquals(new dev.helpdesk.spi.notification.Recipient.Customer(dev.helpdesk.spi.party.CustomerId.of("carol")),
                told.recipient());
        assertEquals("nl", told.locale().getLanguage());
        assertTrue(told.subject().startsWith("Uw chat is nu verzoek " + t.number()), told.subject());
        assertTrue(told.body().contains(t.number().toString()), told.body());
    }
}
