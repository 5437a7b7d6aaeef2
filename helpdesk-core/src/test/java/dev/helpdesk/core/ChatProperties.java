package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.chat.ChatSettings;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** However many sweeps and ends race, a chat becomes exactly one ticket and ends once. */
class ChatProperties {

    @Property(tries = 40)
    void racing_sweeps_and_ends_make_one_ticket_per_chat(@ForAll @IntRange(min = 1, max = 4) int chats,
                                                          @ForAll @IntRange(min = 2, max = 6) int racers) throws Exception {
        Fixture f = new Fixture(b -> b.agents(ChatDeskTest.agents())
                .chat(ChatSettings.builder().defaultWaitLimit(Duration.ofMinutes(1)).build()));
        ChatDesk chat = f.desk.tenant(ACME).chat();
        List<ChatSession> started = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            Actor customer = Actor.customer("c" + i);
            started.add(ok(chat.start(ChatDeskTest.SUPPORT, "Question " + i, customer)));
        }
        f.clock.advance(Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < racers; r++) {
                int racer = r;
                Callable<Object> task = () -> {
                    go.await();
                    if (racer % 2 == 0) {
                        return chat.sweep();
                    }
                    for (int i = 0; i < chats; i++) {
                        chat.end(started.get(i).id(), false, Actor.customer("c" + i));
                    }
                    return null;
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Ticket> tickets = ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items();
        assertEquals(chats, tickets.size());
        assertEquals(chats, new HashSet<>(tickets.stream().map(Ticket::requester).toList()).size());
        for (ChatSession s : started) {
            ChatSession now = ok(chat.get(s.id(), ANA));
            assertTrue(now.status().isFinal());
            assertTrue(tickets.stream().anyMatch(t -> t.id().equals(now.ticket().orElseThrow())));
        }
    }
}
