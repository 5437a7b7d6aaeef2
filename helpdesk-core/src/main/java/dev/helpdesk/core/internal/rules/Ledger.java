package dev.helpdesk.core.internal.rules;

import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts a ticket's history holds beyond its state (tags, custom field values, reopenings),
 * kept up to date event by event. Mutable; used by one thread while one batch is decided.
 */
public final class Ledger {
    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private int reopens;

    private Ledger() {
    }

    /**
     * The facts of a history.
     *
     * @param history the events, oldest first
     * @return the ledger after them
     */
    public static Ledger of(List<? extends TicketEvent> history) {
        Ledger ledger = new Ledger();
        history.forEach(ledger::apply);
        return ledger;
    }

    /**
     * Takes one more event into account.
     *
     * @param event the event
     */
    public void apply(TicketEvent event) {
        if (event instanceof TicketEvent.TagAdded e) {
            tags.add(e.tag());
        } else if (event instanceof TicketEvent.TagRemoved e) {
            tags.remove(e.tag());
        } else if (event instanceof TicketEvent.FieldSet e) {
            if (e.value().isPresent()) {
                fields.put(e.field(), e.value().get());
            } else {
                fields.remove(e.field());
            }
        } else if (event instanceof TicketEvent.Reopened) {
            reopens++;
        }
    }

    /**
     * Whether the ticket has a tag.
     *
     * @param tag the tag
     * @return true when it has it
     */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /**
     * The facts for conditions.
     *
     * @param ticket  the ticket's state
     * @param segment the requester's segment, when known
     * @return the facts
     */
    public TicketFacts facts(Ticket ticket, Optional<CustomerSegment> segment) {
        return new TicketFacts(ticket, List.copyOf(tags), Map.copyOf(fields), segment, reopens);
    }
}
