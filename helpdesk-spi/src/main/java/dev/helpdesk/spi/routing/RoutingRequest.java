package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket to place and the agents who could take it, as the desk hands them to a
 * {@link RoutingStrategy}.
 *
 * @param ticket         the ticket's facts
 * @param group          the group it is routed in
 * @param requiredSkills the skills the ticket calls for (from its category and its
 *                       {@code skill:} tags)
 * @param language       the customer's language, when known
 * @param candidates     the agents with room, sorted by id
 * @param lastAssigned   the agent the group's previous routed ticket went to, for round robin
 */
public record RoutingRequest(TicketFacts ticket, GroupId group, Set<String> requiredSkills, Optional<Locale> language,
                             List<Candidate> candidates, Optional<AgentId> lastAssigned) {
    /**
     * Checks the parts and freezes the collections.
     *
     * @param ticket the ticket's facts
     * @param group the group it is routed in
     * @param requiredSkills the skills the ticket calls for (from its category and its {@code skill:} tags)
     * @param language the customer's language, when known
     * @param candidates the agents with room, sorted by id
     * @param lastAssigned the agent the group's previous routed ticket went to, for round robin
     */
    public RoutingRequest {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(group, "group");
        requiredSkills = Set.copyOf(requiredSkills);
        Objects.requireNonNull(language, "language");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(lastAssigned, "lastAssigned");
    }
}
