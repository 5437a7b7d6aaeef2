package dev.helpdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** No query through tenant A's desk ever returns anything of tenant B. */
class TenantIsolationProperties {

    @Property(tries = 300)
    void no_query_of_one_tenant_returns_another_tenants_data(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 5) Integer> ops) {
        Fixture f = new Fixture();
        List<Ticket> ofAcme = new ArrayList<>();
        List<Ticket> ofGlobex = new ArrayList<>();
        for (int op : ops) {
            boolean toAcme = op % 2 == 0;
            TicketDesk desk = toAcme ? f.acme : f.globex;
            List<Ticket> mine = toAcme ? ofAcme : ofGlobex;
            if (op < 2 || mine.isEmpty()) {
                Actor who = op < 1 ? Fixture.CAROL : Fixture.DAVE;
                mine.add(Fixture.ok(desk.open(Fixture.printerBroken(who).build(), who)));
            } else if (op < 4) {
                desk.assign(mine.get(mine.size() - 1).id(), AgentId.of("ana"), Fixture.ANA);
            } else {
                desk.reply(mine.get(0).id(), "more", Channel.EMAIL, Fixture.ANA);
            }
        }
        assertIsolated(f, f.acme, Fixture.ACME, ofGlobex);
        assertIsolated(f, f.globex, Fixture.GLOBEX, ofAcme);
    }

    private static void assertIsolated(Fixture f, TicketDesk desk, TenantId tenant, List<Ticket> foreign) {
        Set<TicketId> foreignIds = new HashSet<>();
        foreign.forEach(t -> foreignIds.add(t.id()));
        for (Actor actor : List.of(Fixture.ANA, Fixture.CAROL, Fixture.DAVE)) {
            for (TicketQuery q : List.of(TicketQuery.all(), TicketQuery.inStatus(Status.NEW, Status.OPEN),
                    TicketQuery.assignedTo(AgentId.of("ana")), TicketQuery.requestedBy(Fixture.idOf(Fixture.CAROL)))) {
                PageRequest page = PageRequest.first(3);
                while (true) {
                    var result = Fixture.ok(desk.list(q, page, actor));
                    result.items().forEach(t -> {
                        assertTrue(!foreignIds.contains(t.id()), "foreign ticket listed");
                        assertEquals(tenant, t.tenant());
                    });
                    if (result.next().isEmpty()) {
                        break;
                    }
                    page = result.next().get();
                }
            }
            for (Ticket t : foreign) {
                assertTrue(desk.get(t.id(), actor).getLeft() instanceof Rejection.NotFound);
                assertTrue(desk.history(t.id(), actor).getLeft() instanceof Rejection.NotFound);
                desk.byNumber(t.number(), actor).forEach(found -> assertTrue(!foreignIds.contains(found.id())));
            }
        }
        f.desk.runDue();
    }
}
