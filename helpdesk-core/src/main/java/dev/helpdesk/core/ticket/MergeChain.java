package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows a merged ticket to the ticket that carries on its conversation: A merged into B
 * merged into C lands on C. The desk merges only into tickets that are not final, so a chain
 * cannot loop; a store that holds one anyway (edited by hand, restored from two backups) is
 * answered with no landing instead of a loop, and the desk then keeps the message on a new
 * ticket rather than lose it.
 */
public final class MergeChain {
    /** More hops than any desk merges in a row; a longer chain is treated as broken. */
    static final int MAX_HOPS = 1000;

    private MergeChain() {
    }

    /**
     * The ticket a merged ticket's conversation continues on.
     *
     * @param merged the ticket addressed, merged
     * @param find   how to read a ticket as the sender may see it; empty when it is not there
     *               or not theirs
     * @return the first ticket of the chain that is not merged, or empty when the chain loops,
     *         breaks off (a ticket not found) or runs longer than any desk merges
     */
    public static Optional<Ticket> landing(Ticket merged, Function<TicketId, Optional<Ticket>> find) {
        Set<TicketId> seen = new HashSet<>();
        seen.add(merged.id());
        Ticket at = merged;
        while (at.status() == Status.MERGED) {
            Optional<TicketId> next = at.mergedInto();
            if (next.isEmpty() || !seen.add(next.get()) || seen.size() > MAX_HOPS) {
                return Optional.empty();
            }
            Optional<Ticket> found = find.apply(next.get());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            at = found.get();
        }
        return Optional.of(at);
    }
}
