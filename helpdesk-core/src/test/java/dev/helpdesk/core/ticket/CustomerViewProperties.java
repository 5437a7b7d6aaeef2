package dev.helpdesk.core.ticket;

import static dev.helpdesk.core.ticket.DeciderFixture.ANA;
import static dev.helpdesk.core.ticket.DeciderFixture.DECIDER;
import static dev.helpdesk.core.ticket.DeciderFixture.RULE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Issue 10, item 2: for random histories, the customer's view holds nothing internal. */
class CustomerViewProperties {
    private static final String SECRET = "secret-marker";

    @Property(tries = 400)
    void the_customers_view_holds_no_internal_event_field_or_text(
            @ForAll("histories") List<DeciderProperties.Step> steps) {
        List<TicketEvent> history = new ArrayList<>(DeciderFixture.opening(DeciderFixture.printer(DeciderFixture.CAROL)
                .field("product", "LaserJet").build(), DeciderFixture.CAROL));
        Ticket ticket = Tickets.replay(DeciderFixture.ACME, history);
        Instant now = ticket.updatedAt();
        List<DeciderProperties.Step> all = new ArrayList<>(steps);
        // internal things every history has at least once, whatever the random steps do
        int half = all.size() / 2;
        for (int i = 0; i < all.size(); i++) {
            now = now.plusSeconds(30);
            List<TicketCommand> extra = i == half ? List.of(new TicketCommand.Note(SECRET + " by an agent"),
                    new TicketCommand.Tag("vip"), new TicketCommand.SetField("contract-value", "1000"),
                    new TicketCommand.ChangeTier(dev.helpdesk.spi.ticket.Tier.L2, SECRET + " reason"),
                    new TicketCommand.EscalateToRole("supervisor", SECRET + " escalation", true)) : List.of();
            for (TicketCommand c : extra) {
                ticket = apply(ticket, history, c, i % 2 == 0 ? ANA : RULE, now);
            }
            ticket = apply(ticket, history, all.get(i).command(), all.get(i).who(), now);
        }
        CustomerView view = DECIDER.customerView();
        Ticket seen = view.ticket(ticket);
        assertTrue(seen.tags().isEmpty());
        assertTrue(view.visibleFields().containsAll(seen.fields().keySet()), seen.fields().toString());
        for (Message m : seen.messages()) {
            assertTrue(m.isPublic());
            assertFalse(m.body().contains(SECRET));
            assertFalse(isRuleName(m.author()), m.author().display());
        }
        assertEquals(ticket.publicMessages().size(), seen.messages().size());
        for (TicketEvent e : view.events(history)) {
            assertFalse(CustomerView.isInternal(e), e.kind());
            assertFalse(isRuleName(e.actor()), e.kind() + " by " + e.actor().display());
            assertFalse(e.toString().contains(SECRET), e.toString());
            if (e instanceof TicketEvent.FieldSet f) {
                assertTrue(view.visibleFields().contains(f.field()), f.field());
            } else if (e instanceof TicketEvent.TierChanged || e instanceof TicketEvent.GroupChanged
                    || e instanceof TicketEvent.PriorityChanged) {
                assertEquals(CustomerView.SUPPORT, e.actor());
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<DeciderProperties.Step>> histories() {
        return new DeciderProperties().histories();
    }

    private static boolean isRuleName(Actor actor) {
        return actor instanceof Actor.SystemRule && !actor.equals(CustomerView.SUPPORT);
    }

    private static Ticket apply(Ticket ticket, List<TicketEvent> history, TicketCommand command, Actor actor, Instant now) {
        Either<dev.helpdesk.spi.rejection.Rejection, List<TicketEvent>> decided = DECIDER.decide(command, ticket, actor, now, DeciderFixture.messageIds());
        if (decided.isLeft()) {
            return ticket;
        }
        history.addAll(decided.get());
        return Tickets.evolve(ticket, decided.get());
    }
}
