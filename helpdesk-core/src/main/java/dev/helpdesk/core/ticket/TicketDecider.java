package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The ticket lifecycle as a decider: given a command, the ticket's state and the actor, it
 * returns the events that happen, or the rejection that explains why nothing happens. Pure:
 * time and ids come in as arguments, nothing is stored. An empty event list means the command
 * changes nothing (assigning the agent who already has the ticket).
 *
 * <p>The state after the events is {@link dev.helpdesk.spi.ticket.Tickets#evolve}.
 *
 * <p>It is the one place where a ticket change is decided, for every actor: customers, agents,
 * integrations, escalation rules, the router and the SLA clocks all send
 * {@link TicketCommand}s, and the same checks apply to each (see {@link TicketCommand}).
 */
public final class TicketDecider {
    /** The room left for a closed ticket's subject behind "Follow-up: ", in code points. */
    static final int FOLLOW_UP_SUBJECT_ROOM = Ticket.MAX_SUBJECT_LENGTH - "Follow-up: ".length();

    private final Set<Category> categories;
    private final Map<String, CustomField> fields;
    private final CustomerView customerView;
    private final DeskCommands desk;

    /**
     * A decider that accepts the given categories and no custom fields.
     *
     * @param categories the desk's taxonomy; commands naming another category are rejected
     */
    public TicketDecider(Set<Category> categories) {
        this(categories, List.of());
    }

    /**
     * A decider that accepts the given categories and custom fields.
     *
     * @param categories the desk's taxonomy; commands naming another category are rejected
     * @param fields     the desk's custom fields; commands naming another field are rejected
     */
    public TicketDecider(Set<Category> categories, Collection<CustomField> fields) {
        this.categories = Set.copyOf(categories);
        Map<String, CustomField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        this.fields = Map.copyOf(byName);
        this.customerView = new CustomerView(byName.values());
        this.desk = new DeskCommands(this.fields);
    }

    /**
     * What a customer sees of a ticket on this desk (its custom fields decide which values).
     *
     * @return the view
     */
    public CustomerView customerView() {
        return customerView;
    }

    /**
     * The custom fields this decider accepts.
     *
     * @return the fields by name
     */
    public Map<String, CustomField> fields() {
        return fields;
    }

    /**
     * The categories this decider accepts.
     *
     * @return the taxonomy
     */
    public Set<Category> categories() {
        return categories;
    }

    /**
     * Checks an opening command without deciding it, so a desk does not hand out a ticket
     * number for a command that will be rejected. A customer may not set the priority, the
     * tier, the group or custom fields that are not theirs to set: see {@link TicketCommand.Open}.
     *
     * @param command the command, fields as given
     * @param actor   who opens the ticket
     * @return the checked opening, or a rejection naming every bad field or why the actor may not
     */
    public Either<Rejection, Opening> checkOpen(TicketCommand.Open command, Actor actor) {
        return check(command, actor, null);
    }

    /**
     * Checks the follow-up ticket that a customer's reply to a closed ticket opens: it carries
     * the reply as its description, "Follow-up: " and the closed ticket's subject (cut on a
     * character boundary to fit), and the closed ticket's requester, category, priority and
     * group, which the desk copies (so a customer's follow-up keeps its priority and queue,
     * although a customer cannot choose them when opening a ticket). Never rejected for what it
     * copies: a category the desk no longer offers stays the closed ticket's category.
     *
     * <p>A merged ticket whose merge chain the desk cannot follow for the customer (the ticket
     * it went into is another customer's, or gone) is followed up the same way, without the
     * follow-up link, which names closed tickets only: the reply is never lost.
     *
     * @param closed the closed (or merged) ticket replied to
     * @param reply  the reply
     * @param actor  who replied
     * @return the checked opening, or a rejection: the reply's own input, a ticket that is not
     *         final, or a ticket the actor may not see
     */
    public Either<Rejection, Opening> checkFollowUp(Ticket closed, TicketCommand.Reply reply, Actor actor) {
        Objects.requireNonNull(closed, "closed");
        if (reply == null || actor == null) {
            return Input.all(Input.required("command", reply), Input.required("actor", actor))
                    .map(a -> new Opening(null, null, Map.of()));
        }
        return Rules.visibleTo(actor, closed)
                .flatMap(a -> closed.status().isFinal() ? Either.right(a)
                        : Either.left(new Rejection.InvalidTransition("follow up", closed.status().name(),
                                "only a closed or merged ticket is followed up")))
                .flatMap(a -> check(TicketCommand.open()
                        .subject("Follow-up: " + Input.cut(closed.subject(), FOLLOW_UP_SUBJECT_ROOM))
                        .body(reply.body())
                        .channel(reply.channel())
                        .category(closed.category())
                        .priority(closed.priority())
                        .requester(closed.requester())
                        .group(closed.group().orElse(null))
                        .followUpOf(closed.status() == Status.CLOSED ? closed.id() : null)
                        .build(), actor, closed));
    }

    /** Checks an opening; {@code followed} is the closed ticket the desk copies from, or null. */
    private Either<Rejection, Opening> check(TicketCommand.Open command, Actor actor, Ticket followed) {
        if (command == null || actor == null) {
            return Input.all(Input.required("command", command), Input.required("actor", actor))
                    .map(a -> new Opening(command, null, Map.of()));
        }
        boolean customer = actor instanceof Actor.Customer;
        Validation<FieldError, ?> requesterGiven = customer
                ? Validation.valid(Allowance.GRANTED)
                : Input.required("requester", command.requester());
        Validation<FieldError, ?> category = followed != null && followed.category().equals(command.category())
                ? Validation.valid(command.category())
                : Input.known("category", command.category(), categories);
        List<Validation<FieldError, ?>> checks = new ArrayList<>(List.of(
                Input.subject(command.subject()),
                Input.body("body", command.body()),
                Input.required("channel", command.channel()),
                category,
                Input.required("priority", command.priority()),
                Input.required("tier", command.tier()),
                requesterGiven));
        if (customer && followed == null) {
            checks.addAll(customerChoices(command));
        }
        SortedMap<String, String> values = command.fields().isEmpty() ? java.util.Collections.emptySortedMap() : new TreeMap<>();
        command.fields().forEach((name, value) -> checks.add(openingField(name, value, actor, values)));
        return Input.all(checks)
                .flatMap(a -> requester(command, actor))
                .map(requester -> new Opening(command, requester, values));
    }

    /** What a customer opening a ticket may not choose: each one a field error naming it. */
    private static List<Validation<FieldError, ?>> customerChoices(TicketCommand.Open command) {
        List<Validation<FieldError, ?>> checks = new ArrayList<>(3);
        if (command.priority() != null && command.priority() != Priority.NORMAL) {
            checks.add(Validation.invalid(new FieldError("priority", "is set by the desk, not by a customer")));
        }
        if (command.tier() != null && command.tier() != Tier.L1) {
            checks.add(Validation.invalid(new FieldError("tier", "is set by the desk, not by a customer")));
        }
        if (command.group() != null) {
            checks.add(Validation.invalid(new FieldError("group", "is set by the desk, not by a customer")));
        }
        return checks;
    }

    /** One custom field value of an opening: declared, the actor's to set, of the field's type. */
    private Validation<FieldError, String> openingField(String name, String value, Actor actor,
                                                        SortedMap<String, String> values) {
        String at = "fields." + name;
        if (value == null) {
            return Validation.invalid(new FieldError(at, "is required"));
        }
        // like the priority and the group, an opening's fields are the customer's to choose only when theirs to set
        Either<FieldError, String> canonical = fieldValue(name, value, !(actor instanceof Actor.Customer), at);
        if (canonical.isLeft()) {
            return Validation.invalid(canonical.getLeft());
        }
        values.put(name, canonical.get());
        return Validation.valid(canonical.get());
    }

    /**
     * A custom field's value in canonical form, when the field is declared, the actor may set
     * it ({@code maySetAll}, or a field customers set) and the value is of its type.
     */
    private Either<FieldError, String> fieldValue(String name, String value, boolean maySetAll, String at) {
        CustomField field = name == null ? null : fields.get(name);
        if (field == null) {
            return Either.left(new FieldError(at, name == null ? "is required" : "unknown custom field '" + name + "'"
                    + (fields.isEmpty() ? "; the desk declares none" : "")));
        }
        if (!maySetAll && !field.customerMaySet()) {
            return Either.left(new FieldError(at, "is set by the desk, not by a customer"));
        }
        if (value.isBlank()) {
            return Either.left(new FieldError(at, "must not be blank"));
        }
        return field.type().canonical(value).<Either<FieldError, String>>map(Either::right)
                .orElseGet(() -> Either.left(new FieldError(at, "'" + Input.quoted(value, 40) + "' is not "
                        + field.type().rule())));
    }

    /**
     * Decides an opening: the {@link TicketEvent.Opened} event and the first public message.
     *
     * @param command   the command
     * @param actor     who opens it
     * @param id        the new ticket's id
     * @param number    the new ticket's number
     * @param now       the current time
     * @param messageId the id of the first message
     * @return the events, or the rejection of {@link #checkOpen}
     */
    public Either<Rejection, List<TicketEvent>> open(TicketCommand.Open command, Actor actor, TicketId id,
                                                     TicketNumber number, Instant now, MessageId messageId) {
        return checkOpen(command, actor).map(opening -> open(opening, actor, id, number, now, messageId));
    }

    /**
     * Decides an opening that {@link #checkOpen} accepted; it cannot be rejected any more.
     * Custom field values of the command follow as {@link TicketEvent.FieldSet} events, by
     * field name.
     *
     * @param opening   the checked opening
     * @param actor     who opens it, the actor it was checked for
     * @param id        the new ticket's id
     * @param number    the new ticket's number
     * @param now       the current time
     * @param messageId the id of the first message
     * @return the {@link TicketEvent.Opened} event, the first public message and the custom
     *         field values
     */
    public List<TicketEvent> open(Opening opening, Actor actor, TicketId id, TicketNumber number, Instant now,
                                  MessageId messageId) {
        TicketCommand.Open command = opening.command;
        TicketEvent opened = new TicketEvent.Opened(id, now, actor, number, command.subject(), opening.requester,
                command.channel(), command.category(), command.priority(), command.tier(),
                Optional.ofNullable(command.group()), Optional.ofNullable(command.followUpOf()));
        TicketEvent posted = new TicketEvent.MessagePosted(id, now, actor, new Message(messageId, actor, Visibility.PUBLIC,
                command.channel(), command.body(), now, false));
        if (opening.fields.isEmpty()) {
            return List.of(opened, posted); // immutable already: the commit keeps it without a copy
        }
        List<TicketEvent> events = new ArrayList<>(2 + opening.fields.size());
        events.add(opened);
        events.add(posted);
        opening.fields.forEach((name, value) -> events.add(new TicketEvent.FieldSet(id, now, actor, name, Optional.of(value))));
        return List.copyOf(events);
    }

    /**
     * An opening command that {@link #checkOpen} accepted, with the requester it resolved.
     * Only the decider makes one, so holding one proves the command was checked.
     */
    public static final class Opening {
        private final TicketCommand.Open command;
        private final CustomerId requester;
        private final SortedMap<String, String> fields;

        private Opening(TicketCommand.Open command, CustomerId requester, Map<String, String> fields) {
            this.command = command;
            this.requester = requester;
            this.fields = fields.isEmpty() ? java.util.Collections.emptySortedMap()
                    : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }

        /**
         * The custom field values the ticket opens with, in canonical form, by name.
         *
         * @return the values
         */
        public SortedMap<String, String> fields() {
            return fields;
        }

        /**
         * The checked command.
         *
         * @return the command
         */
        public TicketCommand.Open command() {
            return command;
        }

        /**
         * Who the ticket is for: the customer who opens it, or the requester an agent named.
         *
         * @return the requester
         */
        public CustomerId requester() {
            return requester;
        }
    }

    private static Either<Rejection, CustomerId> requester(TicketCommand.Open command, Actor actor) {
        if (actor instanceof Actor.Customer c) {
            if (command.requester() != null && !command.requester().equals(c.id())) {
                return Either.left(new Rejection.NotAllowed("a customer opens tickets only for themselves"));
            }
            return Either.right(c.id());
        }
        return command.requester() == null
                ? Either.left(Rejection.Invalid.of("requester", "is required"))
                : Either.right(command.requester());
    }

    /**
     * Decides a command on an existing ticket.
     *
     * @param command    the command, fields as given
     * @param ticket     the ticket's current state
     * @param actor      who acts
     * @param now        the current time
     * @param messageIds where message ids come from
     * @return the events (possibly none), or why not
     */
    public Either<Rejection, List<TicketEvent>> decide(TicketCommand command, Ticket ticket, Actor actor, Instant now,
                                                       Supplier<MessageId> messageIds) {
        Objects.requireNonNull(ticket, "ticket");
        if (command == null || actor == null) {
            return Input.all(Input.required("command", command), Input.required("actor", actor)).map(a -> List.of());
        }
        return Rules.visibleTo(actor, ticket).flatMap(a -> decideVisible(command, ticket, actor, now, messageIds));
    }

    private Either<Rejection, List<TicketEvent>> decideVisible(TicketCommand command, Ticket t, Actor actor,
                                                               Instant now, Supplier<MessageId> messageIds) {
        TicketId id = t.id();
        if (command instanceof TicketCommand.Open) {
            return Either.left(new Rejection.InvalidTransition("open", t.status().name(), "the ticket exists already"));
        } else if (command instanceof TicketCommand.Reply c) {
            return Input.all(Input.body("body", c.body()), Input.required("channel", c.channel()))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .map(a -> reply(c, t, actor, now, messageIds.get()));
        } else if (command instanceof TicketCommand.Note c) {
            return Input.all(Input.body("body", c.body()))
                    .flatMap(a -> Rules.mayWriteNotes(actor))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .map(a -> List.of(new TicketEvent.MessagePosted(id, now, actor, new Message(messageIds.get(), actor,
                            Visibility.INTERNAL, t.channel(), c.body(), now, !(actor instanceof Actor.Agent)))));
        } else if (command instanceof TicketCommand.Assign c) {
            return staffChange(c, t, actor, Input.required("agent", c.agent()), () -> {
                if (t.assignee().isPresent() && t.assignee().get().equals(c.agent())) {
                    return List.of();
                }
                TicketEvent assigned = new TicketEvent.Assigned(id, now, actor, c.agent());
                return t.status() == Status.NEW
                        ? List.of(assigned, new TicketEvent.StatusChanged(id, now, actor, Status.NEW, Status.OPEN))
                        : List.of(assigned);
            });
        } else if (command instanceof TicketCommand.Unassign c) {
            return staffChange(c, t, actor, Validation.valid(c), () -> t.assignee()
                    .<List<TicketEvent>>map(previous -> List.of(new TicketEvent.Unassigned(id, now, actor, previous)))
                    .orElse(List.of()))
                    .flatMap(events -> events.isEmpty() ? Either.right(events)
                            : Rules.mayLoseAssignee(t).map(a -> events));
        } else if (command instanceof TicketCommand.ChangePriority c) {
            return staffChange(c, t, actor, Input.required("priority", c.priority()), () -> c.priority() == t.priority()
                    ? List.of() : List.of(new TicketEvent.PriorityChanged(id, now, actor, t.priority(), c.priority())));
        } else if (command instanceof TicketCommand.ChangeCategory c) {
            return staffChange(c, t, actor, Input.known("category", c.category(), categories),
                    () -> c.category().equals(t.category())
                            ? List.of() : List.of(new TicketEvent.CategoryChanged(id, now, actor, t.category(), c.category())));
        } else if (command instanceof TicketCommand.ChangeTier c) {
            return Input.all(Input.required("tier", c.tier()), Input.line("reason", c.reason(), Input.MAX_REASON_LENGTH))
                    .flatMap(a -> staffChange(c, t, actor, Validation.valid(c), () -> c.tier() == t.tier()
                            ? List.of() : List.of(new TicketEvent.TierChanged(id, now, actor, t.tier(), c.tier(), c.reason()))));
        } else if (command instanceof TicketCommand.MoveToGroup c) {
            return staffChange(c, t, actor, Input.required("group", c.group()), () -> t.group().equals(Optional.of(c.group()))
                    ? List.of() : List.of(new TicketEvent.GroupChanged(id, now, actor, t.group(), c.group())));
        } else if (command instanceof TicketCommand.SetPending c) {
            return waitOn(c.name(), Status.PENDING, t, actor, now);
        } else if (command instanceof TicketCommand.SetOnHold c) {
            return waitOn(c.name(), Status.ON_HOLD, t, actor, now);
        } else if (command instanceof TicketCommand.Resume c) {
            return Rules.staffOnly(actor, c.name())
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .flatMap(a -> Rules.isWaiting(t))
                    .map(a -> List.of(new TicketEvent.StatusChanged(id, now, actor, t.status(), Status.OPEN)));
        } else if (command instanceof TicketCommand.Solve c) {
            return Rules.staffOnly(actor, c.name())
                    .flatMap(a -> Rules.canBeSolved(t))
                    .map(a -> List.of(new TicketEvent.Solved(id, now, actor)));
        } else if (command instanceof TicketCommand.Reopen c) {
            return (actor instanceof Actor.Integration
                    ? Either.<Rejection, Allowance>left(new Rejection.NotAllowed("integrations cannot reopen tickets"))
                    : Either.<Rejection, Allowance>right(Allowance.GRANTED))
                    .flatMap(a -> Rules.isSolved(t, c.name()))
                    .map(a -> List.of(new TicketEvent.Reopened(id, now, actor, t.cycle() + 1)));
        } else if (command instanceof TicketCommand.Close c) {
            return Rules.staffOnly(actor, c.name())
                    .flatMap(a -> Rules.isSolved(t, c.name()))
                    .map(a -> List.of(new TicketEvent.Closed(id, now, actor, false)));
        } else if (command instanceof TicketCommand.Merge c) {
            return Input.all(Input.required("into", c.into()))
                    .flatMap(a -> Rules.staffOnly(actor, c.name()))
                    .flatMap(a -> c.into().equals(id)
                            ? Either.left(Rejection.Invalid.of("into", "must be another ticket"))
                            : Rules.notFinal(t, c.name()))
                    .map(a -> List.of(new TicketEvent.Merged(id, now, actor, c.into())));
        }
        // the desk's other commands (tags, fields, escalation, rules and SLA records) before the capability families
        Either<Rejection, List<TicketEvent>> deskDecided = desk.decide(command, t, actor, now);
        if (deskDecided != null) {
            return deskDecided;
        }
        // ---- channel intake ----
        if (command instanceof TicketCommand.ChannelCommand c) {
            return channels.decide(this, c, t, actor, now, messageIds);
        }
        if (command instanceof TicketCommand.FieldWork || command instanceof TicketCommand.ProblemLink) {
            return Either.left(new Rejection.NotAllowed("'" + command.name() + "' is decided with the ticket's history"));
        }
        // channels: a ticket moved to another channel
        if (command instanceof TicketCommand.MoveToChannel c) {
            return ChannelMoves.decide(c, t, actor, now);
        }
        // knowledge base
        if (command instanceof TicketCommand.LinkArticle || command instanceof TicketCommand.SelfServe) {
            return KnowledgeDecisions.decide(command, t, actor, now);
        }
        // feedback: satisfaction ratings
        if (command instanceof TicketCommand.RateSatisfaction c) {
            return FeedbackDecisions.rate(c, t, actor, now);
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    /**
     * Decides the receiving side of a merge: the ticket that carries on records the merged one.
     *
     * @param target the ticket that carries on
     * @param source the ticket merged into it
     * @param actor  who merges
     * @param now    the current time
     * @return the event, or why the target cannot take the merge
     */
    public Either<Rejection, List<TicketEvent>> acceptMerge(Ticket target, TicketId source, Actor actor, Instant now) {
        return Rules.notFinal(target, "merge into")
                .map(a -> List.of(new TicketEvent.MergedIn(target.id(), now, actor, source)));
    }

    /**
     * Decides a merge on both tickets at once: the source gets a public, automatic note
     * "Merged into #N." and then {@link TicketEvent.Merged}; the target gets
     * {@link TicketEvent.MergedIn} and then a public, automatic note "#M was merged into this
     * ticket." So the trace is on both conversations, and neither note counts as a reply for
     * SLA clocks or reports. The source's public conversation stays reachable from the target
     * through {@link Ticket#mergedFrom()} (see {@link CustomerView#conversation}).
     *
     * @param source     the ticket merged away
     * @param target     the ticket that carries on
     * @param actor      who merges; staff only
     * @param now        the current time
     * @param messageIds where the notes' ids come from
     * @return the events of each ticket, or why not: the same checks as {@link TicketCommand.Merge}
     *         and {@link #acceptMerge}
     */
    public Either<Rejection, MergeEvents> merge(Ticket source, Ticket target, Actor actor, Instant now,
                                                Supplier<MessageId> messageIds) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        return decide(new TicketCommand.Merge(target.id()), source, actor, now, messageIds)
                .flatMap(merged -> acceptMerge(target, source.id(), actor, now).map(mergedIn -> {
                    List<TicketEvent> sourceEvents = new ArrayList<>(merged.size() + 1);
                    sourceEvents.add(systemNote(source, actor, now, messageIds.get(), "Merged into " + target.number() + "."));
                    sourceEvents.addAll(merged);
                    List<TicketEvent> targetEvents = new ArrayList<>(mergedIn);
                    targetEvents.add(systemNote(target, actor, now, messageIds.get(),
                            source.number() + " was merged into this ticket."));
                    return new MergeEvents(List.copyOf(sourceEvents), List.copyOf(targetEvents));
                }));
    }

    /**
     * The events of a merge, for each of the two tickets.
     *
     * @param source the merged ticket's events
     * @param target the events of the ticket that carries on
     */
    public record MergeEvents(List<TicketEvent> source, List<TicketEvent> target) {
    }

    private static TicketEvent systemNote(Ticket ticket, Actor actor, Instant now, MessageId id, String text) {
        return new TicketEvent.MessagePosted(ticket.id(), now, actor,
                new Message(id, actor, Visibility.PUBLIC, ticket.channel(), text, now, true));
    }

    /**
     * Where a command addressed to a ticket must go instead. A customer's reply to a merged
     * ticket is never refused: it goes to the ticket it was merged into, and the desk follows
     * the answer again until it reaches a ticket that was not merged (A into B into C lands on
     * C; see {@link MergeChain}). Every other command on a merged ticket is decided, and
     * refused, as it is.
     *
     * @param ticket  the ticket addressed
     * @param command the command
     * @param actor   who sends it
     * @return the ticket to send it to instead, or empty to decide it here
     */
    public Optional<TicketId> redirect(Ticket ticket, TicketCommand command, Actor actor) {
        if (command instanceof TicketCommand.Reply && actor instanceof Actor.Customer
                && ticket.status() == Status.MERGED) {
            return ticket.mergedInto();
        }
        return Optional.empty();
    }

    /**
     * Decides the automatic close of a ticket that stayed solved long enough.
     *
     * @param ticket   the ticket
     * @param now      the current time
     * @param solvedFor how long a ticket stays solved before it closes
     * @param rule     the actor that closes it
     * @return the close event when due, no events when not (yet)
     */
    public List<TicketEvent> autoClose(Ticket ticket, Instant now, Duration solvedFor, Actor rule) {
        if (ticket.status() != Status.SOLVED || ticket.solvedAt().isEmpty()
                || ticket.solvedAt().get().plus(solvedFor).isAfter(now)) {
            return List.of();
        }
        return List.of(new TicketEvent.Closed(ticket.id(), now, rule, true));
    }

    private static List<TicketEvent> reply(TicketCommand.Reply c, Ticket t, Actor actor, Instant now, MessageId messageId) {
        boolean automatic = actor instanceof Actor.SystemRule || actor instanceof Actor.Integration;
        TicketEvent posted = new TicketEvent.MessagePosted(t.id(), now, actor,
                new Message(messageId, actor, Visibility.PUBLIC, c.channel(), c.body(), now, automatic));
        // immutable lists: the commit keeps them without a copy
        if (actor instanceof Actor.Customer) {
            if (t.status().isWaiting()) {
                return List.of(posted, new TicketEvent.StatusChanged(t.id(), now, actor, t.status(), Status.OPEN));
            } else if (t.status() == Status.SOLVED) {
                return List.of(posted, new TicketEvent.Reopened(t.id(), now, actor, t.cycle() + 1));
            }
        } else if (actor instanceof Actor.Agent && t.status() == Status.NEW) {
            return List.of(posted, new TicketEvent.StatusChanged(t.id(), now, actor, Status.NEW, Status.OPEN));
        }
        return List.of(posted);
    }

    private Either<Rejection, List<TicketEvent>> waitOn(String name, Status target, Ticket t, Actor actor, Instant now) {
        return Rules.staffOnly(actor, name)
                .flatMap(a -> Rules.inProgress(t, name))
                .map(a -> t.status() == target ? List.<TicketEvent>of()
                        : List.of(new TicketEvent.StatusChanged(t.id(), now, actor, t.status(), target)));
    }

    static Either<Rejection, List<TicketEvent>> staffChange(TicketCommand c, Ticket t, Actor actor,
                                                                    Validation<FieldError, ?> input,
                                                                    Supplier<List<TicketEvent>> events) {
        return Input.all(input)
                .flatMap(a -> Rules.staffOnly(actor, c.name()))
                .flatMap(a -> Rules.notFinal(t, c.name()))
                .map(a -> events.get());
    }

    // ---- channel intake ------------------------------------------------------------

    private final ChannelDecisions channels = new ChannelDecisions();

    /**
     * Adds a channel's facts to the events of an opening or a follow-up the decider decided for
     * a received message: the first posted message is linked to the channel's id, with its
     * attachments.
     *
     * @param events  the opening's events
     * @param receipt the channel's facts
     * @return the events with the link and the attachments
     */
    public List<TicketEvent> withReceipt(List<TicketEvent> events, ChannelReceipt receipt) {
        return channels.withReceipt(events, Objects.requireNonNull(receipt, "receipt"));
    }

    // ---- remote sessions with consent, and on-site visits ---------------------

    /**
     * Decides a command on an existing ticket with its history at hand. The commands of remote
     * sessions and visits ({@link FieldCommand}) need it: they are decided from the ticket's
     * {@link FieldRecord}. Every other command is decided as by
     * {@link #decide(TicketCommand, Ticket, Actor, Instant, Supplier)}, and the history is
     * never read for it.
     *
     * @param command    the command, fields as given
     * @param ticket     the ticket's current state
     * @param actor      who acts
     * @param now        the current time
     * @param messageIds where message ids come from
     * @param history    the ticket's events up to its current state, read only when needed
     * @return the events (possibly none), or why not
     */
    public Either<Rejection, List<TicketEvent>> decide(TicketCommand command, Ticket ticket, Actor actor, Instant now,
                                                       Supplier<MessageId> messageIds,
                                                       Supplier<? extends List<TicketEvent>> history) {
        // problems: links are read from the history
        if (command instanceof TicketCommand.ProblemLink link && actor != null && ticket != null) {
            return ProblemDecisions.decide(link, ticket, history, actor, now);
        }
        if (!(command instanceof FieldCommand field) || actor == null) {
            return decide(command, ticket, actor, now, messageIds);
        }
        Objects.requireNonNull(ticket, "ticket");
        return Rules.visibleTo(actor, ticket)
                .flatMap(a -> FieldDecisions.decide(field, ticket, FieldRecord.of(history.get()), actor, now));
    }

    /**
     * The timed work of remote sessions on a ticket: each running session whose consent ran out
     * (its duration counted from the grant) ends with
     * {@link dev.helpdesk.spi.remote.SessionEnd#CONSENT_EXPIRED}. The desk's due run calls it.
     *
     * @param ticket  the ticket
     * @param history its events up to its current state
     * @param now     the time of the due run
     * @param rule    the actor of the ending
     * @return the endings, or none
     */
    public List<TicketEvent> fieldDue(Ticket ticket, List<TicketEvent> history, Instant now, Actor rule) {
        return FieldDecisions.due(ticket, FieldRecord.of(history), now, rule);
    }
}
