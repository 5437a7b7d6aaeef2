package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.idempotency.InMemoryIdempotencyStore;
import dev.helpdesk.core.internal.idempotency.KeyedRequests;
import dev.helpdesk.core.internal.notice.Notices;
import dev.helpdesk.core.internal.plugin.Plugins;
import dev.helpdesk.core.internal.routing.Router;
import dev.helpdesk.core.internal.rules.RuleBook;
import dev.helpdesk.core.internal.sla.SlaRuntime;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.idempotency.IdempotencyStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.ticket.IdGenerator;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketStore;
import java.time.Clock;
import java.time.Duration;

/**
 * A desk's pipeline, wired once when the desk is built: the steps of the command path and the
 * due sweep, and the parts the facade reads through. Each step gets only what it needs.
 */
public final class Pipeline {
    private final TicketStore store;
    private final Clock clock;
    private final Plugins plugins;
    private final LiveConfiguration config;
    private final Router router;
    private final TicketLoader loader;
    private final Decision decision;
    private final Commands commands;
    private final DueSweep sweep;
    private final Views views;
    private final Queues queues;
    private final AfterCommitDelivery delivery;

    /**
     * Everything a pipeline is made of; the facade's builder fills it from the desk's settings.
     *
     * @param store          the store
     * @param numbers        where ticket numbers come from
     * @param clock          the clock
     * @param ids            the id generator
     * @param decider        the ticket lifecycle
     * @param plugins        the installed plugins
     * @param rules          the escalation rules
     * @param sla            the SLA configuration
     * @param router         routing
     * @param notices        notices
     * @param autoCloseAfter how long a ticket stays solved before it closes
     * @param dueBatchSize   how many due tickets to claim at a time
     * @param dueLease       how long a claim holds
     * @param retries        how often a conflicting command runs again
     * @param firstPause     the bound of the first pause before a retry
     * @param maxPause       the largest bound of a pause
     */
    public record Parts(TicketStore store, TicketNumberSequence numbers, Clock clock, IdGenerator ids,
                        TicketDecider decider, Plugins plugins, RuleBook rules, SlaRuntime sla, Router router,
                        Notices notices, Duration autoCloseAfter, int dueBatchSize, Duration dueLease, int retries,
                        Duration firstPause, Duration maxPause) {
    }

    /**
     * Wires the steps.
     *
     * @param parts what the desk is made of
     */
    public Pipeline(Parts parts) {
        this(parts, java.util.Optional.empty(), dev.helpdesk.core.visit.VisitSettings.defaults());
    }

    /**
     * Wires the steps of a desk with remote sessions and on-site visits.
     *
     * @param parts  what the desk is made of
     * @param remote how the desk runs remote sessions, or empty for none
     * @param visits how the desk plans visits
     */
    public Pipeline(Parts parts, java.util.Optional<dev.helpdesk.core.remote.RemoteSettings> remote,
                    dev.helpdesk.core.visit.VisitSettings visits) {
        this.remote = remote;
        this.visits = visits;
        this.ids = parts.ids();
        this.store = parts.store();
        this.clock = parts.clock();
        this.plugins = parts.plugins();
        this.router = parts.router();
        this.config = new LiveConfiguration(parts.rules(), parts.sla());
        this.loader = new TicketLoader(store);
        this.decision = new Decision(parts.decider(), parts.ids());
        this.queues = new Queues(store);
        this.delivery = new AfterCommitDelivery(store, plugins.ofKind(EventListener.class), parts.notices(), router,
                parts.dueBatchSize());
        Committer committer = new Committer(store, parts.retries(), parts.firstPause(), parts.maxPause(), delivery);
        RoutingStep routing = new RoutingStep(router);
        RuleReaction reaction = new RuleReaction(routing);
        Scheduling scheduling = new Scheduling(parts.autoCloseAfter(), remote.isPresent());
        this.commands = new Commands(config, loader, decision, reaction, routing, scheduling, committer, queues,
                parts.numbers(), clock);
        this.sweep = new DueSweep(store, config, decision, reaction, routing, scheduling, committer, commands, delivery,
                parts.dueBatchSize(), parts.dueLease());
        this.views = new Views(loader, config, clock);
        this.keyed = new KeyedRequests(store instanceof IdempotencyStore own ? own : new InMemoryIdempotencyStore(store),
                store, clock, decision::viewFor);
    }

    /**
     * The command path.
     *
     * @return the commands
     */
    public Commands commands() {
        return commands;
    }

    /**
     * Timed work.
     *
     * @return the sweep
     */
    public DueSweep sweep() {
        return sweep;
    }

    /**
     * Staff views of a ticket.
     *
     * @return the views
     */
    public Views views() {
        return views;
    }

    /**
     * The routing queues.
     *
     * @return the queues
     */
    public Queues queues() {
        return queues;
    }

    /**
     * Ticket loading with the actor's reach.
     *
     * @return the loader
     */
    public TicketLoader loader() {
        return loader;
    }

    /**
     * Event and notice delivery.
     *
     * @return the delivery step
     */
    public AfterCommitDelivery delivery() {
        return delivery;
    }

    /**
     * The configuration a host may replace while the desk runs.
     *
     * @return the live configuration
     */
    public LiveConfiguration config() {
        return config;
    }

    /**
     * Routing.
     *
     * @return the router
     */
    public Router router() {
        return router;
    }

    /**
     * The ticket lifecycle.
     *
     * @return the decider
     */
    public TicketDecider decider() {
        return decision.decider();
    }

    /**
     * A ticket as an actor may see it: a customer gets the customer view.
     *
     * @param actor  who reads
     * @param ticket the ticket
     * @return the ticket, or its customer view
     */
    public Ticket viewFor(Actor actor, Ticket ticket) {
        return decision.viewFor(actor, ticket);
    }

    /**
     * The installed plugins.
     *
     * @return the plugins
     */
    public Plugins plugins() {
        return plugins;
    }

    /**
     * The desk's clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The desk's store.
     *
     * @return the store
     */
    public TicketStore store() {
        return store;
    }

    // ---- channels: idempotent requests, phone, chat, portal, forum -------------------------
    private final KeyedRequests keyed;

    /**
     * Keyed requests: the store's own records when it keeps them, otherwise records in memory.
     *
     * @return the runner of keyed requests
     */
    public KeyedRequests keyed() {
        return keyed;
    }

    // ---- remote sessions and on-site visits ----------------------------------

    private final java.util.Optional<dev.helpdesk.core.remote.RemoteSettings> remote;
    private final dev.helpdesk.core.visit.VisitSettings visits;
    private final IdGenerator ids;

    /**
     * Where the ids of consents, remote sessions and visits come from.
     *
     * @return the desk's id generator
     */
    public IdGenerator ids() {
        return ids;
    }

    /**
     * How the desk runs remote sessions.
     *
     * @return the settings, or empty when the desk has none
     */
    public java.util.Optional<dev.helpdesk.core.remote.RemoteSettings> remoteSettings() {
        return remote;
    }

    /**
     * How the desk plans on-site visits.
     *
     * @return the settings
     */
    public dev.helpdesk.core.visit.VisitSettings visitSettings() {
        return visits;
    }

    // ---- knowledge base --------------------------------------------------------------------

    private volatile dev.helpdesk.core.internal.knowledge.KnowledgeBase knowledge;

    /**
     * Attaches the knowledge base; the desk's builder calls this once, before the desk is used.
     *
     * @param base the knowledge base
     */
    public void attachKnowledge(dev.helpdesk.core.internal.knowledge.KnowledgeBase base) {
        if (knowledge != null) {
            throw new IllegalStateException("the knowledge base is attached once");
        }
        knowledge = java.util.Objects.requireNonNull(base, "base");
    }

    /**
     * The knowledge base.
     *
     * @return the knowledge base
     */
    public dev.helpdesk.core.internal.knowledge.KnowledgeBase knowledge() {
        return knowledge;
    }

    // ---- problems --------------------------------------------------------------------------

    private volatile dev.helpdesk.core.internal.problem.ProblemBase problems;

    /**
     * Attaches problem management; the desk's builder calls this once, before the desk is used.
     *
     * @param base the shared parts of problem management
     */
    public void attachProblems(dev.helpdesk.core.internal.problem.ProblemBase base) {
        if (problems != null) {
            throw new IllegalStateException("problem management is attached once");
        }
        problems = java.util.Objects.requireNonNull(base, "base");
    }

    /**
     * Problem management.
     *
     * @return the shared parts of problem management
     */
    public dev.helpdesk.core.internal.problem.ProblemBase problems() {
        return problems;
    }
}
