package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which problems a ticket is linked to, read from its history: one function, so that every store
 * and every report engine answers the same.
 */
public final class ProblemLinks {
    private ProblemLinks() {
    }

    /**
     * The problems a ticket is linked to after its events: each problem whose latest
     * {@code ProblemLinked}/{@code ProblemUnlinked} event is a link.
     *
     * @param history the ticket's events, oldest first
     * @return the problems' ids, in the order they were (last) linked
     */
    public static Set<UUID> current(List<? extends TicketEvent> history) {
        Set<UUID> linked = new LinkedHashSet<>();
        for (TicketEvent e : history) {
            if (e instanceof TicketEvent.ProblemLinked l) {
                linked.remove(l.problem());
                linked.add(l.problem());
            } else if (e instanceof TicketEvent.ProblemUnlinked u) {
                linked.remove(u.problem());
            }
        }
        return linked;
    }
}
