package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The same mail delivered at once by several pollers, each a desk of its own on one database
 * (several host instances), is recorded once: one ticket with one message, every other delivery
 * answered {@code Duplicate}; then the reply, delivered the same way, adds one message.
 */
class JdbcIntakeRaceTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final int HOSTS = 6;

    static final class Crm implements CustomerDirectory {
        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return Optional.of(CustomerId.of("ana"));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }

    private static InboundMessage mail(String id, String subject, String text, String... references) {
        InboundMessage.Builder b = InboundMessage.builder().channel(Channel.EMAIL).tenant(ACME)
                .endpoint(EndpointId.of("support@acme.example")).sender(ContactAddress.email("ana@example.com"))
                .subject(subject).text(text).externalId(ExternalMessageId.of(id))
                .receivedAt(Instant.parse("2026-03-02T09:00:00Z")).rawSize(100);
        for (String r : references) {
            b.addReferences(ExternalMessageId.of(r));
        }
        return b.build();
    }

    private static void raceOn(DataSource database) throws Exception {
        List<Helpdesk> hosts = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            hosts.add(Helpdesk.builder().store(JdbcStores.create(database)).plugin(new Crm()).build());
        }
        List<IntakeOutcome> first = race(hosts, mail("race-1@example.com", "Printer offline", "Nothing prints."));
        List<IntakeOutcome> reply = race(hosts, mail("race-2@example.com", "Re: Printer offline", "Still nothing.",
                "race-1@example.com"));

        assertEquals(1, first.stream().filter(o -> o instanceof IntakeOutcome.Opened).count(), first.toString());
        assertEquals(HOSTS - 1, first.stream().filter(o -> o instanceof IntakeOutcome.Duplicate).count(), first.toString());
        assertEquals(1, reply.stream().filter(o -> o instanceof IntakeOutcome.Replied).count(), reply.toString());
        assertEquals(HOSTS - 1, reply.stream().filter(o -> o instanceof IntakeOutcome.Duplicate).count(), reply.toString());
        List<Ticket> tickets = hosts.get(0).tenant(ACME).tickets().list(TicketQuery.all(), PageRequest.first(50),
                Actor.agent("ben")).get().items();
        assertEquals(1, tickets.size());
        assertEquals(List.of("Nothing prints.", "Still nothing."),
                tickets.get(0).messages().stream().map(m -> m.body()).toList());
    }

    private static List<IntakeOutcome> race(List<Helpdesk> hosts, InboundMessage message) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(hosts.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IntakeOutcome>> futures = new ArrayList<>();
            for (Helpdesk host : hosts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return host.intake().accept(message);
                }));
            }
            start.countDown();
            List<IntakeOutcome> outcomes = new ArrayList<>();
            for (Future<IntakeOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hosts_racing_with_one_mail_on_h2_record_it_once() throws Exception {
        raceOn(JdbcStores.dataSource("jdbc:h2:mem:intake-race;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void hosts_racing_with_one_mail_on_postgresql_record_it_once() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            raceOn(pg.getPostgresDatabase());
        }
    }
}
