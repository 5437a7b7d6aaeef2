package dev.helpdesk.core;

import dev.helpdesk.core.escalation.EscalationEngine;
import dev.helpdesk.core.plugin.Plugins;
import dev.helpdesk.core.sla.SlaClocks;
import dev.helpdesk.core.sla.SlaRuntime;
import dev.helpdesk.core.ticket.MergeChain;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.outbox.EventOutbox;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.IdGenerator;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tickets;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command pipeline shared by every tenant view: load, decide, commit with the expected
 * version, schedule, notify listeners. Retries a command on fresh state when another command
 * won the race for the same ticket.
 *
 * <p>Scheduling: every commit stores the ticket's next due time, the earlier of its automatic
 * close and its next SLA deadline. The SLA deadline needs the ticket's whole history, so with
 * SLA policies that apply to the ticket a commit costs one more read of the store.
 */
final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Helpdesk.class);

    private final TicketStore store;
    private final TicketNumberSequence numbers;
    private final Clock clock;
    private final IdGenerator ids;
    private final TicketDecider decider;
    private final Plugins plugins;
    private final List<EventListener> listeners;
    private final Duration autoCloseAfter;
    private final int dueBatchSize;
    private final Duration dueLease;
    private final int conflictRetries;
    private final Actor autoCloser;
    private final Actor slaRule;
    private volatile SlaRuntime sla;
    private volatile EscalationEngine escalation;
    /** Message ids from the id generator, made once rather than per command. */
    private final Supplier<MessageId> messageIds = this::messageId;
    /** Set while this thread drains queues, so that the assignments it commits do not drain again. */
    private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> Boolean.FALSE);

    Engine(TicketStore store, TicketNumberSequence numbers, Clock clock, IdGenerator ids, TicketDecider decider,
           Plugins plugins, List<EventListener> listeners, Duration autoCloseAfter, int dueBatchSize,
           Duration dueLease, int conflictRetries, Actor autoCloser, SlaRuntime sla, Actor slaRule,
           EscalationEngine escalation) {
        this.store = store;
        this.numbers = numbers;
        this.clock = clock;
        this.ids = ids;
        this.decider = decider;
        this.plugins = plugins;
        this.listeners = List.copyOf(listeners);
        this.autoCloseAfter = autoCloseAfter;
        this.dueBatchSize = dueBatchSize;
        this.dueLease = dueLease;
        this.conflictRetries = conflictRetries;
        this.autoCloser = autoCloser;
        this.sla = sla;
        this.slaRule = slaRule;
        this.escalation = escalation;
    }

    EscalationEngine escalation() {
        return escalation;
    }

    synchronized Either<Rejection, List<EscalationRule>> configureEscalation(List<EscalationRule> rules) {
        return escalation.withRules(rules).map(next -> {
            escalation = next;
            return next.rules();
        });
    }

    SlaRuntime sla() {
        return sla;
    }

    synchronized void configureSla(SlaConfiguration configuration) {
        sla = sla.with(configuration);
    }

    Clock clock() {
        return clock;
    }

    TicketDecider decider() {
        return decider;
    }

    Plugins plugins() {
        return plugins;
    }

    TicketStore store() {
        return store;
    }

    // ---- commands -------------------------------------------------------------------------

    Either<Rejection, Ticket> open(TenantId tenant, TicketCommand.Open command, Actor actor) {
        Either<Rejection, TicketDecider.Opening> checked = decider.checkOpen(command, actor);
        if (checked.isLeft()) {
            return Either.left(checked.getLeft());
        }
        if (command.followUpOf() != null) {
            Either<Rejection, Ticket> closed = find(tenant, command.followUpOf(), actor);
            if (closed.isLeft()) {
                return closed;
            }
            if (closed.get().status() != Status.CLOSED) {
                return Either.left(Rejection.Invalid.of("followUpOf", "must be a closed ticket"));
            }
        }
        return openChecked(tenant, checked.get(), actor);
    }

    private Either<Rejection, Ticket> openChecked(TenantId tenant, TicketDecider.Opening opening, Actor actor) {
        TicketId id = TicketId.of(ids.next());
        Instant now = clock.instant();
        List<TicketEvent> events = decider.open(opening, actor, id, numbers.next(tenant), now,
                new MessageId(ids.next()));
        Either<Rejection, Ticket> opened = commitOne(tenant, 0, null, events, List.of());
        return opened.isRight() && actor instanceof Actor.Customer ? Either.right(viewFor(actor, opened.get())) : opened;
    }

    Either<Rejection, Ticket> execute(TenantId tenant, TicketId id, TicketCommand command, Actor actor) {
        if (id == null || command == null || actor == null) {
            return Either.left(missing(id, command, actor));
        }
        if (command instanceof TicketCommand.Open open) {
            return open(tenant, open, actor);
        }
        if (command instanceof TicketCommand.Merge merge) {
            return merge(tenant, id, merge, actor);
        }
        Either<Rejection, Ticket> result = null;
        for (int attempt = 0; attempt <= conflictRetries; attempt++) {
            result = executeOnce(tenant, id, command, actor);
            if (!(result.isLeft() && result.getLeft() instanceof Rejection.ConcurrentModification)) {
                break;
            }
        }
        return result.isRight() && actor instanceof Actor.Customer ? Either.right(viewFor(actor, result.get())) : result;
    }

    /** One attempt of a command on the ticket as stored now; the every-command path, kept free of lambdas. */
    private Either<Rejection, Ticket> executeOnce(TenantId tenant, TicketId id, TicketCommand command, Actor actor) {
        Either<Rejection, Ticket> found = find(tenant, id, actor);
        if (found.isLeft()) {
            return found;
        }
        Ticket ticket = found.get();
        if (command instanceof TicketCommand.Reply reply && ticket.status() == Status.CLOSED
                && actor instanceof Actor.Customer) {
            return followUp(tenant, ticket, reply, actor);
        }
        if (command instanceof TicketCommand.Reply reply && decider.redirect(ticket, command, actor).isPresent()) {
            // a customer's reply to a merged ticket lands where its conversation went, or on a new ticket
            Optional<Ticket> landing = MergeChain.landing(ticket, next -> find(tenant, next, actor).toJavaOptional());
            return landing.isPresent() ? executeOnce(tenant, landing.get().id(), command, actor)
                    : followUp(tenant, ticket, reply, actor);
        }
        Either<Rejection, List<TicketEvent>> decided = decider.decide(command, ticket, actor, clock.instant(), messageIds);
        if (decided.isLeft()) {
            return Either.left(decided.getLeft());
        }
        return decided.get().isEmpty() ? found : commitOne(tenant, ticket.version(), ticket, decided.get(), null);
    }

    private Either<Rejection, Ticket> followUp(TenantId tenant, Ticket closed, TicketCommand.Reply reply, Actor actor) {
        Either<Rejection, TicketDecider.Opening> checked = decider.checkFollowUp(closed, reply, actor);
        return checked.isLeft() ? Either.left(checked.getLeft()) : openChecked(tenant, checked.get(), actor);
    }

    private Either<Rejection, Ticket> merge(TenantId tenant, TicketId sourceId, TicketCommand.Merge command, Actor actor) {
        Either<Rejection, Ticket> result = null;
        for (int attempt = 0; attempt <= conflictRetries; attempt++) {
            result = find(tenant, sourceId, actor).flatMap(source -> {
                Instant now = clock.instant();
                // the command alone first: a merge into itself or by a customer is refused before the target is read
                return decider.decide(command, source, actor, now, messageIds)
                        .flatMap(checked -> find(tenant, command.into(), actor))
                        .flatMap(target -> decider.merge(source, target, actor, now, messageIds)
                                .flatMap(merge -> commit(tenant, List.of(
                                        change(source, merge.source()), change(target, merge.target())))))
                        .map(states -> states.get(1));
            });
            if (!(result.isLeft() && result.getLeft() instanceof Rejection.ConcurrentModification)) {
                break;
            }
        }
        return result.map(t -> viewFor(actor, t));
    }

    // ---- reads ----------------------------------------------------------------------------

    Either<Rejection, Ticket> find(TenantId tenant, TicketId id, Actor actor) {
        if (id == null || actor == null) {
            return Either.left(missing(id, "", actor));
        }
        Option<Ticket> found = store.find(tenant, id);
        if (found.isEmpty()) {
            return Either.left(new Rejection.NotFound("ticket", id.toString()));
        }
        Ticket ticket = found.get();
        if (actor instanceof Actor.Customer c && !c.id().equals(ticket.requester())) {
            return Either.left(new Rejection.NotFound("ticket", id.toString()));
        }
        return Either.right(ticket);
    }

    Ticket viewFor(Actor actor, Ticket ticket) {
        return actor instanceof Actor.Customer ? decider.customerView().ticket(ticket) : ticket;
    }

    // ---- commit, schedule, notify ---------------------------------------------------------

    /**
     * Commits one ticket's events.
     *
     * @param prior the ticket's events before these, when the caller has them; null to read
     *              them from the store if the schedule needs them
     */
    private Either<Rejection, Ticket> commitOne(TenantId tenant, long expectedVersion, Ticket before,
                                                List<TicketEvent> events, List<TicketEvent> prior) {
        // escalation: rules and routing add their events to the same commit
        EscalationEngine rules = escalation;
        List<TicketEvent> all = events;
        List<TicketEvent> known = prior;
        if (!rules.idle()) {
            List<List<TicketEvent>> read = new ArrayList<>(1);
            all = rules.react(tenant, before, () -> {
                if (read.isEmpty()) {
                    read.add(prior != null ? prior : history(tenant, before.id(), expectedVersion));
                }
                return read.get(0);
            }, events, messageIds);
            known = prior != null ? prior : read.isEmpty() ? null : read.get(0);
        }
        Ticket after = before == null ? Tickets.replay(tenant, all) : Tickets.evolve(before, all);
        Optional<Instant> due = nextDue(tenant, after, expectedVersion, all, known);
        Either<Rejection, List<Ticket>> committed = commit(tenant, List.of(new TicketChange(expectedVersion, all, after, due)));
        return committed.isRight() ? Either.right(committed.get().get(0)) : Either.left(committed.getLeft());
    }

    private TicketChange change(Ticket before, List<TicketEvent> events) {
        Ticket after = Tickets.evolve(before, events);
        return new TicketChange(before.version(), events, after,
                nextDue(before.tenant(), after, before.version(), events, null));
    }

    private Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
        Either<Rejection, List<Ticket>> committed = store.commit(tenant, changes);
        // with an outbox the store keeps the events for deliverEvents; without one, hand them over now
        if (committed.isRight() && outbox() == null) {
            for (TicketChange c : changes) {
                publish(tenant, c);
            }
        }
        if (committed.isRight()) {
            // escalation: notices, and queues that may drain because an agent freed up
            Set<GroupId> drain = escalation.afterCommit(tenant, changes);
            if (!drain.isEmpty() && !draining.get()) {
                drain.forEach(g -> drain(tenant, g));
            }
        }
        return committed;
    }

    private void publish(TenantId tenant, TicketChange change) {
        if (listeners.isEmpty()) {
            return;
        }
        long version = change.expectedVersion();
        for (TicketEvent event : change.events()) {
            RecordedEvent recorded = new RecordedEvent(tenant, ++version, event);
            for (EventListener listener : listeners) {
                try {
                    listener.on(recorded);
                } catch (Exception | LinkageError e) {
                    // a listener never breaks the command that produced the event
                    LOG.warn("event listener {} failed on {} {}", listener.name(), recorded.eventId(), event.kind(), e);
                }
            }
        }
    }

    /**
     * When the desk next has timed work on a ticket: the earlier of its automatic close and
     * its next SLA deadline under the policy that applies to it now.
     *
     * @param after  the ticket's state after the new events
     * @param base   its version before them
     * @param events the new events (none when only rescheduling)
     * @param prior  its events up to {@code base} when known, or null to read them if needed
     */
    private Optional<Instant> nextDue(TenantId tenant, Ticket after, long base, List<TicketEvent> events,
                                      List<TicketEvent> prior) {
        Optional<Instant> due = slaNextDue(tenant, after, base, events, prior);
        // escalation: the next time a timed rule (idle, unassigned) could fire
        EscalationEngine rules = escalation;
        Optional<Instant> timed = !rules.hasTimedRules() ? Optional.empty() : rules.nextDue(after, () -> {
            List<TicketEvent> all = new ArrayList<>(prior != null ? prior : history(tenant, after.id(), base));
            all.addAll(events);
            return all;
        });
        if (timed.isEmpty()) {
            return due;
        }
        return due.isPresent() && due.get().isBefore(timed.get()) ? due : timed;
    }

    private Optional<Instant> slaNextDue(TenantId tenant, Ticket after, long base, List<TicketEvent> events,
                                         List<TicketEvent> prior) {
        Optional<Instant> close = after.status() == Status.SOLVED && after.solvedAt().isPresent()
                ? Optional.of(after.solvedAt().get().plus(autoCloseAfter)) : Optional.empty();
        if (after.status().isFinal()) {
            return close;
        }
        SlaRuntime runtime = sla;
        Optional<SlaPolicy> policy = runtime.policyFor(after);
        if (policy.isEmpty()) {
            return close;
        }
        List<TicketEvent> history = new ArrayList<>(prior != null ? prior : history(tenant, after.id(), base));
        history.addAll(events);
        Optional<Instant> deadline = SlaClocks.nextDeadline(history, policy.get(), runtime.calendars());
        if (close.isEmpty()) {
            return deadline;
        }
        return deadline.isPresent() && deadline.get().isBefore(close.get()) ? deadline : close;
    }

    /** A ticket's events up to a version, oldest first. */
    private List<TicketEvent> history(TenantId tenant, TicketId id, long upTo) {
        if (upTo == 0) {
            return List.of();
        }
        return events(store.history(tenant, id), upTo);
    }

    /** The events of recorded history up to a version, oldest first. */
    private static List<TicketEvent> events(List<RecordedEvent> recorded, long upTo) {
        List<TicketEvent> events = new ArrayList<>(recorded.size());
        for (RecordedEvent r : recorded) {
            if (r.version() <= upTo) {
                events.add(r.event());
            }
        }
        return events;
    }

    // ---- SLA views ------------------------------------------------------------------------

    Either<Rejection, List<ClockState>> clocks(TenantId tenant, TicketId id, Actor actor) {
        return find(tenant, id, actor).flatMap(ticket -> {
            if (actor instanceof Actor.Customer) {
                return Either.left(new Rejection.NotAllowed("SLA clocks are internal to the desk"));
            }
            List<TicketEvent> events = history(tenant, id, ticket.version());
            return Either.right(sla.clocks(ticket, events, clock.instant()));
        });
    }

    Either<Rejection, Optional<SlaPolicy>> policy(TenantId tenant, TicketId id, Actor actor) {
        return find(tenant, id, actor).flatMap(ticket -> actor instanceof Actor.Customer
                ? Either.left(new Rejection.NotAllowed("SLA policies are internal to the desk"))
                : Either.right(sla.policyFor(ticket)));
    }

    /** Stores a fresh due time for every ticket of a tenant that can still have timed work. */
    int reschedule(TenantId tenant) {
        TicketQuery open = TicketQuery.inStatus(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD, Status.SOLVED);
        Optional<PageRequest> page = Optional.of(PageRequest.first(Math.min(dueBatchSize, PageRequest.MAX_SIZE)));
        int rescheduled = 0;
        while (page.isPresent()) {
            Page batch = store.list(tenant, open, page.get());
            List<Reschedule> fresh = new ArrayList<>(batch.items().size());
            for (Ticket ticket : batch.items()) {
                List<TicketEvent> events = history(tenant, ticket.id(), ticket.version());
                if (events.size() != ticket.version()) {
                    continue; // it moved on while we read; its own commit scheduled it
                }
                fresh.add(new Reschedule(tenant, ticket.id(), ticket.version(),
                        nextDue(tenant, ticket, ticket.version(), List.of(), events)));
            }
            rescheduled += (int) store.rescheduleAll(fresh).stream().filter(Either::isRight).count();
            page = batch.next();
        }
        return rescheduled;
    }

    // ---- timed work -----------------------------------------------------------------------

    DueRun runDue(Instant now) {
        DueRun total = DueRun.NOTHING;
        while (true) {
            List<DueTicket> claimed = store.claimDue(now, dueBatchSize, dueLease);
            int changed = 0;
            int events = 0;
            int conflicts = 0;
            // tickets with nothing to do yet get their next due time together, after the batch
            List<Reschedule> later = new ArrayList<>();
            // the whole batch's histories in one read; each ticket's state is their replay
            List<List<RecordedEvent>> histories = claimed.isEmpty() ? List.of() : store.histories(claimed);
            for (int i = 0; i < claimed.size(); i++) {
                DueTicket due = claimed.get(i);
                List<RecordedEvent> recorded = histories.get(i);
                if (recorded.isEmpty()) {
                    continue;
                }
                List<TicketEvent> history = events(recorded, Long.MAX_VALUE);
                Ticket ticket = Tickets.replay(due.tenant(), history);
                // SLA events first: a late breach of a solved ticket belongs before its close
                List<TicketEvent> fired = new ArrayList<>(sla.due(ticket, history, now, slaRule));
                fired.addAll(decider.autoClose(ticket, now, autoCloseAfter, autoCloser));
                // escalation: timed rules due now see the ticket after the due run's own events
                List<TicketEvent> withFired = new ArrayList<>(history);
                withFired.addAll(fired);
                fired.addAll(escalation.timed(Tickets.evolve(ticket, fired), withFired, now, messageIds));
                if (fired.isEmpty()) {
                    Optional<Instant> next = nextDue(due.tenant(), ticket, ticket.version(), List.of(), history);
                    if (next.isPresent() && !next.get().isAfter(now)) {
                        // nothing to do yet due: never reschedule into this same run; the claim's
                        // lease keeps it from being claimed again until it expires
                        LOG.warn("ticket {} is due at {} with nothing to do", ticket.id(), next.get());
                        continue;
                    }
                    later.add(new Reschedule(due.tenant(), ticket.id(), ticket.version(), next));
                    continue;
                }
                Either<Rejection, Ticket> r = commitOne(due.tenant(), ticket.version(), ticket, fired, history);
                if (r.isRight()) {
                    changed++;
                    events += fired.size();
                } else {
                    conflicts++;
                }
            }
            if (!later.isEmpty()) {
                conflicts += (int) store.rescheduleAll(later).stream().filter(Either::isLeft).count();
            }
            total = total.plus(new DueRun(claimed.size(), changed, events, conflicts));
            if (claimed.size() < dueBatchSize) {
                // escalation: notices that waited for their recipients' working hours
                escalation.releaseNotices(now);
                return total;
            }
        }
    }

    // ---- escalation and routing -----------------------------------------------------------

    /**
     * Decides events for a ticket with a function of its state and the time, and commits them
     * like a command: retried on fresh state after a concurrent change.
     */
    Either<Rejection, Ticket> apply(TenantId tenant, TicketId id, Actor actor,
                                    BiFunction<Ticket, Instant, Either<Rejection, List<TicketEvent>>> decision) {
        Either<Rejection, Ticket> result = null;
        for (int attempt = 0; attempt <= conflictRetries; attempt++) {
            result = find(tenant, id, actor).flatMap(ticket -> decision.apply(ticket, clock.instant())
                    .flatMap(events -> events.isEmpty() ? Either.right(ticket)
                            : commitOne(tenant, ticket.version(), ticket, events, null)));
            if (!(result.isLeft() && result.getLeft() instanceof Rejection.ConcurrentModification)) {
                break;
            }
        }
        return result.map(t -> viewFor(actor, t));
    }

    Either<Rejection, TicketFacts> facts(TenantId tenant, TicketId id, Actor actor) {
        return find(tenant, id, actor).map(t -> escalation.facts(t, history(tenant, id, t.version())));
    }

    /** The tickets waiting in a group's queue, oldest first. */
    List<Ticket> queue(TenantId tenant, GroupId group) {
        List<Ticket> waiting = new ArrayList<>();
        TicketQuery open = TicketQuery.inStatus(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD);
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page batch = store.list(tenant, open, page.get());
            for (Ticket t : batch.items()) {
                if (t.assignee().isEmpty() && t.group().equals(Optional.of(group))) {
                    waiting.add(t);
                }
            }
            page = batch.next();
        }
        waiting.sort(java.util.Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.number().value()));
        return waiting;
    }

    /** Routes the tickets waiting in a routed group's queue, oldest first; returns how many were assigned. */
    int drain(TenantId tenant, GroupId group) {
        if (escalation.router().routing(group).isEmpty()) {
            return 0;
        }
        boolean outer = !draining.get();
        draining.set(Boolean.TRUE);
        try {
            int assigned = 0;
            for (Ticket waiting : queue(tenant, group)) {
                Either<Rejection, Ticket> r = apply(tenant, waiting.id(), EscalationEngine.ROUTING, (t, now) -> Either.right(
                        escalation.routeWaiting(t, history(tenant, t.id(), t.version()), now, messageIds)));
                if (r.isRight() && r.get().assignee().isPresent()) {
                    assigned++;
                }
            }
            return assigned;
        } finally {
            if (outer) {
                draining.set(Boolean.FALSE);
            }
        }
    }

    /** The store's outbox, when it keeps events for later delivery. */
    private EventOutbox outbox() {
        return store instanceof EventOutbox o && o.isActive() ? o : null;
    }

    /**
     * Hands the events the store's outbox keeps to the listeners, a batch at a time, until
     * none is due. Without an outbox, listeners were called at commit and this does nothing.
     */
    DeliveryReport deliverEvents(Instant now) {
        EventOutbox outbox = outbox();
        if (outbox == null || listeners.isEmpty()) {
            return DeliveryReport.NOTHING;
        }
        DeliveryReport total = DeliveryReport.NOTHING;
        while (true) {
            DeliveryReport batch = outbox.deliver(now, dueBatchSize, listeners);
            total = total.plus(batch);
            if (batch.handled() < dueBatchSize || batch.delivered() == 0) {
                return total;
            }
        }
    }

    private MessageId messageId() {
        return new MessageId(ids.next());
    }

    MessageId nextMessageId() {
        return messageId();
    }

    List<TicketEvent> historyOf(TenantId tenant, Ticket ticket) {
        return history(tenant, ticket.id(), ticket.version());
    }

    private static Rejection missing(Object id, Object command, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("ticketId", "is required"));
        }
        if (command == null) {
            errors.add(new FieldError("command", "is required"));
        }
        if (actor == null) {
            errors.add(new FieldError("actor", "is required"));
        }
        return new Rejection.Invalid(errors);
    }
}
