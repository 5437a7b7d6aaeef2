package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.BEN;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.remote.ConsentInvitation;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.Consent;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.remote.ConsentRoute;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.ConsentStatus;
import dev.helpdesk.spi.remote.RemoteSession;
import dev.helpdesk.spi.remote.RemoteSessionId;
import dev.helpdesk.spi.remote.SessionEnd;
import dev.helpdesk.spi.ticket.Ticket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RemoteSessionDeskTest {
    private final FieldFixture x = new FieldFixture();

    private ConsentInvitation asked(Ticket t) {
        return ok(x.remote.requestConsent(t.id(), "check the printer driver", ConsentScope.CONTROL, Duration.ofMinutes(30), ANA));
    }

    @Test
    void a_session_starts_only_after_the_customer_grants_consent_by_link_and_every_step_is_on_the_ticket() {
        Ticket t = x.f.openedBy(CAROL);
        ConsentInvitation invitation = asked(t);
        Rejection early = rejected(x.remote.start(t.id(), invitation.consent(), "remote-assist", ANA));
        assertTrue(early.message().contains("has not granted"), early.message());

        Consent granted = ok(x.remote.answerByLink(invitation.token(), true));
        assertEquals(ConsentStatus.GRANTED, granted.status());
        assertEquals(ConsentRoute.LINK, granted.route().orElseThrow());
        RemoteSession s = ok(x.remote.start(t.id(), invitation.consent(), "remote-assist", ANA));
        ok(x.remote.record(t.id(), s.id(), "reinstalled the printer driver", ANA));
        RemoteSession ended = ok(x.remote.end(t.id(), s.id(), ANA));

        assertEquals(List.of("reinstalled the printer driver"), ended.actions());
        assertEquals(SessionEnd.BY_AGENT, ended.end().orElseThrow());
        assertEquals("remote-assist", ended.tool());
        assertEquals("ana", ended.agent().value());
        assertEquals(List.of("opened", "message_posted", "consent_requested", "consent_granted", "remote_session_started",
                "remote_action_recorded", "remote_session_ended"), x.kinds(t.id()));
    }

    @Test
    void the_consent_text_is_in_the_customers_language() {
        ConsentInvitation nl = asked(x.f.openedBy(CAROL));
        assertEquals(Locale.forLanguageTag("nl"), nl.locale());
        assertTrue(nl.text().contains("Doel: check the printer driver"), nl.text());
        assertTrue(nl.text().contains("uw scherm bekijken en uw apparaat bedienen"), nl.text());
        ConsentInvitation ru = asked(x.f.openedBy(DAVE));
        assertTrue(ru.text().contains("Цель: check the printer driver"), ru.text());
        assertTrue(ru.text().contains("30 мин."), ru.text());
        ConsentInvitation es = asked(x.f.openedBy(dev.helpdesk.spi.party.Actor.customer("frank")));
        assertEquals("es", es.locale().getLanguage());
        assertTrue(es.text().contains("Motivo: check the printer driver"), es.text());
        assertTrue(es.text().contains("ver su pantalla y controlar su dispositivo"), es.text());
        ConsentInvitation en = asked(x.f.openedBy(dev.helpdesk.spi.party.Actor.customer("erin")));
        assertEquals(Locale.ENGLISH, en.locale());
        assertTrue(en.text().contains("For at most 30 minutes"), en.text());
        assertFalse(en.toString().contains(en.token()), "the token stays out of logs");
    }

    @Test
    void a_consent_link_works_once() {
        Ticket t = x.f.openedBy(CAROL);
        ConsentInvitation invitation = asked(t);
        ok(x.remote.answerByLink(invitation.token(), false));
        Rejection reused = rejected(x.remote.answerByLink(invitation.token(), true));
        assertTrue(assertInstanceOf(Rejection.Invalid.class, reused).names("token"), reused.message());
        assertTrue(reused.message().contains("works once"), reused.message());
        assertInstanceOf(Rejection.InvalidTransition.class,
                rejected(x.remote.answerInPortal(t.id(), invitation.consent(), true, CAROL)));
        assertEquals(ConsentStatus.DENIED, ok(x.remote.consents(t.id(), ANA)).get(0).status());
    }

    @Test
    void an_expired_link_is_refused_and_writes_nothing() {
        Ticket t = x.f.openedBy(CAROL);
        ConsentInvitation invitation = asked(t);
        int before = x.kinds(t.id()).size();
        x.f.clock.advance(Duration.ofHours(24));
        Rejection expired = rejected(x.remote.answerByLink(invitation.token(), true));
        assertTrue(((Rejection.Invalid) expired).names("token"), expired.message());
        assertTrue(expired.message().contains("expired"), expired.message());
        Rejection portal = rejected(x.remote.answerInPortal(t.id(), invitation.consent(), true, CAROL));
        assertTrue(portal.message().contains("expired"), portal.message());
        assertEquals(before, x.kinds(t.id()).size());
    }

    @Test
    void a_forged_or_mangled_link_is_refused() {
        Ticket t = x.f.openedBy(CAROL);
        String token = asked(t).token();
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        for (String bad : new String[] {forged, "", "no-dot", "a.b", token + "x", "'; DROP TABLE hd_ticket; --", null,
                "x".repeat(10_000)}) {
            Rejection r = rejected(x.remote.answerByLink(bad, true));
            assertTrue(((Rejection.Invalid) r).names("token"), String.valueOf(bad));
        }
        FieldFixture other = new FieldFixture(b -> b.remoteSessions(dev.helpdesk.core.remote.RemoteSettings.builder()
                .secret("another host secret, thirty-two bytes or more".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build()));
        assertTrue(rejected(other.remote.answerByLink(token, true)).message().contains("not a consent link of this desk"));
    }

    @Test
    void a_link_of_another_tenant_is_refused() {
        Ticket t = x.f.openedBy(CAROL);
        String token = asked(t).token();
        Rejection r = rejected(x.f.desk.tenant(Fixture.GLOBEX).remote().answerByLink(token, true));
        assertTrue(((Rejection.Invalid) r).names("token"));
    }

    @Test
    void only_the_tickets_customer_answers_in_the_portal() {
        Ticket t = x.f.openedBy(CAROL);
        ConsentId consent = asked(t).consent();
        assertInstanceOf(Rejection.NotFound.class, rejected(x.remote.answerInPortal(t.id(), consent, true, DAVE)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(x.remote.answerInPortal(t.id(), consent, true, BEN)));
        Consent granted = ok(x.remote.answerInPortal(t.id(), consent, true, CAROL));
        assertEquals(ConsentRoute.PORTAL, granted.route().orElseThrow());
    }

    @Test
    void revoking_mid_session_ends_the_session_and_refuses_further_actions() {
        Ticket t = x.f.openedBy(CAROL);
        ConsentInvitation invitation = asked(t);
        ok(x.remote.answerByLink(invitation.token(), true));
        RemoteSession s = ok(x.remote.start(t.id(), invitation.consent(), "remote-assist", ANA));
        Consent revoked = ok(x.remote.revoke(t.id(), invitation.consent(), CAROL));
        assertEquals(ConsentStatus.REVOKED, revoked.status());
        RemoteSession after = ok(x.remote.sessions(t.id(), ANA)).get(0);
        assertEquals(SessionEnd.CONSENT_REVOKED, after.end().orElseThrow());
        Rejection action = rejected(x.remote.record(t.id(), s.id(), "one more thing", ANA));
        assertTrue(action.message().contains("ended"), action.message());
        Rejection restart = rejected(x.remote.start(t.id(), invitation.consent(), "remote-assist", ANA));
        assertTrue(restart.message().contains("revoked"), restart.message());
    }

    @Test
    void an_unknown_session_or_consent_is_not_found() {
        Ticket t = x.f.openedBy(CAROL);
        RemoteSessionId unknown = RemoteSessionId.of(UUID.randomUUID());
        assertEquals(new Rejection.NotFound("remote session", unknown.toString()),
                rejected(x.remote.record(t.id(), unknown, "anything", ANA)));
        assertEquals(new Rejection.NotFound("remote session", unknown.toString()), rejected(x.remote.end(t.id(), unknown, ANA)));
        ConsentId none = ConsentId.of(UUID.randomUUID());
        assertEquals(new Rejection.NotFound("consent", none.toString()),
                rejected(x.remote.start(t.id(), none, "remote-assist", ANA)));
    }

    @Test
    void the_due_run_ends_a_session_past_its_consented_duration_and_actions_stop_at_the_end() {
        Ticket t = x.f.openedBy(CAROL);
        ConsentInvitation invitation = asked(t);
        ok(x.remote.answerByLink(invitation.token(), true));
        RemoteSession s = ok(x.remote.start(t.id(), invitation.consent(), "remote-assist", ANA));
        x.f.clock.advance(Duration.ofMinutes(30));
        Rejection late = rejected(x.remote.record(t.id(), s.id(), "too late", ANA));
        assertTrue(late.message().contains("ran out"), late.message());
        x.f.desk.runDue();
        RemoteSession ended = ok(x.remote.sessions(t.id(), ANA)).get(0);
        assertEquals(SessionEnd.CONSENT_EXPIRED, ended.end().orElseThrow());
        assertEquals(x.now(), ended.endedAt().orElseThrow());
        List<String> kinds = x.kinds(t.id());
        assertEquals("remote_session_ended", kinds.get(kinds.size() - 1));
    }

    @Test
    void bad_input_names_every_field() {
        Ticket t = x.f.openedBy(CAROL);
        Rejection.Invalid r = (Rejection.Invalid) rejected(x.remote.requestConsent(t.id(), " ", null, Duration.ofHours(9), ANA));
        assertTrue(r.names("purpose") && r.names("scope") && r.names("duration"), r.message());
        assertInstanceOf(Rejection.NotAllowed.class,
                rejected(x.remote.requestConsent(t.id(), "look", ConsentScope.VIEW_ONLY, Duration.ofMinutes(5), CAROL)));
        ConsentInvitation invitation = asked(t);
        ok(x.remote.answerByLink(invitation.token(), true));
        Rejection.Invalid tool = (Rejection.Invalid) rejected(x.remote.start(t.id(), invitation.consent(), "bad tool!", ANA));
        assertTrue(tool.names("tool"), tool.message());
    }

    @Test
    void a_desk_without_remote_settings_refuses() {
        Fixture plain = new Fixture();
        Ticket t = plain.openedBy(CAROL);
        assertInstanceOf(Rejection.NotAllowed.class, rejected(plain.desk.tenant(Fixture.ACME).remote()
                .requestConsent(t.id(), "look", ConsentScope.VIEW_ONLY, Duration.ofMinutes(5), ANA)));
    }
}
