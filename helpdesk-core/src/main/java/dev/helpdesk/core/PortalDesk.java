package dev.helpdesk.core;

import dev.helpdesk.core.portal.FormField;
import dev.helpdesk.core.portal.PortalSettings;
import dev.helpdesk.core.portal.WebForm;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The customer-facing side of a tenant's desk, for a host's portal and web forms: a customer
 * lists their tickets, reads one and its public conversation, replies, and submits a web form.
 * Every answer is the customer's view ({@link dev.helpdesk.core.ticket.CustomerView}: no
 * internal notes, staff fields or SLA records), and every permission is the decider's: another
 * customer's ticket is not found, a closed ticket's reply opens a follow-up. Only customers use
 * it; staff use {@link TicketDesk}.
 *
 * <p>A form submission is refused with one {@link Rejection.Invalid} naming every bad input by
 * the form's own names: a missing required input, an input the form does not have, and a value
 * the ticket's custom field refuses. Nothing is written then.
 */
public final class PortalDesk {
    private final TicketDesk tickets;
    private final IdempotentDesk keyed;
    private final PortalSettings settings;

    PortalDesk(TicketDesk tickets, IdempotentDesk keyed, PortalSettings settings) {
        this.tickets = tickets;
        this.keyed = keyed;
        this.settings = settings;
    }

    /**
     * The customer's tickets, a page at a time, in ascending number.
     *
     * @param page     which page
     * @param customer the customer
     * @return the page
     */
    public Either<Rejection, Page> myTickets(PageRequest page, Actor customer) {
        return customer(customer).flatMap(c -> tickets.list(TicketQuery.requestedBy(c.id()), page, c));
    }

    /**
     * One of the customer's tickets.
     *
     * @param id       the ticket
     * @param customer the customer
     * @return the ticket as the customer sees it, or not found
     */
    public Either<Rejection, Ticket> ticket(TicketId id, Actor customer) {
        return customer(customer).flatMap(c -> tickets.get(id, c));
    }

    /**
     * The public conversation of one of the customer's tickets, with the tickets merged into it.
     *
     * @param id       the ticket
     * @param customer the customer
     * @return the public messages, oldest first
     */
    public Either<Rejection, List<Message>> conversation(TicketId id, Actor customer) {
        return customer(customer).flatMap(c -> tickets.conversation(id, c));
    }

    /**
     * The customer replies from the portal.
     *
     * @param id       the ticket
     * @param body     the reply
     * @param customer the customer
     * @return the ticket the reply landed on (a follow-up for a closed ticket)
     */
    public Either<Rejection, Ticket> reply(TicketId id, String body, Actor customer) {
        return customer(customer).flatMap(c -> tickets.reply(id, body, Channel.SELF_SERVICE, c));
    }

    /**
     * The customer replies from the portal once per idempotency key (a browser that posts the
     * form twice): the second post gets the first answer and adds no second message.
     *
     * @param key      the post's key
     * @param id       the ticket
     * @param body     the reply
     * @param customer the customer
     * @return the ticket the first reply under the key landed on
     */
    public Either<Rejection, Ticket> reply(IdempotencyKey key, TicketId id, String body, Actor customer) {
        return customer(customer).flatMap(c -> keyed.reply(key, id, body, Channel.SELF_SERVICE, c));
    }

    /**
     * The customer submits a web form.
     *
     * @param form     the form's name
     * @param inputs   the posted inputs by name
     * @param customer the customer
     * @return the new ticket as the customer sees it
     */
    public Either<Rejection, Ticket> submit(String form, Map<String, String> inputs, Actor customer) {
        return submit(form, inputs, customer, null);
    }

    /**
     * The customer submits a web form once per idempotency key: a form posted twice opens one
     * ticket, and the second post gets the first answer.
     *
     * @param key      the post's key
     * @param form     the form's name
     * @param inputs   the posted inputs by name
     * @param customer the customer
     * @return the ticket the first submission under the key opened
     */
    public Either<Rejection, Ticket> submit(IdempotencyKey key, String form, Map<String, String> inputs, Actor customer) {
        if (key == null) {
            return Either.left(Rejection.Invalid.of("idempotencyKey", "is required"));
        }
        return submit(form, inputs, customer, key);
    }

    private Either<Rejection, Ticket> submit(String form, Map<String, String> inputs, Actor customer, IdempotencyKey key) {
        Either<Rejection, Actor.Customer> c = customer(customer);
        if (c.isLeft()) {
            return Either.left(c.getLeft());
        }
        if (form == null || settings.form(form).isEmpty()) {
            return Either.left(new Rejection.NotFound("form", String.valueOf(form)));
        }
        WebForm definition = settings.form(form).get();
        Map<String, String> posted = inputs == null ? Map.of() : inputs;
        List<FieldError> errors = new ArrayList<>();
        for (String name : posted.keySet()) {
            if (!name.equals(WebForm.SUBJECT) && !name.equals(WebForm.DESCRIPTION)
                    && definition.fields().stream().noneMatch(f -> f.name().equals(name))) {
                errors.add(new FieldError(name, "is not a field of form " + form));
            }
        }
        for (String name : List.of(WebForm.SUBJECT, WebForm.DESCRIPTION)) {
            if (blank(posted.get(name))) {
                errors.add(new FieldError(name, "is required"));
            }
        }
        for (FormField field : definition.fields()) {
            if (field.required() && blank(posted.get(field.name()))) {
                errors.add(new FieldError(field.name(), "is required"));
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(new Rejection.Invalid(errors));
        }
        StringBuilder body = new StringBuilder(posted.get(WebForm.DESCRIPTION));
        TicketCommand.Open.Builder open = TicketCommand.open().subject(posted.get(WebForm.SUBJECT)).channel(Channel.WEB_FORM)
                .category(definition.category()).priority(definition.priority()).requester(c.get().id());
        for (FormField field : definition.fields()) {
            String value = posted.get(field.name());
            if (blank(value)) {
                continue;
            }
            if (field.customField().isPresent()) {
                open.field(field.customField().get(), value);
            } else {
                body.append("\n").append(field.name()).append(": ").append(value);
            }
        }
        TicketCommand.Open command = open.body(body.toString()).build();
        return (key == null ? tickets.open(command, c.get()) : keyed.open(key, command, c.get()))
                .mapLeft(r -> byFormNames(r, definition));
    }

    /** The decider's rejection with its field names put in the form's words. */
    private static Rejection byFormNames(Rejection r, WebForm form) {
        if (!(r instanceof Rejection.Invalid invalid)) {
            return r;
        }
        return new Rejection.Invalid(invalid.errors().stream().map(e -> {
            if (e.field().equals("body")) {
                return new FieldError(WebForm.DESCRIPTION, e.problem());
            }
            for (FormField f : form.fields()) {
                if (f.customField().isPresent() && e.field().equals("fields." + f.customField().get())) {
                    return new FieldError(f.name(), e.problem());
                }
            }
            return e;
        }).toList());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Either<Rejection, Actor.Customer> customer(Actor actor) {
        if (actor instanceof Actor.Customer c) {
            return Either.right(c);
        }
        return Either.left(actor == null ? Rejection.Invalid.of("actor", "is required")
                : new Rejection.NotAllowed("the portal is for customers; staff use the ticket desk"));
    }
}
