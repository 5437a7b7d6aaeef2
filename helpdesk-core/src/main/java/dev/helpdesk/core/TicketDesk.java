package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.ticket.Rules;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * The tickets of one tenant. Every operation names its {@link Actor} and answers with the
 * ticket as that actor may see it (a customer sees it through
 * {@link dev.helpdesk.core.ticket.CustomerView}: never internal notes, tags, staff fields,
 * SLA records or rule names), or with a
 * {@link Rejection}: not found (also for another tenant's or another customer's ticket), not
 * allowed, invalid transition, invalid input naming every bad field, or a concurrent
 * modification that outlived the desk's retries. A rejected command writes nothing.
 *
 * <p>Each command costs one read and one atomic write of the store.
 */
public final class TicketDesk {
    private final Pipeline pipeline;
    private final TenantId tenant;

    TicketDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
    }

    /**
     * Registers a new ticket from any channel. It starts {@code NEW}, with the description as
     * its first public message. A customer opens tickets only for themselves.
     *
     * @param command the ticket's fields; see {@link TicketCommand#open()}
     * @param actor   who opens it: the customer, an agent logging a call, an integration
     * @return the new ticket
     */
    public Either<Rejection, Ticket> open(TicketCommand.Open command, Actor actor) {
        return told(command, pipeline.commands().open(tenant, command, actor));
    }

    /**
     * Carries out any command on an existing ticket; the named methods below are shorthands.
     *
     * @param id      the ticket
     * @param command the command
     * @param actor   who acts
     * @return the ticket after the command; for a customer's reply to a closed ticket, the
     *         new follow-up ticket
     */
    public Either<Rejection, Ticket> execute(TicketId id, TicketCommand command, Actor actor) {
        return told(command, pipeline.commands().execute(tenant, id, command, actor));
    }

    /** The command's type as declared in TicketCommand ({@code Open}, not its generated class). */
    private static String typeOf(TicketCommand command) {
        if (command == null) {
            return "none";
        }
        for (Class<?> k = command.getClass(); k != null; k = k.getSuperclass()) {
            if (k.getEnclosingClass() == TicketCommand.class) {
                return k.getSimpleName();
            }
            for (Class<?> i : k.getInterfaces()) {
                if (i.getEnclosingClass() == TicketCommand.class) {
                    return i.getSimpleName();
                }
            }
        }
        return command.getClass().getSimpleName();
    }

    /** Tells the command listeners the outcome; one that throws is logged and ignored. */
    private Either<Rejection, Ticket> told(TicketCommand command, Either<Rejection, Ticket> outcome) {
        java.util.List<dev.helpdesk.spi.plugin.CommandListener> listeners =
                pipeline.plugins().ofKind(dev.helpdesk.spi.plugin.CommandListener.class);
        if (!listeners.isEmpty()) {
            String type = typeOf(command);
            for (dev.helpdesk.spi.plugin.CommandListener l : listeners) {
                try {
                    if (outcome.isRight()) {
                        l.accepted(tenant, type);
                    } else {
                        l.rejected(tenant, type, outcome.getLeft());
                    }
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(TicketDesk.class).warn("command listener {} failed", l.name(), e);
                }
            }
        }
        return outcome;
    }

    /**
     * Adds a public reply. A customer's reply reopens a pending, on-hold or solved ticket;
     * to a closed ticket it opens a follow-up ticket linked to the closed one, which is
     * returned. An agent's first reply takes a new ticket to open.
     *
     * @param id      the ticket
     * @param body    the text, at most 64 KiB
     * @param channel the channel
     * @param actor   the author
     * @return the ticket the reply landed on
     */
    public Either<Rejection, Ticket> reply(TicketId id, String body, Channel channel, Actor actor) {
        return execute(id, new TicketCommand.Reply(body, channel), actor);
    }

    /**
     * Adds an internal note; customers never see it and may not write one.
     *
     * @param id    the ticket
     * @param body  the text, at most 64 KiB
     * @param actor the author
     * @return the ticket
     */
    public Either<Rejection, Ticket> note(TicketId id, String body, Actor actor) {
        return execute(id, new TicketCommand.Note(body), actor);
    }

    /**
     * Gives the ticket to an agent; a new ticket becomes open. Staff only.
     *
     * @param id    the ticket
     * @param agent the agent
     * @param actor who assigns
     * @return the ticket
     */
    public Either<Rejection, Ticket> assign(TicketId id, AgentId agent, Actor actor) {
        return execute(id, new TicketCommand.Assign(agent), actor);
    }

    /**
     * Removes the assignee; not on a solved ticket. Staff only.
     *
     * @param id    the ticket
     * @param actor who unassigns
     * @return the ticket
     */
    public Either<Rejection, Ticket> unassign(TicketId id, Actor actor) {
        return execute(id, new TicketCommand.Unassign(), actor);
    }

    /**
     * Changes the priority. Staff only.
     *
     * @param id       the ticket
     * @param priority the new priority
     * @param actor    who changes it
     * @return the ticket
     */
    public Either<Rejection, Ticket> changePriority(TicketId id, Priority priority, Actor actor) {
        return execute(id, new TicketCommand.ChangePriority(priority), actor);
    }

    /**
     * Changes the category. Staff only.
     *
     * @param id       the ticket
     * @param category the new category, one of the desk's
     * @param actor    who changes it
     * @return the ticket
     */
    public Either<Rejection, Ticket> changeCategory(TicketId id, Category category, Actor actor) {
        return execute(id, new TicketCommand.ChangeCategory(category), actor);
    }

    /**
     * Moves the ticket to another tier. Staff only.
     *
     * @param id     the ticket
     * @param tier   the new tier
     * @param reason why, for the history
     * @param actor  who moves it
     * @return the ticket
     */
    public Either<Rejection, Ticket> changeTier(TicketId id, Tier tier, String reason, Actor actor) {
        return execute(id, new TicketCommand.ChangeTier(tier, reason), actor);
    }

    /**
     * Moves the ticket to another group. Staff only.
     *
     * @param id    the ticket
     * @param group the group
     * @param actor who moves it
     * @return the ticket
     */
    public Either<Rejection, Ticket> moveToGroup(TicketId id, GroupId group, Actor actor) {
        return execute(id, new TicketCommand.MoveToGroup(group), actor);
    }

    /**
     * Waits on the customer. Staff only.
     *
     * @param id    the ticket
     * @param actor who sets it
     * @return the ticket
     */
    public Either<Rejection, Ticket> setPending(TicketId id, Actor actor) {
        return execute(id, new TicketCommand.SetPending(), actor);
    }

    /**
     * Waits on a third party. Staff only.
     *
     * @param id    the ticket
     * @param actor who sets it
     * @return the ticket
     */
    public Either<Rejection, Ticket> setOnHold(TicketId id, Actor actor) {
        return execute(id, new TicketCommand.SetOnHold(), actor);
    }

    /**
     * Takes a pending or on-hold ticket back to open. Staff only.
     *
     * @param id    the ticket
     * @param actor who resumes it
     * @return the ticket
     */
    public Either<Rejection, Ticket> resume(TicketId id, Actor actor) {
        return execute(id, new TicketCommand.Resume(), actor);
    }

    /**
     * Marks the ticket solved; it needs an assignee. Staff only.
     *
     * @param id    the ticket
     * @param actor who solves it
     * @return the ticket
     */
    public Either<Rejection, Ticket> solve(TicketId id, Actor actor) {
        return execute(id, new TicketCommand.Solve(), actor);
    }

    /**
     * Reopens a solved ticket: a new resolution cycle. Staff or the requester.
     *
     * @param id    the ticket
     * @param actor who reopens it
     * @return the ticket
     */
    public Either<Rejection, Ticket> reopen(TicketId id, Actor actor) {
        return execute(id, new TicketCommand.Reopen(), actor);
    }

    /**
     * Closes a solved ticket; final. Staff only.
     *
     * @param id    the ticket
     * @param actor who closes it
     * @return the ticket
     */
    public Either<Rejection, Ticket> close(TicketId id, Actor actor) {
        return execute(id, new TicketCommand.Close(), actor);
    }

    /**
     * Merges a ticket into another of this tenant: the source becomes final, the target
     * carries on and records the source. Both change atomically. Staff only.
     *
     * @param source the ticket merged away
     * @param into   the ticket that carries on
     * @param actor  who merges
     * @return the target ticket
     */
    public Either<Rejection, Ticket> merge(TicketId source, TicketId into, Actor actor) {
        return execute(source, new TicketCommand.Merge(into), actor);
    }

    /**
     * Reads a ticket.
     *
     * @param id    the ticket
     * @param actor who reads; a customer reads only their own tickets, without internal notes
     * @return the ticket, or not found
     */
    public Either<Rejection, Ticket> get(TicketId id, Actor actor) {
        return pipeline.loader().find(tenant, id, actor).map(t -> pipeline.viewFor(actor, t));
    }

    /**
     * The public conversation of a ticket with that of every ticket merged into it, oldest
     * first, as a customer sees it (see
     * {@link dev.helpdesk.core.ticket.CustomerView#conversation}). A customer gets the messages
     * of their own tickets only. Costs one read per ticket merged in.
     *
     * @param id    the ticket
     * @param actor who reads
     * @return the public messages, or not found
     */
    public Either<Rejection, List<Message>> conversation(TicketId id, Actor actor) {
        return pipeline.loader().find(tenant, id, actor).map(t -> pipeline.decider().customerView()
                .conversation(t, merged -> pipeline.loader().find(tenant, merged, actor).toJavaOptional()));
    }

    /**
     * Reads a ticket by its human number, as a customer reads it out on the phone.
     *
     * @param number the number
     * @param actor  who reads
     * @return the ticket, or not found
     */
    public Either<Rejection, Ticket> byNumber(TicketNumber number, Actor actor) {
        if (number == null || actor == null) {
            return Either.left(Rejection.Invalid.of(number == null ? "number" : "actor", "is required"));
        }
        return pipeline.store().findByNumber(tenant, number).toEither((Rejection) new Rejection.NotFound("ticket", number.toString()))
                .flatMap(t -> Rules.visibleTo(actor, t).map(a -> pipeline.viewFor(actor, t)));
    }

    /**
     * A ticket's history, oldest first. A customer gets it without internal notes.
     *
     * @param id    the ticket
     * @param actor who reads
     * @return the events, or not found
     */
    public Either<Rejection, List<RecordedEvent>> history(TicketId id, Actor actor) {
        return pipeline.loader().find(tenant, id, actor).map(t -> {
            List<RecordedEvent> all = pipeline.store().history(tenant, id);
            return actor instanceof Actor.Customer ? pipeline.decider().customerView().history(all) : all;
        });
    }

    /**
     * Lists tickets a page at a time, in ascending number. A customer's listing is always
     * narrowed to their own tickets.
     *
     * @param query which tickets
     * @param page  which page
     * @param actor who lists
     * @return the page
     */
    public Either<Rejection, Page> list(TicketQuery query, PageRequest page, Actor actor) {
        if (query == null || page == null || actor == null) {
            return Either.left(Rejection.Invalid.of(query == null ? "query" : page == null ? "page" : "actor", "is required"));
        }
        TicketQuery effective = actor instanceof Actor.Customer c ? query.andRequester(c.id()) : query;
        if (actor instanceof Actor.Customer c && query.requester().isPresent() && !query.requester().equals(Optional.of(c.id()))) {
            return Either.right(new Page(List.of(), Optional.empty()));
        }
        Page result = pipeline.store().list(tenant, effective, page);
        return Either.right(actor instanceof Actor.Customer
                ? new Page(result.items().stream().map(pipeline.decider().customerView()::ticket).toList(), result.next())
                : result);
    }
}
