package dev.helpdesk.core.channel;

import static dev.helpdesk.core.channel.MailDesk.ANA;
import static dev.helpdesk.core.channel.MailDesk.CAROL_MAIL;
import static dev.helpdesk.core.channel.MailDesk.DAVE_MAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the intake over any order of deliveries, redeliveries included: each distinct
 * message is recorded exactly once, a conversation stays on one ticket, and every redelivery is
 * answered {@code Duplicate}.
 */
class IntakeProperties {

    /**
     * Conversations of a first mail and replies that refer to it; each delivery names a
     * conversation and a message of it, and arrives in the generated order (a reply may come
     * again, and the first mail comes before its replies).
     */
    @Property(tries = 60)
    void every_message_is_recorded_once_on_its_conversations_ticket(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 11) Integer> deliveries) {
        MailDesk mail = new MailDesk();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        List<IntakeOutcome> outcomes = new ArrayList<>();
        for (int d : deliveries) {
            int conversation = d % 3;
            int reply = d / 3;
            String first = "c" + conversation + "-0@example.com";
            if (!seen.contains(first)) {
                outcomes.add(mail.intake.accept(message(mail, conversation, 0, first)));
                seen.add(first);
            }
            String id = "c" + conversation + "-" + reply + "@example.com";
            boolean again = !seen.add(id);
            IntakeOutcome outcome = mail.intake.accept(message(mail, conversation, reply, id));
            outcomes.add(outcome);
            if (again) {
                duplicates++;
                assertEquals(new IntakeOutcome.Duplicate(ExternalMessageId.of(id)), outcome);
            }
        }

        List<Ticket> tickets = mail.desk.tenant(MailDesk.ACME).tickets().list(TicketQuery.all(), PageRequest.first(50), ANA)
                .get().items();
        long conversations = seen.stream().map(id -> id.substring(0, 2)).distinct().count();
        assertEquals(conversations, tickets.size(), outcomes.toString());
        assertEquals(seen.size(), tickets.stream().mapToInt(t -> t.messages().size()).sum());
        for (Ticket t : tickets) {
            String prefix = t.messages().get(0).body().substring(0, 2);
            assertEquals(t.messages().size(), t.messages().stream().map(Message::body).filter(b -> b.startsWith(prefix))
                    .count(), "a conversation's messages stay on its ticket");
        }
        assertEquals(duplicates, outcomes.stream().filter(o -> o instanceof IntakeOutcome.Duplicate).count());
    }

    private static InboundMessage message(MailDesk mail, int conversation, int reply, String id) {
        InboundMessage.Builder b = mail.mail(conversation == 1 ? DAVE_MAIL : CAROL_MAIL,
                (reply == 0 ? "" : "Re: ") + "Question " + conversation, "c" + conversation + " message " + reply, id);
        if (reply > 0) {
            b.addReferences(ExternalMessageId.of("c" + conversation + "-0@example.com"));
        }
        return b.build();
    }
}
