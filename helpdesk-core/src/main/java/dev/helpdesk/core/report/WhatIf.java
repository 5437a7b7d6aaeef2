package dev.helpdesk.core.report;

import dev.helpdesk.spi.report.ClockCompliance;
import java.util.List;

/**
 * What a proposed SLA configuration would have made of a period: compliance clock by clock as
 * it was and as it would have been, and every clock cycle whose outcome changes.
 *
 * @param current  compliance under the configuration in force, by policy and clock
 * @param proposed compliance under the proposal, by policy and clock
 * @param changes  the cycles whose outcome differs, by ticket number, clock and cycle
 */
public record WhatIf(List<ClockCompliance> current, List<ClockCompliance> proposed, List<ClockChange> changes) {
    /**
     * Freezes the lists.
     *
     * @param current compliance under the configuration in force, by policy and clock
     * @param proposed compliance under the proposal, by policy and clock
     * @param changes the cycles whose outcome differs, by ticket number, clock and cycle
     */
    public WhatIf {
        current = List.copyOf(current);
        proposed = List.copyOf(proposed);
        changes = List.copyOf(changes);
    }
}
