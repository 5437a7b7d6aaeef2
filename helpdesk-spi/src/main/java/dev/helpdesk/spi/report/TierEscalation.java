package dev.helpdesk.spi.report;

import java.util.Objects;

/**
 * Functional escalation from one tier: of the period's tickets that were at the tier before the
 * period ended, how many were raised from it to a higher tier.
 *
 * @param tier   the tier's name, {@code L1} to {@code L4}
 * @param atTier tickets opened in the period that were at the tier
 * @param raised of those, raised from it
 */
public record TierEscalation(String tier, long atTier, long raised) {
    /**
     * Checks the tier is present.
     *
     * @param tier the tier's name, {@code L1} to {@code L4}
     * @param atTier tickets opened in the period that were at the tier
     * @param raised of those, raised from it
     */
    public TierEscalation {
        Objects.requireNonNull(tier, "tier");
    }

    /**
     * The escalation rate of the tier.
     *
     * @return raised ÷ at tier, 0 when none was at the tier
     */
    public double rate() {
        return atTier == 0 ? 0 : (double) raised / atTier;
    }
}
