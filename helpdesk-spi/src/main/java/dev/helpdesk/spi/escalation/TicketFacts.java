package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What escalation conditions look at: the ticket's state and the facts its history holds
 * beyond it (tags, custom field values, how often it was reopened), and the requester's
 * customer segment.
 *
 * @param ticket  the ticket as it is at the moment the rule is evaluated
 * @param tags    its tags, in the order first added
 * @param fields  its custom field values by field name, in canonical form
 * @param segment the requester's segment, when the desk knows it and a rule asks for it
 * @param reopens how often it was reopened
 */
public record TicketFacts(Ticket ticket, List<String> tags, Map<String, String> fields,
                          Optional<CustomerSegment> segment, int reopens) {
    /**
     * Checks the parts and freezes the collections.
     *
     * @param ticket the ticket as it is at the moment the rule is evaluated
     * @param tags its tags, in the order first added
     * @param fields its custom field values by field name, in canonical form
     * @param segment the requester's segment, when the desk knows it and a rule asks for it
     * @param reopens how often it was reopened
     */
    public TicketFacts {
        Objects.requireNonNull(ticket, "ticket");
        tags = List.copyOf(tags);
        fields = Map.copyOf(fields);
        Objects.requireNonNull(segment, "segment");
        if (reopens < 0) {
            throw new IllegalArgumentException("reopens is a count");
        }
    }

    /**
     * Facts of a ticket with no tags, fields, segment or reopening.
     *
     * @param ticket the ticket
     * @return the facts
     */
    public static TicketFacts of(Ticket ticket) {
        return new TicketFacts(ticket, List.of(), Map.of(), Optional.empty(), ticket.cycle() - 1);
    }
}
