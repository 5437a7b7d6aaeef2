package dev.helpdesk.spi.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * The desk's door for inbound messages, implemented by the desk and called by every channel
 * module (email, phone, chat, forum, web form). The intake decides, in one transaction:
 *
 * <ol>
 *   <li>whether it saw the message before: the same tenant, channel and
 *       {@link InboundMessage#externalId()} answer {@link IntakeOutcome.Duplicate} whatever
 *       restarts happened in between, so a channel may hand a message over again whenever it
 *       is unsure it was taken;</li>
 *   <li>the ticket: the first of {@link InboundMessage#references()} the desk recorded (for a
 *       message it received or sent), else the {@link InboundMessage#ticketHint()}, else the
 *       ticket number found in the subject with the tenant's pattern (default {@code [#1234]}),
 *       else a new ticket; a merged ticket's messages go to the ticket it was merged into, a
 *       closed ticket's to a follow-up ticket;</li>
 *   <li>the customer: {@link InboundMessage#knownCustomer()}, else the
 *       {@link CustomerDirectory}, else the tenant's policy for unknown senders (create, route
 *       to a triage group, or refuse);</li>
 *   <li>the command: open, customer reply, follow-up, or, for a message with
 *       {@link MessageFlag flags}, a record on the ticket that never reopens it and never opens
 *       a new one.</li>
 * </ol>
 *
 * <p>Outcomes are values; a channel never gets an exception for a message's content. An
 * exception means the desk could not work (its store is down): nothing was taken, and the
 * channel keeps the message to hand over again later.
 *
 * <p>Implementations are safe for concurrent use; a channel may call from several threads.
 */
@FunctionalInterface
public interface InboundIntake {

    /**
     * Takes one message.
     *
     * @param message the message
     * @return what became of it
     * @throws dev.helpdesk.spi.HelpdeskException when the desk could not record it (retry later)
     */
    IntakeOutcome accept(InboundMessage message);

    /**
     * Takes several messages, in order, answering for each what {@link #accept} would have
     * answered had they been handed over one by one in that order: a message later in the list
     * threads onto a ticket an earlier one opened, and the same message twice is taken once.
     *
     * <p>The desk takes the whole list in one transaction of its store where the store offers
     * one ({@link dev.helpdesk.spi.ticket.TicketStore#atomicUnits()}): one durable commit for
     * the batch instead of one per message. When anything in that transaction fails (a
     * concurrent delivery of one of the messages, a conflict, the database) it is rolled back as
     * a whole and the messages are taken one by one instead, so a message is never lost and
     * never taken twice. A channel acknowledges the messages (flags them on the server, answers
     * the web hook) only after this returns.
     *
     * <p>The answer has one outcome for each message, in order. When the desk fails part way
     * (its store went down while it took them one by one) it throws an
     * {@link IntakeInterruptedException} holding the outcomes of the messages it took; the
     * others were not taken and are to be handed over again. When it took none, the failure is
     * thrown as {@link #accept} throws it. The default takes the messages one by one with
     * {@link #accept}.
     *
     * @param messages the messages, in the order they arrived
     * @return the outcomes, one per message, in order
     * @throws IntakeInterruptedException when the desk failed after taking some of the messages
     * @throws dev.helpdesk.spi.HelpdeskException when the desk could not record the first
     *                                            message (nothing was taken; retry later)
     */
    default List<IntakeOutcome> acceptAll(List<InboundMessage> messages) {
        List<IntakeOutcome> outcomes = new ArrayList<>(messages.size());
        for (InboundMessage message : messages) {
            try {
                outcomes.add(accept(message));
            } catch (RuntimeException e) {
                if (outcomes.isEmpty()) {
                    throw e;
                }
                throw new IntakeInterruptedException(outcomes, e);
            }
        }
        return List.copyOf(outcomes);
    }
}
