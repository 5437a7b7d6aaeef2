package dev.helpdesk.bench.escalation;

import dev.helpdesk.core.DueRun;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code runDue} over 10,000 due tickets in the in-memory store: every ticket's first-response
 * clock has breached. One call claims them in batches of 100 and commits each ticket's breach.
 *
 * <ul>
 *   <li>{@code sla}: no escalation rules; the breach events only (the baseline).</li>
 *   <li>{@code rules}: three rules fire on the breach of each ticket: raise to L2 and move to the
 *       specialists (routed, with nobody free, so each is queued), notify the supervisor, tag
 *       it; and a timed rule (unassigned for an hour) fires in the same run.</li>
 * </ul>
 * Each measurement is one {@code runDue} on a freshly filled desk (single shot).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DueRunBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final int TICKETS = 10_000;

    /** Which desk. */
    @Param({"sla", "rules"})
    public String desk;

    private Helpdesk helpdesk;
    private SettableClock clock;

    /** Fills a new desk with 10,000 open tickets, all due an hour later. */
    @Setup(Level.Invocation)
    public void fill() {
        clock = SettableClock.at(T0);
        SlaPolicy policy = SlaPolicy.builder("fast").firstResponse(SlaTarget.calendarTime(Duration.ofMinutes(30)))
                .warnAt().build();
        Helpdesk.Builder b = Helpdesk.builder().clock(clock).idGenerator(new TimeOrderedIdGenerator(clock, new SplittableRandom(3)))
                .slaPolicies(policy);
        if (desk.equals("rules")) {
            InMemoryAgentDirectory agents = new InMemoryAgentDirectory();
            agents.put(TENANT, AgentProfile.builder("lea").groups("specialists").tiers(Tier.L2).capacity(0).build());
            agents.put(TENANT, AgentProfile.builder("sam").tiers(Tier.L2).roles("supervisor").build());
            b.agents(agents).routing(GroupRouting.automatic("specialists", "least-loaded")).escalationRules(List.of(
                    rule("breach-to-l2", new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE),
                            new Action.RaiseTier(Optional.of(Tier.L2)), new Action.SetGroup(GroupId.of("specialists"))),
                    rule("breach-supervisor", new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE),
                            new Action.NotifyRole("supervisor", true)),
                    rule("breach-tag", new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE), new Action.AddTag("breached")),
                    rule("unassigned-hour", new Trigger.Unassigned(Duration.ofHours(1)), new Action.AddTag("waiting"))));
        }
        helpdesk = b.build();
        TicketDesk tickets = helpdesk.tenant(TENANT).tickets();
        TicketCommand.Open open = TicketCommand.open().subject("Printer offline").body("Nothing prints.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("carol")).build();
        for (int i = 0; i < TICKETS; i++) {
            tickets.open(open, Actor.customer("carol")).get();
        }
        clock.set(T0.plus(Duration.ofHours(1)));
    }

    private static EscalationRule rule(String name, Trigger trigger, Action... actions) {
        return EscalationRule.builder(name).on(trigger).then(actions).reason(name).build();
    }

    /**
     * One due run over every ticket.
     *
     * @return what it did
     */
    @Benchmark
    public DueRun runDue() {
        DueRun run = helpdesk.runDue(clock.instant());
        if (run.changed() != TICKETS) {
            throw new IllegalStateException("expected " + TICKETS + " tickets changed: " + run);
        }
        return run;
    }
}
