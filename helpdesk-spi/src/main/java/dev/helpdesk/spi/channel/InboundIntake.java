package dev.helpdesk.spi.channel;

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
}
