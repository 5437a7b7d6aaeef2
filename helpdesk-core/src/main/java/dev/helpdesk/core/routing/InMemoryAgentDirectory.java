package dev.helpdesk.core.routing;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.routing.AgentDirectory;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An agent directory kept in memory, for tests, demos and hosts whose agents are few and known
 * at start-up. Thread-safe. After changing an agent's availability or profile, tell the desk
 * to drain the queues the agent works ({@code desk.tenant(t).routing().drain(group)}).
 */
public final class InMemoryAgentDirectory implements AgentDirectory {
    private final Map<TenantId, Map<AgentId, AgentProfile>> agents = new ConcurrentHashMap<>();

    /** Makes an empty directory. */
    public InMemoryAgentDirectory() {
        // agents are added with put
    }

    /**
     * Adds an agent or replaces their profile.
     *
     * @param tenant  the tenant
     * @param profile the profile
     * @return this directory
     */
    public InMemoryAgentDirectory put(TenantId tenant, AgentProfile profile) {
        agents.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(profile.id(), profile);
        return this;
    }

    /**
     * Marks an agent available or away.
     *
     * @param tenant    the tenant
     * @param agent     the agent
     * @param available the availability
     * @return true when the directory knows the agent
     */
    public boolean setAvailable(TenantId tenant, AgentId agent, boolean available) {
        Map<AgentId, AgentProfile> ofTenant = agents.get(tenant);
        if (ofTenant == null) {
            return false;
        }
        return ofTenant.computeIfPresent(agent, (id, p) -> p.withAvailable(available)) != null;
    }

    /**
     * Removes an agent.
     *
     * @param tenant the tenant
     * @param agent  the agent
     */
    public void remove(TenantId tenant, AgentId agent) {
        Optional.ofNullable(agents.get(tenant)).ifPresent(m -> m.remove(agent));
    }

    @Override
    public List<AgentProfile> agents(TenantId tenant) {
        return new ArrayList<>(agents.getOrDefault(tenant, Map.of()).values());
    }

    @Override
    public Optional<AgentProfile> agent(TenantId tenant, AgentId agent) {
        return Optional.ofNullable(agents.getOrDefault(tenant, Map.of()).get(agent));
    }
}
