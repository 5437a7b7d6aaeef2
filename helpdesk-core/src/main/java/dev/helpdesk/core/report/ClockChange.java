package dev.helpdesk.core.report;

import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * A clock cycle whose outcome in the period differs between the SLA configuration in force and
 * a proposed one: it met its target under one and missed it under the other, or it is measured
 * under only one of them (no policy, or no target for that clock, under the other).
 *
 * @param ticket          the ticket
 * @param number          its number
 * @param clock           the clock
 * @param cycle           the cycle, from 1
 * @param currentPolicy   the policy in force, if one applies
 * @param current         the cycle's outcome in force, if measured
 * @param proposedPolicy  the proposed policy, if one applies
 * @param proposed        the cycle's outcome under the proposal, if measured
 */
public record ClockChange(TicketId ticket, TicketNumber number, ClockKind clock, int cycle, Optional<String> currentPolicy,
                          Optional<ClockStatus> current, Optional<String> proposedPolicy, Optional<ClockStatus> proposed) {
    /**
     * Checks every part is present.
     *
     * @param ticket the ticket
     * @param number its number
     * @param clock the clock
     * @param cycle the cycle, from 1
     * @param currentPolicy the policy in force, if one applies
     * @param current the cycle's outcome in force, if measured
     * @param proposedPolicy the proposed policy, if one applies
     * @param proposed the cycle's outcome under the proposal, if measured
     */
    public ClockChange {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(currentPolicy, "currentPolicy");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(proposedPolicy, "proposedPolicy");
        Objects.requireNonNull(proposed, "proposed");
    }
}
