package dev.helpdesk.spi.report;

import java.util.Objects;

/**
 * What one agent did in the period.
 *
 * @param agent       the agent's id
 * @param assignments tickets assigned to the agent
 * @param replies     public replies the agent wrote
 * @param solves      tickets the agent solved
 */
public record AgentLoad(String agent, long assignments, long replies, long solves) {
    /**
     * Checks the agent is present.
     *
     * @param agent the agent's id
     * @param assignments tickets assigned to the agent
     * @param replies public replies the agent wrote
     * @param solves tickets the agent solved
     */
    public AgentLoad {
        Objects.requireNonNull(agent, "agent");
    }
}
