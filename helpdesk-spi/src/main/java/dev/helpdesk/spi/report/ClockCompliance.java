package dev.helpdesk.spi.report;

import dev.helpdesk.spi.ticket.ClockKind;
import java.util.Objects;

/**
 * SLA compliance of one clock under one policy: of the clock cycles that completed in the
 * period (stopped by the event that ends them, a cancelled cycle not counted), how many met their
 * target.
 *
 * @param policy   the policy's name
 * @param clock    the clock
 * @param achieved cycles that stopped on time
 * @param breached cycles that stopped late
 */
public record ClockCompliance(String policy, ClockKind clock, long achieved, long breached) {
    /**
     * Checks every part is present.
     *
     * @param policy the policy's name
     * @param clock the clock
     * @param achieved cycles that stopped on time
     * @param breached cycles that stopped late
     */
    public ClockCompliance {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Achieved ÷ (achieved + breached).
     *
     * @return 0 to 1; 1 when no cycle completed (nothing was missed)
     */
    public double rate() {
        long all = achieved + breached;
        return all == 0 ? 1 : (double) achieved / all;
    }
}
