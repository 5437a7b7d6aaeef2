package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.GLOBEX;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.printerBroken;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.problem.HandOffRun;
import dev.helpdesk.core.problem.ProblemSettings;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.notification.Topic;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.problem.DeveloperBridge;
import dev.helpdesk.spi.problem.DeveloperUpdate;
import dev.helpdesk.spi.problem.HandOff;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemHandOff;
import dev.helpdesk.spi.problem.ProblemImpact;
import dev.helpdesk.spi.problem.ProblemStatus;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProblemDeskTest {
    static final Actor ERIN = Actor.customer("erin");

    final List<Notification> sent = new ArrayList<>();
    final List<ProblemHandOff> tracker = new ArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    final Notifier notifier = new Notifier() {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void deliver(Notification n) {
            sent.add(n);
        }
    };

    final DeveloperBridge bridge = new DeveloperBridge() {
        @Override
        public String name() {
            return "tracker";
        }

        @Override
        public String handOff(ProblemHandOff h) throws Exception {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new java.io.IOException("tracker unavailable");
            }
            tracker.add(h);
            return "PROD-" + tracker.size();
        }
    };

    final Fixture f = new Fixture(b -> b.plugin(notifier).plugin(bridge)
            .problems(ProblemSettings.defaults().withRetries(3, Duration.ofMinutes(1), Duration.ofMinutes(10)))
            .customerLanguages((tenant, customer) -> Optional.of(customer.value().equals("dave")
                    ? Locale.forLanguageTag("nl") : customer.value().equals("erin") ? Locale.forLanguageTag("ru") : Locale.ENGLISH))
            .customerSegments((tenant, customer) -> customer.value().equals("carol")
                    ? Optional.of(CustomerSegment.of("enterprise")) : Optional.empty()));
    final ProblemDesk problems = f.desk.tenant(ACME).problems();

    private Problem printers() {
        return ok(problems.open("Printers drop off the network after firmware 4.2", "Printers show offline", ANA));
    }

    private List<TicketEvent> history(Ticket t) {
        return ok(f.acme.history(t.id(), ANA)).stream().map(RecordedEvent::event).toList();
    }

    @Test
    void a_problem_moves_new_investigating_known_error_fixed_closed() {
        Problem p = printers();
        assertEquals(ProblemStatus.NEW, p.status());
        p = ok(problems.investigate(p.id(), p.revision(), ANA));
        p = ok(problems.knownError(p.id(), p.revision(), "Firmware 4.2 drops the DHCP lease", "Give the printer a fixed IP", ANA));
        assertEquals(Optional.of("Give the printer a fixed IP"), p.workaround());
        p = ok(problems.fixed(p.id(), p.revision(), "4.2.1", ANA));
        assertEquals(Optional.of("4.2.1"), p.fixedIn());
        p = ok(problems.close(p.id(), p.revision(), ANA));
        assertEquals(List.of(ProblemStatus.CLOSED, 5L), List.of(p.status(), p.revision()));
    }

    @Test
    void a_transition_the_status_does_not_allow_is_refused_naming_the_status_field() {
        Problem p = printers();
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(problems.fixed(p.id(), p.revision(), "4.2.1", ANA)));
        assertEquals("status", r.errors().get(0).field());
        assertEquals("a problem that is new cannot become fixed; it may become investigating or closed", r.errors().get(0).problem());
        Problem closed = ok(problems.close(p.id(), p.revision(), ANA));
        r = assertInstanceOf(Rejection.Invalid.class, rejected(problems.investigate(p.id(), closed.revision(), ANA)));
        assertTrue(r.errors().get(0).problem().endsWith("it is final"));
    }

    @Test
    void a_stale_revision_a_customer_and_bad_fields_are_refused() {
        Problem p = printers();
        ok(problems.investigate(p.id(), p.revision(), ANA));
        assertInstanceOf(Rejection.ConcurrentModification.class, rejected(problems.investigate(p.id(), p.revision(), ANA)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(problems.problem(p.id(), CAROL)));
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(problems.open(" ", "a\u0000b", ANA)));
        assertEquals(List.of("title", "description"), r.errors().stream().map(e -> e.field()).toList());
        Problem q = ok(problems.investigate(p.id(), p.revision() + 1, ANA).orElse(problems.problem(p.id(), ANA)));
        r = assertInstanceOf(Rejection.Invalid.class, rejected(problems.knownError(q.id(), q.revision(), "", null, ANA)));
        assertEquals(List.of("root cause", "workaround"), r.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void linking_a_ticket_is_in_its_history_and_counts_in_the_impact() {
        Problem p = printers();
        Ticket a = f.openedBy(CAROL);
        Ticket b = f.openedBy(DAVE);
        Ticket c = f.openedBy(DAVE);
        for (Ticket t : List.of(a, b, c)) {
            ok(problems.link(p.id(), t.id(), ANA));
        }
        assertTrue(history(a).contains(new TicketEvent.ProblemLinked(a.id(), f.clock.instant(), ANA, p.id().value())));
        Rejection.Invalid twice = assertInstanceOf(Rejection.Invalid.class, rejected(problems.link(p.id(), a.id(), ANA)));
        assertEquals("problem", twice.errors().get(0).field());

        ok(f.acme.assign(c.id(), dev.helpdesk.spi.party.AgentId.of("ana"), ANA));
        ok(f.acme.solve(c.id(), ANA));
        ProblemImpact impact = ok(problems.impact(p.id(), ANA));
        assertEquals(List.of(3, 2, 2), List.of(impact.tickets(), impact.unsolved(), impact.customers()));
        assertEquals(Map.of("", 1, "enterprise", 1), impact.bySegment());
        assertEquals(Map.of(Category.HARDWARE.code(), 3), impact.byCategory());

        ok(problems.unlink(p.id(), b.id(), ANA));
        assertEquals(List.of(a.id(), c.id()).stream().sorted(java.util.Comparator.comparing(x -> x.value())).toList(),
                ok(problems.tickets(p.id(), ANA)));
        assertInstanceOf(Rejection.Invalid.class, rejected(problems.unlink(p.id(), b.id(), ANA)));
    }

    @Test
    void a_customer_cannot_link_and_another_tenant_sees_nothing() {
        Problem p = printers();
        Ticket a = f.openedBy(CAROL);
        assertInstanceOf(Rejection.NotAllowed.class, rejected(problems.link(p.id(), a.id(), CAROL)));
        assertInstanceOf(Rejection.NotFound.class, rejected(f.desk.tenant(GLOBEX).problems().problem(p.id(), ANA)));
        assertInstanceOf(Rejection.NotFound.class, rejected(f.desk.tenant(GLOBEX).problems().link(p.id(), a.id(), ANA)));
    }

    @Test
    void the_workaround_becomes_one_draft_article() {
        Problem p = printers();
        p = ok(problems.investigate(p.id(), p.revision(), ANA));
        assertEquals("workaround", ((Rejection.Invalid) rejected(problems.draftWorkaroundArticle(p.id(), p.revision(),
                Category.HARDWARE.code(), "public", "en", ANA))).errors().get(0).field());
        p = ok(problems.knownError(p.id(), p.revision(), "Firmware 4.2 drops the DHCP lease", "Give the printer a fixed IP", ANA));
        Article draft = ok(problems.draftWorkaroundArticle(p.id(), p.revision(), Category.HARDWARE.code(), "public", "en", ANA));
        Problem kept = ok(problems.problem(p.id(), ANA));
        assertEquals(Optional.of(draft.id()), kept.workaroundArticle());
        assertEquals(Optional.of(ArticleOrigin.of(ArticleOrigin.Kind.KNOWN_ERROR, p.id().toString())), draft.latest().content().origin());
        Article again = ok(problems.draftWorkaroundArticle(p.id(), kept.revision(), Category.HARDWARE.code(), "public", "en", ANA));
        assertEquals(draft.id(), again.id());
    }

    @Test
    void a_hand_off_that_fails_is_retried_with_back_off_and_then_delivered() {
        Problem p = printers();
        ok(problems.link(p.id(), f.openedBy(CAROL).id(), ANA));
        failuresLeft.set(1);
        HandOff h = ok(problems.handOff(p.id(), p.revision(), ANA));
        assertEquals(ProblemStatus.INVESTIGATING, ok(problems.problem(p.id(), ANA)).status());

        assertEquals(new HandOffRun(0, 1, 0), f.desk.deliverHandOffs(f.clock.instant(), 10));
        assertEquals(new HandOffRun(0, 0, 0), f.desk.deliverHandOffs(f.clock.instant().plusSeconds(59), 10), "backing off");
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(new HandOffRun(1, 0, 0), f.desk.deliverHandOffs(f.clock.instant(), 10));

        assertEquals(1, tracker.size());
        assertEquals(h.id(), tracker.get(0).id());
        assertEquals(1, tracker.get(0).impact().tickets());
        assertEquals(Optional.of("PROD-1"), ok(problems.problem(p.id(), ANA)).trackerReference());
        HandOff done = ok(problems.handOffs(p.id(), ANA)).get(0);
        assertEquals(List.of(HandOff.State.DELIVERED, 1), List.of(done.state(), done.attempts()));
    }

    @Test
    void a_hand_off_that_always_fails_becomes_dead_after_the_last_attempt() {
        Problem p = printers();
        failuresLeft.set(100);
        ok(problems.handOff(p.id(), p.revision(), ANA));
        for (int i = 0; i < 3; i++) {
            f.desk.deliverHandOffs(f.clock.instant(), 10);
            f.clock.advance(Duration.ofMinutes(10));
        }
        HandOff dead = ok(problems.handOffs(p.id(), ANA)).get(0);
        assertEquals(List.of(HandOff.State.DEAD, 3), List.of(dead.state(), dead.attempts()));
        assertEquals(Optional.of("tracker unavailable"), dead.lastError());
        assertEquals(new HandOffRun(0, 0, 0), f.desk.deliverHandOffs(f.clock.instant().plus(Duration.ofDays(1)), 10));
    }

    @Test
    void fixed_in_a_version_tells_every_linked_customer_in_their_language_once() {
        Problem p = printers();
        Ticket a = f.openedBy(CAROL);
        Ticket b = f.openedBy(DAVE);
        Ticket c = ok(f.acme.open(printerBroken(ERIN).build(), ERIN));
        Ticket other = f.openedBy(CAROL);
        for (Ticket t : List.of(a, b, c)) {
            ok(problems.link(p.id(), t.id(), ANA));
        }
        p = ok(problems.investigate(p.id(), p.revision(), ANA));
        sent.clear();
        Problem fixed = ok(problems.developerUpdate(DeveloperUpdate.fixedIn(p.id(), "4.2.1"), Actor.integration("tracker")));
        assertEquals(List.of(ProblemStatus.FIXED, Optional.of("4.2.1")), List.of(fixed.status(), fixed.fixedIn()));

        List<Notification> fixedNotices = sent.stream().filter(n -> n.topic() == Topic.PROBLEM_FIXED).toList();
        assertEquals(Set.of(a.id(), b.id(), c.id()), Set.copyOf(fixedNotices.stream().map(Notification::ticket).toList()));
        Notification toDave = fixedNotices.stream().filter(n -> n.ticket().equals(b.id())).findFirst().orElseThrow();
        assertEquals("nl", toDave.locale().getLanguage());
        assertTrue(toDave.body().contains("versie 4.2.1"), toDave.body());
        Notification toErin = fixedNotices.stream().filter(n -> n.ticket().equals(c.id())).findFirst().orElseThrow();
        assertTrue(toErin.subject().startsWith("Обращение"), toErin.subject());
        assertTrue(fixedNotices.stream().noneMatch(n -> n.ticket().equals(other.id())));

        sent.clear();
        ok(problems.developerUpdate(DeveloperUpdate.fixedIn(p.id(), "4.2.1"), Actor.integration("tracker")));
        assertTrue(sent.isEmpty(), "the same update again tells nobody");
    }
}
