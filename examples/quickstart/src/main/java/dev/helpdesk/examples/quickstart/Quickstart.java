package dev.helpdesk.examples.quickstart;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.Condition;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Operator;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.routing.SkillRequirement;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A day at the help desk: two tenants, tickets from five channels, agents and customers
 * working them through the whole lifecycle under service levels measured in the office's
 * business hours. The host's scheduler runs the desk's timed work every five minutes, so SLA
 * warnings and breaches appear in the timeline as they happen. The SaaS tenant's platform team
 * is routed by skills: an urgent ticket that nobody answers climbs from L1 to L2 to L3 on its
 * SLA breaches, its Dutch supervisor is told in Dutch, and it waits in the queue until an L2
 * agent frees up. Prints the timeline, a summary table and every ticket's SLA clocks.
 */
public final class Quickstart {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
    private static final Duration SCHEDULER_PERIOD = Duration.ofMinutes(5);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final CalendarId OFFICE = CalendarId.of("amsterdam-office");

    /** The office: Monday to Friday 09:00-17:00 in Amsterdam, closed on the Dutch public holidays of 2026. */
    static final BusinessCalendar OFFICE_HOURS = BusinessCalendar.builder().id(OFFICE).zone(ZONE)
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00")
            .holidays(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                    LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 14),
                    LocalDate.of(2026, 5, 25), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)))
            .build();
    /** High and urgent tickets: an answer within a business hour, an update every four, solved within a day. */
    static final SlaPolicy HIGH = SlaPolicy.builder("high").whenPriority(Priority.HIGH, Priority.URGENT)
            .firstResponse(SlaTarget.businessHours(1, OFFICE)).nextResponse(SlaTarget.businessHours(1, OFFICE))
            .periodicUpdate(SlaTarget.businessHours(4, OFFICE)).resolution(SlaTarget.businessHours(8, OFFICE))
            .warnAt(75, 90).build();
    /** Urgent tickets: an answer within half a business hour, solved within two business hours. */
    static final SlaPolicy URGENT = SlaPolicy.builder("urgent").whenPriority(Priority.URGENT)
            .firstResponse(SlaTarget.businessTime(Duration.ofMinutes(30), OFFICE))
            .resolution(SlaTarget.businessHours(2, OFFICE))
            .warnAt(75).build();
    /** Everything else: an answer within four business hours, solved within two business days. */
    static final SlaPolicy NORMAL = SlaPolicy.builder("normal")
            .firstResponse(SlaTarget.businessHours(4, OFFICE)).nextResponse(SlaTarget.businessHours(4, OFFICE))
            .resolution(SlaTarget.businessHours(16, OFFICE))
            .warnAt(75).build();

    static final GroupId PLATFORM = GroupId.of("platform");
    /** Functional escalation to L2 and hierarchical escalation to the supervisor on a missed first response. */
    static final EscalationRule FIRST_RESPONSE_TO_L2 = EscalationRule.builder("l2-on-breach")
            .on(new Trigger.SlaBreach(ClockKind.FIRST_RESPONSE))
            .when(Condition.test("group", Operator.IS, PLATFORM.value()))
            .then(new Action.RaiseTier(Optional.of(Tier.L2)), new Action.NotifyRole("supervisor", false))
            .reason("No first response in time: a specialist takes over")
            .build();
    /** On to L3, and an urgent notice to the supervisor, when the ticket is not solved in time. */
    static final EscalationRule RESOLUTION_TO_L3 = EscalationRule.builder("l3-on-breach")
            .on(new Trigger.SlaBreach(ClockKind.RESOLUTION))
            .when(Condition.test("group", Operator.IS, PLATFORM.value()))
            .then(new Action.RaiseTier(Optional.of(Tier.L3)), new Action.NotifyRole("supervisor", true))
            .reason("Not solved in time: the platform engineers take over")
            .build();

    private final PrintStream out;
    private final TicketStore store;
    private final String where;
    private final LocalDate day;
    private final SettableClock clock;
    private final Timeline timeline;
    private final NoticeBoard notices;
    private final Helpdesk desk;

    private final Actor ana = Actor.agent("ana");
    private final Actor ben = Actor.agent("ben");
    private final Actor carol = Actor.customer("carol");
    private final Actor dave = Actor.customer("dave");
    private final Actor erin = Actor.customer("erin");
    private final Actor frank = Actor.customer("frank");
    private final Actor gina = Actor.customer("gina");
    private final Actor hank = Actor.customer("hank");
    /** Globex's customer portal: it files tickets for its customers with the priority and team it chose. */
    private final Actor portal = Actor.integration("globex-portal");
    private final Actor lars = Actor.agent("lars");
    private final Actor olga = Actor.agent("olga");

    Quickstart(PrintStream out, TicketStore store, String where) {
        this.out = out;
        this.store = store;
        this.where = where;
        this.day = nextDay(store);
        this.clock = SettableClock.at(day.atTime(8, 0).atZone(ZONE).toInstant());
        this.notices = new NoticeBoard(out, ZONE);
        this.timeline = new Timeline(out, ZONE, (tenant, id) -> store.find(tenant, id).map(Ticket::number).getOrNull(),
                notices);
        Helpdesk.Builder builder = Helpdesk.builder();
        if (store instanceof JdbcTicketStore jdbc) {
            // notices held for office hours live in the database too (turns do by default: the store keeps them)
            builder.heldNotices(jdbc.heldNotices());
        }
        this.desk = builder
                .store(store)
                .clock(clock)
                .autoCloseAfter(Duration.ofHours(6))
                .calendars(List.of(OFFICE_HOURS))
                .slaPolicies(URGENT, HIGH, NORMAL)
                .agents(platformTeam())
                .routing(GroupRouting.automatic(PLATFORM.value(), "skills"))
                .skills(SkillRequirement.of(Category.TROUBLESHOOTING, "exports"))
                .escalationRules(FIRST_RESPONSE_TO_L2, RESOLUTION_TO_L3)
                .plugin(timeline)
                .plugin(notices)
                .build();
    }

    /**
     * The SaaS tenant's platform team, as the host's user directory describes it: two first-line
     * agents (one knows exports), one specialist with room for one ticket, one engineer, and a
     * Dutch supervisor who reads non-urgent notices in office hours only.
     */
    private static InMemoryAgentDirectory platformTeam() {
        TenantId globex = TenantId.of("globex");
        InMemoryAgentDirectory team = new InMemoryAgentDirectory();
        for (AgentProfile.Builder agent : List.of(
                AgentProfile.builder("noor").tiers(Tier.L1).groups(PLATFORM.value()).skills("exports").languages("nl", "en")
                        .capacity(3),
                AgentProfile.builder("tim").tiers(Tier.L1).groups(PLATFORM.value()).skills("billing").languages("en").capacity(3),
                AgentProfile.builder("lars").tiers(Tier.L2).groups(PLATFORM.value()).skills("exports", "webhooks")
                        .languages("en").capacity(1),
                AgentProfile.builder("olga").tiers(Tier.L3).groups(PLATFORM.value()).skills("exports").languages("ru", "en")
                        .capacity(2),
                AgentProfile.builder("sanne").displayName("Sanne").tiers(Tier.L2).roles("supervisor").languages("nl")
                        .workingHours(OFFICE_HOURS, true))) {
            team.put(globex, agent.build());
        }
        return team;
    }

    /**
     * Runs the day.
     *
     * @param args {@code --jdbc-url URL [--user U --password P]} or {@code --in-memory}; by
     *             default an H2 database in {@code ./data/helpdesk-demo}, so a second run
     *             continues with the next day
     */
    public static void main(String[] args) {
        DemoOptions options = DemoOptions.parse(args);
        new Quickstart(System.out, options.store(), options.describe()).run();
        // email: a round trip through a mail server the example starts itself
        new MailRoundTrip(System.out).run();
    }

    /** The day after the last one already in the store (weekends skipped), so runs continue. */
    private static LocalDate nextDay(TicketStore store) {
        LocalDate last = null;
        java.util.Optional<PageRequest> page = java.util.Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            var result = store.list(TenantId.of("acme"), TicketQuery.all(), page.get());
            for (Ticket t : result.items()) {
                LocalDate d = t.createdAt().atZone(ZONE).toLocalDate();
                last = last == null || d.isAfter(last) ? d : last;
            }
            page = result.next();
        }
        if (last == null) {
            return FIRST_DAY;
        }
        LocalDate next = last.plusDays(1);
        while (next.getDayOfWeek().getValue() > 5) {
            next = next.plusDays(1);
        }
        return next;
    }

    void run() {
        out.println("A day at the help desk - " + day + ", " + ZONE + " - tickets stored " + where);
        out.println("=".repeat(78));
        TicketDesk shop = desk.tenant(TenantId.of("acme")).tickets();
        TicketDesk saas = desk.tenant(TenantId.of("globex")).tickets();

        at("08:55");
        Ticket invoice = ok(shop.open(ticket(carol, "Invoice charged twice",
                "My card was charged twice for invoice 2026-0114.", Channel.EMAIL, Category.BILLING), carol));
        at("09:10");
        Ticket login = ok(shop.open(ticket(dave, "Cannot log in after password change",
                "Caller says the new password is refused.", Channel.PHONE, Category.ACCOUNT), ana));
        at("09:20");
        Ticket order = ok(shop.open(ticket(erin, "Where is my order?",
                "Order 5531 was due yesterday.", Channel.LIVE_CHAT, Category.ORDERS_AND_SHIPPING), erin));
        at("09:31");
        Ticket router = ok(shop.open(ticket(frank, "Router keeps rebooting",
                "Every ten minutes, since the firmware update.", Channel.WEB_FORM, Category.TROUBLESHOOTING), frank));
        at("09:40");
        Ticket duplicate = ok(shop.open(ticket(carol, "Charged twice?!",
                "Sent an email already, still no refund.", Channel.SELF_SERVICE, Category.BILLING), carol));
        at("09:45");
        Ticket api = ok(saas.open(TicketCommand.open().subject("API returns 500 on /export")
                .body("Since 09:30 every export fails.").channel(Channel.SELF_SERVICE)
                .category(Category.TROUBLESHOOTING).priority(Priority.HIGH).requester(id(gina)).build(), portal));
        at("09:50");
        Ticket upgrade = ok(saas.open(ticket(hank, "Upgrade to the team plan",
                "How do I move my three seats to the team plan?", Channel.EMAIL, Category.BILLING), hank));

        at("10:05");
        ok(shop.assign(invoice.id(), agent(ana), ana));
        ok(shop.note(invoice.id(), "Payment provider shows two captures; refund needs the bank statement.", ana));
        ok(shop.reply(invoice.id(), "Sorry about that! Could you send us the bank statement line?", Channel.EMAIL, ana));
        ok(shop.setPending(invoice.id(), ana));
        at("10:12");
        ok(shop.merge(duplicate.id(), invoice.id(), ana));
        at("10:20");
        ok(shop.assign(login.id(), agent(ben), ben));
        ok(shop.reply(login.id(), "I sent you a reset link; it is valid for one hour.", Channel.PHONE, ben));
        ok(shop.solve(login.id(), ben));
        at("10:30");
        ok(shop.assign(order.id(), agent(ana), ana));
        ok(shop.reply(order.id(), "It left our warehouse this morning; track it with code NL-5531.", Channel.LIVE_CHAT, ana));
        ok(shop.solve(order.id(), ana));
        ok(shop.close(order.id(), ana));
        at("10:50");
        ok(saas.assign(api.id(), agent(ben), ben));
        ok(saas.changeTier(api.id(), Tier.L2, "needs the export service specialist", ben));
        ok(saas.reply(api.id(), "We reproduced it and are working on a fix.", Channel.EMAIL, ben));
        at("10:55");
        Ticket webhook = ok(saas.open(TicketCommand.open().subject("Webhook retries flood our endpoint")
                .body("Caller says each event arrives twenty times.").channel(Channel.EMAIL)
                .category(Category.TROUBLESHOOTING).tier(Tier.L2).group(PLATFORM).requester(id(hank)).build(), ben));
        at("11:00");
        Ticket export = ok(saas.open(TicketCommand.open().subject("Export lost half the rows")
                .body("Today's export has 4,812 rows instead of 9,650; the board meets at 14:00.").channel(Channel.EMAIL)
                .category(Category.TROUBLESHOOTING).priority(Priority.URGENT).group(PLATFORM).requester(id(gina)).build(), portal));
        at("11:02");
        ok(shop.assign(router.id(), agent(ben), ben));
        ok(shop.reply(router.id(), "We asked the manufacturer about this firmware.", Channel.EMAIL, ben));
        ok(shop.setOnHold(router.id(), ben));
        at("11:40");
        ok(shop.reply(invoice.id(), "Here it is: 2026-03-01 CARD 49.90 ACME SHOP (twice).", Channel.EMAIL, carol));
        at("11:45");
        ok(saas.reply(webhook.id(), "Retries now back off exponentially; please confirm.", Channel.EMAIL, lars));
        ok(saas.solve(webhook.id(), lars));
        at("12:15");
        ok(shop.reply(invoice.id(), "Refund of 49.90 issued; you will see it within 3 days.", Channel.EMAIL, ana));
        ok(shop.solve(invoice.id(), ana));
        at("12:40");
        ok(shop.reply(login.id(), "The link had expired by the time I tried it.", Channel.EMAIL, dave));
        at("12:55");
        ok(shop.reply(login.id(), "New link sent, valid for 24 hours.", Channel.EMAIL, ben));
        ok(shop.solve(login.id(), ben));
        at("13:20");
        ok(saas.reply(export.id(), "Found it: a paging bug in the exporter. Re-run fixed, all 9,650 rows are there.",
                Channel.EMAIL, olga));
        ok(saas.solve(export.id(), olga));
        at("13:30");
        ok(saas.assign(upgrade.id(), agent(ana), ana));
        ok(saas.reply(upgrade.id(), "Done: your three seats are on the team plan now.", Channel.EMAIL, ana));
        ok(saas.solve(upgrade.id(), ana));
        at("14:10");
        ok(shop.resume(router.id(), ben));
        ok(shop.reply(router.id(), "Firmware 2.1.4 fixes it; please update.", Channel.EMAIL, ben));
        ok(shop.solve(router.id(), ben));
        at("15:00");
        ok(saas.reply(api.id(), "Fixed in release 8.2.1, deployed 14:55.", Channel.EMAIL, ben));
        ok(saas.solve(api.id(), ben));
        at("16:20");
        Ticket followUp = ok(shop.reply(order.id(), "The parcel arrived damaged.", Channel.EMAIL, erin));

        at("17:00");
        desk.deliverEvents(clock.instant());
        clock.set(day.atTime(18, 30).atZone(ZONE).toInstant());
        out.println("-- 18:30 end of day: timed work --");
        var run = desk.runDue(clock.instant());
        desk.deliverEvents(clock.instant());
        out.println("runDue: " + run.claimed() + " due, " + run.changed() + " changed, " + run.events() + " events");

        out.println();
        out.println("What carol sees of " + invoice.number() + " (internal notes are never shown to customers):");
        for (Message m : ok(shop.get(invoice.id(), carol)).messages()) {
            out.println("  " + m.author().display() + ": " + m.body());
        }
        out.println("What the desk sees: " + ok(shop.get(invoice.id(), ana)).messages().size() + " messages, "
                + ok(shop.get(invoice.id(), carol)).messages().size() + " of them public.");
        Either<Rejection, Ticket> rejected = shop.note(invoice.id(), "I am not staff", carol);
        out.println("A customer writing an internal note: " + rejected.getLeft().message());
        out.println("Follow-up of closed " + order.number() + ": " + followUp.number() + " \"" + followUp.subject() + "\"");
        out.println("Escalations of " + export.number() + " at globex: " + ok(saas.history(export.id(), ana)).stream()
                .filter(r -> r.event() instanceof dev.helpdesk.spi.ticket.TicketEvent.TierChanged)
                .map(r -> ((dev.helpdesk.spi.ticket.TicketEvent.TierChanged) r.event()).to().name())
                .reduce("L1", (a, b) -> a + " -> " + b) + "; notices sent: " + notices.sent().size()
                + " (" + String.join(", ", notices.sent().stream().map(n -> n.recipient().id() + " in "
                        + n.locale().getDisplayLanguage(Locale.ENGLISH)).toList()) + ")");

        out.println();
        summary("acme", shop);
        summary("globex", saas);
        clocks("acme", shop, TenantId.of("acme"));
        clocks("globex", saas, TenantId.of("globex"));
        new DayReport(desk, day, ZONE, OFFICE_HOURS, out).write(java.nio.file.Path.of("target", "reports"));
        desk.deliverEvents(clock.instant());
        // channels: a hotline call, a chat that becomes a ticket, a forum post picked up
        new ChannelsDay(out, day).run();
        // remote sessions and on-site visits
        new FieldDay(out, day, store).run();
        new SelfService(out, store).run(); // knowledge base
        new ProblemDay(out, store, day).run(); // problems and the hand-off to developers
    }

    /** Every SLA clock of the day's tickets, as the desk computes them at the end of the day. */
    private void clocks(String tenant, TicketDesk tickets, TenantId id) {
        out.println("SLA clocks for " + tenant + " at " + DAY_TIME.format(clock.instant().atZone(ZONE))
                + " (business hours: Mon-Fri 09:00-17:00 " + ZONE + ")");
        String format = "  %-4s %-7s %-16s %-3s %-9s %-10s %8s %9s %7s%n";
        out.printf(format, "#", "policy", "clock", "cyc", "status", "due", "elapsed", "remaining", "paused");
        for (Ticket t : today(tickets)) {
            for (ClockState c : ok(desk.tenant(id).sla().clocks(t.id(), ana))) {
                out.printf(format, t.number(), c.policy(), c.kind().label(), c.cycle(), c.status(),
                        DAY_TIME.format(c.dueAt().atZone(ZONE)), hours(c.elapsed()), hours(c.remaining()),
                        c.paused().isZero() ? "-" : hours(c.paused()));
            }
        }
        out.println();
    }

    private List<Ticket> today(TicketDesk tickets) {
        List<Ticket> all = new java.util.ArrayList<>();
        java.util.Optional<PageRequest> page = java.util.Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            var result = ok(tickets.list(TicketQuery.all(), page.get(), ana));
            all.addAll(result.items());
            page = result.next();
        }
        return all.stream().filter(t -> t.createdAt().atZone(ZONE).toLocalDate().equals(day)).toList();
    }

    /** A duration as {@code 1h05}, negative when a clock ran past its target. */
    private static String hours(Duration d) {
        long minutes = Math.abs(d.toMinutes());
        return (d.isNegative() ? "-" : "") + minutes / 60 + "h" + String.format(Locale.ROOT, "%02d", minutes % 60);
    }

    private void summary(String tenant, TicketDesk tickets) {
        List<Ticket> all = new java.util.ArrayList<>();
        java.util.Optional<PageRequest> page = java.util.Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            var result = ok(tickets.list(TicketQuery.all(), page.get(), ana));
            all.addAll(result.items());
            page = result.next();
        }
        List<Ticket> today = all.stream().filter(t -> t.createdAt().atZone(ZONE).toLocalDate().equals(day)).toList();
        out.println("Summary for " + tenant + " (" + today.size() + " tickets today, " + (all.size() - today.size())
                + " from earlier days in the store)");
        String format = "  %-4s %-36s %-13s %-26s %-8s %-4s %-5s %-4s%n";
        out.printf(format, "#", "subject", "channel", "category", "status", "tier", "agent", "msgs");
        for (Ticket t : today) {
            out.printf(format, t.number(), abbreviate(t.subject(), 36), t.channel(), t.category(), t.status(), t.tier(),
                    t.assignee().map(AgentId::value).orElse("-"), t.messages().size());
        }
        out.println();
    }

    /**
     * Moves the day on to a time, as the host's scheduler sees it: the desk's timed work runs
     * every five minutes on the way (SLA warnings and breaches, automatic closes), and events
     * waiting in the store's outbox are delivered before time moves on.
     */
    private void at(String time) {
        Instant target = day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
        desk.deliverEvents(clock.instant());
        long period = SCHEDULER_PERIOD.toSeconds();
        Instant tick = Instant.ofEpochSecond((clock.instant().getEpochSecond() / period + 1) * period);
        for (; !tick.isAfter(target); tick = tick.plus(SCHEDULER_PERIOD)) {
            clock.set(tick);
            desk.runDue(tick);
            desk.deliverEvents(tick);
        }
        clock.set(target);
    }

    private static TicketCommand.Open ticket(Actor requester, String subject, String body, Channel channel, Category category) {
        return TicketCommand.open().subject(subject).body(body).channel(channel).category(category)
                .requester(id(requester)).build();
    }

    private static CustomerId id(Actor customer) {
        return ((Actor.Customer) customer).id();
    }

    private static AgentId agent(Actor agent) {
        return ((Actor.Agent) agent).id();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(r -> new IllegalStateException("unexpected rejection: " + r.message()));
    }
}
