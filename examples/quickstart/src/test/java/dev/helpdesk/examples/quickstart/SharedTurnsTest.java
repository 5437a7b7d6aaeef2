package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.routing.RoundRobin;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two desk instances on one database take round-robin turns together: the JDBC store keeps the
 * turns, and a desk on it uses them without being told.
 */
class SharedTurnsTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final GroupId SUPPORT = GroupId.of("support");
    /** Opens tickets into a group on a customer's behalf; a customer may not choose the group. */
    private static final Actor WEB_FORM = Actor.integration("web-form");

    private static TicketDesk desk(JdbcTicketStore store, InMemoryAgentDirectory agents) {
        return Helpdesk.builder().store(store).agents(agents)
                .routing(GroupRouting.automatic(SUPPORT.value(), RoundRobin.NAME))
                .heldNotices(store.heldNotices())
                .build().tenant(ACME).tickets();
    }

    private static String assigneeOfNew(TicketDesk desk, JdbcTicketStore store) {
        TicketCommand.Open open = TicketCommand.open().subject("Printer offline").body("It stopped printing.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("carol")).group(SUPPORT).build();
        Ticket opened = desk.open(open, WEB_FORM).getOrElseThrow(r -> new AssertionError(r.message()));
        return store.find(ACME, opened.id()).get().assignee().orElseThrow().value();
    }

    @Test
    void desks_on_one_jdbc_store_share_its_round_robin_turns() {
        JdbcTicketStore store = JdbcStores.create(JdbcStores.dataSource("jdbc:h2:mem:shared-turns;DB_CLOSE_DELAY=-1",
                "sa", ""));
        InMemoryAgentDirectory agents = new InMemoryAgentDirectory()
                .put(ACME, AgentProfile.builder("ana").groups(SUPPORT.value()).tiers(Tier.L1).capacity(10).build())
                .put(ACME, AgentProfile.builder("ben").groups(SUPPORT.value()).tiers(Tier.L1).capacity(10).build());
        TicketDesk one = desk(store, agents);
        TicketDesk other = desk(store, agents);

        // each desk with turns of its own in memory would give ana, ana, ben
        assertEquals(List.of("ana", "ben", "ana"),
                List.of(assigneeOfNew(one, store), assigneeOfNew(other, store), assigneeOfNew(one, store)));
    }
}
