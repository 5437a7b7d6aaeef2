package dev.helpdesk.core.channel;

import static dev.helpdesk.core.channel.MailDesk.ANA;
import static dev.helpdesk.core.channel.MailDesk.CAROL_MAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The same message delivered by several threads at once is recorded once: one ticket, one
 * message, every other delivery answered {@code Duplicate}; and a reply delivered concurrently
 * adds one message.
 */
class IntakeConcurrencyProperties {

    @Property(tries = 15)
    void the_same_new_message_delivered_concurrently_opens_one_ticket(@ForAll @IntRange(min = 2, max = 8) int threads)
            throws Exception {
        MailDesk mail = new MailDesk();
        InboundMessage message = mail.mail(CAROL_MAIL, "Printer offline", "It does not print.", "race@example.com").build();

        List<IntakeOutcome> outcomes = race(threads, () -> mail.intake.accept(message));

        assertEquals(1, outcomes.stream().filter(o -> o instanceof IntakeOutcome.Opened).count(), outcomes.toString());
        assertEquals(threads - 1, outcomes.stream().filter(o -> o instanceof IntakeOutcome.Duplicate).count());
        Page page = mail.desk.tenant(MailDesk.ACME).tickets().list(TicketQuery.all(), PageRequest.first(50), ANA).get();
        assertEquals(1, page.items().size());
        assertEquals(1, page.items().get(0).messages().size());
    }

    @Property(tries = 15)
    void the_same_reply_delivered_concurrently_adds_one_message(@ForAll @IntRange(min = 2, max = 8) int threads)
            throws Exception {
        MailDesk mail = new MailDesk();
        IntakeOutcome.Opened first = (IntakeOutcome.Opened) mail.intake.accept(
                mail.mail(CAROL_MAIL, "Printer offline", "Help", "start@example.com").build());
        InboundMessage reply = mail.mail(CAROL_MAIL, "Re: Printer offline", "Still broken", "reply@example.com")
                .addReferences(ExternalMessageId.of("start@example.com")).build();

        List<IntakeOutcome> outcomes = race(threads, () -> mail.intake.accept(reply));

        assertEquals(1, outcomes.stream().filter(o -> o instanceof IntakeOutcome.Replied).count(), outcomes.toString());
        assertEquals(threads - 1, outcomes.stream().filter(o -> o instanceof IntakeOutcome.Duplicate).count());
        Ticket ticket = mail.tickets.get(first.ticket(), ANA).get();
        assertEquals(2, ticket.messages().size());
    }

    private static List<IntakeOutcome> race(int threads, java.util.concurrent.Callable<IntakeOutcome> delivery)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IntakeOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return delivery.call();
                }));
            }
            start.countDown();
            List<IntakeOutcome> outcomes = new ArrayList<>();
            for (Future<IntakeOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
