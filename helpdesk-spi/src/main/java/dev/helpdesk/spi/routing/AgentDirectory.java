package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The host's agents, as the desk needs to see them for routing and notices. The host's users
 * stay the host's: the desk asks, never copies, so a change in the host (an agent going off
 * shift, a new skill) counts from the next question on.
 *
 * <p>The desk asks while it decides a command (routing on open, after an escalation, when a
 * queue drains) and while it sends notices, so an implementation should answer from memory or
 * a cache. It must be safe for concurrent use. An exception it throws is an infrastructure
 * failure and fails the command that needed it.
 */
public interface AgentDirectory {

    /** A directory without agents: routing queues every ticket, role notices reach nobody. */
    AgentDirectory NONE = tenant -> List.of();

    /**
     * Every agent of a tenant.
     *
     * @param tenant the tenant
     * @return the agents, in any order (the desk orders them by id where order matters)
     */
    List<AgentProfile> agents(TenantId tenant);

    /**
     * One agent.
     *
     * @param tenant the tenant
     * @param agent  the agent's id
     * @return the profile, or empty when the tenant has no such agent
     */
    default Optional<AgentProfile> agent(TenantId tenant, AgentId agent) {
        return agents(tenant).stream().filter(a -> a.id().equals(agent)).findFirst();
    }

    /**
     * The agents of a group.
     *
     * @param tenant the tenant
     * @param group  the group
     * @return its members, available or not
     */
    default List<AgentProfile> members(TenantId tenant, GroupId group) {
        return agents(tenant).stream().filter(a -> a.groups().contains(group)).toList();
    }

    /**
     * The holders of a role, for hierarchical escalation. When some holders of the role are in
     * the ticket's group, only they are told; otherwise every holder in the tenant is.
     *
     * @param tenant the tenant
     * @param role   the role
     * @param group  the ticket's group, if it has one
     * @return the holders
     */
    default List<AgentProfile> holders(TenantId tenant, String role, Optional<GroupId> group) {
        List<AgentProfile> all = agents(tenant).stream().filter(a -> a.roles().contains(role)).toList();
        if (group.isPresent()) {
            List<AgentProfile> inGroup = all.stream().filter(a -> a.groups().contains(group.get())).toList();
            if (!inGroup.isEmpty()) {
                return inGroup;
            }
        }
        return all;
    }
}
