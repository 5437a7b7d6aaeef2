package dev.helpdesk.bench.escalation;

import dev.helpdesk.core.internal.pipeline.Decision;
import dev.helpdesk.core.internal.pipeline.RuleReaction;
import dev.helpdesk.core.internal.rules.RuleBook;
import dev.helpdesk.core.memory.InMemoryRoutingTurns;
import dev.helpdesk.core.internal.routing.Router;
import dev.helpdesk.core.internal.routing.Workload;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.Condition;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Operator;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.escalation.Vocabulary;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * 100 escalation rules against one ticket: the work the desk adds to a commit when a priority
 * change triggers all of them. The ticket has 30 events (replies, notes, tags, a custom field)
 * and the rules' conditions mix every field with all / any / not.
 *
 * <ul>
 *   <li>{@code hundredRulesNoneFire}: every rule is triggered, no condition holds: pure
 *       evaluation.</li>
 *   <li>{@code hundredRulesTenFire}: ten conditions hold; ten rules fire and their actions
 *       (tags, notes, priority, tier) are decided and applied.</li>
 *   <li>{@code noRuleTriggered}: 100 rules on another trigger; the desk sees at once that none
 *       concerns the batch.</li>
 *   <li>{@code decideOnly}: the baseline: deciding the priority change itself.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEvaluationBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final Actor AGENT = Actor.agent("ana");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private TicketDecider decider;
    private RuleReaction reaction;
    private Decision decision;
    private RuleBook noneFire;
    private RuleBook tenFire;
    private RuleBook otherTrigger;
    private Ticket ticket;
    private List<TicketEvent> history;
    private List<TicketEvent> change;
    private long ids;

    /** Builds the ticket and the three rule sets, and checks how many rules fire in each. */
    @Setup
    public void setUp() {
        decider = new TicketDecider(Set.copyOf(Category.defaults()));
        TicketCommand.Open open = TicketCommand.open().subject("Printer offline").body("Nothing prints.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).group(GroupId.of("support"))
                .requester(CustomerId.of("carol")).build();
        history = new ArrayList<>(decider.open(open, AGENT, new TicketId(new UUID(7, 1)), TicketNumber.of(1), T0,
                messageId()).get());
        ticket = Tickets.replay(TENANT, history);
        for (int i = 0; i < 9; i++) {
            apply(new TicketCommand.Reply("reply " + i, Channel.EMAIL), i % 2 == 0 ? Actor.customer("carol") : AGENT);
            apply(new TicketCommand.Note("note " + i), AGENT);
            history.add(new TicketEvent.TagAdded(ticket.id(), T0, AGENT, "tag-" + i));
            ticket = Tickets.evolve(ticket, history.get(history.size() - 1));
        }
        history.add(new TicketEvent.FieldSet(ticket.id(), T0, AGENT, "contract-value", Optional.of("1200")));
        ticket = Tickets.evolve(ticket, history.get(history.size() - 1));
        change = decider.decide(new TicketCommand.ChangePriority(Priority.HIGH), ticket, AGENT, T0, this::messageId).get();

        Workload none = (tenant, agent) -> Map.of();
        reaction = new RuleReaction(Router.none(none, new InMemoryRoutingTurns()));
        decision = new Decision(new TicketDecider(Set.copyOf(Category.defaults())), () -> new UUID(9, ++ids));
        noneFire = engine(rules(TicketTrigger.PRIORITY_CHANGED, 0));
        tenFire = engine(rules(TicketTrigger.PRIORITY_CHANGED, 10));
        otherTrigger = engine(rules(TicketTrigger.REOPENED, 10));
        check(noneFire, 0);
        check(tenFire, 10);
        check(otherTrigger, 0);
    }

    private void apply(TicketCommand command, Actor actor) {
        List<TicketEvent> events = decider.decide(command, ticket, actor, T0, this::messageId).get();
        history.addAll(events);
        ticket = Tickets.evolve(ticket, events);
    }

    private void check(RuleBook engine, int expected) {
        long fired = react(engine).stream().filter(TicketEvent.RuleFired.class::isInstance).count();
        if (fired != expected) {
            throw new IllegalStateException("expected " + expected + " firings, got " + fired);
        }
    }

    private static RuleBook engine(List<EscalationRule> rules) {
        return RuleBook.of(rules, Vocabulary.standard().withFields(List.of(CustomField.number("contract-value"))),
                CustomerSegments.NONE, 5).get();
    }

    /** 100 rules with varied conditions; the first {@code firing} hold for the ticket. */
    private static List<EscalationRule> rules(TicketTrigger trigger, int firing) {
        List<EscalationRule> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean holds = i % 10 == 0 && i / 10 < firing;
            Condition condition = switch (i % 5) {
                case 0 -> new Condition.All(List.of(Condition.test("category", Operator.WITHIN, holds ? "technical" : "customer"),
                        Condition.test("priority", Operator.AT_LEAST, "HIGH")));
                case 1 -> new Condition.Any(List.of(Condition.test("channel", Operator.IS, "PHONE", "LIVE_CHAT"),
                        Condition.test("tags", Operator.HAS, "vip")));
                case 2 -> new Condition.Not(Condition.test("group", Operator.IS, "support"));
                case 3 -> Condition.test("field.contract-value", Operator.ABOVE, "5000");
                default -> new Condition.All(List.of(Condition.test("tier", Operator.AT_LEAST, "L2"),
                        Condition.test("tags", Operator.HAS_ANY, "tag-10", "tag-11")));
            };
            Action action = switch (i % 4) {
                case 0 -> new Action.AddTag("rule-" + i);
                case 1 -> new Action.AddNote("Rule " + i + " fired");
                case 2 -> new Action.SetPriority(Priority.URGENT);
                default -> new Action.RaiseTier(Optional.of(Tier.L2));
            };
            int n = i;
            rules.add(EscalationRule.builder("rule-" + n).on(trigger).when(condition).then(action).reason("rule " + n)
                    .build());
        }
        return rules;
    }

    private List<TicketEvent> react(RuleBook engine) {
        Supplier<List<TicketEvent>> prior = () -> history;
        return reaction.react(ticket, prior, change, engine, decision);
    }

    private MessageId messageId() {
        return new MessageId(new UUID(9, ++ids));
    }

    /**
     * 100 rules triggered, none fires.
     *
     * @return the batch
     */
    @Benchmark
    public List<TicketEvent> hundredRulesNoneFire() {
        return react(noneFire);
    }

    /**
     * 100 rules triggered, ten fire.
     *
     * @return the batch with the rules' events
     */
    @Benchmark
    public List<TicketEvent> hundredRulesTenFire() {
        return react(tenFire);
    }

    /**
     * 100 rules on another trigger.
     *
     * @return the batch, unchanged
     */
    @Benchmark
    public List<TicketEvent> noRuleTriggered() {
        return react(otherTrigger);
    }

    /**
     * The baseline: deciding the priority change.
     *
     * @return its events
     */
    @Benchmark
    public List<TicketEvent> decideOnly() {
        return decider.decide(new TicketCommand.ChangePriority(Priority.HIGH), ticket, AGENT, T0, this::messageId).get();
    }
}
