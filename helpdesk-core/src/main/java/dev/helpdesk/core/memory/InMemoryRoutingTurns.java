package dev.helpdesk.core.memory;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.RoutingTurns;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Round-robin turns kept in the heap: what {@link InMemoryTicketStore} shares among every desk
 * built on it, and what a desk keeps for itself when its store keeps no turns. Each turn is
 * taken with one atomic update of its group's entry, so concurrent callers get successive
 * candidates. Thread-safe.
 */
public final class InMemoryRoutingTurns implements RoutingTurns {

    /** A group of one tenant. */
    private record Key(TenantId tenant, GroupId group) {
    }

    private final ConcurrentMap<Key, AgentId> last = new ConcurrentHashMap<>();

    /** Creates turns where no group had a turn yet. */
    public InMemoryRoutingTurns() {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the candidates are empty
     */
    @Override
    public AgentId nextTurn(TenantId tenant, GroupId group, List<AgentId> candidates) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(group, "group");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a turn needs at least one candidate");
        }
        return last.compute(new Key(tenant, group), (k, previous) -> {
            int at = previous == null ? -1 : candidates.indexOf(previous);
            return candidates.get(at < 0 ? 0 : (at + 1) % candidates.size());
        });
    }
}
