package dev.helpdesk.core.escalation;

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
final class Ledger {
    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private int reopens;

    static Ledger of(List<? extends TicketEvent> history) {
        Ledger ledger = new Ledger();
        history.forEach(ledger::apply);
        return ledger;
    }

    void apply(TicketEvent event) {
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

    boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    TicketFacts facts(Ticket ticket, Optional<CustomerSegment> segment) {
        return new TicketFacts(ticket, List.copyOf(tags), Map.copyOf(fields), segment, reopens);
    }
}
