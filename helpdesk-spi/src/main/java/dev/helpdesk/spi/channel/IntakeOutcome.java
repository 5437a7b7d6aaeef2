package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.util.Objects;

/**
 * What became of an inbound message. The kinds are closed, so a channel (and a host counting
 * its traffic) can handle each exhaustively. Every kind except {@link Quarantined} and
 * {@link Refused} means the message was taken: the channel may mark it processed.
 */
public sealed interface IntakeOutcome {

    /**
     * Tells whether the message was taken: recorded on a ticket now or earlier.
     *
     * @return true for opened, replied, follow-up, recorded and duplicate
     */
    default boolean taken() {
        return !(this instanceof Quarantined) && !(this instanceof Refused);
    }

    /**
     * A sentence for a log.
     *
     * @return what happened
     */
    String describe();

    /**
     * A new ticket was opened with the message as its first message.
     *
     * @param ticket the new ticket
     * @param number its number
     */
    record Opened(TicketId ticket, TicketNumber number) implements IntakeOutcome {
        /**
         * Checks the parts are present.
         *
         * @param ticket the new ticket
         * @param number its number
         */
        public Opened {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String describe() {
            return "opened ticket " + number;
        }
    }

    /**
     * The message was recorded as the customer's reply on an existing ticket (the ticket it
     * referred to, or the ticket that one was merged into).
     *
     * @param ticket   the ticket
     * @param number   its number
     * @param reopened true when the reply reopened a pending, on-hold or solved ticket
     */
    record Replied(TicketId ticket, TicketNumber number, boolean reopened) implements IntakeOutcome {
        /**
         * Checks the parts are present.
         *
         * @param ticket the ticket
         * @param number its number
         * @param reopened true when the reply reopened a pending, on-hold or solved ticket
         */
        public Replied {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String describe() {
            return "reply on ticket " + number + (reopened ? ", reopened" : "");
        }
    }

    /**
     * The message referred to a closed ticket: a follow-up ticket linked to it was opened.
     *
     * @param ticket       the new follow-up ticket
     * @param number       its number
     * @param closedTicket the closed ticket it follows up
     */
    record FollowUp(TicketId ticket, TicketNumber number, TicketId closedTicket) implements IntakeOutcome {
        /**
         * Checks the parts are present.
         *
         * @param ticket the new follow-up ticket
         * @param number its number
         * @param closedTicket the closed ticket it follows up
         */
        public FollowUp {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(closedTicket, "closedTicket");
        }

        @Override
        public String describe() {
            return "follow-up ticket " + number;
        }
    }

    /**
     * An automatic message (an out-of-office reply, a bounce, list mail: see
     * {@link MessageFlag}) was recorded on the ticket it refers to without reopening it.
     *
     * @param ticket the ticket
     * @param number its number
     * @param reason why it did not count as the customer's reply
     */
    record Recorded(TicketId ticket, TicketNumber number, Reason reason) implements IntakeOutcome {
        /**
         * Checks the parts are present.
         *
         * @param ticket the ticket
         * @param number its number
         * @param reason why it did not count as the customer's reply
         */
        public Recorded {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "recorded on ticket " + number + " without reopening (" + reason + ")";
        }
    }

    /**
     * The message was taken before (same tenant, channel and external id): nothing was
     * written. A channel that redelivers after a crash gets this.
     *
     * @param externalId the id seen before
     */
    record Duplicate(ExternalMessageId externalId) implements IntakeOutcome {
        /**
         * Checks the id is present.
         *
         * @param externalId the id seen before
         */
        public Duplicate {
            Objects.requireNonNull(externalId, "externalId");
        }

        @Override
        public String describe() {
            return "duplicate of " + externalId;
        }
    }

    /**
     * The message could not be taken and was kept aside with its raw form for an operator
     * (malformed, oversize, a likely mail loop).
     *
     * @param id     where it is kept
     * @param reason why
     */
    record Quarantined(QuarantineId id, Reason reason) implements IntakeOutcome {
        /**
         * Checks the parts are present.
         *
         * @param id where it is kept
         * @param reason why
         */
        public Quarantined {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "quarantined as " + id + " (" + reason + ")";
        }
    }

    /**
     * The message was not taken, by rule rather than fault: an unknown sender under a policy
     * that refuses them, an automatic message that refers to no known ticket, a message a
     * {@link InboundMessage#validate()} check rejected. Nothing was written.
     *
     * @param reason why
     */
    record Refused(Reason reason) implements IntakeOutcome {
        /**
         * Checks the reason is present.
         *
         * @param reason why
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "refused (" + reason + ")";
        }
    }
}
