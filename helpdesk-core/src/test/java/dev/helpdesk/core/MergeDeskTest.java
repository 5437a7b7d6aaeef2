package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10, item 4, through the desk on the in-memory store. */
class MergeDeskTest {
    private final Fixture f = new Fixture();

    private static String lastBody(Ticket t) {
        return t.messages().get(t.messages().size() - 1).body();
    }

    @Test
    void both_tickets_carry_a_note_of_the_merge() {
        Ticket a = f.openedBy(CAROL);
        Ticket b = f.openedBy(CAROL);
        ok(f.acme.merge(a.id(), b.id(), ANA));
        assertEquals("Merged into " + b.number() + ".", lastBody(ok(f.acme.get(a.id(), CAROL))));
        assertEquals(a.number() + " was merged into this ticket.", lastBody(ok(f.acme.get(b.id(), CAROL))));
    }

    @Test
    void a_customer_reply_to_a_merged_ticket_lands_at_the_end_of_the_chain() {
        Ticket a = f.openedBy(CAROL);
        Ticket b = f.openedBy(CAROL);
        Ticket c = f.openedBy(CAROL);
        ok(f.acme.merge(a.id(), b.id(), ANA));
        ok(f.acme.merge(b.id(), c.id(), ANA));

        Ticket landed = ok(f.acme.reply(a.id(), "Is there any news?", Channel.EMAIL, CAROL));

        assertEquals(c.id(), landed.id());
        assertEquals("Is there any news?", lastBody(ok(f.acme.get(c.id(), ANA))));
    }

    @Test
    void a_reply_to_a_ticket_merged_into_another_customers_ticket_opens_a_new_one_instead_of_getting_lost() {
        Ticket mine = f.openedBy(CAROL);
        Ticket theirs = f.openedBy(DAVE);
        ok(f.acme.merge(mine.id(), theirs.id(), ANA));

        Ticket landed = ok(f.acme.reply(mine.id(), "Hello?", Channel.EMAIL, CAROL));

        assertNotEquals(theirs.id(), landed.id());
        assertNotEquals(mine.id(), landed.id());
        assertEquals(Fixture.idOf(CAROL), landed.requester());
        assertEquals("Hello?", landed.messages().get(0).body());
        assertTrue(landed.subject().startsWith("Follow-up: "));
    }

    @Test
    void the_target_shows_the_sources_public_conversation() {
        Ticket a = f.openedBy(CAROL);
        ok(f.acme.note(a.id(), "internal: duplicate", ANA));
        Ticket b = f.openedBy(CAROL);
        ok(f.acme.merge(a.id(), b.id(), ANA));

        List<String> bodies = ok(f.acme.conversation(b.id(), CAROL)).stream().map(Message::body).toList();

        assertEquals(4, bodies.size(), bodies.toString());
        assertTrue(bodies.contains("Merged into " + b.number() + "."));
        assertTrue(bodies.stream().noneMatch(x -> x.startsWith("internal")));
    }
}
