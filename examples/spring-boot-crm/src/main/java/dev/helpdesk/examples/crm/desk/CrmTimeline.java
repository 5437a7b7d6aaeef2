package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketStore;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The desk's side of the CRM's customer timeline: a ticket solved, rated, escalated or given a
 * technician's visit appears on the requester's CRM record. The starter registers this bean as
 * the desk's event listener; the desk hands it events only after their commit (through the
 * outbox, so never for a rolled-back transaction), at least once, and the CRM keeps one entry
 * per event.
 */
@Component
public class CrmTimeline implements EventListener {
    private final CrmRepository crm;
    private final ObjectProvider<TicketStore> store;

    /**
     * A listener writing to the CRM.
     *
     * @param crm   the CRM's tables
     * @param store the desk's store, to find an event's ticket (looked up when needed: the store
     *              is built after its listeners)
     */
    public CrmTimeline(CrmRepository crm, ObjectProvider<TicketStore> store) {
        this.crm = crm;
        this.store = store;
    }

    @Override
    public String name() {
        return "crm-timeline";
    }

    @Override
    public void on(RecordedEvent recorded) {
        TicketEvent event = recorded.event();
        Optional<String> summary = summary(event);
        if (summary.isEmpty()) {
            return;
        }
        store.getObject().find(recorded.tenant(), event.ticketId()).forEach((Ticket ticket) -> crm.addDeskActivity(
                ticket.requester().value(), ticket.number() + " " + summary.get() + ": " + ticket.subject(),
                ticket.number().value(), event.at(), recorded.eventId()));
    }

    private static Optional<String> summary(TicketEvent event) {
        if (event instanceof TicketEvent.Solved) {
            return Optional.of("solved");
        }
        if (event instanceof TicketEvent.SatisfactionRated rated) {
            return Optional.of("rated " + rated.score() + " of " + rated.outOf());
        }
        if (event instanceof TicketEvent.TierChanged tier) {
            return Optional.of("escalated to " + tier.to());
        }
        if (event instanceof TicketEvent.VisitPlanned) {
            return Optional.of("technician visit planned");
        }
        return Optional.empty();
    }
}
