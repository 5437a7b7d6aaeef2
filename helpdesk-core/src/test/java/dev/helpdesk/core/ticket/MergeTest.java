package dev.helpdesk.core.ticket;

import static dev.helpdesk.core.ticket.DeciderFixture.ANA;
import static dev.helpdesk.core.ticket.DeciderFixture.CAROL;
import static dev.helpdesk.core.ticket.DeciderFixture.DECIDER;
import static dev.helpdesk.core.ticket.DeciderFixture.ok;
import static dev.helpdesk.core.ticket.DeciderFixture.opened;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.Tickets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Issue 10, item 4: a merge leaves a trace on both tickets, and a customer's reply to a merged ticket lands where it went. */
class MergeTest {
    private static final Instant LATER = DeciderFixture.T0.plusSeconds(3600);

    /** Merges source into target and answers both tickets after it. */
    private static Ticket[] merged(Ticket source, Ticket target) {
        TicketDecider.MergeEvents events = ok(DECIDER.merge(source, target, ANA, LATER, DeciderFixture.messageIds()));
        return new Ticket[] {Tickets.evolve(source, events.source()), Tickets.evolve(target, events.target())};
    }

    @Test
    void a_merge_leaves_a_public_automatic_note_on_both_tickets() {
        Ticket a = opened();
        Ticket b = opened();
        TicketDecider.MergeEvents events = ok(DECIDER.merge(a, b, ANA, LATER, DeciderFixture.messageIds()));
        assertEquals(List.of("message_posted", "merged"), events.source().stream().map(TicketEvent::kind).toList());
        assertEquals(List.of("merged_in", "message_posted"), events.target().stream().map(TicketEvent::kind).toList());
        Message onSource = ((TicketEvent.MessagePosted) events.source().get(0)).message();
        Message onTarget = ((TicketEvent.MessagePosted) events.target().get(1)).message();
        assertEquals("Merged into " + b.number() + ".", onSource.body());
        assertEquals(a.number() + " was merged into this ticket.", onTarget.body());
        assertTrue(onSource.isPublic() && onSource.automatic() && onTarget.isPublic() && onTarget.automatic());
    }

    @Test
    void a_merge_is_refused_as_before_for_a_customer_and_into_a_final_ticket() {
        Ticket a = opened();
        Ticket b = opened();
        assertTrue(DECIDER.merge(a, b, CAROL, LATER, DeciderFixture.messageIds()).isLeft());
        Ticket[] done = merged(a, b);
        assertTrue(DECIDER.merge(opened(), done[0], ANA, LATER, DeciderFixture.messageIds()).isLeft());
    }

    @Test
    void only_a_customers_reply_to_a_merged_ticket_is_redirected() {
        Ticket[] done = merged(opened(), opened());
        TicketCommand reply = new TicketCommand.Reply("any news?", Channel.EMAIL);
        assertEquals(Optional.of(done[1].id()), DECIDER.redirect(done[0], reply, CAROL));
        assertEquals(Optional.empty(), DECIDER.redirect(done[0], reply, ANA));
        assertEquals(Optional.empty(), DECIDER.redirect(done[0], new TicketCommand.Reopen(), CAROL));
        assertEquals(Optional.empty(), DECIDER.redirect(done[1], reply, CAROL));
    }

    @Test
    void a_chain_lands_on_its_last_ticket() {
        Ticket[] ab = merged(opened(), opened());
        Ticket[] bc = merged(ab[1], opened());
        Map<TicketId, Ticket> store = Map.of(ab[0].id(), ab[0], bc[0].id(), bc[0], bc[1].id(), bc[1]);
        assertEquals(Optional.of(bc[1]), MergeChain.landing(ab[0], id -> Optional.ofNullable(store.get(id))));
    }

    @Test
    void a_chain_that_loops_or_breaks_off_has_no_landing() {
        Ticket a = opened();
        Ticket b = opened();
        Ticket aIntoB = a.withStatus(Status.MERGED).withMergedInto(Optional.of(b.id()));
        Ticket bIntoA = b.withStatus(Status.MERGED).withMergedInto(Optional.of(a.id()));
        Map<TicketId, Ticket> store = Map.of(a.id(), aIntoB, b.id(), bIntoA);
        assertEquals(Optional.empty(), MergeChain.landing(aIntoB, id -> Optional.ofNullable(store.get(id))));
        assertEquals(Optional.empty(), MergeChain.landing(aIntoB, id -> Optional.empty()));
    }

    @Test
    void the_conversation_of_the_target_holds_the_sources_public_messages() {
        Ticket a = DeciderFixture.after(opened(), new TicketCommand.Note("internal"), ANA);
        Ticket[] done = merged(a, opened());
        List<Message> conversation = DECIDER.customerView().conversation(done[1],
                id -> id.equals(done[0].id()) ? Optional.of(done[0]) : Optional.empty());
        assertEquals(4, conversation.size(), conversation.toString());
        assertTrue(conversation.stream().allMatch(Message::isPublic));
        assertTrue(conversation.stream().anyMatch(m -> m.body().startsWith("Merged into")));
        assertEquals(2, DECIDER.customerView().conversation(done[1], id -> Optional.empty()).size(),
                "a source the viewer may not see stays out");
    }

    /** Random merge pointers among n tickets: every ticket merged into a random one, or live. */
    @Property(tries = 500)
    void following_merges_ends_on_a_live_ticket_or_nowhere_and_always_ends(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = -1, max = 11) Integer> pointers) {
        int n = pointers.size();
        List<Ticket> base = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            base.add(opened());
        }
        Map<TicketId, Ticket> store = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int to = pointers.get(i);
            Ticket t = base.get(i);
            store.put(t.id(), to < 0 || to >= n ? t : t.withStatus(Status.MERGED).withMergedInto(Optional.of(base.get(to).id())));
        }
        for (int i = 0; i < n; i++) {
            Ticket start = store.get(base.get(i).id());
            if (start.status() != Status.MERGED) {
                continue;
            }
            Optional<Ticket> landing = MergeChain.landing(start, id -> Optional.ofNullable(store.get(id)));
            // walk it by hand: a live ticket within n steps, or a loop
            Ticket at = start;
            int steps = 0;
            while (at.status() == Status.MERGED && steps <= n) {
                at = store.get(at.mergedInto().orElseThrow());
                steps++;
            }
            boolean loops = at.status() == Status.MERGED;
            assertEquals(loops, landing.isEmpty());
            landing.ifPresent(l -> assertFalse(l.status() == Status.MERGED));
            if (!loops) {
                assertEquals(at.id(), landing.get().id());
            }
        }
    }
}
