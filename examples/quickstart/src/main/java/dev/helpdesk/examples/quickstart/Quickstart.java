package dev.helpdesk.examples.quickstart;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A day at the help desk: two tenants, tickets from five channels, agents and customers
 * working them through the whole lifecycle. Prints a timeline and a summary table.
 */
public final class Quickstart {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);

    private final PrintStream out;
    private final String where;
    private final LocalDate day;
    private final SettableClock clock;
    private final Timeline timeline;
    private final Helpdesk desk;

    private final Actor ana = Actor.agent("ana");
    private final Actor ben = Actor.agent("ben");
    private final Actor carol = Actor.customer("carol");
    private final Actor dave = Actor.customer("dave");
    private final Actor erin = Actor.customer("erin");
    private final Actor frank = Actor.customer("frank");
    private final Actor gina = Actor.customer("gina");
    private final Actor hank = Actor.customer("hank");

    Quickstart(PrintStream out, TicketStore store, String where) {
        this.out = out;
        this.where = where;
        this.day = nextDay(store);
        this.clock = SettableClock.at(day.atTime(8, 0).atZone(ZONE).toInstant());
        this.timeline = new Timeline(out, ZONE, (tenant, id) -> store.find(tenant, id).map(Ticket::number).getOrNull());
        this.desk = Helpdesk.builder()
                .store(store)
                .clock(clock)
                .autoCloseAfter(Duration.ofHours(6))
                .plugin(timeline)
                .build();
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
                .category(Category.TROUBLESHOOTING).priority(Priority.HIGH).requester(id(gina)).build(), gina));
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
        at("10:45");
        ok(saas.assign(api.id(), agent(ben), ben));
        ok(saas.changeTier(api.id(), Tier.L2, "needs the export service specialist", ben));
        ok(saas.reply(api.id(), "We reproduced it and are working on a fix.", Channel.EMAIL, ben));
        at("11:02");
        ok(shop.assign(router.id(), agent(ben), ben));
        ok(shop.reply(router.id(), "We asked the manufacturer about this firmware.", Channel.EMAIL, ben));
        ok(shop.setOnHold(router.id(), ben));
        at("11:40");
        ok(shop.reply(invoice.id(), "Here it is: 2026-03-01 CARD 49.90 ACME SHOP (twice).", Channel.EMAIL, carol));
        at("12:15");
        ok(shop.reply(invoice.id(), "Refund of 49.90 issued; you will see it within 3 days.", Channel.EMAIL, ana));
        ok(shop.solve(invoice.id(), ana));
        at("12:40");
        ok(shop.reply(login.id(), "The link had expired by the time I tried it.", Channel.EMAIL, dave));
        at("12:55");
        ok(shop.reply(login.id(), "New link sent, valid for 24 hours.", Channel.EMAIL, ben));
        ok(shop.solve(login.id(), ben));
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

        at("18:30");
        out.println("-- 18:30 end of day: timed work --");
        var run = desk.runDue(clock.instant());
        desk.deliverEvents(clock.instant());
        out.println("runDue: " + run.claimed() + " due, " + run.changed() + " closed automatically");

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

        out.println();
        summary("acme", shop);
        summary("globex", saas);
        desk.deliverEvents(clock.instant());
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

    private void at(String time) {
        // events wait in the store's outbox until delivered; deliver them before time moves on
        desk.deliverEvents(clock.instant());
        clock.set(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
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
