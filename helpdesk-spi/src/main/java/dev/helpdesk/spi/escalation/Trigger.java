package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Status;
import java.time.Duration;
import java.util.Objects;

/**
 * What makes an {@link EscalationRule} look at a ticket: something that happened to it, or
 * time passing. Triggers are data; the kinds are closed so that an admin screen can switch over
 * them.
 *
 * <p>Every trigger names, for each occasion, a key; a rule fires at most once per ticket and
 * key. That is what "once per clock cycle" means for the SLA triggers (the key holds the clock
 * and its cycle), once per stretch of idleness for {@link Idle}, once per ticket for
 * {@link ReopenedTimes}, and once per event for {@link OnEvent}.
 */
public sealed interface Trigger {

    /**
     * The kind's stable name in plain values, such as {@code sla_breach}.
     *
     * @return the name
     */
    String kind();

    /**
     * Tells whether the desk must wake up for this trigger at a time no event marks (idle,
     * unassigned); such rules make a ticket due for {@code runDue}.
     *
     * @return true for the timed kinds that are not SLA events
     */
    default boolean isTimed() {
        return this instanceof Idle || this instanceof Unassigned;
    }

    /**
     * Something happened to the ticket.
     *
     * @param event which kind of happening
     */
    record OnEvent(TicketTrigger event) implements Trigger {
        /**
         * Checks the event is present.
         *
         * @param event which kind of happening
         */
        public OnEvent {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String kind() {
            return "event";
        }
    }

    /**
     * An SLA clock passed a warning threshold. Fires once per clock cycle, on the first
     * warning at or above the threshold.
     *
     * @param clock          which clock
     * @param minimumPercent the lowest warning threshold that counts, 1 to 99 (1: any warning)
     */
    record SlaWarning(ClockKind clock, int minimumPercent) implements Trigger {
        /**
         * Checks the parts.
         *
         * @param clock which clock
         * @param minimumPercent the lowest warning threshold that counts, 1 to 99 (1: any warning)
         * @throws IllegalArgumentException when the percentage is outside 1..99
         */
        public SlaWarning {
            Objects.requireNonNull(clock, "clock");
            if (minimumPercent < 1 || minimumPercent > 99) {
                throw new IllegalArgumentException("a warning threshold is 1-99 percent: " + minimumPercent);
            }
        }

        @Override
        public String kind() {
            return "sla_warning";
        }
    }

    /**
     * An SLA clock breached its target. Fires once per clock cycle.
     *
     * @param clock which clock
     */
    record SlaBreach(ClockKind clock) implements Trigger {
        /**
         * Checks the clock is present.
         *
         * @param clock which clock
         */
        public SlaBreach {
            Objects.requireNonNull(clock, "clock");
        }

        @Override
        public String kind() {
            return "sla_breach";
        }
    }

    /**
     * The ticket stayed in a status with no activity for a while: no message and no change by
     * a customer, an agent or an integration (events of rules and of the SLA engine do not
     * count as activity). Fires once per idle stretch; any activity starts a new one. Measured
     * in calendar time.
     *
     * @param status the status it sits in
     * @param after  how long, positive
     */
    record Idle(Status status, Duration after) implements Trigger {
        /**
         * Checks the parts.
         *
         * @param status the status it sits in
         * @param after how long, positive
         * @throws IllegalArgumentException when the duration is not positive or the status
         *                                  is final
         */
        public Idle {
            Objects.requireNonNull(status, "status");
            Triggers.positive(after);
            if (status.isFinal()) {
                throw new IllegalArgumentException("nothing happens to a " + status + " ticket");
            }
        }

        @Override
        public String kind() {
            return "idle";
        }
    }

    /**
     * The ticket has had no assignee for a while, since it was opened or since it was last
     * unassigned, and is not solved or final. Fires once per unassigned stretch. Measured in
     * calendar time.
     *
     * @param after how long, positive
     */
    record Unassigned(Duration after) implements Trigger {
        /**
         * Checks the duration.
         *
         * @param after how long, positive
         * @throws IllegalArgumentException when it is not positive
         */
        public Unassigned {
            Triggers.positive(after);
        }

        @Override
        public String kind() {
            return "unassigned";
        }
    }

    /**
     * The ticket was reopened for the n-th time. Fires once per ticket, when the count of
     * reopenings reaches {@code times}.
     *
     * @param times how many reopenings, 1 to 1000
     */
    record ReopenedTimes(int times) implements Trigger {
        /**
         * Checks the count.
         *
         * @param times how many reopenings, 1 to 1000
         * @throws IllegalArgumentException when it is outside 1..1000
         */
        public ReopenedTimes {
            if (times < 1 || times > 1000) {
                throw new IllegalArgumentException("reopened times must be 1-1000: " + times);
            }
        }

        @Override
        public String kind() {
            return "reopened_times";
        }
    }
}
