package dev.helpdesk.core.escalation;

import dev.helpdesk.core.notification.Notices;
import dev.helpdesk.core.routing.Placement;
import dev.helpdesk.core.routing.Router;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.ActionType;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.escalation.Vocabulary;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's escalation rules, routing and notices, as one immutable runtime the desk swaps
 * whole when the host replaces the rules. The desk calls it at four points: while a commit is
 * decided ({@link #react}), in a due run ({@link #timed}), when it schedules a ticket
 * ({@link #nextDue}) and after a commit ({@link #afterCommit}).
 *
 * <p>How rules run, on one batch of new events (a command's, or a due run's):
 * <ol>
 *   <li>Each new event is an occasion for the rules whose trigger it matches, under a key
 *       ({@code customer_replied@7}, {@code sla_breach:first_response:1}).</li>
 *   <li>Rules are tried in the order they were given, on the occasions of one round at a time;
 *       a rule fires when its key has not fired for it on this ticket before, the occasion
 *       was not caused by the rule itself, it has not fired yet in this batch, and its
 *       condition holds on the ticket as the batch has made it so far.</li>
 *   <li>Firing adds {@link TicketEvent.RuleFired} and the events of its actions, decided by
 *       the ticket lifecycle with the rule as actor. Those events are the next round's
 *       occasions, one level deeper. A rule that would fire deeper than the desk's bound is
 *       recorded as {@link TicketEvent.RuleSkipped} instead.</li>
 *   <li>Then routing: a ticket opened into a group routed on open, or moved up a tier or into
 *       a group routed after escalation whose assignee no longer fits, is placed with an
 *       agent or queued with the reason.</li>
 * </ol>
 * Everything lands in the same commit as the batch, so a rule's effects are atomic with their
 * cause, and the store's optimistic locking keeps two desk instances from firing a rule twice.
 *
 * <p>Cost: without rules that match the batch's events and without routing to do, nothing is
 * read. Otherwise one read of the ticket's history (already read when SLA policies apply), and
 * for each rule whose trigger matches, one evaluation of its compiled condition.
 */
public final class EscalationEngine {
    /** The default bound on chains of rules reacting to rules. */
    public static final int DEFAULT_MAX_DEPTH = 5;
    /** The actor of the engine itself (skipped rules). */
    public static final Actor ENGINE = Actor.system("escalation");
    /** The actor of routing's events. */
    public static final Actor ROUTING = Actor.system("routing");

    private static final Logger LOG = LoggerFactory.getLogger(EscalationEngine.class);

    private final List<EscalationRule> definitions;
    private final List<Compiled> rules;
    private final List<Compiled> timedRules;
    private final Vocabulary vocabulary;
    private final Router router;
    private final Notices notices;
    private final TicketDecider decider;
    private final CustomerSegments segments;
    private final int maxDepth;
    private final boolean segmentNeeded;

    /** A rule ready to run. */
    private record Compiled(EscalationRule rule, Actor actor, Predicate<TicketFacts> condition) {
    }

    private EscalationEngine(List<EscalationRule> definitions, Vocabulary vocabulary, Router router, Notices notices,
                             TicketDecider decider, CustomerSegments segments, int maxDepth) {
        this.definitions = List.copyOf(definitions);
        this.vocabulary = vocabulary;
        this.router = router;
        this.notices = notices;
        this.decider = decider;
        this.segments = segments;
        this.maxDepth = maxDepth;
        List<Compiled> compiled = new ArrayList<>();
        boolean segment = false;
        for (EscalationRule r : definitions) {
            compiled.add(new Compiled(r, actorOf(r.name()), Predicates.compile(r.condition(), vocabulary)));
            segment |= Predicates.needsSegment(r.condition());
        }
        this.rules = List.copyOf(compiled);
        this.timedRules = compiled.stream().filter(c -> c.rule().trigger().isTimed()).toList();
        this.segmentNeeded = segment;
    }

    /**
     * Makes the runtime, checking the rules against the vocabulary.
     *
     * @param rules      the rules, in the order they run
     * @param vocabulary the desk's custom fields and types; its strategies are completed with
     *                   the router's
     * @param router     the desk's routing
     * @param notices    the desk's notices
     * @param decider    the ticket lifecycle, which decides every action
     * @param segments   the customers' segments, for segment conditions
     * @param maxDepth   the bound on chains, 1 to 100
     * @return the runtime, or {@link Rejection.Invalid} naming every problem of the rules
     */
    public static Either<Rejection, EscalationEngine> of(List<EscalationRule> rules, Vocabulary vocabulary, Router router,
                                                         Notices notices, TicketDecider decider, CustomerSegments segments,
                                                         int maxDepth) {
        if (maxDepth < 1 || maxDepth > 100) {
            return Either.left(Rejection.Invalid.of("maxDepth", "must be 1-100"));
        }
        Vocabulary full = vocabulary.withStrategies(router.strategies());
        return full.checkAll(rules).map(checked -> new EscalationEngine(checked, full, router, notices,
                Objects.requireNonNull(decider, "decider"), Objects.requireNonNull(segments, "segments"), maxDepth));
    }

    /**
     * The same runtime with other rules.
     *
     * @param next the new rules, in the order they run
     * @return the new runtime, or {@link Rejection.Invalid} naming every problem
     */
    public Either<Rejection, EscalationEngine> withRules(List<EscalationRule> next) {
        return vocabulary.checkAll(next).map(checked -> new EscalationEngine(checked, vocabulary, router, notices,
                decider, segments, maxDepth));
    }

    /**
     * The actor a rule's events carry.
     *
     * @param rule the rule's name
     * @return {@code Actor.system("escalation:<rule>")}
     */
    public static Actor actorOf(String rule) {
        return Actor.system("escalation:" + rule);
    }

    /**
     * The rules, in the order they run.
     *
     * @return the rules
     */
    public List<EscalationRule> rules() {
        return definitions;
    }

    /**
     * What rules may refer to on this desk.
     *
     * @return the vocabulary
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The desk's routing.
     *
     * @return the router
     */
    public Router router() {
        return router;
    }

    /**
     * The desk's notices.
     *
     * @return the dispatcher
     */
    public Notices notices() {
        return notices;
    }

    /**
     * The bound on chains of rules.
     *
     * @return the deepest level a rule may fire at
     */
    public int maxDepth() {
        return maxDepth;
    }

    // ---- during a commit ----------------------------------------------------------------------

    /**
     * Whether this desk has no rules and no routing, so that {@link #react} and
     * {@link #nextDue} have nothing to add: the command path then skips them without building
     * their arguments.
     *
     * @return true when no rule and no routed group is configured
     */
    public boolean idle() {
        return rules.isEmpty() && !router.hasGroups();
    }

    /**
     * Whether any rule is time-based, so that {@link #nextDue} can answer a time at all.
     *
     * @return true when a timed rule (idle, unassigned, ...) is configured
     */
    public boolean hasTimedRules() {
        return !timedRules.isEmpty();
    }

    /**
     * The batch of a commit with everything the rules and routing add to it.
     *
     * @param tenant the ticket's tenant
     * @param before the ticket before the batch; null when the batch opens it
     * @param prior  its events before the batch, read only when needed
     * @param events the batch, oldest first
     * @param ids    where ids of notes come from
     * @return the batch followed by the rules' and routing's events; the same list when
     *         nothing was added
     */
    public List<TicketEvent> react(TenantId tenant, Ticket before, Supplier<List<TicketEvent>> prior,
                                   List<TicketEvent> events, Supplier<MessageId> ids) {
        if (events.isEmpty() || !concerns(before, events)) {
            return events;
        }
        List<TicketEvent> history = before == null ? List.of() : prior.get();
        Batch batch = new Batch(tenant, before, history, events, ids, events.get(events.size() - 1).at());
        batch.runRules();
        batch.routeIfDue(events);
        return batch.events.size() == events.size() ? events : List.copyOf(batch.events);
    }

    /** Whether a batch can interest a rule or routing at all, without reading anything. */
    private boolean concerns(Ticket before, List<TicketEvent> events) {
        if (idle()) {
            return false; // a desk without rules or routing: nothing to look at on the command path
        }
        long base = before == null ? 0 : before.version();
        for (int i = 0; i < events.size(); i++) {
            TicketEvent e = events.get(i);
            if (e instanceof TicketEvent.Opened o && o.group().flatMap(router::routing).map(GroupRouting::assignOnOpen).orElse(false)) {
                return true;
            }
            for (Compiled c : rules) {
                if (Occasions.keyFor(c.rule().trigger(), e, base + i + 1) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- during a due run -----------------------------------------------------------------

    /**
     * The firings of timed rules (idle, unassigned) that are due on a ticket, for a due run.
     * The events the due run already decided (SLA warnings and breaches, an automatic close)
     * come first; the rules see the ticket after them.
     *
     * @param ticket  the ticket after the due run's own events
     * @param history its whole history including them
     * @param now     the time of the due run
     * @param ids     where ids of notes come from
     * @return the new events, possibly none
     */
    public List<TicketEvent> timed(Ticket ticket, List<TicketEvent> history, Instant now, Supplier<MessageId> ids) {
        if (timedRules.isEmpty() || ticket.status().isFinal()) {
            return List.of();
        }
        Batch batch = new Batch(ticket.tenant(), ticket, history, List.of(), ids, now);
        for (Compiled c : timedRules) {
            Occasions.Timed t = Occasions.timed(c.rule().trigger(), batch.state, batch.all());
            if (t == null || t.due().isAfter(now) || batch.hasFired(c, t.key()) || !c.condition().test(batch.facts())) {
                continue;
            }
            batch.fire(c, t.key(), 1);
        }
        return List.copyOf(batch.events);
    }

    /**
     * When a timed rule could next fire on a ticket: the earliest due occasion of a timed rule
     * that has not fired for it and whose condition holds now. Conditions change only with the
     * ticket's events, and every commit asks again, so a rule whose condition fails now is
     * looked at again when the ticket changes.
     *
     * @param after   the ticket's state
     * @param history its whole history, read only when a timed rule exists
     * @return the time, or empty when no timed rule can fire
     */
    public Optional<Instant> nextDue(Ticket after, Supplier<List<TicketEvent>> history) {
        if (timedRules.isEmpty() || after.status().isFinal()) {
            return Optional.empty();
        }
        List<TicketEvent> all = history.get();
        TicketFacts facts = null;
        Instant next = null;
        for (Compiled c : timedRules) {
            Occasions.Timed t = Occasions.timed(c.rule().trigger(), after, all);
            if (t == null || (next != null && !t.due().isBefore(next)) || fired(all, c.rule().name(), t.key())) {
                continue;
            }
            if (facts == null) {
                facts = Ledger.of(all).facts(after, segmentOf(after));
            }
            if (c.condition().test(facts)) {
                next = t.due();
            }
        }
        return Optional.ofNullable(next);
    }

    private static boolean fired(List<TicketEvent> history, String rule, String key) {
        for (TicketEvent e : history) {
            if (e instanceof TicketEvent.RuleFired f && f.rule().equals(rule) && f.trigger().equals(key)) {
                return true;
            }
        }
        return false;
    }

    // ---- routing outside rules ------------------------------------------------------------

    /**
     * Routes a waiting ticket again, for a queue that drains: assigns it when an agent fits,
     * or records a new reason when the reason it waits changed.
     *
     * @param ticket  the ticket, unassigned
     * @param history its whole history
     * @param now     the current time
     * @param ids     where ids come from
     * @return the events, none when it keeps waiting for the same reason or is not waiting
     */
    public List<TicketEvent> routeWaiting(Ticket ticket, List<TicketEvent> history, Instant now, Supplier<MessageId> ids) {
        if (ticket.assignee().isPresent() || ticket.status().isFinal() || ticket.status() == Status.SOLVED
                || ticket.group().flatMap(router::routing).isEmpty()) {
            return List.of();
        }
        Batch batch = new Batch(ticket.tenant(), ticket, history, List.of(), ids, now);
        batch.route(Optional.empty());
        return List.copyOf(batch.events);
    }

    /**
     * The facts escalation conditions see for a ticket.
     *
     * @param ticket  the ticket
     * @param history its whole history
     * @return tags, custom field values, reopenings and the requester's segment
     */
    public TicketFacts facts(Ticket ticket, List<TicketEvent> history) {
        return Ledger.of(history).facts(ticket, Optional.ofNullable(segments.segmentOf(ticket.tenant(), ticket.requester()))
                .flatMap(s -> s));
    }

    // ---- after a commit -------------------------------------------------------------------

    /**
     * Sends the notices a commit asks for and tells which groups' queues may drain because an
     * agent's capacity freed up (a ticket solved, closed, merged, unassigned or given to
     * another agent).
     *
     * @param tenant  the tenant
     * @param changes the committed changes
     * @return the routed groups to drain, possibly none
     */
    public Set<GroupId> afterCommit(TenantId tenant, List<TicketChange> changes) {
        if (!router.hasGroups()) {
            for (TicketChange change : changes) {
                notices.dispatch(tenant, change);
            }
            return Set.of();
        }
        Set<GroupId> drain = new LinkedHashSet<>();
        for (TicketChange change : changes) {
            notices.dispatch(tenant, change);
            Ticket t = change.newState();
            for (TicketEvent e : change.events()) {
                Optional<AgentId> freed = Optional.empty();
                if (e instanceof TicketEvent.Unassigned u) {
                    freed = Optional.of(u.previous());
                } else if (e instanceof TicketEvent.Solved || e instanceof TicketEvent.Closed
                        || e instanceof TicketEvent.Merged) {
                    freed = t.assignee();
                } else if (e instanceof TicketEvent.Assigned && !e.actor().equals(ROUTING)) {
                    // a hand-over frees the previous assignee, who most likely works in this group
                    t.group().ifPresent(drain::add);
                }
                freed.ifPresent(agent -> drain.addAll(router.groupsOf(tenant, agent)));
            }
        }
        drain.removeIf(g -> router.routing(g).isEmpty());
        return drain;
    }

    /**
     * Sends the notices that waited for their recipients' working hours and are due.
     *
     * @param now the current time
     * @return how many were sent
     */
    public int releaseNotices(Instant now) {
        return notices.releaseDue(now);
    }

    /**
     * The notices waiting for their recipients' working hours.
     *
     * @return them, soonest first
     */
    public List<Notification> waitingNotices() {
        return notices.waiting();
    }

    private Optional<CustomerSegment> segmentOf(Ticket ticket) {
        if (!segmentNeeded) {
            return Optional.empty();
        }
        return Objects.requireNonNullElse(segments.segmentOf(ticket.tenant(), ticket.requester()), Optional.empty());
    }

    // ---- one batch ------------------------------------------------------------------------

    /** The work on one batch of events: the events so far, the state they make, what fired. */
    private final class Batch {
        final TenantId tenant;
        final List<TicketEvent> history;
        final List<TicketEvent> events = new ArrayList<>();
        final long base;
        final Supplier<MessageId> ids;
        final Instant at;
        final Ledger ledger;
        final Set<String> firedKeys = new HashSet<>();
        final Set<String> skippedKeys = new HashSet<>();
        final Set<String> firedHere = new HashSet<>();
        final Map<Actor, Integer> depthOf = new HashMap<>();
        Ticket state;
        TicketFacts facts;
        boolean escalated;
        Optional<String> queuedFor = Optional.empty();

        Batch(TenantId tenant, Ticket before, List<TicketEvent> history, List<TicketEvent> initial,
              Supplier<MessageId> ids, Instant at) {
            this.tenant = tenant;
            this.history = history;
            this.base = history.size();
            this.ids = ids;
            this.at = at;
            this.ledger = Ledger.of(history);
            this.state = before;
            for (TicketEvent e : history) {
                remember(e, false);
            }
            for (TicketEvent e : initial) {
                add(e);
            }
        }

        List<TicketEvent> all() {
            List<TicketEvent> all = new ArrayList<>(history.size() + events.size());
            all.addAll(history);
            all.addAll(events);
            return all;
        }

        void add(TicketEvent e) {
            events.add(e);
            state = state == null ? Tickets.open(tenant, e) : Tickets.evolve(state, e);
            ledger.apply(e);
            facts = null;
            remember(e, true);
        }

        void remember(TicketEvent e, boolean inBatch) {
            if (e instanceof TicketEvent.RuleFired f) {
                firedKeys.add(f.rule() + "|" + f.trigger());
                if (inBatch) {
                    firedHere.add(f.rule());
                    depthOf.put(f.actor(), f.depth());
                }
            } else if (e instanceof TicketEvent.RuleSkipped s) {
                skippedKeys.add(s.rule() + "|" + s.trigger());
            } else if (e instanceof TicketEvent.Queued q) {
                queuedFor = Optional.of(q.reason());
            } else if (e instanceof TicketEvent.Assigned) {
                queuedFor = Optional.empty();
            }
        }

        TicketFacts facts() {
            if (facts == null) {
                facts = ledger.facts(state, segmentOf(state));
            }
            return facts;
        }

        boolean hasFired(Compiled c, String key) {
            return firedKeys.contains(c.rule().name() + "|" + key);
        }

        /** Rounds of occasions until a round adds nothing. */
        void runRules() {
            int from = 0;
            while (from < events.size()) {
                int to = events.size();
                for (Compiled c : rules) {
                    if (firedHere.contains(c.rule().name())) {
                        continue;
                    }
                    for (int i = from; i < to; i++) {
                        TicketEvent e = events.get(i);
                        String key = Occasions.keyFor(c.rule().trigger(), e, base + i + 1);
                        if (key == null || e.actor().equals(c.actor()) || hasFired(c, key)) {
                            continue;
                        }
                        if (!c.condition().test(facts())) {
                            continue;
                        }
                        int depth = depthOf.getOrDefault(e.actor(), 0) + 1;
                        if (depth > maxDepth) {
                            if (skippedKeys.add(c.rule().name() + "|" + key)) {
                                LOG.warn("escalation rule {} stopped on ticket {}: chain depth {} reached", c.rule().name(),
                                        state.id(), maxDepth);
                                add(new TicketEvent.RuleSkipped(state.id(), at, ENGINE, c.rule().name(), key,
                                        "the chain of rules reached the desk's depth bound of " + maxDepth));
                            }
                            continue;
                        }
                        fire(c, key, depth);
                        break;
                    }
                }
                from = to;
            }
        }

        void fire(Compiled c, String key, int depth) {
            EscalationRule rule = c.rule();
            Actor actor = c.actor();
            add(new TicketEvent.RuleFired(state.id(), at, actor, rule.name(), key, rule.reason(), depth));
            List<Action> actions = new ArrayList<>();
            for (Action a : rule.actions()) {
                if (a instanceof Action.Custom custom) {
                    ActionType type = vocabulary.actionType(custom.type())
                            .orElseThrow(() -> new IllegalStateException("unchecked action type " + custom.type()));
                    type.expand(facts(), custom.parameters()).stream()
                            .filter(x -> !(x instanceof Action.Custom)).forEach(actions::add);
                } else {
                    actions.add(a);
                }
            }
            for (Action a : actions) {
                perform(a, actor, rule.reason());
            }
        }

        void perform(Action a, Actor actor, String reason) {
            Ticket t = state;
            if (a instanceof Action.RaiseTier r) {
                Tier target = r.to().orElse(t.tier().next());
                if (target.compareTo(t.tier()) > 0) {
                    decide(new TicketCommand.ChangeTier(target, reason), actor);
                }
            } else if (a instanceof Action.SetGroup g) {
                decide(new TicketCommand.MoveToGroup(g.group()), actor);
            } else if (a instanceof Action.SetPriority p) {
                decide(new TicketCommand.ChangePriority(p.priority()), actor);
            } else if (a instanceof Action.Route r) {
                route(r.strategy());
            } else if (a instanceof Action.AssignTo to) {
                decide(new TicketCommand.Assign(to.agent()), actor);
            } else if (a instanceof Action.NotifyRole n) {
                add(new TicketEvent.EscalatedToRole(t.id(), at, actor, n.role(), reason, n.urgent()));
            } else if (a instanceof Action.NotifyAgent n) {
                Optional<AgentId> agent = n.agent().or(t::assignee);
                agent.ifPresent(x -> add(new TicketEvent.AgentNotified(t.id(), at, actor, x, reason, n.urgent())));
            } else if (a instanceof Action.NotifyCustomer) {
                add(new TicketEvent.CustomerNotified(t.id(), at, actor, t.requester(), reason));
            } else if (a instanceof Action.AddTag tag) {
                if (!ledger.hasTag(tag.tag()) && !t.status().isFinal()) {
                    add(new TicketEvent.TagAdded(t.id(), at, actor, tag.tag()));
                }
            } else if (a instanceof Action.AddNote n) {
                decide(new TicketCommand.Note(n.text()), actor);
            }
        }

        void decide(TicketCommand command, Actor actor) {
            Either<Rejection, List<TicketEvent>> decided = decider.decide(command, state, actor, at, ids);
            if (decided.isLeft()) {
                LOG.debug("escalation action {} on ticket {} did nothing: {}", command.name(), state.id(),
                        decided.getLeft().message());
                return;
            }
            for (TicketEvent e : decided.get()) {
                if (e instanceof TicketEvent.TierChanged || e instanceof TicketEvent.GroupChanged) {
                    escalated = true;
                }
                add(e);
            }
        }

        /** Routing's part after the rules: on open, and after an escalation. */
        void routeIfDue(List<TicketEvent> initial) {
            Optional<GroupRouting> config = state.group().flatMap(router::routing);
            if (config.isEmpty() || state.status().isFinal() || state.status() == Status.SOLVED) {
                return;
            }
            boolean opened = initial.get(0) instanceof TicketEvent.Opened;
            if (opened && config.get().assignOnOpen() && state.assignee().isEmpty()) {
                route(Optional.empty());
            } else if (escalated && config.get().assignAfterEscalation()
                    && (state.assignee().isEmpty() || !router.fits(state.tenant(), state, state.assignee().get()))) {
                route(Optional.empty());
            }
        }

        void route(Optional<String> strategy) {
            if (state.status().isFinal() || state.status() == Status.SOLVED) {
                return;
            }
            // an assignee who still fits keeps the ticket: it counts in their own load
            if (state.assignee().isPresent() && router.fits(tenant, state, state.assignee().get())) {
                return;
            }
            Placement placement = router.place(facts(), strategy);
            if (placement instanceof Placement.Assign a) {
                decide(new TicketCommand.Assign(a.agent()), ROUTING);
                return;
            }
            Placement.Wait wait = (Placement.Wait) placement;
            if (state.assignee().isPresent()) {
                decide(new TicketCommand.Unassign(), ROUTING);
            }
            if (!queuedFor.equals(Optional.of(wait.reason()))) {
                add(new TicketEvent.Queued(state.id(), at, ROUTING, wait.group(), wait.reason()));
            }
        }
    }
}
