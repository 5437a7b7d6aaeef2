package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.plugin.HelpdeskPlugin;

/**
 * How an agent is chosen for a ticket among the candidates of its group. The desk ships
 * {@code round-robin}, {@code least-loaded} and {@code skills} (skills, tier and language);
 * a host plugs in its own as a plugin, named by {@link #name()}, which groups and rules then
 * refer to.
 *
 * <p>The desk has already kept only agents who are available, belong to the group, hold the
 * ticket's tier and have room on its channel, so capacity holds whatever a strategy does; a
 * choice outside the candidates is treated as a wait. A strategy must be deterministic (the
 * same request gives the same choice), fast and safe for concurrent use.
 */
public interface RoutingStrategy extends HelpdeskPlugin {

    /**
     * Chooses.
     *
     * @param request the ticket and its candidates, never empty of candidates
     * @return an agent among the candidates, or a wait with the reason
     */
    Choice choose(RoutingRequest request);
}
