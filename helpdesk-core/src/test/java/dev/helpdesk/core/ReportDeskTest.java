package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.GLOBEX;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.report.ClockChange;
import dev.helpdesk.spi.report.ClockCompliance;
import dev.helpdesk.core.report.WhatIf;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportDeskTest {
    static final SlaPolicy FOUR_HOURS = SlaPolicy.builder("standard")
            .firstResponse(SlaTarget.calendarTime(Duration.ofHours(4))).build();

    final Fixture f = new Fixture(b -> b.slaPolicies(FOUR_HOURS));
    final Instant start = f.clock.instant();

    /** A ticket answered after some hours (or never), each opened an hour after the one before. */
    private Ticket answeredAfter(int hours) {
        Ticket t = f.openedBy(CAROL);
        ok(f.acme.assign(t.id(), AgentId.of("ana"), ANA));
        if (hours > 0) {
            f.clock.advance(Duration.ofHours(hours));
            ok(f.acme.reply(t.id(), "Here is what to do", Channel.EMAIL, ANA));
            f.clock.advance(Duration.ofHours(-hours));
        }
        f.clock.advance(Duration.ofHours(1));
        return t;
    }

    @Test
    void sla_compliance_counts_cycles_completed_in_the_period_per_policy_and_clock() {
        answeredAfter(2);
        answeredAfter(6);
        answeredAfter(0);
        f.clock.advance(Duration.ofDays(1));

        List<ClockCompliance> c = ok(f.desk.tenant(ACME).reports().slaCompliance(start, f.clock.instant(), ANA));

        assertEquals(List.of(new ClockCompliance("standard", ClockKind.FIRST_RESPONSE, 1, 1)), c);
        assertEquals(0.5, c.get(0).rate());
    }

    @Test
    void reply_and_resolution_times_per_policy_count_each_ticket_under_its_policy() {
        Fixture g = new Fixture(b -> b.slaPolicies(SlaPolicy.builder("urgent").whenPriority(Priority.URGENT)
                .firstResponse(SlaTarget.calendarTime(Duration.ofHours(1))).build(), FOUR_HOURS));
        Instant from = g.clock.instant();
        // standard: replies after 2 h and 6 h; urgent: one reply after 1 h, solved after 3 h
        for (int hours : new int[] {2, 6}) {
            Ticket t = g.openedBy(CAROL);
            ok(g.acme.assign(t.id(), AgentId.of("ana"), ANA));
            g.clock.advance(Duration.ofHours(hours));
            ok(g.acme.reply(t.id(), "Here is what to do", Channel.EMAIL, ANA));
            g.clock.advance(Duration.ofHours(-hours));
        }
        Ticket urgent = g.openedBy(CAROL);
        ok(g.acme.changePriority(urgent.id(), Priority.URGENT, ANA));
        ok(g.acme.assign(urgent.id(), AgentId.of("ana"), ANA));
        g.clock.advance(Duration.ofHours(1));
        ok(g.acme.reply(urgent.id(), "On it", Channel.EMAIL, ANA));
        g.clock.advance(Duration.ofHours(2));
        ok(g.acme.solve(urgent.id(), ANA));
        g.clock.advance(Duration.ofDays(1));

        var byPolicy = ok(g.desk.tenant(ACME).reports().resolutionByPolicy(ReportQuery.of(ACME, from, g.clock.instant()), ANA));

        assertEquals(java.util.Set.of("standard", "urgent"), byPolicy.keySet());
        assertEquals(new dev.helpdesk.spi.report.Durations(2, Optional.of(Duration.ofHours(2)), Optional.of(Duration.ofHours(6))),
                byPolicy.get("standard").firstReply().calendar(), "nearest rank: median 1st of 2, p90 2nd");
        assertEquals(new dev.helpdesk.spi.report.Durations(1, Optional.of(Duration.ofHours(1)), Optional.of(Duration.ofHours(1))),
                byPolicy.get("urgent").firstReply().calendar());
        assertEquals(new dev.helpdesk.spi.report.Durations(1, Optional.of(Duration.ofHours(3)), Optional.of(Duration.ofHours(3))),
                byPolicy.get("urgent").firstResolution().calendar());
        assertEquals(0, byPolicy.get("standard").firstResolution().calendar().count());
        assertInstanceOf(Rejection.NotAllowed.class, rejected(g.desk.tenant(ACME).reports()
                .resolutionByPolicy(ReportQuery.of(ACME, from, g.clock.instant()), CAROL)));
    }

    @Test
    void the_history_records_the_policy_in_force_when_a_commit_changes_it_and_customers_never_see_it() {
        Fixture g = new Fixture(b -> b.slaPolicies(SlaPolicy.builder("urgent").whenPriority(Priority.URGENT)
                .firstResponse(SlaTarget.calendarTime(Duration.ofHours(1))).build(), FOUR_HOURS));
        Ticket t = g.openedBy(CAROL);
        ok(g.acme.assign(t.id(), AgentId.of("ana"), ANA));
        ok(g.acme.changePriority(t.id(), Priority.URGENT, ANA));
        ok(g.acme.reply(t.id(), "On it", Channel.EMAIL, ANA));
        ok(g.acme.changePriority(t.id(), Priority.NORMAL, ANA));

        java.util.List<dev.helpdesk.spi.ticket.TicketEvent> history = ok(g.acme.history(t.id(), ANA)).stream()
                .map(dev.helpdesk.spi.ticket.RecordedEvent::event).toList();
        assertEquals(java.util.List.of(Optional.of("standard"), Optional.of("urgent"), Optional.of("standard")), history.stream()
                .filter(e -> e instanceof dev.helpdesk.spi.ticket.TicketEvent.SlaPolicyApplied)
                .map(e -> ((dev.helpdesk.spi.ticket.TicketEvent.SlaPolicyApplied) e).policy()).toList(),
                "recorded at the opening and at each priority change; the assignment and the reply changed nothing");
        assertEquals(dev.helpdesk.spi.party.Actor.system("sla"), history.stream().filter(e -> e instanceof dev.helpdesk.spi.ticket.TicketEvent.SlaPolicyApplied)
                .findFirst().orElseThrow().actor());
        assertTrue(ok(g.acme.history(t.id(), CAROL)).stream()
                .noneMatch(r -> r.event() instanceof dev.helpdesk.spi.ticket.TicketEvent.SlaPolicyApplied));
    }

    @Test
    void what_if_replays_the_period_under_a_proposal_and_names_the_cycles_that_change() {
        answeredAfter(2);
        Ticket late = answeredAfter(6);
        answeredAfter(0);
        f.clock.advance(Duration.ofDays(1));
        SlaConfiguration eightHours = SlaConfiguration.of(List.of(), List.of(SlaPolicy.builder("relaxed")
                .firstResponse(SlaTarget.calendarTime(Duration.ofHours(8))).build()));

        WhatIf w = ok(f.desk.tenant(ACME).reports().whatIf(eightHours, start, f.clock.instant(), ANA));

        assertEquals(List.of(new ClockCompliance("standard", ClockKind.FIRST_RESPONSE, 1, 1)), w.current());
        assertEquals(List.of(new ClockCompliance("relaxed", ClockKind.FIRST_RESPONSE, 2, 0)), w.proposed());
        assertEquals(List.of(new ClockChange(late.id(), late.number(), ClockKind.FIRST_RESPONSE, 1, Optional.of("standard"),
                Optional.of(ClockStatus.BREACHED), Optional.of("relaxed"), Optional.of(ClockStatus.ACHIEVED))), w.changes());
        assertEquals("standard", f.desk.slaConfiguration().policies().get(0).name(), "nothing changed on the desk");
    }

    @Test
    void what_if_a_policy_applies_to_fewer_tickets_shows_the_cycles_no_longer_measured() {
        answeredAfter(2);
        Ticket urgent = answeredAfter(3);
        ok(f.acme.changePriority(urgent.id(), Priority.URGENT, ANA));
        f.clock.advance(Duration.ofDays(1));
        SlaConfiguration urgentOnly = SlaConfiguration.of(List.of(), List.of(SlaPolicy.builder("urgent").whenPriority(Priority.URGENT)
                .firstResponse(SlaTarget.calendarTime(Duration.ofHours(1))).build()));

        WhatIf w = ok(f.desk.tenant(ACME).reports().whatIf(urgentOnly, start, f.clock.instant(), ANA));

        assertEquals(List.of(new ClockCompliance("urgent", ClockKind.FIRST_RESPONSE, 0, 1)), w.proposed());
        assertEquals(2, w.changes().size(), "one no longer measured, one breached instead of achieved");
        assertTrue(w.changes().stream().anyMatch(c -> c.proposed().isEmpty() && c.current().equals(Optional.of(ClockStatus.ACHIEVED))));
    }

    @Test
    void reports_are_staff_data_of_the_desks_own_tenant() {
        answeredAfter(2);
        ReportQuery acme = ReportQuery.of(ACME, start, start.plus(Duration.ofDays(1)));

        Report r = ok(f.desk.tenant(ACME).reports().report(acme, ANA));

        assertEquals(1, r.volume().total());
        assertEquals(1, r.resolution().firstReply().calendar().count());
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.desk.tenant(ACME).reports().report(acme, CAROL)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.desk.tenant(GLOBEX).reports().report(acme, ANA)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.desk.tenant(ACME).reports().slaCompliance(start, start.plusSeconds(1), CAROL)));
        assertInstanceOf(Rejection.Invalid.class, rejected(f.desk.tenant(ACME).reports().slaCompliance(start, start, ANA)));
    }
}
