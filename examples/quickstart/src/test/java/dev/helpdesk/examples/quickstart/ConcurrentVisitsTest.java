package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.visit.VisitRequest;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitSlot;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two desk instances on one database plan visits for one technician at the same moment: the
 * JDBC store's lock row per technician lets exactly one overlapping visit through, and every
 * other plan is refused on {@code slot} with nothing written on its ticket.
 */
class ConcurrentVisitsTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ANA = Actor.agent("ana");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static TenantDesk desk(JdbcTicketStore store, InMemoryAgentDirectory agents) {
        return Helpdesk.builder().store(store).agents(agents).clock(SettableClock.at(T0))
                .heldNotices(store.heldNotices()).build().tenant(ACME);
    }

    @Test
    void desks_on_one_database_never_book_a_technician_twice() throws Exception {
        JdbcTicketStore store = JdbcStores.create(JdbcStores.dataSource("jdbc:h2:mem:concurrent-visits;DB_CLOSE_DELAY=-1",
                "sa", ""));
        InMemoryAgentDirectory agents = new InMemoryAgentDirectory()
                .put(ACME, AgentProfile.builder("tom").tiers(dev.helpdesk.spi.ticket.Tier.L2).skills("printers").build());
        List<TenantDesk> desks = List.of(desk(store, agents), desk(store, agents));
        Address office = Address.builder().street("Keizersgracht 1").postalCode("1015 CJ").city("Amsterdam").country("NL")
                .build();
        int racers = 8;
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            tickets.add(desks.get(0).tickets().open(TicketCommand.open().subject("Printer broken " + i).body("It jams.")
                    .channel(Channel.PHONE).category(Category.HARDWARE).requester(CustomerId.of("carol")).build(), ANA)
                    .getOrElseThrow(r -> new AssertionError(r.message())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Either<Rejection, Visit>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                TenantDesk desk = desks.get(i % 2);
                Ticket t = tickets.get(i);
                VisitSlot slot = VisitSlot.of(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(10L * i)), Duration.ofHours(2));
                results.add(pool.submit(() -> {
                    start.await();
                    return desk.visits().plan(t.id(), new VisitRequest(AgentId.of("tom"), "printers", null, office, slot), ANA);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Either<Rejection, Visit>> f : results) {
                Either<Rejection, Visit> r = f.get(120, TimeUnit.SECONDS);
                if (r.isRight()) {
                    won++;
                } else {
                    assertTrue(((Rejection.Invalid) r.getLeft()).names("slot"), r.getLeft().message());
                }
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        long planned = 0;
        for (Ticket t : tickets) {
            List<RecordedEvent> history = desks.get(1).tickets().history(t.id(), ANA).get();
            planned += history.stream().filter(e -> e.event() instanceof TicketEvent.VisitPlanned).count();
        }
        assertEquals(1, planned, "one visit on the tickets, none half-written");
        assertEquals(1, desks.get(0).visits().schedule(AgentId.of("tom"), VisitSlot.of(T0, Duration.ofDays(3))).get().size());
    }
}
