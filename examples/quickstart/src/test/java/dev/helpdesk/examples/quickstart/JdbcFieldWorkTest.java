package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.remote.ConsentInvitation;
import dev.helpdesk.core.remote.RemoteSettings;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.RemoteSession;
import dev.helpdesk.spi.remote.SessionEnd;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A remote session on a JDBC store: the consent link answered on one desk instance, the session
 * run on another, and the due run of either ending it when the consent runs out, from the due
 * time stored with the ticket.
 */
class JdbcFieldWorkTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ANA = Actor.agent("ana");
    private static final byte[] SECRET = "a host secret of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_session_past_its_consent_is_ended_by_the_due_run_of_any_desk_on_the_database() {
        JdbcTicketStore store = JdbcStores.create(JdbcStores.dataSource("jdbc:h2:mem:jdbc-field-work;DB_CLOSE_DELAY=-1",
                "sa", ""));
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        Helpdesk one = Helpdesk.builder().store(store).clock(clock).heldNotices(store.heldNotices())
                .remoteSessions(RemoteSettings.builder().secret(SECRET).build()).build();
        Helpdesk other = Helpdesk.builder().store(store).clock(clock).heldNotices(store.heldNotices())
                .remoteSessions(RemoteSettings.builder().secret(SECRET).build()).build();
        TenantDesk first = one.tenant(ACME);
        TenantDesk second = other.tenant(ACME);

        Ticket t = first.tickets().open(TicketCommand.open().subject("VPN drops").body("Every few minutes.")
                .channel(Channel.PHONE).category(Category.TROUBLESHOOTING).requester(CustomerId.of("carol")).build(), ANA)
                .getOrElseThrow(r -> new AssertionError(r.message()));
        ConsentInvitation ask = first.remote().requestConsent(t.id(), "check the VPN client", ConsentScope.VIEW_ONLY,
                Duration.ofMinutes(20), ANA).getOrElseThrow(r -> new AssertionError(r.message()));
        second.remote().answerByLink(ask.token(), true).getOrElseThrow(r -> new AssertionError(r.message()));
        Rejection reused = first.remote().answerByLink(ask.token(), true).getLeft();
        assertTrue(((Rejection.Invalid) reused).names("token"), reused.message());
        RemoteSession s = second.remote().start(t.id(), ask.consent(), "remote-assist", ANA)
                .getOrElseThrow(r -> new AssertionError(r.message()));
        first.remote().record(t.id(), s.id(), "reset the VPN adapter", ANA).getOrElseThrow(r -> new AssertionError(r.message()));

        assertEquals(0, one.runDue(clock.instant()).changed(), "nothing due before the consent runs out");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(1, other.runDue(clock.instant()).changed());

        RemoteSession ended = first.remote().sessions(t.id(), ANA).get().get(0);
        assertEquals(SessionEnd.CONSENT_EXPIRED, ended.end().orElseThrow());
        assertEquals(1, ended.actions().size());
        assertEquals(0, one.runDue(clock.instant()).changed(), "ended once");
    }
}
