package dev.helpdesk.core;

import dev.helpdesk.core.feedback.FeedbackDesk;
import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.portal.FormField;
import dev.helpdesk.core.portal.PortalSettings;
import dev.helpdesk.core.portal.Upload;
import dev.helpdesk.core.portal.WebForm;
import dev.helpdesk.core.ticket.ChannelReceipt;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *
 * <p>Files: with an {@link dev.helpdesk.spi.channel.AttachmentStore} in {@link PortalSettings},
 * a reply or a submission may carry {@link Upload}s. Their bytes go to the store first; the
 * ticket's commit then records each file's name, media type, size and checksum
 * ({@link TicketEvent.AttachmentAdded}) with the message, on the self-service or web-form
 * channel. A refused file, or a command the decider refuses, deletes the bytes already stored:
 * nothing is left half-written. A customer rates a solved ticket with
 * {@link #rate(TicketId, int, String, Actor)}, through the tenant's satisfaction desk.
 */
public final class PortalDesk {
    /** The endpoint a portal message's files are recorded under. */
    private static final EndpointId PORTAL = EndpointId.of("portal");
    private final TicketDesk tickets;
    private final IdempotentDesk keyed;
    private final PortalSettings settings;
    private final Pipeline pipeline;
    private final TenantId tenant;
    private final FeedbackDesk feedback;

    PortalDesk(TicketDesk tickets, IdempotentDesk keyed, PortalSettings settings, Pipeline pipeline, TenantId tenant,
               FeedbackDesk feedback) {
        this.tickets = tickets;
        this.keyed = keyed;
        this.settings = settings;
        this.pipeline = pipeline;
        this.tenant = tenant;
        this.feedback = feedback;
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
        return submit(form, inputs, customer, null, List.of());
    }

    /**
     * The customer submits a web form with files. The files are refused, naming
     * {@code files[i]}, {@code files[i].name} or {@code files[i].mediaType}, when the portal
     * keeps no files, there are more than {@link PortalSettings#maxAttachments()}, one is larger
     * than {@link PortalSettings#maxAttachmentBytes()} or its name or media type is malformed;
     * then nothing is stored or written.
     *
     * @param form     the form's name
     * @param inputs   the posted inputs by name
     * @param files    the attached files, possibly none
     * @param customer the customer
     * @return the new ticket as the customer sees it
     */
    public Either<Rejection, Ticket> submit(String form, Map<String, String> inputs, List<Upload> files, Actor customer) {
        return submit(form, inputs, customer, null, files == null ? List.of() : files);
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
        return submit(form, inputs, customer, key, List.of());
    }

    private Either<Rejection, Ticket> submit(String form, Map<String, String> inputs, Actor customer, IdempotencyKey key,
                                             List<Upload> files) {
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
        errors.addAll(fileProblems(files));
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
        if (!files.isEmpty()) {
            return withFiles(files, Channel.WEB_FORM, c.get(), receipt -> pipeline.commands().open(tenant, command, c.get(),
                    receipt)).mapLeft(r -> byFormNames(r, definition));
        }
        return (key == null ? tickets.open(command, c.get()) : keyed.open(key, command, c.get()))
                .mapLeft(r -> byFormNames(r, definition));
    }

    /**
     * The customer replies from the portal with files; see
     * {@link #submit(String, Map, List, Actor)} for what is refused. The files are recorded with
     * the reply, on the ticket the reply lands on (a follow-up for a closed ticket).
     *
     * @param id       the ticket
     * @param body     the reply
     * @param files    the attached files, possibly none
     * @param customer the customer
     * @return the ticket the reply landed on
     */
    public Either<Rejection, Ticket> reply(TicketId id, String body, List<Upload> files, Actor customer) {
        Either<Rejection, Actor.Customer> c = customer(customer);
        if (c.isLeft()) {
            return Either.left(c.getLeft());
        }
        if (files == null || files.isEmpty()) {
            return reply(id, body, customer);
        }
        List<FieldError> problems = fileProblems(files);
        if (!problems.isEmpty()) {
            return Either.left(new Rejection.Invalid(problems));
        }
        // the ticket must be the customer's before anything is stored
        Either<Rejection, Ticket> own = tickets.get(id, c.get());
        if (own.isLeft()) {
            return own;
        }
        return withFiles(files, Channel.SELF_SERVICE, c.get(), receipt -> pipeline.commands().execute(tenant, id,
                new TicketCommand.Receive(new TicketCommand.Reply(body, Channel.SELF_SERVICE), receipt), c.get()));
    }

    /**
     * The files the customer sees on one of their tickets: those they attached, oldest first.
     *
     * @param id       the ticket
     * @param customer the customer
     * @return each file's message, name, media type, size, checksum and storage key
     */
    public Either<Rejection, List<TicketEvent.AttachmentAdded>> attachments(TicketId id, Actor customer) {
        return customer(customer).flatMap(c -> tickets.history(id, c)).map(history -> history.stream()
                .map(r -> r.event()).filter(TicketEvent.AttachmentAdded.class::isInstance)
                .map(TicketEvent.AttachmentAdded.class::cast).toList());
    }

    /**
     * Opens the bytes of a file the customer sees on one of their tickets. The caller closes
     * the stream.
     *
     * @param id         the ticket
     * @param storageKey the file's storage key, from {@link #attachments(TicketId, Actor)}
     * @param customer   the customer
     * @return the bytes, or not found: a key that is not a file of this ticket the customer sees
     */
    public Either<Rejection, InputStream> download(TicketId id, String storageKey, Actor customer) {
        Optional<AttachmentStore> store = settings.attachments();
        return attachments(id, customer).flatMap(files -> files.stream().anyMatch(a -> a.storageKey().equals(storageKey))
                && store.isPresent() ? StorageKey.parse(storageKey).flatMap(key -> store.get().open(tenant, key))
                : Either.left(new Rejection.NotFound("attachment", String.valueOf(storageKey))));
    }

    /**
     * The customer rates a solved or closed ticket from the portal, through the tenant's
     * satisfaction desk ({@link FeedbackDesk#rate(TicketId, int, String, Actor)}): a later
     * rating of the same cycle replaces the earlier one.
     *
     * @param id       the ticket
     * @param score    the score, 1 to the tenant's scale's top
     * @param comment  the comment, or null
     * @param customer the requester
     * @return the ticket as the customer sees it, or why not (not solved, another customer's,
     *         a score out of the scale)
     */
    public Either<Rejection, Ticket> rate(TicketId id, int score, String comment, Actor customer) {
        return customer(customer).flatMap(c -> feedback.rate(id, score, comment, c));
    }

    /** Every problem of the files that can be seen before storing them. */
    private List<FieldError> fileProblems(List<Upload> files) {
        List<FieldError> errors = new ArrayList<>();
        if (files.isEmpty()) {
            return errors;
        }
        if (settings.attachments().isEmpty()) {
            errors.add(new FieldError("files", "the portal takes no files"));
            return errors;
        }
        if (files.size() > settings.maxAttachments()) {
            errors.add(new FieldError("files", "at most " + settings.maxAttachments() + " files, not " + files.size()));
        }
        for (int i = 0; i < files.size(); i++) {
            Upload u = files.get(i);
            if (u == null || u.content() == null) {
                errors.add(new FieldError("files[" + i + "]", "is required"));
                continue;
            }
            if (!AttachmentRef.isFileName(u.name())) {
                errors.add(new FieldError("files[" + i + "].name", "must be a file name on one line, without control"
                        + " characters, path separators or a leading dot"));
            }
            if (!AttachmentRef.isMediaType(u.mediaType())) {
                errors.add(new FieldError("files[" + i + "].mediaType", "must be lower-case type/subtype"));
            }
        }
        return errors;
    }

    /**
     * Stores the files, then runs the command with them on its receipt; a refused file or
     * command (or a failure) deletes what was stored.
     */
    private Either<Rejection, Ticket> withFiles(List<Upload> files, Channel channel, Actor.Customer customer,
                                                java.util.function.Function<ChannelReceipt, Either<Rejection, Ticket>> command) {
        AttachmentStore store = settings.attachments().orElseThrow();
        List<AttachmentRef> stored = new ArrayList<>(files.size());
        boolean done = false;
        try {
            for (int i = 0; i < files.size(); i++) {
                Upload u = files.get(i);
                Either<Rejection, AttachmentRef> put = store.put(tenant, u.name(), u.mediaType(), u.content(),
                        settings.maxAttachmentBytes());
                if (put.isLeft()) {
                    String field = "files[" + i + "]";
                    return Either.left(put.getLeft() instanceof Rejection.Invalid invalid
                            ? new Rejection.Invalid(invalid.errors().stream().map(e -> new FieldError(field
                                    + (e.field().equals("content") ? "" : "." + e.field()), e.problem())).toList())
                            : put.getLeft());
                }
                stored.add(put.get());
            }
            ChannelReceipt receipt = new ChannelReceipt(channel, PORTAL, ExternalMessageId.of("portal:" + pipeline.ids().next()),
                    ContactAddress.handle(customer.id().value()), stored, Optional.empty());
            Either<Rejection, Ticket> answer = command.apply(receipt);
            done = answer.isRight();
            return answer;
        } finally {
            if (!done) {
                for (AttachmentRef ref : stored) {
                    store.delete(tenant, ref.storageKey());
                }
            }
        }
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
