package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Visibility;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ticket lifecycle as a decider: given a command, the ticket's state and the actor, it
 * returns the events that happen, or the rejection that explains why nothing happens. Pure:
 * time and ids come in as arguments, nothing is stored. An empty event list means the command
 * changes nothing (assigning the agent who already has the ticket).
 *
 * <p>The state after the events is {@link dev.helpdesk.spi.ticket.Tickets#evolve}.
 */
public final class TicketDecider {
    private final Set<Category> categories;

    /**
     * A decider that accepts the given categories.
     *
     * @param categories the desk's taxonomy; commands naming another category are rejected
     */
    public TicketDecider(Set<Category> categories) {
        this.categories = Set.copyOf(categories);
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
     * number for a command that will be rejected.
     *
     * @param command the command, fields as given
     * @param actor   who opens the ticket
     * @return the checked opening, or a rejection naming every bad field or why the actor may not
     */
    public Either<Rejection, Opening> checkOpen(TicketCommand.Open command, Actor actor) {
        if (command == null || actor == null) {
            return Input.all(Input.required("command", command), Input.required("actor", actor))
                    .map(a -> new Opening(command, null));
        }
        Validation<FieldError, ?> requesterGiven = actor instanceof Actor.Customer
                ? Validation.valid(Allowance.GRANTED)
                : Input.required("requester", command.requester());
        return Input.all(
                Input.subject(command.subject()),
                Input.body("body", command.body()),
                Input.required("channel", command.channel()),
                Input.known("category", command.category(), categories),
                Input.required("priority", command.priority()),
                Input.required("tier", command.tier()),
                requesterGiven)
                .flatMap(a -> requester(command, actor))
                .map(requester -> new Opening(command, requester));
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
     *
     * @param opening   the checked opening
     * @param actor     who opens it, the actor it was checked for
     * @param id        the new ticket's id
     * @param number    the new ticket's number
     * @param now       the current time
     * @param messageId the id of the first message
     * @return the {@link TicketEvent.Opened} event and the first public message
     */
    public List<TicketEvent> open(Opening opening, Actor actor, TicketId id, TicketNumber number, Instant now,
                                  MessageId messageId) {
        TicketCommand.Open command = opening.command;
        return List.of(
                new TicketEvent.Opened(id, now, actor, number, command.subject(), opening.requester, command.channel(),
                        command.category(), command.priority(), command.tier(),
                        Optional.ofNullable(command.group()), Optional.ofNullable(command.followUpOf())),
                new TicketEvent.MessagePosted(id, now, actor, new Message(messageId, actor, Visibility.PUBLIC,
                        command.channel(), command.body(), now, false)));
    }

    /**
     * An opening command that {@link #checkOpen} accepted, with the requester it resolved.
     * Only the decider makes one, so holding one proves the command was checked.
     */
    public static final class Opening {
        private final TicketCommand.Open command;
        private final CustomerId requester;

        private Opening(TicketCommand.Open command, CustomerId requester) {
            this.command = command;
            this.requester = requester;
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
                if (t.assignee().equals(Optional.of(c.agent()))) {
                    return List.of();
                }
                List<TicketEvent> events = new ArrayList<>(2);
                events.add(new TicketEvent.Assigned(id, now, actor, c.agent()));
                if (t.status() == Status.NEW) {
                    events.add(new TicketEvent.StatusChanged(id, now, actor, Status.NEW, Status.OPEN));
                }
                return events;
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
        List<TicketEvent> events = new ArrayList<>(2);
        events.add(new TicketEvent.MessagePosted(t.id(), now, actor,
                new Message(messageId, actor, Visibility.PUBLIC, c.channel(), c.body(), now, automatic)));
        if (actor instanceof Actor.Customer) {
            if (t.status().isWaiting()) {
                events.add(new TicketEvent.StatusChanged(t.id(), now, actor, t.status(), Status.OPEN));
            } else if (t.status() == Status.SOLVED) {
                events.add(new TicketEvent.Reopened(t.id(), now, actor, t.cycle() + 1));
            }
        } else if (actor instanceof Actor.Agent && t.status() == Status.NEW) {
            events.add(new TicketEvent.StatusChanged(t.id(), now, actor, Status.NEW, Status.OPEN));
        }
        return events;
    }

    private Either<Rejection, List<TicketEvent>> waitOn(String name, Status target, Ticket t, Actor actor, Instant now) {
        return Rules.staffOnly(actor, name)
                .flatMap(a -> Rules.inProgress(t, name))
                .map(a -> t.status() == target ? List.<TicketEvent>of()
                        : List.of(new TicketEvent.StatusChanged(t.id(), now, actor, t.status(), target)));
    }

    private static Either<Rejection, List<TicketEvent>> staffChange(TicketCommand c, Ticket t, Actor actor,
                                                                    Validation<FieldError, ?> input,
                                                                    Supplier<List<TicketEvent>> events) {
        return Input.all(input)
                .flatMap(a -> Rules.staffOnly(actor, c.name()))
                .flatMap(a -> Rules.notFinal(t, c.name()))
                .map(a -> events.get());
    }
}
