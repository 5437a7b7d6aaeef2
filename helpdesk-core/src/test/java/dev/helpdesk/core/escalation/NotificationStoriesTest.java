package dev.helpdesk.core.escalation;

import static dev.helpdesk.core.escalation.World.ANA;
import static dev.helpdesk.core.escalation.World.CAROL;
import static dev.helpdesk.core.escalation.World.OFFICE_HOURS;
import static dev.helpdesk.core.escalation.World.ok;
import static dev.helpdesk.core.escalation.World.rule;
import static dev.helpdesk.core.escalation.World.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.notification.Templates;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Recipient;
import dev.helpdesk.spi.notification.Topic;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Notices told as small stories: languages, fallback, working hours. */
class NotificationStoriesTest {

    private static World escalatingOnUrgent(boolean urgentNotice) {
        return new World(b -> b.customerLanguages((tenant, customer) -> customer.value().equals("carol")
                ? Optional.of(Locale.forLanguageTag("ru")) : Optional.empty()).escalationRules(
                rule("urgent", r -> r.on(TicketTrigger.PRIORITY_CHANGED)
                        .then(new Action.RaiseTier(Optional.empty()), new Action.NotifyRole("supervisor", urgentNotice),
                                new Action.NotifyCustomer())
                        .reason("Urgent tickets go up a tier"))));
    }

    private static Notification to(World w, String id) {
        return w.notices.stream().filter(n -> n.recipient().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void every_holder_of_the_role_is_told_in_their_own_language_falling_back_to_english() {
        World w = escalatingOnUrgent(true)
                .agent("sam", a -> a.tiers(Tier.L2).roles("supervisor").languages("nl"))
                .agent("sol", a -> a.tiers(Tier.L2).roles("supervisor").languages("es-MX"))
                .agent("sva", a -> a.tiers(Tier.L2).roles("supervisor").languages("ru"))
                .agent("sie", a -> a.tiers(Tier.L2).roles("supervisor").languages("de"))
                .agent("ana", a -> a.tiers(Tier.L1).languages("nl"));
        var ticket = w.open(CAROL);

        ok(w.tickets.changePriority(ticket.id(), Priority.URGENT, ANA));

        assertEquals(5, w.notices.size(), "four supervisors and the customer");
        assertEquals("[#1] Geëscaleerd: Printer offline", to(w, "sam").subject());
        assertEquals("[#1] Escalado: Printer offline", to(w, "sol").subject());
        assertEquals("[#1] Эскалация: Printer offline", to(w, "sva").subject());
        assertEquals("[#1] Escalated: Printer offline", to(w, "sie").subject());
        assertEquals(Locale.ENGLISH, to(w, "sie").locale(), "no German texts: English");
        assertTrue(to(w, "sam").body().contains("Niveau L2"), to(w, "sam").body());
        assertTrue(to(w, "sam").body().contains("geëscaleerd door regel urgent: Urgent tickets go up a tier"));
    }

    @Test
    void the_customer_is_told_in_their_language_without_the_desks_reasons() {
        World w = escalatingOnUrgent(true);
        var ticket = w.open(CAROL);

        ok(w.tickets.changePriority(ticket.id(), Priority.URGENT, ANA));

        Notification notice = w.notices.get(0);
        assertEquals(new Recipient.Customer(CustomerId.of("carol")), notice.recipient());
        assertEquals("Ваше обращение #1: Printer offline", notice.subject());
        assertTrue(notice.body().contains("передано нашим специалистам"));
        assertTrue(!notice.body().contains("Urgent tickets go up a tier"), "the reason is the desk's");
    }

    @Test
    void a_non_urgent_notice_waits_for_the_recipients_working_hours() {
        World w = escalatingOnUrgent(false)
                .agent("sam", a -> a.tiers(Tier.L2).roles("supervisor").languages("nl").workingHours(OFFICE_HOURS, true));
        var ticket = w.open(CAROL);
        w.at("Mon 19:30");

        ok(w.tickets.changePriority(ticket.id(), Priority.URGENT, ANA));

        assertTrue(w.notices.stream().noneMatch(n -> n.recipient().id().equals("sam")), "sam is off duty");
        assertEquals(List.of(t("Tue 09:00")), w.desk.waitingNotices().stream().map(Notification::sendAt).toList());
        w.runDueAt("Tue 08:59");
        assertTrue(w.notices.stream().noneMatch(n -> n.recipient().id().equals("sam")));
        w.runDueAt("Tue 09:01");
        Notification delivered = to(w, "sam");
        assertEquals(t("Mon 19:30"), delivered.createdAt());
        assertEquals(t("Tue 09:00"), delivered.sendAt());
        assertTrue(w.desk.waitingNotices().isEmpty());
    }

    @Test
    void a_held_notice_is_kept_by_the_store_so_a_desk_started_later_on_it_sends_it() {
        World w = escalatingOnUrgent(false)
                .agent("sam", a -> a.tiers(Tier.L2).roles("supervisor").languages("nl").workingHours(OFFICE_HOURS, true));
        var ticket = w.open(CAROL);
        w.at("Mon 19:30");
        ok(w.tickets.changePriority(ticket.id(), Priority.URGENT, ANA));
        assertEquals(1, w.store.heldNotices().held().size(), "held beside the tickets, not inside the desk");

        // the instance that held it stops; another one on the same store sends it in the morning
        List<Notification> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.helpdesk.core.Helpdesk restarted = dev.helpdesk.core.Helpdesk.builder().store(w.store).clock(w.clock)
                .agents(w.agents).plugin(new dev.helpdesk.spi.notification.Notifier() {
                    @Override
                    public String name() {
                        return "after-restart";
                    }

                    @Override
                    public void deliver(Notification notification) {
                        sent.add(notification);
                    }
                }).build();
        w.at("Tue 09:01");
        restarted.runDue(w.clock.instant());

        assertEquals(List.of("sam"), sent.stream().map(n -> n.recipient().id()).toList());
        assertTrue(w.store.heldNotices().held().isEmpty());
        w.desk.runDue(w.clock.instant());
        assertTrue(w.notices.stream().noneMatch(n -> n.recipient().id().equals("sam")), "sent once");
    }

    @Test
    void an_urgent_notice_reaches_the_recipient_at_once_outside_working_hours() {
        World w = escalatingOnUrgent(true)
                .agent("sam", a -> a.tiers(Tier.L2).roles("supervisor").workingHours(OFFICE_HOURS, true));
        var ticket = w.open(CAROL);
        w.at("Sat 03:00");

        ok(w.tickets.changePriority(ticket.id(), Priority.URGENT, ANA));

        assertTrue(to(w, "sam").urgent());
        assertEquals(t("Sat 03:00"), to(w, "sam").sendAt());
    }

    @Test
    void an_agent_who_did_not_ask_to_wait_is_told_at_once() {
        World w = escalatingOnUrgent(false)
                .agent("sam", a -> a.tiers(Tier.L2).roles("supervisor").workingHours(OFFICE_HOURS, false));
        var ticket = w.open(CAROL);
        w.at("Sat 03:00");

        ok(w.tickets.changePriority(ticket.id(), Priority.URGENT, ANA));

        assertEquals(Topic.ESCALATION, to(w, "sam").topic());
        assertEquals(t("Sat 03:00"), to(w, "sam").sendAt());
    }

    @Test
    void a_host_adds_a_language_and_replaces_a_text() {
        Templates templates = Templates.defaults()
                .with(Locale.GERMAN, Map.of("escalation.subject", "[{number}] Eskaliert: {subject}"))
                .with(Locale.ENGLISH, Map.of("role_line", "(as {role})"));
        World w = new World(b -> b.notificationTemplates(templates).escalationRules(rule("r", x -> x.on(TicketTrigger.OPENED)
                .then(new Action.NotifyRole("supervisor", false)).reason("new ticket"))))
                .agent("sie", a -> a.tiers(Tier.L2).roles("supervisor").languages("de"))
                .agent("sue", a -> a.tiers(Tier.L2).roles("supervisor").languages("en"));

        w.open(CAROL);

        assertEquals("[#1] Eskaliert: Printer offline", to(w, "sie").subject());
        assertTrue(to(w, "sie").body().startsWith("Hello sie,"), "German falls back to English text by text");
        assertTrue(to(w, "sue").body().contains("(as supervisor)"));
    }

    @Test
    void a_failing_notifier_never_breaks_the_command() {
        World w = new World(b -> b.plugin(new dev.helpdesk.spi.notification.Notifier() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void deliver(Notification notification) {
                throw new IllegalStateException("mail server down");
            }
        }).escalationRules(rule("r", x -> x.on(TicketTrigger.OPENED).then(new Action.NotifyCustomer()).reason("ack"))));

        var ticket = w.open(CAROL);

        assertEquals(1, w.firings(ticket.id()).size());
        assertEquals(1, w.notices.size(), "the other notifier still got it");
    }
}
