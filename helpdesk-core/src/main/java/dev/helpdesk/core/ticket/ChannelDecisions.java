package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.Disposition;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.Visibility;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The part of {@link TicketDecider} that decides messages carried by a channel: a customer's
 * message received (the reply it carries, linked to the channel's id with its attachments), a
 * machine's message recorded without reopening anything, and the channel's id of a message
 * the desk sends. Same order of checks as every other command: input, who may, the ticket's
 * state.
 */
final class ChannelDecisions {

    /**
     * Decides a channel command on an existing ticket.
     *
     * @param decider    the decider, for the reply a received message carries
     * @param command    the command
     * @param t          the ticket, visible to the actor
     * @param actor      who acts
     * @param now        the current time
     * @param messageIds where message ids come from
     * @return the events, or why not
     */
    Either<Rejection, List<TicketEvent>> decide(TicketDecider decider, TicketCommand.ChannelCommand command, Ticket t,
                                                Actor actor, Instant now, Supplier<MessageId> messageIds) {
        if (command.receipt() == null) {
            return Either.left(Rejection.Invalid.of("receipt", "is required"));
        }
        if (command instanceof TicketCommand.Receive c) {
            if (c.reply() == null) {
                return Either.left(Rejection.Invalid.of("reply", "is required"));
            }
            if (c.receipt().automatic().isPresent()) {
                return Either.left(Rejection.Invalid.of("receipt", "an automatic message is recorded, not received"));
            }
            return decider.decide(c.reply(), t, actor, now, messageIds).map(events -> withReceipt(events, c.receipt()));
        } else if (command instanceof TicketCommand.RecordAutomatic c) {
            return recordAutomatic(c, t, actor, now, messageIds.get());
        } else if (command instanceof TicketCommand.LinkOutbound c) {
            return linkOutbound(c, t, actor, now);
        }
        throw new IllegalArgumentException("not a channel command: " + command.name());
    }

    private static Either<Rejection, List<TicketEvent>> recordAutomatic(TicketCommand.RecordAutomatic c, Ticket t,
                                                                        Actor actor, Instant now, MessageId id) {
        Validation<FieldError, ?> reason = c.receipt().automatic().isPresent() ? Validation.valid(c)
                : Validation.invalid(new FieldError("receipt", "must say why the message is automatic"));
        return Input.all(Input.body("body", c.body()), reason)
                .flatMap(a -> actor instanceof Actor.Integration ? Either.right(a)
                        : Either.left(new Rejection.NotAllowed("only a channel records automatic messages, not "
                                + actor.display())))
                .map(a -> {
                    List<TicketEvent> events = new ArrayList<>(2 + c.receipt().attachments().size());
                    // internal and automatic: hidden from the customer, never a reply for SLA clocks or rules
                    events.add(new TicketEvent.MessagePosted(t.id(), now, actor, new Message(id, actor,
                            Visibility.INTERNAL, c.receipt().channel(), c.body(), now, true)));
                    events.addAll(linked(t.id(), now, actor, id, c.receipt(), false));
                    return List.copyOf(events);
                });
    }

    private static Either<Rejection, List<TicketEvent>> linkOutbound(TicketCommand.LinkOutbound c, Ticket t, Actor actor,
                                                                     Instant now) {
        return Input.all(Input.required("message", c.message()))
                .flatMap(a -> actor instanceof Actor.SystemRule || actor instanceof Actor.Integration ? Either.right(a)
                        : Either.left(new Rejection.NotAllowed("only the desk links outbound messages, not "
                                + actor.display())))
                .map(a -> linked(t.id(), now, actor, c.message(), c.receipt(), true));
    }

    /**
     * The receipt's events for the message a reply or an opening just posted: the events
     * followed by the link and the attachments of the first public message among them.
     *
     * @param events  the decided events
     * @param receipt the channel's facts
     * @return the events with the receipt's; unchanged when no message was posted
     */
    List<TicketEvent> withReceipt(List<TicketEvent> events, ChannelReceipt receipt) {
        for (TicketEvent e : events) {
            if (e instanceof TicketEvent.MessagePosted posted) {
                List<TicketEvent> all = new ArrayList<>(events);
                all.addAll(linked(posted.ticketId(), posted.at(), posted.actor(), posted.message().id(), receipt, false));
                return List.copyOf(all);
            }
        }
        return events;
    }

    private static List<TicketEvent> linked(TicketId ticket, Instant now, Actor actor, MessageId message,
                                            ChannelReceipt receipt, boolean outbound) {
        List<TicketEvent> events = new ArrayList<>(1 + receipt.attachments().size());
        events.add(new TicketEvent.ExternalMessageLinked(ticket, now, actor, message, receipt.channel(),
                receipt.endpoint().value(), receipt.externalId().value(), outbound, receipt.counterpart().kind().name(),
                receipt.counterpart().value(), receipt.automatic().map(r -> r.code())));
        for (AttachmentRef file : receipt.attachments()) {
            events.add(new TicketEvent.AttachmentAdded(ticket, now, actor, message, file.name(), file.mediaType(),
                    file.size(), file.checksum().hex(), file.storageKey().value(),
                    file.disposition() == Disposition.INLINE));
        }
        return events;
    }
}
