package dev.helpdesk.bench.ticket;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tickets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One open → assign → reply → solve cycle: the pure decider (decide and evolve only) against
 * the whole facade path (validation, store lookup, optimistic commit into the in-memory store,
 * scheduling). The bar: the facade costs at most 3× the pure decision.
 *
 * <p>The in-memory store keeps every ticket, so the facade benchmark starts a new desk every
 * {@value #STORE_SIZE} cycles: it measures the command path on a store of realistic size
 * rather than the garbage collector's work on a heap that grows for the whole run.
 *
 * <p>The defaults (three forks, ten one-second warm-up iterations, five measured, a fixed 2 GB
 * heap touched at start-up) are the settings of {@code docs/benchmarks.md}. With the JVM's
 * default growing heap, the first seconds of a fork — and sometimes whole forks — were spent
 * in the kernel faulting in fresh heap pages (vmstat: 34–39 % system time against 16–22 %
 * user time), which made the facade, the benchmark that allocates more, look up to ten times
 * slower than its compiled path is.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class LifecycleBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final Actor CUSTOMER = Actor.customer("c-1");
    private static final Actor AGENT = Actor.agent("a-1");
    private static final AgentId AGENT_ID = AgentId.of("a-1");

    private SettableClock clock;
    private TimeOrderedIdGenerator ids;
    private TicketDecider decider;
    private TicketDesk desk;
    private TicketCommand.Open open;
    private long number;
    private int cycles;
    static final int STORE_SIZE = 10_000;

    /** A fresh desk per iteration, so the in-memory store does not grow without bound. */
    @Setup(Level.Iteration)
    public void setUp() {
        clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        ids = new TimeOrderedIdGenerator(clock, new SplittableRandom(1));
        decider = new TicketDecider(java.util.Set.copyOf(Category.defaults()));
        desk = newDesk();
        open = TicketCommand.open().subject("Printer offline").body("Nothing prints since this morning.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("c-1")).build();
    }

    /**
     * The pure decision: decide each command and evolve the state, nothing stored.
     *
     * @return the solved ticket
     */
    @Benchmark
    public Ticket pureDecider() {
        Instant now = clock.instant();
        List<TicketEvent> opened = decider.open(open, CUSTOMER, TicketId.of(ids.next()), TicketNumber.of(++number), now,
                new MessageId(ids.next())).get();
        Ticket t = Tickets.replay(TENANT, opened);
        t = Tickets.evolve(t, decider.decide(new TicketCommand.Assign(AGENT_ID), t, AGENT, now, this::messageId).get());
        t = Tickets.evolve(t, decider.decide(new TicketCommand.Reply("Please restart it.", Channel.EMAIL), t, AGENT, now,
                this::messageId).get());
        return Tickets.evolve(t, decider.decide(new TicketCommand.Solve(), t, AGENT, now, this::messageId).get());
    }

    /**
     * The full path through the public API and the in-memory store.
     *
     * @return the solved ticket
     */
    @Benchmark
    public Ticket facade() {
        if (++cycles == STORE_SIZE) {
            cycles = 0;
            desk = newDesk();
        }
        Ticket t = desk.open(open, CUSTOMER).get();
        desk.assign(t.id(), AGENT_ID, AGENT).get();
        desk.reply(t.id(), "Please restart it.", Channel.EMAIL, AGENT).get();
        return desk.solve(t.id(), AGENT).get();
    }

    private TicketDesk newDesk() {
        return Helpdesk.builder().clock(clock).idGenerator(ids).build().tenant(TENANT).tickets();
    }

    private MessageId messageId() {
        return new MessageId(ids.next());
    }
}
