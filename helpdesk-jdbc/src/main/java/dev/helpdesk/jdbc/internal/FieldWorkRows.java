package dev.helpdesk.jdbc.internal;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.remote.ConsentRoute;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.RemoteSessionId;
import dev.helpdesk.spi.remote.SessionEnd;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The columns of the remote-session and visit events in {@code hd_ticket_event} (schema
 * version 9), for {@link EventRows}.
 */
final class FieldWorkRows {
    private FieldWorkRows() {
    }

    /** A typed column of the current row. */
    @FunctionalInterface
    interface Column<T> {
        T get(String column) throws SQLException;
    }

    /** Fills the payload of a remote-session or visit event; false for other kinds. */
    static boolean payload(BiConsumer<String, Object> row, TicketEvent event) {
        if (event instanceof TicketEvent.ConsentRequested e) {
            row.accept("work_id", e.consent().value());
            row.accept("work_text", e.purpose());
            row.accept("consent_scope", e.scope().name());
            row.accept("duration_seconds", e.duration().getSeconds());
            instant(row, "due_at", e.linkExpiresAt());
        } else if (event instanceof TicketEvent.ConsentGranted e) {
            row.accept("work_id", e.consent().value());
            row.accept("consent_route", e.route().name());
        } else if (event instanceof TicketEvent.ConsentDenied e) {
            row.accept("work_id", e.consent().value());
            row.accept("consent_route", e.route().name());
        } else if (event instanceof TicketEvent.ConsentRevoked e) {
            row.accept("work_id", e.consent().value());
        } else if (event instanceof TicketEvent.RemoteSessionStarted e) {
            row.accept("work_id", e.session().value());
            row.accept("work_ref", e.consent().value());
            row.accept("agent_id", e.agent().value());
            row.accept("tool_name", e.tool());
        } else if (event instanceof TicketEvent.RemoteActionRecorded e) {
            row.accept("work_id", e.session().value());
            row.accept("work_text", e.action());
        } else if (event instanceof TicketEvent.RemoteSessionEnded e) {
            row.accept("work_id", e.session().value());
            row.accept("session_end", e.reason().name());
        } else if (event instanceof TicketEvent.VisitPlanned e) {
            row.accept("work_id", e.visit().value());
            row.accept("agent_id", e.technician().value());
            slot(row, e.slot());
            Address a = e.address();
            row.accept("address_street", a.street());
            row.accept("address_postal_code", a.postalCode());
            row.accept("address_city", a.city());
            row.accept("address_country", a.country());
            row.accept("address_notes", a.notes().orElse(null));
            instant(row, "due_at", e.dueBy());
        } else if (event instanceof TicketEvent.VisitConfirmed e) {
            row.accept("work_id", e.visit().value());
        } else if (event instanceof TicketEvent.VisitRescheduled e) {
            row.accept("work_id", e.visit().value());
            slot(row, e.slot());
            row.accept("reason", e.reason());
        } else if (event instanceof TicketEvent.VisitCancelled e) {
            row.accept("work_id", e.visit().value());
            row.accept("reason", e.reason());
        } else if (event instanceof TicketEvent.VisitDone e) {
            row.accept("work_id", e.visit().value());
            row.accept("work_text", e.report());
        } else {
            return false;
        }
        return true;
    }

    private static void instant(BiConsumer<String, Object> row, String column, Instant at) {
        row.accept(column, at);
        row.accept(column + "_nanos", EventRows.nanos(at));
    }

    private static void slot(BiConsumer<String, Object> row, VisitSlot slot) {
        instant(row, "slot_start_at", slot.start());
        instant(row, "slot_end_at", slot.end());
    }

    /** Reads a remote-session or visit event; empty for other kinds. */
    static Optional<TicketEvent> read(ResultSet r, String kind, TicketId ticket, Instant at, Actor actor,
                                      Column<UUID> uuid, Column<Instant> instant) throws SQLException {
        TicketEvent event = switch (kind) {
            case "consent_requested" -> new TicketEvent.ConsentRequested(ticket, at, actor, ConsentId.of(uuid.get("work_id")),
                    r.getString("work_text"), ConsentScope.valueOf(r.getString("consent_scope")),
                    Duration.ofSeconds(r.getLong("duration_seconds")), instant.get("due_at"));
            case "consent_granted" -> new TicketEvent.ConsentGranted(ticket, at, actor, ConsentId.of(uuid.get("work_id")),
                    ConsentRoute.valueOf(r.getString("consent_route")));
            case "consent_denied" -> new TicketEvent.ConsentDenied(ticket, at, actor, ConsentId.of(uuid.get("work_id")),
                    ConsentRoute.valueOf(r.getString("consent_route")));
            case "consent_revoked" -> new TicketEvent.ConsentRevoked(ticket, at, actor, ConsentId.of(uuid.get("work_id")));
            case "remote_session_started" -> new TicketEvent.RemoteSessionStarted(ticket, at, actor,
                    RemoteSessionId.of(uuid.get("work_id")), ConsentId.of(uuid.get("work_ref")),
                    AgentId.of(r.getString("agent_id")), r.getString("tool_name"));
            case "remote_action_recorded" -> new TicketEvent.RemoteActionRecorded(ticket, at, actor,
                    RemoteSessionId.of(uuid.get("work_id")), r.getString("work_text"));
            case "remote_session_ended" -> new TicketEvent.RemoteSessionEnded(ticket, at, actor,
                    RemoteSessionId.of(uuid.get("work_id")), SessionEnd.valueOf(r.getString("session_end")));
            case "visit_planned" -> new TicketEvent.VisitPlanned(ticket, at, actor, VisitId.of(uuid.get("work_id")),
                    AgentId.of(r.getString("agent_id")), Address.builder().street(r.getString("address_street"))
                            .postalCode(r.getString("address_postal_code")).city(r.getString("address_city"))
                            .country(r.getString("address_country"))
                            .notes(Optional.ofNullable(r.getString("address_notes"))).build(),
                    new VisitSlot(instant.get("slot_start_at"), instant.get("slot_end_at")), instant.get("due_at"));
            case "visit_confirmed" -> new TicketEvent.VisitConfirmed(ticket, at, actor, VisitId.of(uuid.get("work_id")));
            case "visit_rescheduled" -> new TicketEvent.VisitRescheduled(ticket, at, actor, VisitId.of(uuid.get("work_id")),
                    new VisitSlot(instant.get("slot_start_at"), instant.get("slot_end_at")), r.getString("reason"));
            case "visit_cancelled" -> new TicketEvent.VisitCancelled(ticket, at, actor, VisitId.of(uuid.get("work_id")),
                    r.getString("reason"));
            case "visit_done" -> new TicketEvent.VisitDone(ticket, at, actor, VisitId.of(uuid.get("work_id")),
                    r.getString("work_text"));
            default -> null;
        };
        return Optional.ofNullable(event);
    }
}
