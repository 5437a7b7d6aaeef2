package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Labels;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@link TicketDecider} that decides what used to be decided beside it: tags,
 * custom fields, escalation to a role, notices, queueing, and the records of the desk's rules
 * and SLA clocks. Same checks as every other command: input first, then who may, then what a
 * final ticket still takes.
 */
final class DeskCommands {
    private final Map<String, CustomField> fields;

    DeskCommands(Map<String, CustomField> fields) {
        this.fields = fields;
    }

    /**
     * Decides a command of escalation, routing, custom fields or the desk's own records.
     *
     * @param command the command
     * @param t       the ticket, visible to the actor
     * @param actor   who acts
     * @param now     the current time
     * @return the events, or why not; null for a command that is not one of these (a
     *         capability's, which the decider tries after these)
     */
    Either<Rejection, List<TicketEvent>> decide(TicketCommand command, Ticket t, Actor actor, Instant now) {
        TicketId id = t.id();
        if (command instanceof TicketCommand.Tag c) {
            return TicketDecider.staffChange(c, t, actor, Input.label("tag", c.tag()), () -> t.tags().contains(c.tag())
                    ? List.of() : List.of(new TicketEvent.TagAdded(id, now, actor, c.tag())));
        } else if (command instanceof TicketCommand.Untag c) {
            return TicketDecider.staffChange(c, t, actor, Input.label("tag", c.tag()), () -> !t.tags().contains(c.tag())
                    ? List.of() : List.of(new TicketEvent.TagRemoved(id, now, actor, c.tag())));
        } else if (command instanceof TicketCommand.SetField c) {
            return setField(c, t, actor, now);
        } else if (command instanceof TicketCommand.EscalateToRole c) {
            return Input.all(Input.label("role", c.role()), Input.reason("reason", c.reason()))
                    .flatMap(a -> TicketDecider.staffChange(c, t, actor, Validation.valid(c),
                            () -> List.of(new TicketEvent.EscalatedToRole(id, now, actor, c.role(), c.reason(), c.urgent()))));
        } else if (command instanceof TicketCommand.NotifyAgent c) {
            return Input.all(Input.required("agent", c.agent()), Input.reason("reason", c.reason()))
                    .flatMap(a -> TicketDecider.staffChange(c, t, actor, Validation.valid(c),
                            () -> List.of(new TicketEvent.AgentNotified(id, now, actor, c.agent(), c.reason(), c.urgent()))));
        } else if (command instanceof TicketCommand.NotifyCustomer c) {
            return TicketDecider.staffChange(c, t, actor, Input.reason("reason", c.reason()),
                    () -> List.of(new TicketEvent.CustomerNotified(id, now, actor, t.requester(), c.reason())));
        } else if (command instanceof TicketCommand.Queue c) {
            return Input.all(Input.reason("reason", c.reason()))
                    .flatMap(a -> Permissions.desksRulesOnly(actor, c.name()))
                    .flatMap(a -> Rules.inProgress(t, c.name()))
                    .flatMap(a -> t.assignee().isEmpty() ? Either.right(a) : Either.left(new Rejection.InvalidTransition(
                            c.name(), t.status().name(), "an assigned ticket does not wait in a queue")))
                    .map(a -> List.of(new TicketEvent.Queued(id, now, actor, Optional.ofNullable(c.group()), c.reason())));
        } else if (command instanceof TicketCommand.FireRule c) {
            return Input.all(Input.label("rule", c.rule()), Input.line("trigger", c.trigger(), Input.MAX_REASON_LENGTH),
                            Input.reason("reason", c.reason()), Input.between("depth", c.depth(), 1, Integer.MAX_VALUE))
                    .flatMap(a -> Permissions.desksRulesOnly(actor, c.name()))
                    .map(a -> List.of(new TicketEvent.RuleFired(id, now, actor, c.rule(), c.trigger(), c.reason(), c.depth())));
        } else if (command instanceof TicketCommand.SkipRule c) {
            return Input.all(Input.label("rule", c.rule()), Input.line("trigger", c.trigger(), Input.MAX_REASON_LENGTH),
                            Input.reason("reason", c.reason()))
                    .flatMap(a -> Permissions.desksRulesOnly(actor, c.name()))
                    .map(a -> List.of(new TicketEvent.RuleSkipped(id, now, actor, c.rule(), c.trigger(), c.reason())));
        } else if (command instanceof TicketCommand.RuleActionFailed c) {
            // the problem quotes a refusal, whatever it holds: made fit for the history, never refused for it
            return Input.all(Input.label("rule", c.rule()), Input.label("action", c.action()),
                            Input.required("problem", c.problem()))
                    .flatMap(a -> Permissions.desksRulesOnly(actor, c.name()))
                    .map(a -> List.of(new TicketEvent.RuleActionFailed(id, now, actor, c.rule(), c.action(),
                            Input.quoted(c.problem(), Input.MAX_REASON_LENGTH))));
        } else if (command instanceof TicketCommand.WarnSla c) {
            return Input.all(Input.required("clock", c.clock()), Input.between("cycle", c.cycle(), 1, Integer.MAX_VALUE),
                            Input.between("thresholdPercent", c.thresholdPercent(), 1, 99), Input.required("dueAt", c.dueAt()))
                    .flatMap(a -> Permissions.desksRulesOnly(actor, c.name()))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .map(a -> List.of(new TicketEvent.SlaWarning(id, now, actor, c.clock(), c.cycle(), c.thresholdPercent(),
                            c.dueAt())));
        } else if (command instanceof TicketCommand.BreachSla c) {
            return Input.all(Input.required("clock", c.clock()), Input.between("cycle", c.cycle(), 1, Integer.MAX_VALUE),
                            Input.required("dueAt", c.dueAt()))
                    .flatMap(a -> Permissions.desksRulesOnly(actor, c.name()))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .map(a -> List.of(new TicketEvent.SlaBreached(id, now, actor, c.clock(), c.cycle(), c.dueAt())));
        }
        return null;
    }

    private Either<Rejection, List<TicketEvent>> setField(TicketCommand.SetField c, Ticket t, Actor actor, Instant now) {
        CustomField field = c.field() == null ? null : fields.get(c.field());
        // a blank text is no value: clearing the field says that
        Optional<String> canonical = field == null || c.value() == null || c.value().isBlank() ? Optional.empty()
                : field.type().canonical(c.value());
        Validation<FieldError, ?> name = field != null ? Validation.valid(field)
                : Validation.invalid(new FieldError("field", c.field() == null ? "is required"
                        : "unknown custom field '" + Input.quoted(c.field(), Labels.MAX_LENGTH) + "'"));
        Validation<FieldError, ?> value = field == null || c.value() == null || canonical.isPresent() ? Validation.valid(c)
                : Validation.invalid(new FieldError("value", "'" + Input.quoted(c.value(), 40) + "' is not a "
                        + field.type().name().toLowerCase(Locale.ROOT) + " value: " + field.type().rule()));
        return Input.all(name, value)
                .flatMap(a -> actor.isStaff() || field.customerMaySet() ? Either.<Rejection, Allowance>right(a)
                        : Either.left(new Rejection.NotAllowed("only staff may set the custom field " + c.field()
                                + ", not " + actor.display())))
                .flatMap(a -> Rules.notFinal(t, c.name()))
                .map(a -> canonical.equals(Optional.ofNullable(t.fields().get(c.field()))) ? List.<TicketEvent>of()
                        : List.of(new TicketEvent.FieldSet(t.id(), now, actor, c.field(), canonical)));
    }
}
