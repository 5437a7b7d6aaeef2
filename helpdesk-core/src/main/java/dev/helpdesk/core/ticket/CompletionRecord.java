package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SLA outcomes a commit records ({@link TicketEvent.SlaCompleted}): one per clock cycle that
 * completed, once, whatever commits happen at the same instant.
 */
public final class CompletionRecord {
    private CompletionRecord() {
    }

    /**
     * The events that record cycles not recorded yet.
     *
     * @param ticket    the ticket
     * @param completed the cycles that completed in the commit (achieved or breached)
     * @param history   the ticket's events including the commit's, oldest first
     * @param actor     the SLA rule of the desk
     * @return one event per cycle not in the history yet, in the order given
     */
    public static List<TicketEvent> of(TicketId ticket, List<ClockState> completed, List<? extends TicketEvent> history,
                                       Actor actor) {
        if (completed.isEmpty()) {
            return List.of();
        }
        Set<String> recorded = new HashSet<>();
        for (TicketEvent e : history) {
            if (e instanceof TicketEvent.SlaCompleted c) {
                recorded.add(c.clock() + "#" + c.cycle());
            }
        }
        List<TicketEvent> out = new ArrayList<>(completed.size());
        for (ClockState s : completed) {
            if (s.stoppedAt().isPresent() && s.status() != ClockStatus.CANCELLED && recorded.add(s.kind() + "#" + s.cycle())) {
                out.add(new TicketEvent.SlaCompleted(ticket, s.stoppedAt().get(), actor, s.kind(), s.cycle(), s.policy(),
                        s.dueAt(), s.status() == ClockStatus.ACHIEVED));
            }
        }
        return out;
    }
}
