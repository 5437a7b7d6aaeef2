package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Labels;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The escalation side of one tenant's tickets: the tags and custom field values escalation
 * conditions test, and hierarchical escalation by hand. Every change here is a ticket event
 * like any other, so escalation rules react to it in the same commit ({@code tag_added}), and
 * it is answered with the ticket or a {@link Rejection}, never an exception.
 *
 * <p>Staff only (agents and system rules); customers get {@link Rejection.NotAllowed} for
 * changes and for reading facts. Each call costs one read and one write of the store, plus a
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
        return change(id, actor, "tag", Labels.problem(tag) == null ? null : new FieldError("tag", Labels.problem(tag)),
                (t, facts, now) -> facts.tags().contains(tag) ? List.of()
                        : List.of(new TicketEvent.TagAdded(t.id(), now, actor, tag)));
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
        return change(id, actor, "untag", Labels.problem(tag) == null ? null : new FieldError("tag", Labels.problem(tag)),
                (t, facts, now) -> !facts.tags().contains(tag) ? List.of()
                        : List.of(new TicketEvent.TagRemoved(t.id(), now, actor, tag)));
    }

    /**
     * Sets a custom field of a ticket, or clears it.
     *
     * @param id    the ticket
     * @param field the field's name, one the desk declares
     * @param value the value as text (a number, {@code true}/{@code false}, an ISO date, a
     *              text), or null to clear it
     * @param actor who sets it; staff only
     * @return the ticket, or a rejection: unknown field, a value not of the field's type, not
     *         allowed, not found, final ticket
     */
    public Either<Rejection, Ticket> setField(TicketId id, String field, String value, Actor actor) {
        Optional<CustomField> declared = field == null ? Optional.empty()
                : pipeline.config().current().rules().vocabulary().field(field);
        FieldError problem = null;
        Optional<String> canonical = Optional.empty();
        if (declared.isEmpty()) {
            problem = new FieldError("field", field == null ? "is required" : "unknown custom field '" + field + "'");
        } else if (value != null) {
            canonical = declared.get().type().canonical(value);
            if (canonical.isEmpty()) {
                problem = new FieldError("value", "'" + value + "' is not a "
                        + declared.get().type().name().toLowerCase(java.util.Locale.ROOT) + " value");
            }
        }
        Optional<String> next = canonical;
        return change(id, actor, "set field", problem, (t, facts, now) -> next.equals(Optional.ofNullable(facts.fields().get(field)))
                ? List.of() : List.of(new TicketEvent.FieldSet(t.id(), now, actor, field, next)));
    }

    /**
     * Hierarchical escalation by hand: tells everyone holding a role about a ticket, without
     * moving it. The desk's notifiers deliver the notice.
     *
     * @param id     the ticket
     * @param role   the role, a label ({@code supervisor})
     * @param reason why, 1 to 500 characters
     * @param urgent true to reach the role's holders outside their working hours
     * @param actor  who escalates; staff only
     * @return the ticket, or a rejection
     */
    public Either<Rejection, Ticket> escalateToRole(TicketId id, String role, String reason, boolean urgent, Actor actor) {
        FieldError problem = Labels.problem(role) != null ? new FieldError("role", Labels.problem(role))
                : reason == null || reason.isBlank() || reason.length() > 500
                        || reason.codePoints().anyMatch(Character::isISOControl)
                ? new FieldError("reason", "must be 1-500 characters without control characters") : null;
        return change(id, actor, "escalate", problem,
                (t, facts, now) -> List.of(new TicketEvent.EscalatedToRole(t.id(), now, actor, role, reason, urgent)));
    }

    /** The events a change makes, from the ticket, its facts and the time. */
    @FunctionalInterface
    private interface Change {
        List<TicketEvent> events(Ticket ticket, TicketFacts facts, Instant now);
    }

    private Either<Rejection, Ticket> change(TicketId id, Actor actor, String command, FieldError problem, Change change) {
        if (id == null || actor == null) {
            return Either.left(Rejection.Invalid.of(id == null ? "ticketId" : "actor", "is required"));
        }
        if (problem != null) {
            return Either.left(new Rejection.Invalid(List.of(problem)));
        }
        if (!actor.isStaff()) {
            return Either.left(new Rejection.NotAllowed("only agents may " + command + ", not " + actor.display()));
        }
        return pipeline.commands().apply(tenant, id, actor, (ticket, facts, now) -> {
            if (ticket.status().isFinal()) {
                return Either.left(new Rejection.InvalidTransition(command, ticket.status().name(),
                        "closed and merged tickets are final"));
            }
            return Either.right(change.events(ticket, facts.get(), now));
        });
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
        return event instanceof TicketEvent.RuleFired || event instanceof TicketEvent.RuleSkipped
                || event instanceof TicketEvent.EscalatedToRole || event instanceof TicketEvent.AgentNotified
                || event instanceof TicketEvent.TagAdded || event instanceof TicketEvent.TagRemoved
                || event instanceof TicketEvent.FieldSet || event instanceof TicketEvent.Queued;
    }
}
