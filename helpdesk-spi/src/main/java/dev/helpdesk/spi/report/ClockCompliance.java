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

    /**
     * Counts completed cycles per policy and clock, for the engines that compute compliance.
     * Not thread-safe.
     */
    public static final class Tally {
        private final java.util.SortedMap<String, java.util.SortedMap<ClockKind, long[]>> counts = new java.util.TreeMap<>();

        /** An empty tally. */
        public Tally() {
        }

        /**
         * Counts cycles.
         *
         * @param policy   the policy they were measured under
         * @param clock    their clock
         * @param achieved whether they were on time
         * @param cycles   how many
         * @return this tally
         */
        public Tally add(String policy, ClockKind clock, boolean achieved, long cycles) {
            counts.computeIfAbsent(policy, p -> new java.util.TreeMap<>()).computeIfAbsent(clock, k -> new long[2])
                    [achieved ? 0 : 1] += cycles;
            return this;
        }

        /**
         * The compliance of every policy and clock counted.
         *
         * @return one entry per policy and clock, ordered by policy name then clock
         */
        public java.util.List<ClockCompliance> toList() {
            java.util.List<ClockCompliance> out = new java.util.ArrayList<>();
            counts.forEach((policy, byClock) -> byClock.forEach((clock, n) -> out.add(new ClockCompliance(policy, clock, n[0], n[1]))));
            return out;
        }
    }
}
