package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.party.AgentId;
import java.util.Objects;

/**
 * A seat an agent takes with a commit: the commit that assigns a ticket to an agent names the
 * agent's capacity on the ticket's channel, and the store accepts the commit only while the
 * agent holds fewer unsolved tickets on that channel than the capacity. The store counts and
 * writes in one atomic step, so two commits racing for an agent's last free seat cannot both
 * win, whichever desk instance makes them.
 *
 * <p>Counted: the tenant's tickets other than the committed one that are assigned to the agent,
 * came in on the channel and are {@link Status#NEW}, {@link Status#OPEN}, {@link Status#PENDING}
 * or {@link Status#ON_HOLD} (see {@link #COUNTED}).
 *
 * @param agent    the agent who takes the ticket
 * @param channel  the channel whose capacity is claimed: the ticket's channel
 * @param capacity how many such tickets the agent may hold at once, 0 to 10,000
 */
public record SeatClaim(AgentId agent, Channel channel, int capacity) {

    /** The statuses in which a ticket holds a seat. */
    public static final java.util.Set<Status> COUNTED =
            java.util.Set.of(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD);

    /**
     * Checks the parts.
     *
     * @param agent the agent who takes the ticket
     * @param channel the channel whose capacity is claimed: the ticket's channel
     * @param capacity how many such tickets the agent may hold at once, 0 to 10,000
     */
    public SeatClaim {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(channel, "channel");
        if (capacity < 0 || capacity > 10_000) {
            throw new IllegalArgumentException("capacity must be 0-10000: " + capacity);
        }
    }
}
