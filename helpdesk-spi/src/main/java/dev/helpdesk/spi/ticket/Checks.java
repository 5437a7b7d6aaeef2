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

    static void text(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
