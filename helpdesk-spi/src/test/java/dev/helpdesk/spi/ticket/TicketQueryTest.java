package dev.helpdesk.spi.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketQueryTest {

    @Test
    void a_query_for_an_assignee_and_for_unassigned_tickets_at_once_is_refused_naming_the_field() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TicketQuery.builder().assignee(AgentId.of("ana")).unassigned(true).build());
        assertTrue(e.getMessage().contains("unassigned"), e.getMessage());
    }

    @Test
    void a_tag_that_is_not_a_label_is_refused() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TicketQuery.builder().taggedWith("not a label").build());
        assertTrue(e.getMessage().contains("tags"), e.getMessage());
    }

    @Test
    void the_narrowing_methods_keep_the_other_criteria_and_the_order() {
        TicketQuery query = TicketQuery.builder().taggedWith("vip").sortedBy(TicketSort.CREATION, true).build()
                .andStatus(Set.of(Status.OPEN)).andRequester(CustomerId.of("c-1"));

        assertEquals(Set.of("vip"), query.tags());
        assertEquals(TicketSort.CREATION, query.sort());
        assertTrue(query.descending());
        assertEquals(Set.of(Status.OPEN), query.statuses());
        assertEquals(CustomerId.of("c-1"), query.requester().orElseThrow());
    }
}
