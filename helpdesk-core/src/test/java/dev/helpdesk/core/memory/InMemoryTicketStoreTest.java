package dev.helpdesk.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.tck.TicketChangeBuilder;
import dev.helpdesk.tck.TicketStoreContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract suite against the in-memory store, plus what only this store promises. */
class InMemoryTicketStoreTest extends TicketStoreContract {

    @Override
    protected TicketStore createStore() {
        return new InMemoryTicketStore();
    }

    @Override
    protected int commitsPerThread() {
        // cheap in memory, and more commits make a race more likely to show
        return 150;
    }

    @Test
    void claiming_with_a_limit_below_one_or_a_lease_that_is_not_positive_is_a_caller_defect() {
        assertThrows(IllegalArgumentException.class, () -> store().claimDue(T0, 0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> store().claimDue(T0, 1, Duration.ZERO));
    }

    @Test
    void two_changes_of_one_ticket_in_one_commit_are_a_caller_defect_and_write_nothing() {
        Ticket ticket = openTicket(ACME);
        TicketChange first = TicketChangeBuilder.on(ticket).assign(AgentId.of("agent-ana")).build();

        assertThrows(IllegalArgumentException.class, () -> store().commit(ACME, List.of(first, first)));

        assertEquals(ticket, store().find(ACME, ticket.id()).get());
    }

    @Test
    void a_change_whose_state_belongs_to_another_tenant_is_a_caller_defect() {
        TicketChange globexChange = TicketChangeBuilder.open(GLOBEX, nextNumber(GLOBEX), T0).build();

        assertThrows(IllegalArgumentException.class, () -> store().commit(ACME, globexChange));

        assertTrue(store().find(GLOBEX, globexChange.ticketId()).isEmpty());
        assertTrue(store().find(ACME, globexChange.ticketId()).isEmpty());
    }

    @Test
    void an_empty_commit_changes_nothing() {
        assertEquals(List.of(), store().commit(ACME, List.of()).get());
    }
}
