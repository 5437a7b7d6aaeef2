package dev.helpdesk.spring.boot;

import static dev.helpdesk.spring.boot.Hosts.ACME;
import static dev.helpdesk.spring.boot.Hosts.CAROL;
import static dev.helpdesk.spring.boot.Hosts.opening;
import static org.assertj.core.api.Assertions.assertThat;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.knowledge.PostgresKnowledgeSearch;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spring.boot.actuate.HelpdeskHealthIndicator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter on PostgreSQL (embedded, started once for the class): the context starts, the
 * schema is installed, PostgreSQL's full-text search is chosen, and a command commits or rolls
 * back with the host's own write.
 */
class PostgresStarterTest {
    static EmbeddedPostgres postgres;
    static int databases;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(2)).start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    static String freshDatabase() throws Exception {
        String name = "starter_" + (++databases);
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            s.execute("ALTER DATABASE " + name + " SET timezone TO 'Asia/Kathmandu'");
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Configuration(proxyBeanMethods = false)
    static class Plugins {
        @Bean
        Hosts.Recorder recorder() {
            return new Hosts.Recorder();
        }
    }

    ApplicationContextRunner runner() throws Exception {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        HelpdeskAutoConfiguration.class, HelpdeskHealthAutoConfiguration.class))
                .withUserConfiguration(Plugins.class)
                .withPropertyValues("spring.datasource.url=" + freshDatabase(), "spring.datasource.username=postgres",
                        "helpdesk.scheduling.enabled=false");
    }

    @Test
    void the_context_starts_with_the_store_postgres_search_and_a_healthy_desk() throws Exception {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JdbcTicketStore.class).dialect().name()).isEqualTo("postgresql");
            assertThat(context.getBean(KnowledgeSearch.class)).isInstanceOf(PostgresKnowledgeSearch.class);
            assertThat(context.getBean(HelpdeskHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void a_command_rolls_back_and_commits_with_the_hosts_own_write() throws Exception {
        runner().run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE crm_customer (id VARCHAR(20) PRIMARY KEY)");
            Helpdesk desk = context.getBean(Helpdesk.class);
            JdbcTicketStore store = context.getBean(JdbcTicketStore.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);

            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO crm_customer (id) VALUES ('carol')");
                desk.tenant(ACME).tickets().open(opening("Rolled back"), CAROL).get();
                status.setRollbackOnly();
            });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_customer", Integer.class)).isZero();
            assertThat(store.list(ACME, TicketQuery.all(), PageRequest.first(10)).items()).isEmpty();

            Ticket kept = tx.execute(status -> {
                jdbc.update("INSERT INTO crm_customer (id) VALUES ('carol')");
                return desk.tenant(ACME).tickets().open(opening("Committed"), CAROL).get();
            });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_customer", Integer.class)).isEqualTo(1);
            assertThat(store.list(ACME, TicketQuery.all(), PageRequest.first(10)).items()).extracting(Ticket::id)
                    .containsExactly(kept.id());
            desk.deliverEvents(Instant.now());
            assertThat(context.getBean(Hosts.Recorder.class).events).extracting(e -> e.ticketId()).containsOnly(kept.id());
        });
    }
}
