package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.BEN;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.remote.ConsentInvitation;
import dev.helpdesk.core.ticket.FieldRecord;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.remote.Consent;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.RemoteSession;
import dev.helpdesk.spi.remote.RemoteSessionId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariant of remote sessions: whatever agents and customers do, in whatever order and
 * with whatever pauses, the ticket never records a session start or action without an active
 * consent at that moment (granted, not revoked, within its duration), nothing happens in a
 * session after its end, and once the due run has run past every consent no session is left
 * running.
 */
class RemoteSessionProperties {

    /** One step of a random day on a ticket. */
    record Step(int kind, int pick, int minutes) {
    }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(1, 90)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void no_remote_session_event_without_an_active_consent_at_that_time(@ForAll("days") List<Step> day) {
        FieldFixture x = new FieldFixture();
        Ticket t = x.f.openedBy(CAROL);
        List<ConsentInvitation> invitations = new ArrayList<>();
        List<RemoteSessionId> sessions = new ArrayList<>();
        Actor[] agents = {ANA, BEN};
        for (Step s : day) {
            Actor agent = agents[s.pick() % 2];
            switch (s.kind()) {
                case 0 -> x.remote.requestConsent(t.id(), "look at it", s.pick() % 2 == 0 ? ConsentScope.VIEW_ONLY
                        : ConsentScope.CONTROL, Duration.ofMinutes(s.minutes()), agent).forEach(invitations::add);
                case 1 -> pick(invitations, s).ifPresent(i -> x.remote.answerByLink(i.token(), s.minutes() % 3 != 0));
                case 2 -> pick(invitations, s).ifPresent(i -> x.remote.answerInPortal(t.id(), i.consent(), true, CAROL));
                case 3 -> pick(invitations, s).ifPresent(i -> x.remote.revoke(t.id(), i.consent(), CAROL));
                case 4, 5 -> pick(invitations, s).ifPresent(i -> x.remote.start(t.id(), i.consent(), "remote-assist", agent)
                        .forEach(r -> sessions.add(r.id())));
                case 6, 7 -> pick(sessions, s).ifPresent(id -> x.remote.record(t.id(), id, "did step " + s.minutes(), agent));
                case 8 -> pick(sessions, s).ifPresent(id -> x.remote.end(t.id(), id, agent));
                case 9 -> x.f.clock.advance(Duration.ofMinutes(s.minutes()));
                default -> x.f.desk.runDue();
            }
        }
        checkHistory(ok(x.f.acme.history(t.id(), ANA)));
        x.f.clock.advance(Duration.ofHours(9));
        x.f.desk.runDue();
        List<RecordedEvent> all = ok(x.f.acme.history(t.id(), ANA));
        checkHistory(all);
        FieldRecord record = FieldRecord.of(all.stream().map(RecordedEvent::event).toList());
        assertFalse(record.sessions().stream().anyMatch(RemoteSession::isRunning), "the due run ends every session");
    }

    private static void checkHistory(List<RecordedEvent> history) {
        List<TicketEvent> before = new ArrayList<>();
        Set<RemoteSessionId> ended = new HashSet<>();
        for (RecordedEvent recorded : history) {
            TicketEvent e = recorded.event();
            FieldRecord record = FieldRecord.of(before);
            if (e instanceof TicketEvent.RemoteSessionStarted started) {
                Consent consent = record.consent(started.consent()).orElseThrow();
                assertTrue(consent.isActiveAt(e.at()), "start without active consent: " + consent);
            } else if (e instanceof TicketEvent.RemoteActionRecorded action) {
                assertFalse(ended.contains(action.session()), "action after the session's end");
                RemoteSession session = record.session(action.session()).orElseThrow();
                assertTrue(session.isRunning());
                Consent consent = record.consent(session.consent()).orElseThrow();
                assertTrue(consent.isActiveAt(e.at()), "action without active consent: " + consent);
            } else if (e instanceof TicketEvent.RemoteSessionEnded end) {
                assertTrue(ended.add(end.session()), "a session ends once");
                assertTrue(record.session(end.session()).orElseThrow().isRunning());
            } else if (e instanceof TicketEvent.ConsentGranted granted) {
                Consent consent = record.consent(granted.consent()).orElseThrow();
                assertTrue(e.at().isBefore(consent.linkExpiresAt()), "answered after expiry");
                assertEquals(dev.helpdesk.spi.remote.ConsentStatus.REQUESTED, consent.status(), "answered twice");
            }
            before.add(e);
        }
    }

    private static <T> java.util.Optional<T> pick(List<T> from, Step s) {
        return from.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(from.get(s.pick() % from.size()));
    }

    @Property(tries = 100)
    void a_consent_link_answers_at_most_once_whatever_is_tried(@ForAll("days") List<Step> tries) {
        FieldFixture x = new FieldFixture();
        Ticket t = x.f.openedBy(CAROL);
        ConsentInvitation invitation = ok(x.remote.requestConsent(t.id(), "look", ConsentScope.VIEW_ONLY,
                Duration.ofMinutes(10), ANA));
        int answered = 0;
        for (Step s : tries) {
            if (s.kind() % 2 == 0 ? x.remote.answerByLink(invitation.token(), s.pick() % 2 == 0).isRight()
                    : x.remote.answerInPortal(t.id(), invitation.consent(), true, CAROL).isRight()) {
                answered++;
            }
            x.f.clock.advance(Duration.ofMinutes(s.minutes() * 10L));
        }
        ConsentId consent = invitation.consent();
        long answers = ok(x.f.acme.history(t.id(), ANA)).stream().map(RecordedEvent::event)
                .filter(e -> e instanceof TicketEvent.ConsentGranted g && g.consent().equals(consent)
                        || e instanceof TicketEvent.ConsentDenied d && d.consent().equals(consent)).count();
        assertTrue(answered <= 1 && answers == answered, "answered " + answered + ", recorded " + answers);
    }
}
