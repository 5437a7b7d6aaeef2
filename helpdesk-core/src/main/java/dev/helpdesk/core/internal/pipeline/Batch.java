package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.rules.Ledger;
import dev.helpdesk.core.internal.rules.RuleBook;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import java.util.function.Supplier;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One commit's worth of work on one ticket while it moves through the pipeline: the ticket
 * before, the events decided so far and the state they make, and what the rule and routing
 * steps need to remember (which rules fired, the chain depth of each rule's events, the seat
 * routing claims). The history before the batch is read only when a step asks for the facts
 * it holds, and at most once. Mutable; used by one thread for one attempt.
 */
final class Batch implements Supplier<List<TicketEvent>> {
    private static final Logger LOG = LoggerFactory.getLogger(Batch.class);

    final TenantId tenant;
    final Ticket before;
    final Supplier<List<TicketEvent>> prior;
    final Instant at;
    final Set<AgentId> full;
    private final Decision decision;
    /** The decided events as given until a step adds one; then a list of the batch's own. */
    private List<TicketEvent> events;
    private boolean owned;
    private Ticket state;
    // what the batch's own events say; made on first use, most commands fire no rule
    private Set<String> firedHere = Set.of();
    private Map<Actor, Integer> depthOf = Map.of();
    private Set<String> firedKeys;
    private Set<String> skippedKeys;
    private Optional<String> queuedInBatch;
    // what the history says, once read
    private Ledger ledger;
    private Optional<String> queuedInHistory;
    private TicketFacts facts;
    private RuleBook book;
    private boolean escalated;
    private Optional<SeatClaim> seat = Optional.empty();
    /** {@link #all()} once made; null until then and after an event is added. */
    private List<TicketEvent> all;

    /**
     * Starts a batch.
     *
     * @param tenant   the tenant
     * @param before   the ticket before the batch; null when the batch opens it
     * @param prior    its history before the batch
     * @param initial  the events the command decided
     * @param at       the time of the batch's own events
     * @param full     agents found without a free seat by an earlier attempt
     * @param decision the decide step, for the commands rules and routing give
     * @param book     the rules in force, for the requester's segment
     */
    Batch(TenantId tenant, Ticket before, Supplier<List<TicketEvent>> prior, List<TicketEvent> initial, Instant at,
          Set<AgentId> full, Decision decision, RuleBook book) {
        this.tenant = tenant;
        this.before = before;
        this.prior = prior;
        this.at = at;
        this.full = full;
        this.decision = decision;
        this.book = book;
        this.state = before;
        // the usual command adds nothing after the decider: its events stay the list it made
        this.events = initial;
        for (int i = 0; i < initial.size(); i++) {
            apply(initial.get(i));
        }
    }

    /** The events of the batch so far, oldest first. */
    List<TicketEvent> events() {
        return events;
    }

    /** The ticket after the batch's events so far. */
    Ticket state() {
        return state;
    }

    /** The ticket's version before the batch. */
    long base() {
        return before == null ? 0 : before.version();
    }

    /** The history before the batch followed by the batch's events; made once until an event is added. */
    List<TicketEvent> all() {
        if (all == null) {
            List<TicketEvent> history = prior.get();
            all = new ArrayList<>(history.size() + events.size());
            all.addAll(history);
            all.addAll(events);
        }
        return all;
    }

    /**
     * The whole history, {@link #all()}, for the steps that take it as a supplier and may not
     * read it at all (the schedule step without SLA policies, remote sessions or timed rules).
     */
    @Override
    public List<TicketEvent> get() {
        return all();
    }

    /** Whether the events are still exactly those the batch started with. */
    boolean unchanged() {
        return !owned;
    }

    /** Appends an event decided for this batch. */
    void add(TicketEvent e) {
        if (!owned) {
            events = new ArrayList<>(events);
            owned = true;
        }
        events.add(e);
        all = null;
        apply(e);
    }

    private void apply(TicketEvent e) {
        state = state == null ? Tickets.open(tenant, e) : Tickets.evolve(state, e);
        facts = null;
        if (ledger != null) {
            ledger.apply(e);
        }
        if (e instanceof TicketEvent.RuleFired f) {
            firedKeys().add(f.rule() + "|" + f.trigger());
            if (firedHere.isEmpty()) {
                firedHere = new HashSet<>();
                depthOf = new HashMap<>();
            }
            firedHere.add(f.rule());
            depthOf.put(f.actor(), f.depth());
        } else if (e instanceof TicketEvent.RuleSkipped s) {
            skippedKeys().add(s.rule() + "|" + s.trigger());
        } else if (e instanceof TicketEvent.Queued q) {
            queuedInBatch = Optional.of(q.reason());
        } else if (e instanceof TicketEvent.Assigned) {
            queuedInBatch = Optional.empty();
        }
    }

    /**
     * Decides a command for a rule or routing on the ticket as the batch has made it, and
     * appends its events. A command the decider refuses adds nothing and is logged.
     *
     * @return true when the command was accepted
     */
    boolean decide(TicketCommand command, Actor actor) {
        Rejection refused = tryDecide(command, actor);
        if (refused != null) {
            LOG.debug("{} by {} on ticket {} did nothing: {}", command.name(), actor.display(), state.id(),
                    refused.message());
        }
        return refused == null;
    }

    /**
     * Decides a command on the ticket as the batch has made it and appends its events.
     *
     * @return null when the decider accepted it, otherwise its rejection (nothing was added)
     */
    Rejection tryDecide(TicketCommand command, Actor actor) {
        Either<Rejection, List<TicketEvent>> decided = decision.decide(command, state, actor, at);
        if (decided.isLeft()) {
            return decided.getLeft();
        }
        for (TicketEvent e : decided.get()) {
            if (e instanceof TicketEvent.TierChanged || e instanceof TicketEvent.GroupChanged) {
                escalated = true;
            }
            add(e);
        }
        return null;
    }

    /** The history's facts, read on first use: tags, fields, reopenings, firings. */
    private Ledger ledger() {
        if (ledger == null) {
            List<TicketEvent> history = prior.get();
            ledger = Ledger.of(history);
            Optional<String> queued = Optional.empty();
            for (TicketEvent e : history) {
                if (e instanceof TicketEvent.RuleFired f) {
                    firedKeys().add(f.rule() + "|" + f.trigger());
                } else if (e instanceof TicketEvent.RuleSkipped s) {
                    skippedKeys().add(s.rule() + "|" + s.trigger());
                } else if (e instanceof TicketEvent.Queued q) {
                    queued = Optional.of(q.reason());
                } else if (e instanceof TicketEvent.Assigned) {
                    queued = Optional.empty();
                }
            }
            queuedInHistory = queued;
            events.forEach(ledger::apply);
        }
        return ledger;
    }

    /** What conditions and strategies see of the ticket as the batch has made it. */
    TicketFacts facts() {
        if (facts == null) {
            facts = ledger().facts(state, book.segmentOf(state));
        }
        return facts;
    }

    /** Whether the ticket carries a tag now. */
    boolean hasTag(String tag) {
        return ledger().hasTag(tag);
    }

    /** Whether a rule fired for a key on this ticket, before or in this batch. */
    boolean hasFired(String rule, String key) {
        ledger();
        return firedKeys().contains(rule + "|" + key);
    }

    /** Records a skip once per rule and key; false when it was recorded before. */
    boolean firstSkip(String rule, String key) {
        ledger();
        return skippedKeys().add(rule + "|" + key);
    }

    private Set<String> firedKeys() {
        if (firedKeys == null) {
            firedKeys = new HashSet<>();
        }
        return firedKeys;
    }

    private Set<String> skippedKeys() {
        if (skippedKeys == null) {
            skippedKeys = new HashSet<>();
        }
        return skippedKeys;
    }

    /** Whether a rule fired in this batch already. */
    boolean firedHere(String rule) {
        return firedHere.contains(rule);
    }

    /** The chain depth of an actor's events in this batch, 0 for events that no rule made. */
    int depthOf(Actor actor) {
        return depthOf.getOrDefault(actor, 0);
    }

    /** Why the ticket waits in its queue now, if it does. */
    Optional<String> queuedFor() {
        ledger();
        return queuedInBatch != null ? queuedInBatch : queuedInHistory;
    }

    /** Whether a rule moved the ticket up a tier or to another group in this batch. */
    boolean escalated() {
        return escalated;
    }

    /** Records the seat routing claims with the agent it assigned. */
    void claim(SeatClaim claimed) {
        seat = Optional.of(claimed);
    }

    /**
     * The seat the commit claims: routing's, while the ticket still holds it at the end of the
     * batch (assigned to that agent and not solved).
     */
    Optional<SeatClaim> seat() {
        if (seat.isEmpty()) {
            return seat;
        }
        SeatClaim s = seat.get();
        return state.assignee().isPresent() && state.assignee().get().equals(s.agent())
                && SeatClaim.COUNTED.contains(state.status()) ? seat : Optional.empty();
    }
}
