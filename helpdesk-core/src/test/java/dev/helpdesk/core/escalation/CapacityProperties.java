package dev.helpdesk.core.escalation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.routing.LeastLoaded;
import dev.helpdesk.core.routing.RoundRobin;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Capacity under concurrency: threads on two desks sharing one in-memory store open tickets
 * into a group routed on open, route waiting tickets, drain the queue and solve, in whatever
 * interleaving the scheduler gives; after every step of every thread no agent holds more
 * unsolved tickets than their capacity.
 */
class CapacityProperties {
    private static final TenantId ACME = TenantId.of("acme");
    private static final GroupId SUPPORT = GroupId.of("support");
    private static final List<AgentId> AGENTS = List.of(AgentId.of("ana"), AgentId.of("ben"));

    @Provide
    Arbitrary<String> strategies() {
        return Arbitraries.of(RoundRobin.NAME, LeastLoaded.NAME);
    }

    @Property(tries = 25)
    void no_interleaving_of_opens_routings_and_solves_leaves_an_agent_above_capacity(
            @ForAll @IntRange(min = 2, max = 8) int threads, @ForAll @IntRange(min = 1, max = 3) int capacity,
            @ForAll("strategies") String strategy, @ForAll long seed) throws InterruptedException {
        InMemoryTicketStore store = new InMemoryTicketStore();
        InMemoryAgentDirectory agents = new InMemoryAgentDirectory();
        for (AgentId a : AGENTS) {
            agents.put(ACME, AgentProfile.builder(a.value()).groups("support").tiers(Tier.L1).capacity(capacity).build());
        }
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        List<TenantDesk> desks = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            desks.add(Helpdesk.builder().store(store).clock(clock).agents(agents)
                    .routing(GroupRouting.automatic("support", strategy)).build().tenant(ACME));
        }
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            TenantDesk desk = desks.get(i % desks.size());
            SplittableRandom random = new SplittableRandom(seed + i);
            int n = i;
            workers.add(new Thread(() -> {
                try {
                    start.await();
                    for (int step = 0; step < 12; step++) {
                        act(desk, store, random, n);
                        check(store, capacity, violations);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    violations.add("thread " + n + " failed: " + e);
                }
            }));
        }
        workers.forEach(Thread::start);
        start.countDown();
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
        }
        check(store, capacity, violations);
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
    }

    private static void act(TenantDesk desk, InMemoryTicketStore store, SplittableRandom random, int thread) {
        int choice = random.nextInt(10);
        if (choice < 5) {
            desk.tickets().open(TicketCommand.open().subject("Printer offline " + thread).body("Nothing prints.")
                    .channel(Channel.EMAIL).category(Category.HARDWARE).group(SUPPORT)
                    .requester(CustomerId.of("c-" + thread)).build(), Actor.agent("dispatcher"));
        } else if (choice < 8) {
            List<Ticket> held = store.list(ACME, TicketQuery.inStatus(dev.helpdesk.spi.ticket.Status.NEW, dev.helpdesk.spi.ticket.Status.OPEN, dev.helpdesk.spi.ticket.Status.PENDING, dev.helpdesk.spi.ticket.Status.ON_HOLD), PageRequest.first(500)).items()
                    .stream().filter(t -> t.assignee().isPresent()).toList();
            if (!held.isEmpty()) {
                Ticket t = held.get(random.nextInt(held.size()));
                desk.tickets().solve(t.id(), Actor.agent(t.assignee().get().value()));
            }
        } else if (choice < 9) {
            List<Ticket> waiting = desk.routing().queue(SUPPORT);
            if (!waiting.isEmpty()) {
                desk.routing().route(waiting.get(random.nextInt(waiting.size())).id(), Actor.agent("dispatcher"));
            }
        } else {
            desk.routing().drain(SUPPORT);
        }
    }

    private static void check(InMemoryTicketStore store, int capacity, ConcurrentLinkedQueue<String> violations) {
        for (AgentId a : AGENTS) {
            Map<Channel, Integer> counts = store.openCounts(ACME, a);
            int held = counts.getOrDefault(Channel.EMAIL, 0);
            if (held > capacity) {
                violations.add(a + " holds " + held + " tickets at capacity " + capacity);
            }
        }
    }
}
