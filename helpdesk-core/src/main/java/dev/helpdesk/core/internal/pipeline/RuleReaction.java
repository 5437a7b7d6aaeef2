package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.routing.Router;
import dev.helpdesk.core.internal.rules.RuleBook;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.ActionType;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule step: the escalation rules a batch's events (or, in a due run, the passing of time)
 * trigger, fired into the same batch, so that a rule's effects commit atomically with their
 * cause.
 *
 * <ol>
 *   <li>Each new event is an occasion for the rules whose trigger it matches, under a key
 *       ({@code customer_replied@7}, {@code sla_breach:first_response:1}).</li>
 *   <li>Rules are tried in the order they were given, on the occasions of one round at a time;
 *       a rule fires when its key has not fired for it on this ticket before, the occasion was
 *       not caused by the rule itself, it has not fired yet in this batch, and its condition
 *       holds on the ticket as the batch has made it so far.</li>
 *   <li>Firing adds {@link TicketEvent.RuleFired} and the events of its actions, each decided by
 *       the ticket lifecycle with the rule as actor. Those events are the next round's
 *       occasions, one level deeper. A rule that would fire deeper than the desk's bound is
 *       recorded as {@link TicketEvent.RuleSkipped} instead.</li>
 * </ol>
 * The store's optimistic locking keeps two desk instances from firing a rule twice.
 *
 * <p>Cost: without rules that match the batch's events, nothing is read. Otherwise one read of
 * the ticket's history (shared with the later steps), and for each rule whose trigger matches,
 * one evaluation of its compiled condition.
 */
public final class RuleReaction {
    private static final Logger LOG = LoggerFactory.getLogger(RuleReaction.class);

    private final RoutingStep routing;

    RuleReaction(RoutingStep routing) {
        this.routing = routing;
    }

    /**
     * The rule step with a router of its own, to run rules on a batch outside a desk (the rule
     * benchmark measures this).
     *
     * @param router routing, for rules whose action is to route
     */
    public RuleReaction(Router router) {
        this(new RoutingStep(router));
    }

    /**
     * Runs the rules a batch of events triggers, as the command path does before routing.
     *
     * @param before   the ticket before the batch
     * @param prior    its history before the batch, read only when a rule is triggered
     * @param events   the batch, oldest first
     * @param book     the rules
     * @param decision the decide step, for the rules' actions
     * @return the batch followed by the events the rules added
     */
    public List<TicketEvent> react(Ticket before, Supplier<List<TicketEvent>> prior, List<TicketEvent> events,
                                   RuleBook book, Decision decision) {
        Batch batch = new Batch(before.tenant(), before, History.of(prior), events, events.get(events.size() - 1).at(),
                java.util.Set.of(), decision, book);
        react(batch, book);
        return List.copyOf(batch.events());
    }

    /** Runs rounds of occasions over the batch's events until a round adds nothing. */
    void react(Batch batch, RuleBook book) {
        if (book.isEmpty() || !book.triggeredBy(batch.base(), batch.events())) {
            return;
        }
        int from = 0;
        while (from < batch.events().size()) {
            int to = batch.events().size();
            for (RuleBook.Compiled c : book.rules()) {
                if (batch.firedHere(c.rule().name())) {
                    continue;
                }
                for (int i = from; i < to; i++) {
                    TicketEvent e = batch.events().get(i);
                    String key = c.keyFor(e, batch.base() + i + 1);
                    if (key == null || e.actor().equals(c.actor()) || batch.hasFired(c.rule().name(), key)) {
                        continue;
                    }
                    if (!c.condition().test(batch.facts())) {
                        continue;
                    }
                    int depth = batch.depthOf(e.actor()) + 1;
                    if (depth > book.maxDepth()) {
                        if (batch.firstSkip(c.rule().name(), key)) {
                            LOG.warn("escalation rule {} stopped on ticket {}: chain depth {} reached", c.rule().name(),
                                    batch.state().id(), book.maxDepth());
                            batch.decide(new TicketCommand.SkipRule(c.rule().name(), key,
                                    "the chain of rules reached the desk's depth bound of " + book.maxDepth()),
                                    RuleBook.ENGINE);
                        }
                        continue;
                    }
                    fire(batch, book, c, key, depth);
                    break;
                }
            }
            from = to;
        }
    }

    /** Fires the timed rules (idle, unassigned, SLA) that are due at a due run's time. */
    void timed(Batch batch, RuleBook book, Instant now) {
        if (book.timedRules().isEmpty() || batch.state().status().isFinal()) {
            return;
        }
        List<TicketEvent> all = batch.all();
        for (RuleBook.Compiled c : book.timedRules()) {
            RuleBook.Occasion t = c.timed(batch.state(), all);
            if (t == null || t.due().isAfter(now) || batch.hasFired(c.rule().name(), t.key())
                    || !c.condition().test(batch.facts())) {
                continue;
            }
            fire(batch, book, c, t.key(), 1);
            all = batch.all();
        }
    }

    private void fire(Batch batch, RuleBook book, RuleBook.Compiled c, String key, int depth) {
        EscalationRule rule = c.rule();
        Actor actor = c.actor();
        Rejection refused = batch.tryDecide(new TicketCommand.FireRule(rule.name(), key, rule.reason(), depth), actor);
        if (refused != null) {
            // without its record the rule would fire again: it does nothing rather
            LOG.warn("escalation rule {} could not fire on ticket {}: {}", rule.name(), batch.state().id(),
                    refused.message());
            return;
        }
        List<Action> actions = new ArrayList<>();
        for (Action a : rule.actions()) {
            if (a instanceof Action.Custom custom) {
                ActionType type = book.actionType(custom.type())
                        .orElseThrow(() -> new IllegalStateException("unchecked action type " + custom.type()));
                type.expand(batch.facts(), custom.parameters()).stream()
                        .filter(x -> !(x instanceof Action.Custom)).forEach(actions::add);
            } else {
                actions.add(a);
            }
        }
        for (Action a : actions) {
            perform(batch, rule, a, actor);
        }
    }

    private void perform(Batch batch, EscalationRule rule, Action a, Actor actor) {
        Ticket t = batch.state();
        String reason = rule.reason();
        if (a instanceof Action.RaiseTier r) {
            Tier target = r.to().orElse(t.tier().next());
            if (target.compareTo(t.tier()) > 0) {
                act(batch, rule, a, new TicketCommand.ChangeTier(target, reason), actor);
            }
        } else if (a instanceof Action.SetGroup g) {
            act(batch, rule, a, new TicketCommand.MoveToGroup(g.group()), actor);
        } else if (a instanceof Action.SetPriority p) {
            act(batch, rule, a, new TicketCommand.ChangePriority(p.priority()), actor);
        } else if (a instanceof Action.Route r) {
            routing.route(batch, r.strategy());
        } else if (a instanceof Action.AssignTo to) {
            act(batch, rule, a, new TicketCommand.Assign(to.agent()), actor);
        } else if (a instanceof Action.NotifyRole n) {
            act(batch, rule, a, new TicketCommand.EscalateToRole(n.role(), reason, n.urgent()), actor);
        } else if (a instanceof Action.NotifyAgent n) {
            Optional<AgentId> agent = n.agent().or(t::assignee);
            agent.ifPresent(x -> act(batch, rule, a, new TicketCommand.NotifyAgent(x, reason, n.urgent()), actor));
        } else if (a instanceof Action.NotifyCustomer) {
            act(batch, rule, a, new TicketCommand.NotifyCustomer(reason), actor);
        } else if (a instanceof Action.AddTag tag) {
            // a tag the ticket has, or a final ticket, is nothing to do rather than a failure
            if (!batch.hasTag(tag.tag()) && !t.status().isFinal()) {
                act(batch, rule, a, new TicketCommand.Tag(tag.tag()), actor);
            }
        } else if (a instanceof Action.AddNote n) {
            act(batch, rule, a, new TicketCommand.Note(n.text()), actor);
        }
    }

    /**
     * Carries out one action of a rule that fired. An action the decider refuses (the agent
     * named is unknown, the ticket is solved, the note's text is not accepted) is not dropped
     * silently: it is logged at WARN with the rule, the action and the reason, and recorded
     * on the ticket as {@link TicketEvent.RuleActionFailed} in the same commit.
     */
    private void act(Batch batch, EscalationRule rule, Action action, TicketCommand command, Actor actor) {
        Rejection refused = batch.tryDecide(command, actor);
        if (refused != null) {
            LOG.warn("escalation rule {} could not {} on ticket {}: {}", rule.name(), command.name(),
                    batch.state().id(), refused.message());
            batch.decide(new TicketCommand.RuleActionFailed(rule.name(), action.kind(), refused.message()), actor);
        }
    }
}
