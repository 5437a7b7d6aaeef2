package dev.helpdesk.spi.idempotency;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.TicketId;
import java.util.Objects;

/**
 * What the first request under a key answered, as recorded: a ticket at a version of its
 * history, or a rejection. A ticket is recorded by id and version, not as a copy: the answer is
 * the replay of the ticket's history up to that version, which is the state the first request
 * answered with.
 */
public sealed interface Outcome {

    /**
     * The request answered with a ticket.
     *
     * @param ticket  the ticket the answer was about (for an opening, the new ticket)
     * @param version its version in that answer, at least 1
     */
    record Answered(TicketId ticket, long version) implements Outcome {
        /**
         * Checks the parts.
         *
         * @param ticket the ticket the answer was about (for an opening, the new ticket)
         * @param version its version in that answer, at least 1
         */
        public Answered {
            Objects.requireNonNull(ticket, "ticket");
            if (version < 1) {
                throw new IllegalArgumentException("a ticket's version starts at 1");
            }
        }
    }

    /**
     * The request was refused for good. Only final rejections are recorded:
     * {@link Rejection.ConcurrentModification} and {@link Rejection.NoCapacity} say "not now",
     * and a request refused with them may be sent again under the same key.
     *
     * @param rejection the rejection
     */
    record Refused(Rejection rejection) implements Outcome {
        /**
         * Checks the rejection is one that is recorded.
         *
         * @param rejection the rejection
         */
        public Refused {
            Objects.requireNonNull(rejection, "rejection");
            if (!isFinal(rejection)) {
                throw new IllegalArgumentException("a " + rejection.getClass().getSimpleName()
                        + " is not recorded: the request may succeed when sent again");
            }
        }
    }

    /**
     * Tells whether a rejection is recorded under a key: every one except a conflict or a full
     * seat, which a later try of the same request may not meet.
     *
     * @param rejection the rejection
     * @return true when sending the request again could not change the answer
     */
    static boolean isFinal(Rejection rejection) {
        return !(rejection instanceof Rejection.ConcurrentModification || rejection instanceof Rejection.NoCapacity);
    }
}
