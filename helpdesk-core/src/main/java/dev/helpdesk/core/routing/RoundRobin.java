package dev.helpdesk.core.routing;

import dev.helpdesk.spi.routing.Candidate;
import dev.helpdesk.spi.routing.Choice;
import dev.helpdesk.spi.routing.RoutingRequest;
import dev.helpdesk.spi.routing.RoutingStrategy;

/**
 * Round robin within a group: the candidate after the one the group's previous ticket went
 * to, in the order of agent ids, wrapping around. Agents without room are skipped, so the
 * turn passes to the next one with room.
 */
public final class RoundRobin implements RoutingStrategy {
    /** The strategy's name. */
    public static final String NAME = "round-robin";

    /** Makes the strategy; it has no state. */
    public RoundRobin() {
        // stateless: every input comes with the request
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Choice choose(RoutingRequest request) {
        if (request.candidates().isEmpty()) {
            return new Choice.Wait("nobody has room");
        }
        if (request.lastAssigned().isPresent()) {
            String last = request.lastAssigned().get().value();
            for (Candidate c : request.candidates()) {
                if (c.agent().id().value().compareTo(last) > 0) {
                    return new Choice.Assign(c.agent().id());
                }
            }
        }
        return new Choice.Assign(request.candidates().get(0).agent().id());
    }
}
