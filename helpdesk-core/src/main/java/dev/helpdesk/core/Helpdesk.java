package dev.helpdesk.core;

import dev.helpdesk.core.channel.IntakePolicy;
import dev.helpdesk.core.internal.intake.ChannelDelivery;
import dev.helpdesk.core.internal.intake.Intake;
import dev.helpdesk.core.internal.pipeline.Commands;
import dev.helpdesk.core.internal.notice.Notices;
import dev.helpdesk.core.internal.pipeline.DueSweep;
import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.chat.ChatSettings;
import dev.helpdesk.core.forum.ForumSettings;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.core.portal.PortalSettings;
import dev.helpdesk.core.internal.plugin.Plugins;
import dev.helpdesk.core.internal.routing.Router;
import dev.helpdesk.core.internal.routing.Workload;
import dev.helpdesk.core.internal.rules.RuleBook;
import dev.helpdesk.core.internal.sla.OpeningHorizon;
import dev.helpdesk.core.internal.sla.SlaRuntime;
import dev.helpdesk.core.memory.InMemoryHeldNotices;
import dev.helpdesk.core.memory.InMemoryRoutingTurns;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.notification.Templates;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.channel.ChannelSender;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.escalation.ActionType;
import dev.helpdesk.spi.escalation.ConditionType;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Vocabulary;
import dev.helpdesk.spi.notification.HeldNotices;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentDirectory;
import dev.helpdesk.spi.routing.CustomerLanguages;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.routing.RoutingStrategy;
import dev.helpdesk.spi.routing.RoutingTurns;
import dev.helpdesk.spi.routing.SkillRequirement;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.IdGenerator;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketStore;
import java.time.Clock;
import java.time.Duration;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.helpdesk.core.feedback.Complaints;
import dev.helpdesk.core.feedback.FeedbackSettings;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.Set;

/**
 * A help desk: the entry point of the library. Build one per application with
 * {@link #builder()}, keep it for the application's life, and use it from any thread.
 *
 * <pre>{@code
 * Helpdesk desk = Helpdesk.builder()
 *     .store(store)                       // default: in memory
 *     .clock(Clock.systemUTC())
 *     .calendars(List.of(officeHours))    // business calendars for SLA targets
 *     .slaPolicies(List.of(high, normal)) // tried in order; the last is the fallback
 *     .plugin(new AuditListener())        // explicit registration
 *     .build();
 *
 * TenantDesk acme = desk.tenant(TenantId.of("acme"));
 * Either<Rejection, Ticket> opened = acme.tickets().open(TicketCommand.open()
 *     .subject("Printer offline").body("Since this morning").channel(Channel.PHONE)
 *     .category(Category.HARDWARE).requester(CustomerId.of("c-42")).build(), agent);
 *
 * // in a job the host schedules, e.g. every minute:
 * desk.runDue(clock.instant());
 * }</pre>
 *
 * <p>Events reach {@link dev.helpdesk.spi.plugin.EventListener} plugins once each commit is
 * durable ({@link TicketStore#afterCommit}: after the host's transaction commits, never for one
 * that rolls back), or, with a store that has a transactional outbox (the JDBC store), when
 * {@link #runDue} or {@link #deliverEvents} runs: at least once, in order per ticket. Notices
 * to agents and customers likewise leave only after the commit.
 */
public final class Helpdesk {
    private final Pipeline pipeline;
    private final DeskSettings settings;
    /** Channels: the hotline, chat, portal and forum wiring. */
    private final ChannelSetup channels;
    // feedback and reports
    private final Optional<FeedbackSettings> feedback;

    private Helpdesk(Pipeline pipeline, DeskSettings settings, ChannelSetup channels, Optional<FeedbackSettings> feedback) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.channels = channels;
        this.feedback = feedback;
    }

    /**
     * Starts configuring a desk.
     *
     * @return a builder with the defaults: in-memory store, UTC system clock, time-ordered
     *         ids, the default categories, automatic close after 7 days solved
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of one tenant. Every operation through it reads and writes only that tenant's
     * data: another tenant's tickets are not found.
     *
     * @param tenant the tenant
     * @return the tenant's desk
     */
    public TenantDesk tenant(TenantId tenant) {
        return new TenantDesk(pipeline, Objects.requireNonNull(tenant, "tenant"), channels, feedback);
    }

    /**
     * Does the timed work that is due at a given time, across all tenants: closes tickets that
     * stayed solved long enough (and, with SLA policies, emits warnings and breaches). Due
     * tickets are claimed through the store in batches, so several host instances sharing one
     * store can call this at the same time without doing any work twice. The host schedules
     * the calls (every minute is typical).
     *
     * @param now the time to run at, usually the clock's current time
     * @return what was done
     */
    public DueRun runDue(Instant now) {
        DueSweep.Swept run = pipeline.sweep().runDue(Objects.requireNonNull(now, "now"));
        pipeline.delivery().deliverEvents(now);
        pruneWhenDue(now);
        return new DueRun(run.claimed(), run.changed(), run.events(), run.conflicts());
    }

    /**
     * Hands the events kept in the store's transactional outbox to the event listeners, in
     * order per ticket, at least once; a failing listener gets them again later with back-off.
     * {@link #runDue(Instant)} does this too; call it on its own when events should reach the
     * listeners more often than timed work runs. With a store without an outbox (the in-memory
     * one) listeners are called right after each commit and this does nothing.
     *
     * @param now the current time, for back-off
     * @return how many events were delivered, failed, or parked as dead letters
     */
    public DeliveryReport deliverEvents(Instant now) {
        return pipeline.delivery().deliverEvents(Objects.requireNonNull(now, "now"));
    }

    /**
     * {@link #runDue(Instant)} at the desk clock's current time.
     *
     * @return what was done
     */
    public DueRun runDue() {
        return runDue(pipeline.clock().instant());
    }

    /**
     * The SLA configuration in force.
     *
     * @return the calendars and policies clocks are computed with
     */
    public SlaConfiguration slaConfiguration() {
        return pipeline.config().current().sla().configuration();
    }

    /**
     * Replaces the SLA configuration while the desk runs. From the next call on, every clock
     * of every ticket is computed under the new policies and calendars, from the ticket's whole
     * history, so no paused time is lost and no cycle restarts. Warnings and breaches already
     * emitted stay in the histories and are not emitted again.
     *
     * <p>Each ticket's stored due time is recomputed on its next commit; to recompute them at
     * once (needed when a target became stricter), call
     * {@code tenant(t).sla().reschedule()} for each tenant.
     *
     * @param configuration the new configuration, checked when it was made
     */
    public void configureSla(SlaConfiguration configuration) {
        pipeline.config().replaceSla(Objects.requireNonNull(configuration, "configuration"));
        OpeningHorizon.warn(configuration.calendars(), pipeline.clock().instant());
    }

    /**
     * The installed plugins, in order.
     *
     * @return the plugins
     */
    public List<HelpdeskPlugin> plugins() {
        return pipeline.plugins().all();
    }

    /**
     * The desk's categories.
     *
     * @return the taxonomy tickets are checked against
     */
    public Set<Category> categories() {
        return pipeline.decider().categories();
    }

    // ---- escalation and routing -----------------------------------------------------------

    /**
     * The escalation rules in force, in the order they run.
     *
     * @return the rules
     */
    public List<EscalationRule> escalationRules() {
        return pipeline.config().current().rules().definitions();
    }

    /**
     * Replaces the escalation rules while the desk runs. The new rules are checked first
     * against the desk's vocabulary; when any is rejected, the rules in force stay. Rules that
     * fired keep their firings in the histories: a rule of the same name does not fire again
     * for a trigger key it fired for. A ticket's due time for timed rules is recomputed on its
     * next commit.
     *
     * @param rules the new rules, in the order they run
     * @return the rules now in force, or {@link Rejection.Invalid} naming every problem by
     *         its path ({@code rules[2].condition.all[0].field})
     */
    public Either<Rejection, List<EscalationRule>> configureEscalation(List<EscalationRule> rules) {
        if (rules == null) {
            return Either.left(Rejection.Invalid.of("rules", "is required"));
        }
        return pipeline.config().replaceRules(rules);
    }

    /**
     * What escalation rules may refer to on this desk: built-in and custom fields, custom
     * condition and action types, routing strategies. Use it to check a rule a host's form
     * made before storing it ({@code vocabulary().check(rule)}).
     *
     * @return the vocabulary
     */
    public Vocabulary escalationVocabulary() {
        return pipeline.config().current().rules().vocabulary();
    }

    /**
     * The notices waiting for their recipients' working hours; the next due run at or after
     * each one's time sends it.
     *
     * @return the waiting notices, soonest first
     */
    public List<Notification> waitingNotices() {
        return pipeline.delivery().heldNotices();
    }

    /**
     * The desk's settings.
     *
     * @return the settings it was built with
     */
    public DeskSettings settings() {
        return settings;
    }

    // ---- channel intake ----------------------------------------------------------

    private InboundIntake intake;

    /**
     * The desk's door for inbound messages, for every tenant: a channel module (the email
     * channel's receiver and IMAP poller, a phone system's log, a chat widget) hands each
     * message to it, and it decides the ticket, the customer and the command as
     * {@link InboundIntake} describes, with each tenant's {@link IntakePolicy}. The message,
     * its external id and its attachments commit together, so a message handed over twice is
     * recorded once.
     *
     * @return the intake; safe for concurrent use
     * @throws ConfigurationException when the store does not index external message ids (the
     *                                in-memory and JDBC stores do)
     */
    public InboundIntake intake() {
        if (intake == null) {
            throw new ConfigurationException("the store " + pipeline.store().getClass().getName()
                    + " does not index external message ids (" + ExternalMessages.class.getName() + "): no intake");
        }
        return intake;
    }

    // ---- channels: idempotency keys' retention -----------------------------------

    /** How often {@link #runDue} prunes the records of idempotency keys, at most. */
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private Duration keyRetention;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>();

    /**
     * Deletes the records of idempotency keys older than the retention
     * ({@link Builder#idempotencyRetention}), of every tenant, a thousand at a time until none
     * is left: a request sent again under such a key afterwards runs anew. {@link #runDue}
     * does this at most once an hour.
     *
     * @param now the current time
     * @return how many records were deleted
     */
    public int pruneIdempotencyKeys(Instant now) {
        Instant before = Objects.requireNonNull(now, "now").minus(keyRetention);
        lastPrune.set(now);
        int total = 0;
        for (int deleted = 1000; deleted == 1000; ) {
            deleted = pipeline.keyed().records().prune(before, 1000);
            total += deleted;
        }
        return total;
    }

    /** {@link #pruneIdempotencyKeys} when the last prune was an hour or more before {@code now}. */
    private void pruneWhenDue(Instant now) {
        Instant last = lastPrune.get();
        if (last == null || !now.isBefore(last.plus(PRUNE_EVERY)) || now.isBefore(last)) {
            pruneIdempotencyKeys(now);
        }
    }

    /** Configures a {@link Helpdesk}. Not thread-safe; build once at start-up. */
    public static final class Builder {
        private TicketStore store;
        private TicketNumberSequence numbers;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private final Set<Category> categories = new LinkedHashSet<>(Category.defaults());
        private final DeskSettings.Builder settings = DeskSettings.builder();
        private final List<HelpdeskPlugin> plugins = new ArrayList<>();
        private ClassLoader discoverFrom;
        private HeldNotices heldNotices;
        private final List<BusinessCalendar> calendars = new ArrayList<>();
        private final List<SlaPolicy> slaPolicies = new ArrayList<>();
        private CustomerSegments segments = CustomerSegments.NONE;
        private final List<EscalationRule> escalationRules = new ArrayList<>();
        private final List<CustomField> customFields = new ArrayList<>();
        private AgentDirectory agents = AgentDirectory.NONE;
        private CustomerLanguages customerLanguages = CustomerLanguages.NONE;
        private final List<GroupRouting> groupRouting = new ArrayList<>();
        private final List<SkillRequirement> skills = new ArrayList<>();
        private Templates templates = Templates.defaults();

        private Builder() {
        }

        /**
         * The store for tickets. When it also implements {@link TicketNumberSequence}, it hands
         * out ticket numbers too.
         *
         * @param value the store; the default is a new in-memory store
         * @return this builder
         */
        public Builder store(TicketStore value) {
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Where ticket numbers come from, when the store does not hand them out itself.
         *
         * @param value the sequence
         * @return this builder
         */
        public Builder ticketNumbers(TicketNumberSequence value) {
            numbers = Objects.requireNonNull(value, "ticketNumbers");
            return this;
        }

        /**
         * The clock every event's time comes from.
         *
         * @param value the clock; the default is the UTC system clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Where ticket and message ids come from.
         *
         * @param value the generator; the default makes version 7 UUIDs from the desk's clock
         * @return this builder
         */
        public Builder idGenerator(IdGenerator value) {
            ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /**
         * Adds categories to the taxonomy (the defaults stay).
         *
         * @param more the host's own categories
         * @return this builder
         */
        public Builder addCategories(Collection<Category> more) {
            more.forEach(c -> categories.add(Objects.requireNonNull(c, "category")));
            return this;
        }

        /**
         * Replaces the taxonomy.
         *
         * @param only the categories tickets may have; at least one
         * @return this builder
         */
        public Builder categories(Collection<Category> only) {
            if (only.isEmpty()) {
                throw new ConfigurationException("a desk needs at least one category");
            }
            categories.clear();
            return addCategories(only);
        }

        /**
         * How long a ticket stays solved before {@link Helpdesk#runDue} closes it.
         *
         * @param value a positive duration; the default is 7 days
         * @return this builder
         */
        public Builder autoCloseAfter(Duration value) {
            settings.autoCloseAfter(Objects.requireNonNull(value, "autoCloseAfter"));
            return this;
        }

        /**
         * Takes every setting of the desk at once, replacing what the single setters set before.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(DeskSettings value) {
            settings.from(Objects.requireNonNull(value, "settings"));
            return this;
        }

        /**
         * Where notices wait for their recipients' working hours. A store that keeps them durably
         * (the JDBC adapter's) keeps them across restarts and hands each to one desk instance.
         *
         * @param value the holder; the default is the in-memory store's own, or a new in-memory
         *              holder for another store
         * @return this builder
         */
        public Builder heldNotices(HeldNotices value) {
            heldNotices = Objects.requireNonNull(value, "heldNotices");
            return this;
        }

        /**
         * Registers a plugin explicitly. Registering the same plugin twice is a no-op.
         *
         * @param plugin the plugin
         * @return this builder
         */
        public Builder plugin(HelpdeskPlugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        /**
         * Opts in to discovering plugins with {@link java.util.ServiceLoader}, after the
         * explicit ones, in a deterministic order (by each plugin's order, then name).
         *
         * @return this builder
         */
        public Builder discoverPlugins() {
            return discoverPlugins(Thread.currentThread().getContextClassLoader());
        }

        /**
         * Opts in to discovering plugins through a given class loader.
         *
         * @param loader where to look
         * @return this builder
         */
        public Builder discoverPlugins(ClassLoader loader) {
            discoverFrom = loader == null ? Helpdesk.class.getClassLoader() : loader;
            return this;
        }

        /**
         * How many due tickets {@link Helpdesk#runDue} claims at a time.
         *
         * @param value 1 to 10,000; the default is 100
         * @return this builder
         */
        public Builder dueBatchSize(int value) {
            settings.dueBatchSize(value);
            return this;
        }

        /**
         * How long a claim on a due ticket holds when the instance that claimed it dies.
         *
         * @param value a positive duration; the default is 5 minutes
         * @return this builder
         */
        public Builder dueLease(Duration value) {
            settings.dueLease(Objects.requireNonNull(value, "dueLease"));
            return this;
        }

        /**
         * How often a command is decided again on fresh state when another command changed the
         * ticket at the same moment, before it is answered with
         * {@link dev.helpdesk.spi.rejection.Rejection.ConcurrentModification}.
         *
         * A conflict is retried after a random pause whose bound doubles with each conflict
         * (see {@link DeskSettings#conflictBackoff()}).
         *
         * @param value 0 to 100; the default is {@value DeskSettings#DEFAULT_CONFLICT_RETRIES}
         * @return this builder
         */
        public Builder conflictRetries(int value) {
            settings.conflictRetries(value);
            return this;
        }

        /**
         * Adds business calendars that SLA targets can name. Checked with the policies when the
         * desk is built; a calendar whose next opening is more than a year away (or that never
         * opens again) is accepted but logged at WARN, since SLA clocks on it stand still.
         *
         * @param more the calendars, with ids unique across all added
         * @return this builder
         */
        public Builder calendars(Collection<BusinessCalendar> more) {
            more.forEach(c -> calendars.add(Objects.requireNonNull(c, "calendar")));
            return this;
        }

        /**
         * Adds SLA policies, tried in the order added; a policy without conditions is the
         * fallback and must come last. Checked with the calendars when the desk is built.
         *
         * @param more the policies, each made by {@link SlaPolicy#builder(String)}
         * @return this builder
         */
        public Builder slaPolicies(List<SlaPolicy> more) {
            more.forEach(p -> slaPolicies.add(Objects.requireNonNull(p, "policy")));
            return this;
        }

        /**
         * Adds SLA policies, tried in the order given.
         *
         * @param more the policies
         * @return this builder
         */
        public Builder slaPolicies(SlaPolicy... more) {
            return slaPolicies(List.of(more));
        }

        /**
         * Adds the calendars and policies of a configuration.
         *
         * @param configuration a checked configuration
         * @return this builder
         */
        public Builder slaConfiguration(SlaConfiguration configuration) {
            return calendars(configuration.calendars()).slaPolicies(configuration.policies());
        }

        /**
         * Where the desk learns customers' segments, for policies with a segment condition.
         *
         * @param value the host's lookup; the default knows no segments
         * @return this builder
         */
        public Builder customerSegments(CustomerSegments value) {
            segments = Objects.requireNonNull(value, "customerSegments");
            return this;
        }

        /**
         * Adds escalation rules, run in the order added. Checked when the desk is built,
         * against the custom fields and the condition and action types installed.
         *
         * @param more the rules, each made by {@link EscalationRule#builder(String)} or read
         *             with {@link EscalationRule#fromValues}
         * @return this builder
         */
        public Builder escalationRules(List<EscalationRule> more) {
            more.forEach(r -> escalationRules.add(Objects.requireNonNull(r, "rule")));
            return this;
        }

        /**
         * Adds escalation rules, run in the order given.
         *
         * @param more the rules
         * @return this builder
         */
        public Builder escalationRules(EscalationRule... more) {
            return escalationRules(List.of(more));
        }

        /**
         * Declares custom fields every ticket of the desk has; staff and rules set them, and
         * escalation conditions compare them as {@code field.<name>}.
         *
         * @param more the fields, names unique
         * @return this builder
         */
        public Builder customFields(CustomField... more) {
            for (CustomField f : more) {
                if (customFields.stream().anyMatch(c -> c.name().equals(f.name()))) {
                    throw new ConfigurationException("custom field '" + f.name() + "' is declared twice");
                }
                customFields.add(f);
            }
            return this;
        }

        /**
         * Where the desk learns about the host's agents: tiers, groups, skills, languages,
         * capacity, availability, roles and working hours.
         *
         * @param value the directory; the default has no agents
         * @return this builder
         */
        public Builder agents(AgentDirectory value) {
            agents = Objects.requireNonNull(value, "agents");
            return this;
        }

        /**
         * Where the desk learns customers' languages, for skills routing and notices to
         * customers.
         *
         * @param value the lookup; the default knows none (English)
         * @return this builder
         */
        public Builder customerLanguages(CustomerLanguages value) {
            customerLanguages = Objects.requireNonNull(value, "customerLanguages");
            return this;
        }

        /**
         * Routes groups automatically: on open, after escalation, and when their queues
         * drain. A group not configured is never routed automatically.
         *
         * @param more each group's configuration
         * @return this builder
         */
        public Builder routing(GroupRouting... more) {
            groupRouting.addAll(List.of(more));
            return this;
        }

        /**
         * Says which skills tickets of a category call for, for the {@code skills} strategy.
         *
         * @param more the requirements
         * @return this builder
         */
        public Builder skills(SkillRequirement... more) {
            skills.addAll(List.of(more));
            return this;
        }

        /**
         * The texts of notices.
         *
         * @param value the templates; the default is {@link Templates#defaults()} (English,
         *              Dutch, Spanish, Russian)
         * @return this builder
         */
        public Builder notificationTemplates(Templates value) {
            templates = Objects.requireNonNull(value, "notificationTemplates");
            return this;
        }

        /**
         * How long a chain of escalation rules reacting to each other's events may grow
         * before the desk stops it and records the stop in the ticket's history.
         *
         * @param value 1 to 100; the default is 5
         * @return this builder
         */
        public Builder maxRuleDepth(int value) {
            settings.maxRuleDepth(value);
            return this;
        }

        // --- feedback and reports ---
        private FeedbackSettings feedback;

        /**
         * Turns on satisfaction surveys: the secret that signs survey tokens, their lifetime and
         * each tenant's scale. Without it, {@code TenantDesk.feedback()} still takes ratings of
         * signed-in customers on the five-point scale, but hands out no surveys.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder feedback(FeedbackSettings value) {
            this.feedback = Objects.requireNonNull(value, "feedback");
            return this;
        }

        /**
         * Adds a complaints set-up: its SLA policy goes before every other policy (so complaints
         * get it whatever the host's fallback), its routing rule and its group's routing are added
         * as given. One call, usually with {@link Complaints#defaults()}.
         *
         * @param value the set-up
         * @return this builder
         */
        public Builder complaints(Complaints value) {
            Objects.requireNonNull(value, "complaints");
            slaPolicies.add(0, value.policy());
            escalationRules.add(value.rule());
            groupRouting.add(value.routing());
            categories.add(value.category());
            return this;
        }

        /**
         * Builds the desk.
         *
         * @return the desk
         * @throws ConfigurationException when the configuration is incomplete or contradictory,
         *                                including SLA policies and calendars that do not fit
         *                                together (the message names every problem)
         */
        public Helpdesk build() {
            DeskSettings desk = settings.build();
            SlaConfiguration slaConfiguration = SlaConfiguration.of(calendars, slaPolicies);
            OpeningHorizon.warn(slaConfiguration.calendars(), clock.instant());
            TicketStore s = store;
            TicketNumberSequence n = numbers;
            HeldNotices held = heldNotices;
            if (s == null) {
                InMemoryTicketStore memory = new InMemoryTicketStore();
                s = memory;
                if (n == null) {
                    n = memory;
                }
            }
            if (held == null) {
                held = s instanceof InMemoryTicketStore memory ? memory.heldNotices() : new InMemoryHeldNotices();
            }
            if (n == null) {
                if (!(s instanceof TicketNumberSequence seq)) {
                    throw new ConfigurationException("the store " + s.getClass().getName()
                            + " does not hand out ticket numbers: set ticketNumbers(...)");
                }
                n = seq;
            }
            Plugins installed = new Plugins();
            plugins.forEach(installed::install);
            if (discoverFrom != null) {
                installed.discover(discoverFrom);
            }
            IdGenerator generator = ids != null ? ids : new TimeOrderedIdGenerator(clock);
            RoutingTurns turns = s instanceof RoutingTurns shared ? shared : new InMemoryRoutingTurns();
            Router router = new Router(agents, customerLanguages, groupRouting, skills,
                    installed.ofKind(RoutingStrategy.class), Workload.of(s), turns);
            Notices notices = new Notices(installed.ofKind(Notifier.class), templates, agents, customerLanguages, held)
                    .writeVisitSlotsIn(visitSettings.calendar().map(BusinessCalendar::zone).orElse(java.time.ZoneOffset.UTC));
            Vocabulary vocabulary = Vocabulary.standard().withFields(customFields)
                    .withConditionTypes(installed.ofKind(ConditionType.class))
                    .withActionTypes(installed.ofKind(ActionType.class))
                    .withStrategies(router.strategies());
            RuleBook rules = RuleBook.of(escalationRules, vocabulary, segments, desk.maxRuleDepth())
                    .getOrElseThrow(r -> new ConfigurationException("escalation rules: " + r.message()));
            // channel intake: the channels' outbound delivery is one of the desk's event listeners
            AtomicReference<Pipeline> built = new AtomicReference<>();
            channelDelivery(s, installed, () -> built.get().commands());
            // feedback: a survey on solve, sent by the desk's own event listener after the commit
            if (feedback != null && !feedback.surveyOnSolve().isEmpty()) {
                FeedbackSettings surveys = feedback;
                installed.install(new dev.helpdesk.core.internal.feedback.SurveyOnSolve(surveys,
                        t -> new dev.helpdesk.core.feedback.FeedbackDesk(t, Optional.of(surveys), built.get().store(), clock,
                                (id, command, actor) -> built.get().commands().execute(t, id, command, actor)),
                        s, notices));
            }
            Pipeline pipeline = new Pipeline(new Pipeline.Parts(s, n, clock, generator, new TicketDecider(categories, customFields),
                    installed, rules, SlaRuntime.of(slaConfiguration, segments), router, notices, desk.autoCloseAfter(),
                    desk.dueBatchSize(), desk.dueLease(), desk.conflictRetries(), desk.conflictBackoff(),
                    desk.conflictBackoffMax()), java.util.Optional.ofNullable(remoteSettings), visitSettings);
            built.set(pipeline);
            Helpdesk helpdesk = new Helpdesk(pipeline, desk, ChannelSetup.of(phone, chat, forum, portal, pipeline, clock, generator),
                    Optional.ofNullable(feedback));
            helpdesk.intake = intake(pipeline, installed);
            helpdesk.keyRetention = idempotencyRetention;
            // knowledge base
            pipeline.attachKnowledge(knowledgeBase(generator, installed));
            // problems
            pipeline.attachProblems(problemBase(s, installed, generator, notices, pipeline));
            return helpdesk;
        }

        // ---- channel intake ----

        private IntakePolicy intakePolicy = IntakePolicy.DEFAULTS;
        private final Map<TenantId, IntakePolicy> tenantIntakePolicies = new HashMap<>();

        /**
         * How every tenant without a policy of its own takes inbound messages.
         *
         * @param value the policy; {@link IntakePolicy#DEFAULTS} unless given
         * @return this builder
         */
        public Builder intakePolicy(IntakePolicy value) {
            intakePolicy = Objects.requireNonNull(value, "intakePolicy");
            return this;
        }

        /**
         * How one tenant takes inbound messages (its ticket tag, its unknown senders).
         *
         * @param tenant the tenant
         * @param value  the policy
         * @return this builder
         */
        public Builder intakePolicy(TenantId tenant, IntakePolicy value) {
            tenantIntakePolicies.put(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(value, "intakePolicy"));
            return this;
        }

        /**
         * Installs the outbound delivery of channel messages as an event listener when a
         * {@link ChannelSender} is installed and the store indexes external message ids.
         */
        private static void channelDelivery(TicketStore store, Plugins installed, Supplier<Commands> commands) {
            List<ChannelSender> senders = installed.ofKind(ChannelSender.class);
            if (!senders.isEmpty() && store instanceof ExternalMessages index) {
                installed.install(new ChannelDelivery(senders, store, index,
                        installed.ofKind(CustomerDirectory.class).stream().findFirst(), commands));
            }
        }

        private InboundIntake intake(Pipeline pipeline, Plugins installed) {
            if (!(pipeline.store() instanceof ExternalMessages index)) {
                return null;
            }
            Map<TenantId, IntakePolicy> byTenant = Map.copyOf(tenantIntakePolicies);
            IntakePolicy fallback = intakePolicy;
            return new Intake(pipeline.commands(), pipeline.store(), index,
                    installed.ofKind(CustomerDirectory.class).stream().findFirst(),
                    tenant -> byTenant.getOrDefault(tenant, fallback));
        }

        // ---- channels: phone, chat, portal, forum ------------------------------------------
        private PhoneSettings phone;

        /**
         * Opens the hotline: calls are logged and registered as tickets on the phone channel,
         * a call outside its hours leaves a callback request. Adds the callback category to the
         * desk's categories and, when the settings give a callback target, an SLA policy for
         * that category that is tried before every other policy.
         *
         * @param value the hotline's settings
         * @return this builder
         */
        public Builder phone(PhoneSettings value) {
            phone = Objects.requireNonNull(value, "phone");
            categories.add(value.callbackCategory());
            value.callbackPolicy().ifPresent(policy -> slaPolicies.add(0, policy));
            return this;
        }

        private ChatSettings chat;

        /**
         * Opens live chat: wait limits per group, chat's own first-response target, the store
         * of sessions. The category of chat tickets is added to the desk's categories.
         *
         * @param value the chat's settings
         * @return this builder
         */
        public Builder chat(ChatSettings value) {
            chat = Objects.requireNonNull(value, "chat");
            categories.add(value.category());
            return this;
        }

        private ForumSettings forum;

        /**
         * Watches the community forum: unanswered posts become tickets after a while, answers
         * are published back, accepted answers become candidate articles. The category of forum
         * tickets is added to the desk's categories.
         *
         * @param value the forum's settings
         * @return this builder
         */
        public Builder forum(ForumSettings value) {
            forum = Objects.requireNonNull(value, "forum");
            categories.add(value.category());
            return this;
        }

        private PortalSettings portal;

        /**
         * Sets the customer portal's web forms. The categories of the forms are added to the
         * desk's categories; the custom fields they fill must be declared with
         * {@link #customFields} and open to customers.
         *
         * @param value the portal's settings
         * @return this builder
         */
        public Builder portal(PortalSettings value) {
            portal = Objects.requireNonNull(value, "portal");
            value.forms().forEach(f -> categories.add(f.category()));
            return this;
        }

        // ---- remote sessions and on-site visits ------------------------------

        private dev.helpdesk.core.remote.RemoteSettings remoteSettings;
        private dev.helpdesk.core.visit.VisitSettings visitSettings = dev.helpdesk.core.visit.VisitSettings.defaults();

        /**
         * Gives the desk remote sessions with consent: the host's secret that signs consent
         * links, how long a link works, the consent texts. Without it,
         * {@link TenantDesk#remote()} refuses every request.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder remoteSessions(dev.helpdesk.core.remote.RemoteSettings value) {
            this.remoteSettings = Objects.requireNonNull(value, "remoteSessions");
            return this;
        }

        // ---- knowledge base ------------------------------------------------------------------

        private dev.helpdesk.spi.knowledge.KnowledgeStore knowledgeStore;
        private dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore knowledgeFeedback;
        private List<dev.helpdesk.spi.knowledge.ContentLocale> knowledgeFallbacks =
                List.of(dev.helpdesk.spi.knowledge.ContentLocale.ENGLISH);
        private final java.util.Map<TenantId, List<dev.helpdesk.spi.knowledge.ContentLocale>> tenantKnowledgeFallbacks =
                new java.util.HashMap<>();

        /**
         * Where the knowledge base's articles are kept, such as the JDBC store's
         * {@code knowledge()}. The search plugin is a {@link dev.helpdesk.spi.knowledge.KnowledgeSearch}
         * registered with {@link #plugin}.
         *
         * @param value the store; the default is a new in-memory store
         * @return this builder
         */
        public Builder knowledgeStore(dev.helpdesk.spi.knowledge.KnowledgeStore value) {
            knowledgeStore = Objects.requireNonNull(value, "knowledgeStore");
            return this;
        }

        /**
         * How the desk plans on-site visits: the visit policy, the visit's SLA target in the
         * tenant's business calendar, the longest slot. Defaults to
         * {@link dev.helpdesk.core.visit.VisitSettings#defaults()}.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder visits(dev.helpdesk.core.visit.VisitSettings value) {
            this.visitSettings = Objects.requireNonNull(value, "visits");
            return this;
        }

        /**
         * Where deflections, votes and links of articles are kept.
         *
         * @param value the store; the default is a new in-memory store
         * @return this builder
         */
        public Builder knowledgeFeedback(dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore value) {
            knowledgeFeedback = Objects.requireNonNull(value, "knowledgeFeedback");
            return this;
        }

        /**
         * The languages a reader falls back to, in order, when an article is not written in
         * theirs; every tenant without fallbacks of its own uses these.
         *
         * @param locales the fallbacks, 1 to 15; the default is English
         * @return this builder
         * @throws ConfigurationException when none or more than 15 are given
         */
        public Builder knowledgeFallbacks(dev.helpdesk.spi.knowledge.ContentLocale... locales) {
            knowledgeFallbacks = fallbacks(locales);
            return this;
        }

        /**
         * The languages one tenant's readers fall back to, in order.
         *
         * @param tenant  the tenant
         * @param locales the fallbacks, 1 to 15
         * @return this builder
         * @throws ConfigurationException when none or more than 15 are given
         */
        public Builder knowledgeFallbacks(TenantId tenant, dev.helpdesk.spi.knowledge.ContentLocale... locales) {
            tenantKnowledgeFallbacks.put(Objects.requireNonNull(tenant, "tenant"), fallbacks(locales));
            return this;
        }

        private static List<dev.helpdesk.spi.knowledge.ContentLocale> fallbacks(dev.helpdesk.spi.knowledge.ContentLocale... locales) {
            List<dev.helpdesk.spi.knowledge.ContentLocale> list = List.copyOf(new LinkedHashSet<>(List.of(locales)));
            if (list.isEmpty() || list.size() > dev.helpdesk.spi.knowledge.LocaleChain.MAX_LENGTH - 1) {
                throw new ConfigurationException("knowledge fallbacks must name 1-"
                        + (dev.helpdesk.spi.knowledge.LocaleChain.MAX_LENGTH - 1) + " locales, not " + list.size());
            }
            return list;
        }

        private dev.helpdesk.core.internal.knowledge.KnowledgeBase knowledgeBase(IdGenerator generator, Plugins installed) {
            return new dev.helpdesk.core.internal.knowledge.KnowledgeBase(
                    knowledgeStore != null ? knowledgeStore : new dev.helpdesk.core.knowledge.InMemoryKnowledgeStore(),
                    knowledgeFeedback != null ? knowledgeFeedback : new dev.helpdesk.core.knowledge.InMemoryFeedbackStore(),
                    installed.ofKind(dev.helpdesk.spi.knowledge.KnowledgeSearch.class).stream().findFirst(), clock, generator,
                    categories, knowledgeFallbacks, tenantKnowledgeFallbacks);
        }
    
        // ---- channels: idempotency keys' retention ----

        private Duration idempotencyRetention = Duration.ofDays(30);

        /**
         * How long the record of an idempotency key is kept: {@link Helpdesk#runDue} deletes
         * older ones (at most once an hour), so that a key may be used again after it.
         *
         * @param value the retention, at least one minute; 30 days unless set
         * @return this builder
         * @throws ConfigurationException when it is shorter than a minute
         */
        public Builder idempotencyRetention(Duration value) {
            if (Objects.requireNonNull(value, "idempotencyRetention").compareTo(Duration.ofMinutes(1)) < 0) {
                throw new ConfigurationException("idempotencyRetention must be at least a minute, not " + value);
            }
            idempotencyRetention = value;
            return this;
        }

        // ---- problems ------------------------------------------------------------------------

        private dev.helpdesk.spi.problem.ProblemStore problemStore;
        private dev.helpdesk.core.problem.ProblemSettings problemSettings = dev.helpdesk.core.problem.ProblemSettings.defaults();

        /**
         * Where problems are kept, such as the JDBC store's {@code problems()}. The developer
         * bridges are {@link dev.helpdesk.spi.problem.DeveloperBridge} plugins registered with {@link #plugin}.
         *
         * @param value the store; the default keeps problems in memory and reads links from the
         *              ticket store's histories
         * @return this builder
         */
        public Builder problemStore(dev.helpdesk.spi.problem.ProblemStore value) {
            problemStore = Objects.requireNonNull(value, "problemStore");
            return this;
        }

        /**
         * How problems are handed to the developers (retries) and suggested (smallest cluster).
         *
         * @param value the settings; {@link dev.helpdesk.core.problem.ProblemSettings#defaults()} unless given
         * @return this builder
         */
        public Builder problems(dev.helpdesk.core.problem.ProblemSettings value) {
            problemSettings = Objects.requireNonNull(value, "problems");
            return this;
        }

        private dev.helpdesk.core.internal.problem.ProblemBase problemBase(TicketStore s, Plugins installed, IdGenerator generator,
                                                                          Notices notices, Pipeline pipeline) {
            return new dev.helpdesk.core.internal.problem.ProblemBase(
                    problemStore != null ? problemStore : new dev.helpdesk.core.problem.InMemoryProblemStore(s), s,
                    installed.ofKind(dev.helpdesk.spi.problem.DeveloperBridge.class), problemSettings, clock, generator,
                    () -> pipeline.config().current().sla().segments(), notices);
        }
    }

    // ---- problems

    /**
     * Hands due problem hand-offs to the developer bridges (see
     * {@link ProblemDesk#handOff}): at least once, with back-off after a
     * failure and a dead hand-off after the last attempt. The host calls it from its scheduler,
     * like {@link #deliverEvents}.
     *
     * @param now   the current time
     * @param limit the most hand-offs to handle, at least 1
     * @return what happened
     */
    public dev.helpdesk.core.problem.HandOffRun deliverHandOffs(Instant now, int limit) {
        return pipeline.problems().deliver(Objects.requireNonNull(now, "now"), limit);
    }
}
