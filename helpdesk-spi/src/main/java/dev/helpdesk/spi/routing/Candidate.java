package dev.helpdesk.spi.routing;

import java.util.Objects;

/**
 * An agent who could take a ticket: in its group, available, at its tier, and with room on its
 * channel. What a {@link RoutingStrategy} chooses from.
 *
 * @param agent       the agent's profile
 * @param load        how many unsolved tickets the agent holds now, over all channels
 * @param channelLoad how many of them came in on the ticket's channel
 * @param capacity    the agent's capacity on the ticket's channel, above {@code channelLoad}
 */
public record Candidate(AgentProfile agent, int load, int channelLoad, int capacity) {
    /**
     * Checks the parts.
     *
     * @param agent the agent's profile
     * @param load how many unsolved tickets the agent holds now, over all channels
     * @param channelLoad how many of them came in on the ticket's channel
     * @param capacity the agent's capacity on the ticket's channel, above {@code channelLoad}
     * @throws IllegalArgumentException when the agent has no room left
     */
    public Candidate {
        Objects.requireNonNull(agent, "agent");
        if (load < 0 || channelLoad < 0 || channelLoad > load || channelLoad >= capacity) {
            throw new IllegalArgumentException("a candidate has room: load " + load + ", on channel "
                    + channelLoad + " of " + capacity);
        }
    }

    /**
     * How much room the agent has left on the ticket's channel.
     *
     * @return capacity minus channel load, at least 1
     */
    public int room() {
        return capacity - channelLoad;
    }
}
