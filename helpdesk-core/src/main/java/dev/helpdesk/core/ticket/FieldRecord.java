package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.remote.Consent;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.remote.ConsentStatus;
import dev.helpdesk.spi.remote.RemoteSession;
import dev.helpdesk.spi.remote.RemoteSessionId;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remote sessions, consents and on-site visits of one ticket, as its history tells: a pure
 * fold over the ticket's events, like the ticket's own state. The decider reads it to decide
 * a command of a session or a visit; the desks read it to answer a host.
 */
public final class FieldRecord {
    private final Map<ConsentId, Consent> consents;
    private final Map<RemoteSessionId, RemoteSession> sessions;
    private final Map<VisitId, Visit> visits;

    private FieldRecord(Map<ConsentId, Consent> consents, Map<RemoteSessionId, RemoteSession> sessions,
                        Map<VisitId, Visit> visits) {
        this.consents = consents;
        this.sessions = sessions;
        this.visits = visits;
    }

    /**
     * Folds a ticket's history.
     *
     * @param history the ticket's events, oldest first
     * @return its consents, sessions and visits
     */
    public static FieldRecord of(Collection<? extends TicketEvent> history) {
        Map<ConsentId, Consent> consents = new LinkedHashMap<>();
        Map<RemoteSessionId, RemoteSession> sessions = new LinkedHashMap<>();
        Map<VisitId, Visit> visits = new LinkedHashMap<>();
        for (TicketEvent event : history) {
            apply(event, consents, sessions, visits);
        }
        return new FieldRecord(consents, sessions, visits);
    }

    private static void apply(TicketEvent event, Map<ConsentId, Consent> consents,
                              Map<RemoteSessionId, RemoteSession> sessions, Map<VisitId, Visit> visits) {
        if (event instanceof TicketEvent.ConsentRequested e) {
            consents.put(e.consent(), Consent.builder().id(e.consent()).purpose(e.purpose()).scope(e.scope())
                    .duration(e.duration()).requestedAt(e.at()).linkExpiresAt(e.linkExpiresAt())
                    .status(ConsentStatus.REQUESTED).build());
        } else if (event instanceof TicketEvent.ConsentGranted e) {
            consents.computeIfPresent(e.consent(), (id, c) -> Consent.builder().from(c).status(ConsentStatus.GRANTED)
                    .answeredAt(e.at()).route(e.route()).build());
        } else if (event instanceof TicketEvent.ConsentDenied e) {
            consents.computeIfPresent(e.consent(), (id, c) -> Consent.builder().from(c).status(ConsentStatus.DENIED)
                    .answeredAt(e.at()).route(e.route()).build());
        } else if (event instanceof TicketEvent.ConsentRevoked e) {
            consents.computeIfPresent(e.consent(), (id, c) -> Consent.builder().from(c).status(ConsentStatus.REVOKED).revokedAt(e.at()).build());
        } else if (event instanceof TicketEvent.RemoteSessionStarted e) {
            sessions.put(e.session(), RemoteSession.builder().id(e.session()).consent(e.consent()).agent(e.agent())
                    .tool(e.tool()).startedAt(e.at()).build());
        } else if (event instanceof TicketEvent.RemoteActionRecorded e) {
            sessions.computeIfPresent(e.session(), (id, s) -> RemoteSession.builder().from(s).addAction(e.action()).build());
        } else if (event instanceof TicketEvent.RemoteSessionEnded e) {
            sessions.computeIfPresent(e.session(), (id, s) -> RemoteSession.builder().from(s).endedAt(e.at()).end(e.reason()).build());
        } else if (event instanceof TicketEvent.VisitPlanned e) {
            visits.put(e.visit(), Visit.builder().id(e.visit()).technician(e.technician()).address(e.address())
                    .slot(e.slot()).dueBy(e.dueBy()).plannedAt(e.at()).status(VisitStatus.PLANNED).build());
        } else if (event instanceof TicketEvent.VisitConfirmed e) {
            visits.computeIfPresent(e.visit(), (id, v) -> Visit.builder().from(v).status(VisitStatus.CONFIRMED).build());
        } else if (event instanceof TicketEvent.VisitRescheduled e) {
            visits.computeIfPresent(e.visit(), (id, v) -> Visit.builder().from(v).status(VisitStatus.RESCHEDULED).slot(e.slot())
                    .addReason(e.reason()).reschedules(v.reschedules() + 1).build());
        } else if (event instanceof TicketEvent.VisitCancelled e) {
            visits.computeIfPresent(e.visit(), (id, v) -> Visit.builder().from(v).status(VisitStatus.CANCELLED)
                    .addReason(e.reason()).build());
        } else if (event instanceof TicketEvent.VisitDone e) {
            visits.computeIfPresent(e.visit(), (id, v) -> Visit.builder().from(v).status(VisitStatus.DONE).report(e.report())
                    .doneAt(e.at()).build());
        }
    }


    /**
     * One consent request.
     *
     * @param id the request
     * @return it, or empty when the ticket has none by that id
     */
    public Optional<Consent> consent(ConsentId id) {
        return Optional.ofNullable(consents.get(id));
    }

    /**
     * One remote session.
     *
     * @param id the session
     * @return it, or empty when the ticket has none by that id
     */
    public Optional<RemoteSession> session(RemoteSessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /**
     * One visit.
     *
     * @param id the visit
     * @return it, or empty when the ticket has none by that id
     */
    public Optional<Visit> visit(VisitId id) {
        return Optional.ofNullable(visits.get(id));
    }

    /**
     * Every consent request, in the order they were asked.
     *
     * @return the consents
     */
    public List<Consent> consents() {
        return List.copyOf(consents.values());
    }

    /**
     * Every remote session, in the order they started.
     *
     * @return the sessions
     */
    public List<RemoteSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /**
     * Every visit, in the order they were planned.
     *
     * @return the visits
     */
    public List<Visit> visits() {
        return List.copyOf(visits.values());
    }

    /**
     * The running sessions whose consent is no longer active at a moment (its duration ran
     * out): the due run ends them.
     *
     * @param now the moment
     * @return the sessions to end
     */
    public List<RemoteSession> overdueSessions(Instant now) {
        return sessions.values().stream().filter(RemoteSession::isRunning)
                .filter(s -> consent(s.consent()).map(c -> !c.isActiveAt(now)).orElse(true)).toList();
    }

    /**
     * When the earliest running session's consent runs out: the ticket's next due moment for
     * remote sessions.
     *
     * @return the moment, or empty when no session runs
     */
    public Optional<Instant> nextSessionEnd() {
        return sessions.values().stream().filter(RemoteSession::isRunning)
                .map(s -> consent(s.consent()).flatMap(Consent::grantedUntil))
                .flatMap(Optional::stream).min(Instant::compareTo);
    }
}
