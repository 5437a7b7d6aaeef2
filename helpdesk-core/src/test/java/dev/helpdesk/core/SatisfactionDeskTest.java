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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.feedback.Complaints;
import dev.helpdesk.core.feedback.FeedbackSettings;
import dev.helpdesk.core.feedback.SurveyInvitation;
import dev.helpdesk.core.feedback.SurveyTokens;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.feedback.SatisfactionScale;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SatisfactionDeskTest {
    static final byte[] SECRET = "a host secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    static final AgentId ANA_ID = AgentId.of("ana");

    final Fixture f = new Fixture(b -> b
            .feedback(FeedbackSettings.builder().secret(SECRET).putScale(GLOBEX, SatisfactionScale.GOOD_BAD).build())
            .escalationRules(EscalationRule.builder("unhappy").on(TicketTrigger.SATISFACTION_RATED_BAD)
                    .then(new Action.AddTag("unhappy")).reason("a customer rated badly").build()));

    private Ticket solvedFor(Actor customer) {
        Ticket t = f.openedBy(customer);
        ok(f.acme.assign(t.id(), ANA_ID, ANA));
        return ok(f.acme.solve(t.id(), ANA));
    }

    private List<TicketEvent.SatisfactionRated> ratings(Ticket t) {
        return ok(f.acme.history(t.id(), ANA)).stream().map(RecordedEvent::event)
                .filter(TicketEvent.SatisfactionRated.class::isInstance).map(TicketEvent.SatisfactionRated.class::cast).toList();
    }

    private static String problemOn(Rejection r, String field) {
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, r);
        assertEquals(field, invalid.errors().get(0).field());
        return invalid.errors().get(0).problem();
    }

    @Test
    void a_customer_answers_the_survey_of_a_solved_ticket_without_signing_in() {
        Ticket t = solvedFor(CAROL);
        SurveyInvitation survey = ok(f.desk.tenant(ACME).feedback().survey(t.id(), ANA));

        ok(f.desk.tenant(ACME).feedback().rate(survey.token(), 4, "Quick and friendly"));

        TicketEvent.SatisfactionRated r = ratings(t).get(0);
        assertEquals(List.of(4, 5, 1), List.of(r.score(), r.outOf(), r.cycle()));
        assertEquals("Quick and friendly", r.comment());
        assertEquals(CAROL, r.actor(), "recorded as the requester");
        assertTrue(r.survey().isPresent());
        assertEquals(f.clock.instant().plus(Duration.ofDays(14)), survey.expiresAt());
    }

    @Test
    void a_token_is_taken_once() {
        Ticket t = solvedFor(CAROL);
        String token = ok(f.desk.tenant(ACME).feedback().survey(t.id(), ANA)).token();
        ok(f.desk.tenant(ACME).feedback().rate(token, 5, null));

        String problem = problemOn(rejected(f.desk.tenant(ACME).feedback().rate(token, 1, "changed my mind")), "token");

        assertTrue(problem.startsWith("was already used"), problem);
        assertEquals(1, ratings(t).size());
    }

    @Test
    void an_expired_token_is_refused_naming_when_it_expired() {
        Ticket t = solvedFor(CAROL);
        SurveyInvitation survey = ok(f.desk.tenant(ACME).feedback().survey(t.id(), ANA));
        f.clock.advance(Duration.ofDays(14));

        String problem = problemOn(rejected(f.desk.tenant(ACME).feedback().rate(survey.token(), 3, null)), "token");

        assertEquals("expired at " + survey.expiresAt(), problem);
    }

    @Test
    void a_forged_or_altered_token_is_refused() {
        Ticket t = solvedFor(CAROL);
        String token = ok(f.desk.tenant(ACME).feedback().survey(t.id(), ANA)).token();
        String other = new SurveyTokens("another secret that is also long enough!!".getBytes(StandardCharsets.UTF_8))
                .issue(ACME, t.id(), 1, f.clock.instant().plus(Duration.ofDays(1)));
        String[] parts = token.split("\\.");
        String altered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "x" + parts[1].charAt(parts[1].length() - 1)
                + "." + parts[2];

        for (String forged : List.of(other, altered)) {
            String problem = problemOn(rejected(f.desk.tenant(ACME).feedback().rate(forged, 1, null)), "token");
            assertTrue(problem.startsWith("has a signature that does not match") || problem.equals("is not a survey token"), problem);
        }
        assertEquals("is not a survey token", problemOn(rejected(f.desk.tenant(ACME).feedback().rate("hello", 1, null)), "token"));
        assertEquals("is required", problemOn(rejected(f.desk.tenant(ACME).feedback().rate(null, 1, null)), "token"));
        assertTrue(ratings(t).isEmpty());
    }

    @Test
    void a_token_of_one_tenant_is_refused_by_another() {
        Ticket t = solvedFor(CAROL);
        String token = ok(f.desk.tenant(ACME).feedback().survey(t.id(), ANA)).token();

        assertEquals("is for another desk", problemOn(rejected(f.desk.tenant(GLOBEX).feedback().rate(token, 2, null)), "token"));
    }

    @Test
    void a_survey_of_a_ticket_reopened_since_is_refused_and_names_the_cycles() {
        Ticket t = solvedFor(CAROL);
        String token = ok(f.desk.tenant(ACME).feedback().survey(t.id(), ANA)).token();
        ok(f.acme.reply(t.id(), "Still broken", dev.helpdesk.spi.ticket.Channel.EMAIL, CAROL));
        ok(f.acme.solve(t.id(), ANA));

        String problem = problemOn(rejected(f.desk.tenant(ACME).feedback().rate(token, 2, null)), "cycle");

        assertTrue(problem.contains("resolution 1") && problem.contains("resolution 2"), problem);
    }

    @Test
    void only_a_solved_or_closed_ticket_gets_a_survey_and_only_staff_hand_it_out() {
        Ticket open = f.openedBy(CAROL);

        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.desk.tenant(ACME).feedback().survey(open.id(), ANA)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.desk.tenant(ACME).feedback().survey(open.id(), CAROL)));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(f.desk.tenant(ACME).feedback().rate(open.id(), 3, null, CAROL)));
    }

    @Test
    void only_the_requester_rates_and_scores_follow_the_tenants_scale() {
        Ticket t = solvedFor(CAROL);

        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.desk.tenant(ACME).feedback().rate(t.id(), 3, null, ANA)));
        assertInstanceOf(Rejection.NotFound.class, rejected(f.desk.tenant(ACME).feedback().rate(t.id(), 3, null, DAVE)));
        assertEquals("must be 1 to 5 on the ONE_TO_FIVE scale",
                problemOn(rejected(f.desk.tenant(ACME).feedback().rate(t.id(), 6, null, CAROL)), "score"));
        assertEquals("comment", ((Rejection.Invalid) rejected(f.desk.tenant(ACME).feedback()
                .rate(t.id(), 3, "x".repeat(2001), CAROL))).errors().get(0).field());

        Ticket g = ok(f.globex.open(printerBroken(CAROL).build(), CAROL));
        ok(f.globex.assign(g.id(), ANA_ID, ANA));
        ok(f.globex.solve(g.id(), ANA));
        assertEquals(SatisfactionScale.GOOD_BAD, f.desk.tenant(GLOBEX).feedback().scale());
        assertEquals("must be 1 to 2 on the GOOD_BAD scale",
                problemOn(rejected(f.desk.tenant(GLOBEX).feedback().rate(g.id(), 3, null, CAROL)), "score"));
        ok(f.desk.tenant(GLOBEX).feedback().rate(g.id(), 1, null, CAROL));
        assertTrue(ok(f.globex.get(g.id(), ANA)).tags().contains("unhappy"), "bad on the two-point scale is 1");
    }

    @Test
    void a_bad_rating_fires_the_satisfaction_rated_bad_rule_and_a_later_rating_is_recorded_too() {
        Ticket t = solvedFor(CAROL);
        ok(f.desk.tenant(ACME).feedback().rate(t.id(), 5, null, CAROL));
        assertTrue(!ok(f.acme.get(t.id(), ANA)).tags().contains("unhappy"));

        ok(f.desk.tenant(ACME).feedback().rate(t.id(), 2, "it broke again", CAROL));

        assertTrue(ok(f.acme.get(t.id(), ANA)).tags().contains("unhappy"));
        assertEquals(List.of(5, 2), ratings(t).stream().map(TicketEvent.SatisfactionRated::score).toList());
    }

    @Test
    void a_desk_without_feedback_settings_hands_out_no_surveys_but_takes_signed_in_ratings() {
        Fixture plain = new Fixture();
        Ticket t = plain.openedBy(CAROL);
        ok(plain.acme.assign(t.id(), ANA_ID, ANA));
        ok(plain.acme.solve(t.id(), ANA));

        assertInstanceOf(Rejection.NotAllowed.class, rejected(plain.desk.tenant(ACME).feedback().survey(t.id(), ANA)));
        ok(plain.desk.tenant(ACME).feedback().rate(t.id(), 4, null, CAROL));
    }

    @Test
    void a_short_secret_or_a_bad_lifetime_is_a_configuration_error_naming_both() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> FeedbackSettings.builder()
                .secret(new byte[8]).surveyLifetime(Duration.ZERO).build());

        assertTrue(e.getMessage().contains("secret") && e.getMessage().contains("surveyLifetime"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> FeedbackSettings.builder().build());
    }

    @Test
    void complaints_out_of_the_box_go_to_their_group_at_high_priority_under_their_own_policy() {
        Fixture c = new Fixture(b -> b.complaints(Complaints.defaults())
                .slaPolicies(dev.helpdesk.spi.sla.SlaPolicy.builder("everything")
                        .firstResponse(dev.helpdesk.spi.sla.SlaTarget.calendarTime(Duration.ofDays(1))).build()));

        Ticket complaint = ok(c.acme.open(printerBroken(CAROL).category(Category.COMPLAINTS).build(), CAROL));
        Ticket other = c.openedBy(CAROL);

        assertEquals(Optional.of(GroupId.of(Complaints.GROUP)), complaint.group());
        assertEquals(Priority.HIGH, complaint.priority());
        assertEquals("complaints", ok(c.desk.tenant(ACME).sla().policy(complaint.id(), ANA)).orElseThrow().name());
        assertEquals("everything", ok(c.desk.tenant(ACME).sla().policy(other.id(), ANA)).orElseThrow().name());
        assertEquals(Optional.empty(), other.group());
    }

    // --- a survey sent on solve ---

    @Test
    void a_survey_link_goes_to_the_requester_in_their_language_when_the_ticket_is_solved_for_tenants_that_want_it() {
        java.util.List<dev.helpdesk.spi.notification.Notification> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        Fixture g = new Fixture(b -> b
                .feedback(FeedbackSettings.builder().secret(SECRET).addSurveyOnSolve(ACME)
                        .surveyLink("https://support.example.com/survey?t={token}").build())
                .customerLanguages((tenant, customer) -> Optional.of(java.util.Locale.forLanguageTag("es")))
                .plugin(new dev.helpdesk.spi.notification.Notifier() {
                    @Override
                    public String name() {
                        return "recording";
                    }

                    @Override
                    public void deliver(dev.helpdesk.spi.notification.Notification n) {
                        sent.add(n);
                    }
                }));
        Ticket t = g.openedBy(CAROL);
        ok(g.acme.assign(t.id(), ANA_ID, ANA));
        ok(g.acme.solve(t.id(), ANA));

        List<dev.helpdesk.spi.notification.Notification> surveys = sent.stream()
                .filter(n -> n.topic() == dev.helpdesk.spi.notification.Topic.SURVEY).toList();
        assertEquals(1, surveys.size());
        dev.helpdesk.spi.notification.Notification n = surveys.get(0);
        assertEquals(new dev.helpdesk.spi.notification.Recipient.Customer(Fixture.idOf(CAROL)), n.recipient());
        assertEquals("es", n.locale().getLanguage());
        assertTrue(n.subject().startsWith("Solicitud"), n.subject());
        String link = n.body().lines().filter(l -> l.startsWith("https://support.example.com/survey?t=")).findFirst().orElseThrow();
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("t=") + 2), StandardCharsets.UTF_8);

        ok(g.desk.tenant(ACME).feedback().rate(token, 5, "Perfecto"));
        assertEquals(5, ok(g.acme.history(t.id(), ANA)).stream().map(RecordedEvent::event)
                .filter(TicketEvent.SatisfactionRated.class::isInstance).map(TicketEvent.SatisfactionRated.class::cast)
                .findFirst().orElseThrow().score());

        // another tenant without the switch gets none
        Ticket other = ok(g.globex.open(printerBroken(CAROL).build(), CAROL));
        ok(g.globex.assign(other.id(), ANA_ID, ANA));
        ok(g.globex.solve(other.id(), ANA));
        assertEquals(1, sent.stream().filter(x -> x.topic() == dev.helpdesk.spi.notification.Topic.SURVEY).count());
    }

    @Test
    void a_survey_on_solve_needs_a_link_with_a_token_place() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> FeedbackSettings.builder().secret(SECRET).addSurveyOnSolve(ACME).build());
        assertTrue(e.getMessage().contains("surveyLink"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> FeedbackSettings.builder().secret(SECRET)
                .surveyLink("https://support.example.com/survey").build());
    }
}
