package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;

/**
 * The escalation side of one tenant's tickets: the tags and custom field values escalation
 * conditions test, and hierarchical escalation by hand. Every change here is a ticket event
 * like any other, so escalation rules react to it in the same commit ({@code tag_added}), and
 * it is answered with the ticket or a {@link Rejection}, never an exception.
 *
 * <p>Each change is a {@link TicketCommand} decided by the desk's one ticket decider, under the
 * same checks as every other command. Staff only (agents and system rules), except custom fields
 * a customer may set; customers get {@link Rejection.NotAllowed} for other changes and for
 * reading facts. Each call costs one read and one write of the store, plus a
 * read of the ticket's history for facts and for rules that need it.
 */
public final class EscalationDesk {
    private final Pipeline pipeline;
    private final TenantId tenant;

    EscalationDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
    }

    /**
     * What escalation conditions see of a ticket beyond its state.
     *
     * @param id    the ticket
     * @param actor who looks; not a customer
     * @return the facts (tags, custom field values, reopenings, the requester's segment), not
     *         found, or not allowed for a customer
     */
    public Either<Rejection, TicketFacts> facts(TicketId id, Actor actor) {
        return pipeline.views().facts(tenant, id, actor);
    }

    /**
     * Puts a tag on a ticket; nothing happens when it has the tag already.
     *
     * @param id    the ticket
     * @param tag   the tag, a label ({@code vip}, {@code skill:printers})
     * @param actor who tags it; staff only
     * @return the ticket, or a rejection: invalid tag, not allowed, not found, final ticket
     */
    public Either<Rejection, Ticket> tag(TicketId id, String tag, Actor actor) {
        return pipeline.commands().execute(tenant, id, new TicketCommand.Tag(tag), actor);
    }

    /**
     * Takes a tag off a ticket; nothing happens when it does not have it.
     *
     * @param id    the ticket
     * @param tag   the tag
     * @param actor who removes it; staff only
     * @return the ticket, or a rejection
     */
    public Either<Rejection, Ticket> untag(TicketId id, String tag, Actor actor) {
        return pipeline.commands().execute(tenant, id, new TicketCommand.Untag(tag), actor);
    }

    /**
     * Sets a custom field of a ticket, or clears it.
     *
     * @param id    the ticket
     * @param field the field's name, one the desk declares
     * @param value the value as text (a number, {@code true}/{@code false}, an ISO date, a
     *              text), or null to clear it
     * @param actor who sets it; staff for every field, a customer (on their own ticket) or an
     *              integration only for fields with access
     *              {@link dev.helpdesk.spi.ticket.CustomField.Access#CUSTOMER_SETS}
     * @return the ticket, or a rejection: unknown field, a value not of the field's type, not
     *         allowed, not found, final ticket
     */
    public Either<Rejection, Ticket> setField(TicketId id, String field, String value, Actor actor) {
        return pipeline.commands().execute(tenant, id, new TicketCommand.SetField(field, value), actor);
    }

    /**
     * Hierarchical escalation by hand: tells everyone holding a role about a ticket, without
     * moving it. The desk's notifiers deliver the notice.
     *
     * @param id     the ticket
     * @param role   the role, a label ({@code supervisor})
     * @param reason why, one line of 1 to 500 characters
     * @param urgent true to reach the role's holders outside their working hours
     * @param actor  who escalates; staff only
     * @return the ticket, or a rejection
     */
    public Either<Rejection, Ticket> escalateToRole(TicketId id, String role, String reason, boolean urgent, Actor actor) {
        return pipeline.commands().execute(tenant, id, new TicketCommand.EscalateToRole(role, reason, urgent), actor);
    }

    /**
     * Tells whether an event is the desk's own business, which a customer reading the ticket's
     * history does not see: rule firings, hierarchical escalations, notices to agents, tags,
     * custom fields and queueing.
     *
     * @param event an event
     * @return true for internal events
     */
    static boolean isInternal(TicketEvent event) {
        return dev.helpdesk.core.ticket.CustomerView.isInternal(event);
    }
}
