package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.remote.RemoteSettings;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.visit.VisitRequest;
import dev.helpdesk.core.visit.VisitSettings;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.VisitSlot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A desk with remote sessions and visits: a secret, two technicians, customers' languages, a notice recorder. */
final class FieldFixture {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);
    static final Actor TOM = Actor.agent("tom");
    static final Actor UMA = Actor.agent("uma");
    static final Address OFFICE = Address.builder().street("Keizersgracht 1").postalCode("1015 CJ").city("Amsterdam")
            .country("NL").notes("third floor, ask for Carol").build();

    final List<Notification> notices = new CopyOnWriteArrayList<>();
    final InMemoryTicketStore store = new InMemoryTicketStore();
    final Fixture f;
    final RemoteDesk remote;
    final VisitDesk visits;

    FieldFixture() {
        this(UnaryOperator.identity());
    }

    FieldFixture(UnaryOperator<Helpdesk.Builder> more) {
        InMemoryAgentDirectory agents = new InMemoryAgentDirectory();
        agents.put(ACME, AgentProfile.builder("ana").tiers(Tier.L1).build());
        agents.put(ACME, AgentProfile.builder("tom").tiers(Tier.L2).skills("printers", "region:north").build());
        agents.put(ACME, AgentProfile.builder("uma").tiers(Tier.L2).skills("networks", "region:south").build());
        Map<String, Locale> languages = Map.of("carol", Locale.forLanguageTag("nl"), "dave", Locale.forLanguageTag("ru"),
                "frank", Locale.forLanguageTag("es"));
        Notifier recorder = new Notifier() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void deliver(Notification notification) {
                notices.add(notification);
            }
        };
        f = new Fixture(b -> more.apply(b.store(store).agents(agents).plugin(recorder)
                .customerLanguages((tenant, customer) -> Optional.ofNullable(languages.get(customer.value())))
                .remoteSessions(RemoteSettings.builder().secret(SECRET).build())
                .visits(VisitSettings.defaults())));
        remote = f.desk.tenant(ACME).remote();
        visits = f.desk.tenant(ACME).visits();
    }

    Instant now() {
        return f.clock.instant();
    }

    /** A two-hour slot starting some hours from now. */
    VisitSlot slotIn(int hours) {
        return VisitSlot.of(now().plus(Duration.ofHours(hours)), Duration.ofHours(2));
    }

    static VisitRequest tomAt(VisitSlot slot) {
        return new VisitRequest(AgentId.of("tom"), "printers", "north", OFFICE, slot);
    }

    List<String> kinds(TicketId ticket) {
        return Fixture.ok(f.acme.history(ticket, Fixture.ANA)).stream().map(RecordedEvent::event)
                .map(e -> e.kind()).toList();
    }
}
