package dev.helpdesk.examples.quickstart;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.RemoteDesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.VisitDesk;
import dev.helpdesk.core.remote.ConsentInvitation;
import dev.helpdesk.core.remote.RemoteSettings;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.visit.VisitRequest;
import dev.helpdesk.core.visit.VisitSettings;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.Consent;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.RemoteSession;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitSlot;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The field day of a third tenant, Initech: a scanner that no remote fix could save. The agent
 * asks the customer for consent to a remote session, the customer grants it with the link (in
 * Dutch, her language), the agent works on the device and records what was done, and a second
 * click on the same link is refused. The remote session shows a broken USB controller, so a
 * technician's visit is planned within two business days (the visit policy allows it after the
 * remote session), another visit at the same time for the same technician is refused, and the
 * visit is rescheduled once
 * when the spare part is late; the customer is told in Dutch. The next day the technician
 * replaces the controller and files the visit report.
 *
 * <p>It runs on the quickstart's store (in memory, or the database the demo was started with, so
 * the consent, the session and the visit are stored there beside the main day's tickets), as the
 * tenant initech with its own desk settings: remote sessions, visits, and the customer's
 * language; the main day's tenants and numbers are not touched.
 */
final class FieldDay {
    private static final TenantId INITECH = TenantId.of("initech");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH).withZone(ZONE);
    /** The host's secret that signs consent links; a real host keeps it in its secret store, never in code. */
    private static final byte[] SECRET = "quickstart consent-link secret, 32+ bytes".getBytes(StandardCharsets.UTF_8);

    private final PrintStream out;
    private final LocalDate day;
    private final SettableClock clock;
    private final Helpdesk desk;
    private final Actor ana = Actor.agent("ana");
    private final Actor ivy = Actor.customer("ivy");
    private final Actor jon = Actor.customer("jon");

    FieldDay(PrintStream out, LocalDate day, dev.helpdesk.spi.ticket.TicketStore store) {
        this.out = out;
        this.day = day;
        this.clock = SettableClock.at(day.atTime(9, 0).atZone(ZONE).toInstant());
        InMemoryAgentDirectory staff = new InMemoryAgentDirectory();
        staff.put(INITECH, AgentProfile.builder("ana").tiers(Tier.L1).build());
        staff.put(INITECH, AgentProfile.builder("tom").displayName("Tom (field technician)").tiers(Tier.L2)
                .skills("scanners", "region:utrecht").build());
        Notifier toCustomers = new Notifier() {
            @Override
            public String name() {
                return "field-notices";
            }

            @Override
            public void deliver(Notification n) {
                out.println("        notice to " + n.recipient().id() + " (" + n.locale().getLanguage() + "): " + n.subject());
                n.body().lines().filter(l -> l.startsWith("Reden") || l.contains("verplaatst naar"))
                        .forEach(l -> out.println("          " + l));
            }
        };
        this.desk = Helpdesk.builder()
                .store(store)
                .clock(clock)
                .agents(staff)
                .customerLanguages((tenant, customer) -> Optional.ofNullable(
                        Map.of("ivy", Locale.forLanguageTag("nl")).get(customer.value())))
                .calendars(java.util.List.of(Quickstart.OFFICE_HOURS))
                .remoteSessions(RemoteSettings.builder().secret(SECRET).linkLifetime(Duration.ofHours(4)).build())
                .visits(VisitSettings.builder().calendar(Quickstart.OFFICE_HOURS).target(Duration.ofHours(16)).build())
                .plugin(toCustomers)
                .build();
    }

    void run() {
        out.println();
        out.println("Field day at initech - a remote session with consent, then a technician on site");
        out.println("-".repeat(78));
        TicketDesk tickets = desk.tenant(INITECH).tickets();
        RemoteDesk remote = desk.tenant(INITECH).remote();
        VisitDesk visits = desk.tenant(INITECH).visits();

        at(9, 0);
        Ticket scanner = ok(tickets.open(TicketCommand.open().subject("Scanner not detected after update")
                .body("Since this morning's update the scanner is not found.").channel(Channel.PHONE)
                .category(Category.TROUBLESHOOTING).requester(CustomerId.of("ivy")).build(), ana));
        say("ana opens " + scanner.number() + " \"" + scanner.subject() + "\" for ivy on the phone");
        Rejection tooEarly = visits.plan(scanner.id(), new VisitRequest(AgentId.of("tom"), "scanners", "utrecht", office(),
                slot(1, 10)), ana).getLeft();
        say("a visit right away is refused: " + tooEarly.message());

        at(9, 5);
        ConsentInvitation invitation = ok(remote.requestConsent(scanner.id(), "reinstall the scanner driver",
                ConsentScope.CONTROL, Duration.ofMinutes(30), ana));
        say("ana asks for consent (control, 30 min); the link expires " + TIME.format(invitation.expiresAt()));
        say("consent text for ivy (" + invitation.locale().getLanguage() + "): " + invitation.subject());
        invitation.text().lines().filter(l -> l.startsWith("Doel") || l.startsWith("Toegang"))
                .forEach(l -> out.println("          " + l));

        at(9, 7);
        Consent granted = ok(remote.answerByLink(invitation.token(), true));
        say("ivy grants it with the link: consent " + granted.status() + " until "
                + TIME.format(granted.grantedUntil().orElseThrow()));
        RemoteSession session = ok(remote.start(scanner.id(), invitation.consent(), "remote-assist", ana));
        say("ana starts a remote session with " + session.tool());
        at(9, 15);
        ok(remote.record(scanner.id(), session.id(), "reinstalled the scanner driver", ana));
        ok(remote.record(scanner.id(), session.id(), "device manager: USB controller reports hardware fault", ana));
        say("ana records 2 actions");
        at(9, 20);
        Rejection reused = remote.answerByLink(invitation.token(), false).getLeft();
        say("the same link clicked again: " + reused.message());
        at(9, 25);
        RemoteSession ended = ok(remote.end(scanner.id(), session.id(), ana));
        say("ana ends the session: " + ended.actions().size() + " actions, ended " + ended.end().orElseThrow());

        at(9, 30);
        Visit visit = ok(visits.plan(scanner.id(), new VisitRequest(AgentId.of("tom"), "scanners", "utrecht", office(),
                slot(1, 10)), ana));
        say("visit planned: tom at " + visit.address().city() + ", " + range(visit.slot()) + ", SLA target "
                + TIME.format(visit.dueBy()));
        Ticket other = ok(tickets.open(TicketCommand.open().subject("Printer jams").body("Every tenth page jams.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("jon")).build(), jon));
        Rejection clash = visits.plan(other.id(), new VisitRequest(AgentId.of("tom"), "scanners", "utrecht", office(),
                slot(1, 11)), ana).getLeft();
        say("tom again at " + range(slot(1, 11)) + " for " + other.number() + ": refused, " + clash.message());
        at(9, 40);
        ok(visits.confirm(scanner.id(), visit.id(), ivy));
        say("ivy confirms the visit");
        at(11, 0);
        Visit moved = ok(visits.reschedule(scanner.id(), visit.id(), slot(1, 14),
                "de nieuwe USB-controller komt pas om 12:00 binnen", ana));
        say("rescheduled to " + range(moved.slot()) + " (" + moved.reschedules() + " time)");

        clock.set(day.plusDays(1).atTime(15, 50).atZone(ZONE).toInstant());
        Visit done = ok(visits.complete(scanner.id(), visit.id(),
                "Replaced the USB controller; scanner detected, test scan OK.", Actor.agent("tom")));
        say("tom files the visit report: \"" + done.report().orElseThrow() + "\"; "
                + (done.withinTarget() ? "within" : "past") + " its SLA target");

        out.println("Field work on " + scanner.number() + ": " + String.join(", ", ok(tickets.history(scanner.id(), ana))
                .stream().map(RecordedEvent::event).filter(FieldDay::isFieldWork).map(TicketEvent::kind).toList()));
    }

    private static boolean isFieldWork(TicketEvent e) {
        return e.kind().startsWith("consent_") || e.kind().startsWith("remote_") || e.kind().startsWith("visit_");
    }

    private static Address office() {
        return Address.builder().street("Oudegracht 120").postalCode("3511 AW").city("Utrecht").country("NL")
                .notes("second floor, reception").build();
    }

    /** A two-hour slot starting at a whole hour, days after the field day. */
    private VisitSlot slot(int days, int hour) {
        return VisitSlot.of(day.plusDays(days).atTime(hour, 0).atZone(ZONE).toInstant(), Duration.ofHours(2));
    }

    private static String range(VisitSlot s) {
        return TIME.format(s.start()) + "-" + DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE).format(s.end());
    }

    private void at(int hour, int minute) {
        clock.set(day.atTime(hour, minute).atZone(ZONE).toInstant());
    }

    private void say(String what) {
        Instant now = clock.instant();
        out.println(DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE).format(now) + "  " + what);
    }

    private static <T> T ok(Either<Rejection, T> result) {
        if (result.isLeft()) {
            throw new IllegalStateException(result.getLeft().message());
        }
        return result.get();
    }
}
