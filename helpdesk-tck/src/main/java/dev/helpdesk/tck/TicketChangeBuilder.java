package dev.helpdesk.tck;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds one {@link TicketChange} for contract tests, with nothing but the SPI: either the
 * opening of a new ticket or further events on a ticket as a store returned it. The state
 * after the events is computed with {@link Tickets}, so the change is always consistent.
 *
 * <pre>{@code
 * TicketChange opening = TicketChangeBuilder.open(tenant, TicketNumber.of(1), T0)
 *         .subject("Printer does not print").build();
 * Ticket ticket = store.commit(tenant, opening).get();
 * TicketChange work = TicketChangeBuilder.on(ticket)
 *         .assign(AgentId.of("ana")).reply(Actor.agent("ana"), "Which model is it?")
 *         .status(Status.PENDING).dueAt(T0.plus(Duration.ofHours(8))).build();
 * }</pre>
 *
 * <p>The builder does not apply the desk's rules; it produces the events the desk would
 * produce for a valid life as long as the calls describe one (solve after assign, reopen
 * after solve, and so on). Every event is one second after the one before, unless
 * {@link #at(Instant)} says otherwise. Instants are whole seconds, which every database keeps
 * exactly. A builder is not thread-safe and builds one change.
 */
public final class TicketChangeBuilder {
    /** The agent that acts when no actor is named with {@link #by(Actor)}. */
    public static final AgentId DEFAULT_AGENT = AgentId.of("agent-ana");
    /** The requester of a ticket opened without {@link #requester(CustomerId)}. */
    public static final CustomerId DEFAULT_REQUESTER = CustomerId.of("customer-carla");

    private static final Duration STEP = Duration.ofSeconds(1);

    private final TenantId tenant;
    private final long expectedVersion;
    private final List<TicketEvent> events = new ArrayList<>();
    private Ticket state;
    private Instant clock;
    private Actor actor = new Actor.Agent(DEFAULT_AGENT);
    private Optional<Instant> dueAt = Optional.empty();

    // the parts of the opening, adjustable until the first other event is added
    private final TicketId openingId;
    private final TicketNumber openingNumber;
    private final Instant openingAt;
    private String subject = "Printer does not print";
    private CustomerId requester = DEFAULT_REQUESTER;
    private Actor opener;
    private Channel channel = Channel.EMAIL;
    private Category category = Category.TROUBLESHOOTING;
    private Priority priority = Priority.NORMAL;
    private Tier tier = Tier.L1;
    private Optional<GroupId> group = Optional.empty();
    private Optional<TicketId> followUpOf = Optional.empty();

    private TicketChangeBuilder(TenantId tenant, TicketId id, TicketNumber number, Instant at) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.expectedVersion = 0;
        this.openingId = Objects.requireNonNull(id, "id");
        this.openingNumber = Objects.requireNonNull(number, "number");
        this.openingAt = Objects.requireNonNull(at, "at");
        this.clock = at.plus(STEP);
    }

    private TicketChangeBuilder(Ticket current) {
        this.tenant = current.tenant();
        this.expectedVersion = current.version();
        this.state = current;
        this.clock = current.updatedAt().plus(STEP);
        this.openingId = null;
        this.openingNumber = null;
        this.openingAt = null;
    }

    /**
     * Starts the change that opens a new ticket with a fresh id from {@link TckIds}.
     *
     * @param tenant the tenant
     * @param number the ticket's number
     * @param at     when it is opened
     * @return a builder whose change is a creation (expected version 0)
     */
    public static TicketChangeBuilder open(TenantId tenant, TicketNumber number, Instant at) {
        return new TicketChangeBuilder(tenant, TckIds.ticketId(), number, at);
    }

    /**
     * Starts the change that opens a new ticket with a given id.
     *
     * @param tenant the tenant
     * @param id     the ticket's id
     * @param number the ticket's number
     * @param at     when it is opened
     * @return a builder whose change is a creation (expected version 0)
     */
    public static TicketChangeBuilder open(TenantId tenant, TicketId id, TicketNumber number, Instant at) {
        return new TicketChangeBuilder(tenant, id, number, at);
    }

    /**
     * Starts a change on a ticket as it is now; the change expects the ticket's version.
     *
     * @param current the ticket as a store returned it
     * @return a builder whose events follow the ticket's last event
     */
    public static TicketChangeBuilder on(Ticket current) {
        return new TicketChangeBuilder(Objects.requireNonNull(current, "current"));
    }

    /**
     * The two changes of merging one ticket into another, at the same instant: the source
     * gets {@link TicketEvent.Merged}, the target {@link TicketEvent.MergedIn}.
     *
     * @param source the ticket merged away
     * @param target the ticket that carries on
     * @param by     who merges
     * @return the source's change, then the target's
     */
    public static List<TicketChange> merge(Ticket source, Ticket target, Actor by) {
        Instant at = latest(source.updatedAt(), target.updatedAt()).plus(STEP);
        TicketChange away = on(source).by(by).at(at).mergeInto(target.id()).build();
        TicketChange in = on(target).by(by).at(at).mergedIn(source.id()).build();
        return List.of(away, in);
    }

    // ---- the opening ---------------------------------------------------------------------

    /**
     * Sets the subject of the opening.
     *
     * @param text the subject
     * @return this builder
     */
    public TicketChangeBuilder subject(String text) {
        requireOpening("subject");
        this.subject = Objects.requireNonNull(text, "subject");
        return this;
    }

    /**
     * Sets the requester of the opening; unless {@link #openedBy(Actor)} says otherwise the
     * requester opens the ticket.
     *
     * @param customer the customer
     * @return this builder
     */
    public TicketChangeBuilder requester(CustomerId customer) {
        requireOpening("requester");
        this.requester = Objects.requireNonNull(customer, "requester");
        return this;
    }

    /**
     * Sets who opens the ticket (an agent on the phone, an integration).
     *
     * @param who the actor
     * @return this builder
     */
    public TicketChangeBuilder openedBy(Actor who) {
        requireOpening("opener");
        this.opener = Objects.requireNonNull(who, "opener");
        return this;
    }

    /**
     * Sets the channel of the opening.
     *
     * @param value the channel
     * @return this builder
     */
    public TicketChangeBuilder channel(Channel value) {
        requireOpening("channel");
        this.channel = Objects.requireNonNull(value, "channel");
        return this;
    }

    /**
     * Sets the tier the ticket starts at.
     *
     * @param value the tier
     * @return this builder
     */
    public TicketChangeBuilder startingTier(Tier value) {
        requireOpening("tier");
        this.tier = Objects.requireNonNull(value, "tier");
        return this;
    }

    /**
     * Sets the group the ticket is queued in when opened.
     *
     * @param value the group
     * @return this builder
     */
    public TicketChangeBuilder startingGroup(GroupId value) {
        requireOpening("group");
        this.group = Optional.of(value);
        return this;
    }

    /**
     * Makes the new ticket a follow-up of a closed one.
     *
     * @param closed the closed ticket
     * @return this builder
     */
    public TicketChangeBuilder followUpOf(TicketId closed) {
        requireOpening("followUpOf");
        this.followUpOf = Optional.of(closed);
        return this;
    }

    /**
     * Sets the category and priority of the opening, or changes them with events on an
     * existing ticket.
     *
     * @param value the category
     * @return this builder
     */
    public TicketChangeBuilder category(Category value) {
        Objects.requireNonNull(value, "category");
        if (isOpeningOpen()) {
            this.category = value;
            return this;
        }
        Ticket t = current();
        return add(new TicketEvent.CategoryChanged(t.id(), tick(), actor, t.category(), value));
    }

    /**
     * Sets the priority of the opening, or changes it with an event on an existing ticket.
     *
     * @param value the priority
     * @return this builder
     */
    public TicketChangeBuilder priority(Priority value) {
        Objects.requireNonNull(value, "priority");
        if (isOpeningOpen()) {
            this.priority = value;
            return this;
        }
        Ticket t = current();
        return add(new TicketEvent.PriorityChanged(t.id(), tick(), actor, t.priority(), value));
    }

    // ---- time and actor ------------------------------------------------------------------

    /**
     * Sets the time of the next event; later events follow it a second apart.
     *
     * @param instant the time
     * @return this builder
     */
    public TicketChangeBuilder at(Instant instant) {
        this.clock = Objects.requireNonNull(instant, "at");
        return this;
    }

    /**
     * Sets the actor of the following events (except messages, which name their author).
     *
     * @param who the actor; an agent by default
     * @return this builder
     */
    public TicketChangeBuilder by(Actor who) {
        this.actor = Objects.requireNonNull(who, "actor");
        return this;
    }

    /**
     * Sets when the ticket is next due.
     *
     * @param instant the due time
     * @return this builder
     */
    public TicketChangeBuilder dueAt(Instant instant) {
        this.dueAt = Optional.of(instant);
        return this;
    }

    /**
     * Sets when the ticket is next due, or that nothing is scheduled.
     *
     * @param instant the due time, or empty
     * @return this builder
     */
    public TicketChangeBuilder dueAt(Optional<Instant> instant) {
        this.dueAt = Objects.requireNonNull(instant, "dueAt");
        return this;
    }

    // ---- events --------------------------------------------------------------------------

    /**
     * Adds a public reply.
     *
     * @param author who writes it
     * @param body   the text
     * @return this builder
     */
    public TicketChangeBuilder reply(Actor author, String body) {
        return post(author, Visibility.PUBLIC, current().channel(), body, false);
    }

    /**
     * Adds an internal note.
     *
     * @param agent who writes it
     * @param body  the text
     * @return this builder
     */
    public TicketChangeBuilder note(AgentId agent, String body) {
        return post(new Actor.Agent(agent), Visibility.INTERNAL, current().channel(), body, false);
    }

    /**
     * Adds a message with every part chosen.
     *
     * @param author     who writes it
     * @param visibility public reply or internal note
     * @param via        the channel
     * @param body       the text
     * @param automatic  whether the desk or an integration sent it by itself
     * @return this builder
     */
    public TicketChangeBuilder post(Actor author, Visibility visibility, Channel via, String body, boolean automatic) {
        Ticket t = current();
        Instant at = tick();
        Message message = new Message(TckIds.messageId(), author, visibility, via, body, at, automatic);
        return add(new TicketEvent.MessagePosted(t.id(), at, author, message));
    }

    /**
     * Assigns the ticket.
     *
     * @param agent the new assignee
     * @return this builder
     */
    public TicketChangeBuilder assign(AgentId agent) {
        return add(new TicketEvent.Assigned(current().id(), tick(), actor, agent));
    }

    /**
     * Removes the assignee.
     *
     * @return this builder
     * @throws IllegalStateException when the ticket has no assignee
     */
    public TicketChangeBuilder unassign() {
        Ticket t = current();
        AgentId previous = t.assignee().orElseThrow(() -> new IllegalStateException("no assignee to remove"));
        return add(new TicketEvent.Unassigned(t.id(), tick(), actor, previous));
    }

    /**
     * Moves the ticket to a group.
     *
     * @param to the group
     * @return this builder
     */
    public TicketChangeBuilder group(GroupId to) {
        Ticket t = current();
        return add(new TicketEvent.GroupChanged(t.id(), tick(), actor, t.group(), to));
    }

    /**
     * Changes the tier.
     *
     * @param to     the tier
     * @param reason why
     * @return this builder
     */
    public TicketChangeBuilder tier(Tier to, String reason) {
        Ticket t = current();
        return add(new TicketEvent.TierChanged(t.id(), tick(), actor, t.tier(), to, reason));
    }

    /**
     * Moves the status between NEW, OPEN, PENDING and ON_HOLD.
     *
     * @param to the status
     * @return this builder
     */
    public TicketChangeBuilder status(Status to) {
        Ticket t = current();
        return add(new TicketEvent.StatusChanged(t.id(), tick(), actor, t.status(), to));
    }

    /**
     * Solves the ticket.
     *
     * @return this builder
     */
    public TicketChangeBuilder solve() {
        return add(new TicketEvent.Solved(current().id(), tick(), actor));
    }

    /**
     * Reopens the solved ticket, starting the next resolution cycle.
     *
     * @return this builder
     */
    public TicketChangeBuilder reopen() {
        Ticket t = current();
        return add(new TicketEvent.Reopened(t.id(), tick(), actor, t.cycle() + 1));
    }

    /**
     * Closes the ticket by hand.
     *
     * @return this builder
     */
    public TicketChangeBuilder close() {
        return close(false);
    }

    /**
     * Closes the ticket.
     *
     * @param automatic true when the desk closes it because it stayed solved long enough
     * @return this builder
     */
    public TicketChangeBuilder close(boolean automatic) {
        return add(new TicketEvent.Closed(current().id(), tick(), actor, automatic));
    }

    /**
     * Merges this ticket into another; see {@link #merge} for both sides at once.
     *
     * @param into the ticket that carries on
     * @return this builder
     */
    public TicketChangeBuilder mergeInto(TicketId into) {
        return add(new TicketEvent.Merged(current().id(), tick(), actor, into));
    }

    /**
     * Records that another ticket was merged into this one.
     *
     * @param source the ticket merged in
     * @return this builder
     */
    public TicketChangeBuilder mergedIn(TicketId source) {
        return add(new TicketEvent.MergedIn(current().id(), tick(), actor, source));
    }

    /**
     * Records that an SLA clock passed a warning threshold.
     *
     * @param clock            the clock
     * @param cycle            its cycle, from 1
     * @param thresholdPercent the threshold, 1 to 99
     * @param due              when the clock breaches
     * @return this builder
     */
    public TicketChangeBuilder slaWarning(ClockKind clock, int cycle, int thresholdPercent, Instant due) {
        return add(new TicketEvent.SlaWarning(current().id(), tick(), actor, clock, cycle, thresholdPercent, due));
    }

    /**
     * Records that an SLA clock missed its due time.
     *
     * @param clock the clock
     * @param cycle its cycle, from 1
     * @param due   the due time that was missed
     * @return this builder
     */
    public TicketChangeBuilder slaBreached(ClockKind clock, int cycle, Instant due) {
        return add(new TicketEvent.SlaBreached(current().id(), tick(), actor, clock, cycle, due));
    }

    /**
     * Records that an escalation rule fired.
     *
     * @param rule    the rule's name
     * @param trigger the trigger key
     * @param reason  the rule's reason
     * @param depth   its depth in the chain, from 1
     * @return this builder
     */
    public TicketChangeBuilder ruleFired(String rule, String trigger, String reason, int depth) {
        return add(new TicketEvent.RuleFired(current().id(), tick(), actor, rule, trigger, reason, depth));
    }

    /**
     * Records that an escalation rule was stopped at the chain bound.
     *
     * @param rule    the rule's name
     * @param trigger the trigger key
     * @param reason  why
     * @return this builder
     */
    public TicketChangeBuilder ruleSkipped(String rule, String trigger, String reason) {
        return add(new TicketEvent.RuleSkipped(current().id(), tick(), actor, rule, trigger, reason));
    }

    /**
     * Records that an action of a rule that fired could not be carried out.
     *
     * @param rule    the rule's name
     * @param action  the kind of the action that failed
     * @param problem why
     * @return this builder
     */
    public TicketChangeBuilder ruleActionFailed(String rule, String action, String problem) {
        return add(new TicketEvent.RuleActionFailed(current().id(), tick(), actor, rule, action, problem));
    }

    /**
     * Records a hierarchical escalation.
     *
     * @param role   the role told
     * @param reason why
     * @param urgent whether the notice is urgent
     * @return this builder
     */
    public TicketChangeBuilder escalatedToRole(String role, String reason, boolean urgent) {
        return add(new TicketEvent.EscalatedToRole(current().id(), tick(), actor, role, reason, urgent));
    }

    /**
     * Records a notice to an agent.
     *
     * @param agent  the agent
     * @param reason why
     * @param urgent whether the notice is urgent
     * @return this builder
     */
    public TicketChangeBuilder agentNotified(AgentId agent, String reason, boolean urgent) {
        return add(new TicketEvent.AgentNotified(current().id(), tick(), actor, agent, reason, urgent));
    }

    /**
     * Records a notice to the requester.
     *
     * @param reason why
     * @return this builder
     */
    public TicketChangeBuilder customerNotified(String reason) {
        return add(new TicketEvent.CustomerNotified(current().id(), tick(), actor, current().requester(), reason));
    }

    /**
     * Records a tag put on the ticket.
     *
     * @param tag the tag
     * @return this builder
     */
    public TicketChangeBuilder tagAdded(String tag) {
        return add(new TicketEvent.TagAdded(current().id(), tick(), actor, tag));
    }

    /**
     * Records a tag taken off the ticket.
     *
     * @param tag the tag
     * @return this builder
     */
    public TicketChangeBuilder tagRemoved(String tag) {
        return add(new TicketEvent.TagRemoved(current().id(), tick(), actor, tag));
    }

    /**
     * Records a custom field set or cleared.
     *
     * @param field the field's name
     * @param value the canonical value, or empty when cleared
     * @return this builder
     */
    public TicketChangeBuilder fieldSet(String field, Optional<String> value) {
        return add(new TicketEvent.FieldSet(current().id(), tick(), actor, field, value));
    }

    /**
     * Records that routing queued the ticket.
     *
     * @param group  the group's queue
     * @param reason why nobody fits
     * @return this builder
     */
    public TicketChangeBuilder queued(Optional<GroupId> group, String reason) {
        return add(new TicketEvent.Queued(current().id(), tick(), actor, group, reason));
    }

    /**
     * Records that a knowledge-base article was linked to the ticket (knowledge base).
     *
     * @param article  the article's id
     * @param solution whether it solved the ticket
     * @return this builder
     */
    public TicketChangeBuilder articleLinked(java.util.UUID article, boolean solution) {
        return add(new TicketEvent.ArticleLinked(current().id(), tick(), actor, article, solution));
    }

    // ---- feedback ------------------------------------------------------------------------

    /**
     * Adds a satisfaction rating of the ticket's current resolution cycle by its requester.
     *
     * @param score   1 to {@code outOf}
     * @param outOf   2 or 5
     * @param comment the comment, empty for none
     * @return this builder
     */
    public TicketChangeBuilder satisfactionRated(int score, int outOf, String comment) {
        Ticket t = current();
        return add(new TicketEvent.SatisfactionRated(t.id(), tick(), new Actor.Customer(t.requester()), t.cycle(), score,
                outOf, comment, Optional.empty()));
    }

    // ---- channels: a ticket moved to another channel ---------------------------------------

    /**
     * Moves the ticket to another channel.
     *
     * @param channel the channel it moves to
     * @param reason  why, one line
     * @return this builder
     */
    public TicketChangeBuilder channelMoved(Channel channel, String reason) {
        return add(new TicketEvent.ChannelMoved(current().id(), tick(), actor, channel, reason));
    }

    // ---- results -------------------------------------------------------------------------

    /**
     * The state the events lead to so far.
     *
     * @return the projected ticket
     */
    public Ticket state() {
        return current();
    }

    /**
     * The events so far, oldest first.
     *
     * @return a copy of the events
     */
    public List<TicketEvent> events() {
        current();
        return List.copyOf(events);
    }

    /**
     * The change.
     *
     * @return the change, with the expected version, events, state and due time
     * @throws IllegalStateException when a change on an existing ticket has no events
     */
    public TicketChange build() {
        Ticket t = current();
        if (events.isEmpty()) {
            throw new IllegalStateException("a change has at least one event");
        }
        return new TicketChange(expectedVersion, events, t, dueAt);
    }

    private boolean isOpeningOpen() {
        return expectedVersion == 0 && events.isEmpty();
    }

    private void requireOpening(String part) {
        if (!isOpeningOpen()) {
            throw new IllegalStateException(part + " is part of the opening, set it before other events");
        }
    }

    private Ticket current() {
        if (isOpeningOpen()) {
            TicketEvent.Opened opened = new TicketEvent.Opened(openingId, openingAt,
                    opener != null ? opener : new Actor.Customer(requester), openingNumber, subject, requester,
                    channel, category, priority, tier, group, followUpOf);
            events.add(opened);
            state = Tickets.open(tenant, opened);
        }
        return state;
    }

    private Instant tick() {
        Instant at = clock;
        clock = clock.plus(STEP);
        return at;
    }

    private TicketChangeBuilder add(TicketEvent event) {
        current();
        events.add(event);
        state = Tickets.evolve(state, event);
        return this;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- channel intake ----

    /**
     * Links the ticket's latest message (or, without one, a fresh message id) to a channel's
     * external id, as the desk's intake does for a message it receives or sends.
     *
     * @param via        the channel
     * @param externalId the channel's id of the message
     * @param outbound   true for a message the desk sent
     * @return this builder
     */
    public TicketChangeBuilder linkExternal(Channel via, String externalId, boolean outbound) {
        Ticket t = current();
        MessageId message = t.messages().isEmpty() ? TckIds.messageId() : t.messages().get(t.messages().size() - 1).id();
        return add(new TicketEvent.ExternalMessageLinked(t.id(), tick(), actor, message, via, "support@acme.example",
                externalId, outbound, "EMAIL", "carla@example.com", Optional.empty()));
    }

    /**
     * Records a file that came with the ticket's latest message.
     *
     * @param name      the file name
     * @param mediaType the media type
     * @param size      the size in bytes
     * @param inline    whether the message showed it inline
     * @return this builder
     */
    public TicketChangeBuilder attach(String name, String mediaType, long size, boolean inline) {
        Ticket t = current();
        MessageId message = t.messages().isEmpty() ? TckIds.messageId() : t.messages().get(t.messages().size() - 1).id();
        return add(new TicketEvent.AttachmentAdded(t.id(), tick(), actor, message, name, mediaType, size, "ab".repeat(32),
                "t-" + tenant.value() + "/" + name, inline));
    }

    // ---- remote sessions and on-site visits ----------------------------------

    /** Makes one event of the ticket from its id, the event's time and the builder's actor. */
    @FunctionalInterface
    public interface EventMaker {
        /**
         * Makes the event.
         *
         * @param ticket the ticket's id
         * @param at     the event's time
         * @param actor  the builder's actor
         * @return the event
         */
        TicketEvent make(TicketId ticket, Instant at, Actor actor);
    }

    /**
     * Adds any event of the ticket, such as a remote session's or a visit's, at the next instant
     * and by the builder's actor.
     *
     * @param make makes the event
     * @return this builder
     */
    public TicketChangeBuilder event(EventMaker make) {
        Ticket t = current();
        return add(make.make(t.id(), tick(), actor));
    }
}
