package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.party.Actor;
import java.time.Instant;
import java.util.Objects;

/** Null checks shared by the event records. */
final class Checks {
    private Checks() {
    }

    static void common(TicketId ticketId, Instant at, Actor actor) {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }
}
