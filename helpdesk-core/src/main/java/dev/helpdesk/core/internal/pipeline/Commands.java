package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.pipeline.Committer.Committed;
import dev.helpdesk.core.internal.pipeline.LiveConfiguration.Snapshot;
import dev.helpdesk.core.ticket.ChannelReceipt;
import dev.helpdesk.core.ticket.MergeChain;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The command path, one direction: load → decide → rules → routing → schedule → commit →
 * deliver after the commit. Each step is its own class; this one strings them together for
 * each kind of request (open, a command on a ticket, a merge, routing a waiting ticket) inside
 * the {@link Committer}'s one retry loop, and drains the queues a commit freed a seat in once
 * the command has its answer. Nothing here calls back into an earlier step, and no state
 * outlives a call.
 */
public final class Commands {
    private final LiveConfiguration config;
    private final TicketLoader loader;
    private final Decision decision;
    private final RuleReaction rules;
    private final RoutingStep routing;
    private final Scheduling scheduling;
    private final Committer committer;
    private final Queues queues;
    private final TicketNumberSequence numbers;
    private final Clock clock;

    Commands(LiveConfiguration config, TicketLoader loader, Decision decision, RuleReaction rules, RoutingStep routing,
             Scheduling scheduling, Committer committer, Queues queues, TicketNumberSequence numbers, Clock clock) {
        this.config = config;
        this.loader = loader;
        this.decision = decision;
        this.rules = rules;
        this.routing = routing;
        this.scheduling = scheduling;
        this.committer = committer;
        this.queues = queues;
        this.numbers = numbers;
        this.clock = clock;
    }

    // ---- requests -------------------------------------------------------------------------

    /**
     * Opens a ticket.
     *
     * @param tenant  the tenant
     * @param command the opening command
     * @param actor   who opens
     * @return the new ticket as the actor sees it, or why not
     */
    public Either<Rejection, Ticket> open(TenantId tenant, TicketCommand.Open command, Actor actor) {
        Either<Rejection, TicketDecider.Opening> checked = decision.checkOpen(command, actor);
        if (checked.isLeft()) {
            return Either.left(checked.getLeft());
        }
        if (command.followUpOf() != null) {
            Either<Rejection, Ticket> closed = loader.find(tenant, command.followUpOf(), actor);
            if (closed.isLeft()) {
                return closed;
            }
            if (closed.get().status() != Status.CLOSED) {
                return Either.left(Rejection.Invalid.of("followUpOf", "must be a closed ticket"));
            }
        }
        return openChecked(tenant, checked.get(), actor, null);
    }

    /**
     * Opens a ticket for a message received on a channel: the opening's first message is
     * linked to the channel's id, with its attachments, in the same commit (issue 11).
     *
     * @param tenant  the tenant
     * @param command the opening command
     * @param actor   who opens
     * @param receipt the channel's facts
     * @return the new ticket as the actor sees it, or why not
     */
    public Either<Rejection, Ticket> open(TenantId tenant, TicketCommand.Open command, Actor actor, ChannelReceipt receipt) {
        Either<Rejection, TicketDecider.Opening> checked = decision.checkOpen(command, actor);
        return checked.isLeft() ? Either.left(checked.getLeft()) : openChecked(tenant, checked.get(), actor, receipt);
    }

    private Either<Rejection, Ticket> openChecked(TenantId tenant, TicketDecider.Opening opening, Actor actor,
                                                  ChannelReceipt receipt) {
        Instant now = clock.instant();
        List<TicketEvent> decided = decision.open(opening, actor, numbers.next(tenant), now);
        List<TicketEvent> events = receipt == null ? decided : decision.withReceipt(decided, receipt);
        Either<Rejection, Committed> first = pipeline(tenant, null, History.none(), events, now, Set.of());
        // a creation cannot conflict with another writer; it can lose a seat to one
        return answer(tenant, Committer.settled(first) ? first
                : committer.run(full -> pipeline(tenant, null, History.none(), events, now, full), false, first), 0, actor);
    }

    /**
     * Carries out a command on a ticket, retried on fresh state after a conflict.
     *
     * @param tenant  the tenant
     * @param id      the ticket
     * @param command the command
     * @param actor   who acts
     * @return the ticket after the command as the actor sees it (for a customer's reply to a
     *         closed ticket, the follow-up ticket), or why not
     */
    public Either<Rejection, Ticket> execute(TenantId tenant, TicketId id, TicketCommand command, Actor actor) {
        if (id == null || command == null || actor == null) {
            return Either.left(TicketLoader.missing(id, command, actor));
        }
        if (command instanceof TicketCommand.Open open) {
            return open(tenant, open, actor);
        }
        if (command instanceof TicketCommand.Merge merge) {
            return merge(tenant, id, merge, actor);
        }
        Either<Rejection, Ticket> loaded = loader.find(tenant, id, actor);
        if (loaded.isLeft()) {
            return loaded;
        }
        // a message received on a channel is a reply with the channel's facts (issue 11)
        ChannelReceipt receipt = command instanceof TicketCommand.Receive r ? r.receipt() : null;
        TicketCommand.Reply asReply = command instanceof TicketCommand.Receive r ? r.reply()
                : command instanceof TicketCommand.Reply r ? r : null;
        if (asReply != null && loaded.get().status() == Status.CLOSED && actor instanceof Actor.Customer) {
            return followUp(tenant, loaded.get(), asReply, actor, receipt);
        }
        if (asReply != null && decision.redirect(loaded.get(), asReply, actor).isPresent()) {
            // a customer's reply to a merged ticket lands where its conversation went, or on a new ticket
            Optional<Ticket> landing = MergeChain.landing(loaded.get(),
                    next -> loader.find(tenant, next, actor).toJavaOptional());
            return landing.isPresent() ? execute(tenant, landing.get().id(), command, actor)
                    : followUp(tenant, loaded.get(), asReply, actor, receipt);
        }
        Either<Rejection, Committed> first = attempt(tenant, loaded.get(), command, actor, Set.of());
        return answer(tenant, Committer.settled(first) ? first
                : committer.run(full -> loader.find(tenant, id, actor)
                        .flatMap(ticket -> attempt(tenant, ticket, command, actor, full)), true, first), 0, actor);
    }

    /** One attempt of a command on the ticket as loaded: the every-command path, plain code. */
    private Either<Rejection, Committed> attempt(TenantId tenant, Ticket ticket, TicketCommand command, Actor actor,
                                                 Set<AgentId> full) {
        Instant now = clock.instant();
        Either<Rejection, List<TicketEvent>> decided = decision.decide(command, ticket, actor, now);
        if (decided.isLeft()) {
            return Either.left(decided.getLeft());
        }
        return pipeline(tenant, ticket, loader.historyOf(ticket), decided.get(), now, full);
    }

    /**
     * Routes one unassigned, unsolved ticket of a routed group now, as if it had just been
     * opened.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @param actor  who asks
     * @return the ticket, assigned or queued with the reason, or why not
     */
    public Either<Rejection, Ticket> route(TenantId tenant, TicketId id, Actor actor) {
        Fresh fresh = new Fresh(tenant, id, actor, null);
        return answer(tenant, committer.run(full -> fresh.load().flatMap(ticket -> {
            if (ticket.assignee().isPresent() || ticket.status().isFinal() || ticket.status() == Status.SOLVED) {
                return Either.left(new Rejection.InvalidTransition("route", ticket.status().name(),
                        "only an unassigned, unsolved ticket is routed"));
            }
            if (!routing.waiting(ticket)) {
                return Either.left(new Rejection.InvalidTransition("route", ticket.status().name(),
                        "the ticket's group is not routed by the desk"));
            }
            return routeOnce(tenant, ticket, full);
        }), true), 0, actor);
    }

    /**
     * Routes the tickets waiting in a routed group's queue, oldest first. The assignments it
     * commits do not drain queues in turn.
     *
     * @param tenant the tenant
     * @param group  the group
     * @return how many tickets were assigned
     */
    public int drain(TenantId tenant, GroupId group) {
        if (routing.router().routing(group).isEmpty()) {
            return 0;
        }
        int assigned = 0;
        for (Ticket waiting : queues.waiting(tenant, group)) {
            Fresh fresh = new Fresh(tenant, waiting.id(), RoutingStep.ROUTING, waiting);
            Either<Rejection, Committed> r = committer.run(full -> fresh.load().flatMap(ticket -> routing.waiting(ticket)
                    ? routeOnce(tenant, ticket, full) : Either.right(unchanged(ticket))), true);
            if (r.isRight() && r.get().tickets().get(0).assignee().isPresent()) {
                assigned++;
            }
        }
        return assigned;
    }

    private Either<Rejection, Committed> routeOnce(TenantId tenant, Ticket ticket, Set<AgentId> full) {
        Snapshot snapshot = config.current();
        Batch batch = new Batch(tenant, ticket, loader.historyOf(ticket), List.of(), clock.instant(), full, decision,
                snapshot.rules());
        routing.route(batch, java.util.Optional.empty());
        return commit(tenant, batch, snapshot);
    }

    private Either<Rejection, Ticket> followUp(TenantId tenant, Ticket closed, TicketCommand.Reply reply, Actor actor,
                                               ChannelReceipt receipt) {
        Either<Rejection, TicketDecider.Opening> checked = decision.checkFollowUp(closed, reply, actor);
        return checked.isLeft() ? Either.left(checked.getLeft()) : openChecked(tenant, checked.get(), actor, receipt);
    }

    private Either<Rejection, Ticket> merge(TenantId tenant, TicketId sourceId, TicketCommand.Merge command, Actor actor) {
        return answer(tenant, committer.run(full -> loader.find(tenant, sourceId, actor).flatMap(source -> {
            Instant now = clock.instant();
            // the command alone first: a merge into itself or by a customer is refused before the target is read
            return decision.decide(command, source, actor, now)
                    .flatMap(checked -> loader.find(tenant, command.into(), actor))
                    .flatMap(target -> decision.merge(source, target, actor, now).flatMap(merge -> {
                        Snapshot snapshot = config.current();
                        Batch from = new Batch(tenant, source, loader.historyOf(source), merge.source(), now,
                                full, decision, snapshot.rules());
                        Batch into = new Batch(tenant, target, loader.historyOf(target), merge.target(), now,
                                full, decision, snapshot.rules());
                        return committer.commit(tenant, List.of(scheduling.change(from, snapshot),
                                scheduling.change(into, snapshot)));
                    }));
        }), true), 1, actor);
    }

    // ---- the steps after decide -----------------------------------------------------------

    /** Rules, routing, schedule and commit of the events a request decided. */
    private Either<Rejection, Committed> pipeline(TenantId tenant, Ticket before, Supplier<List<TicketEvent>> prior,
                                                  List<TicketEvent> decided, Instant now, Set<AgentId> full) {
        if (decided.isEmpty()) {
            return Either.right(unchanged(before));
        }
        Snapshot snapshot = config.current();
        Batch batch = new Batch(tenant, before, prior, decided, now, full, decision, snapshot.rules());
        rules.react(batch, snapshot.rules());
        routing.afterRules(batch);
        return commit(tenant, batch, snapshot);
    }

    private Either<Rejection, Committed> commit(TenantId tenant, Batch batch, Snapshot snapshot) {
        if (batch.events().isEmpty()) {
            return Either.right(unchanged(batch.before));
        }
        return committer.commit(tenant, List.of(scheduling.change(batch, snapshot)));
    }

    private static Committed unchanged(Ticket ticket) {
        return new Committed(List.of(ticket), Set.of());
    }

    /** The request's answer as the actor sees it, after draining the queues its commit freed. */
    private Either<Rejection, Ticket> answer(TenantId tenant, Either<Rejection, Committed> result, int index, Actor actor) {
        if (result.isLeft()) {
            return Either.left(result.getLeft());
        }
        if (!result.get().freed().isEmpty()) {
            for (GroupId group : result.get().freed()) {
                drain(tenant, group);
            }
        }
        return Either.right(decision.viewFor(actor, result.get().tickets().get(index)));
    }

    /** The ticket a request works on: as loaded for the first attempt, read again for each later one. */
    private final class Fresh {
        private final TenantId tenant;
        private final TicketId id;
        private final Actor actor;
        private Ticket first;

        Fresh(TenantId tenant, TicketId id, Actor actor, Ticket first) {
            this.tenant = tenant;
            this.id = id;
            this.actor = actor;
            this.first = first;
        }

        Either<Rejection, Ticket> load() {
            if (first != null) {
                Ticket t = first;
                first = null;
                return Either.right(t);
            }
            return loader.find(tenant, id, actor);
        }
    }
}
