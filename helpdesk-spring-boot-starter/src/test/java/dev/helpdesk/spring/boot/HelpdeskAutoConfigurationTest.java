package dev.helpdesk.spring.boot;

import static dev.helpdesk.spring.boot.Hosts.ACME;
import static dev.helpdesk.spring.boot.Hosts.CAROL;
import static dev.helpdesk.spring.boot.Hosts.eventually;
import static dev.helpdesk.spring.boot.Hosts.opening;
import static org.assertj.core.api.Assertions.assertThat;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.email.MailSettings;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.knowledge.JdbcKnowledgeSearch;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spring.boot.actuate.HelpdeskHealthIndicator;
import dev.helpdesk.spring.boot.actuate.HelpdeskMetrics;
import dev.helpdesk.spring.boot.scheduling.HelpdeskScheduler;
import dev.helpdesk.spring.boot.transaction.SpringTransactionRunner;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the starter registers on H2, what backs off for the application's beans, and the properties. */
class HelpdeskAutoConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    static class Plugins {
        @Bean
        Hosts.Recorder recorder() {
            return new Hosts.Recorder();
        }

        @Bean
        Hosts.Mailer mailer() {
            return new Hosts.Mailer();
        }
    }

    /** A host's own search: finds nothing. */
    static final class NoSearch implements KnowledgeSearch {
        @Override
        public String name() {
            return "no-search";
        }

        @Override
        public void index(dev.helpdesk.spi.knowledge.Article article) {
        }

        @Override
        public void remove(dev.helpdesk.spi.tenant.TenantId tenant, dev.helpdesk.spi.knowledge.ArticleId id) {
        }

        @Override
        public long rebuild(dev.helpdesk.spi.tenant.TenantId tenant, Iterable<dev.helpdesk.spi.knowledge.Article> articles) {
            return 0;
        }

        @Override
        public io.vavr.control.Either<dev.helpdesk.spi.rejection.Rejection, java.util.List<dev.helpdesk.spi.knowledge.SearchHit>> search(
                dev.helpdesk.spi.knowledge.KnowledgeQuery query) {
            return io.vavr.control.Either.right(java.util.List.of());
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    HelpdeskAutoConfiguration.class, HelpdeskHealthAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true", "helpdesk.scheduling.enabled=false");

    @Test
    void a_data_source_gets_the_jdbc_store_joining_spring_transactions_and_a_desk_with_every_part() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(JdbcTicketStore.class);
            assertThat(context.getBean(TransactionRunner.class)).isInstanceOf(SpringTransactionRunner.class);
            assertThat(context).hasSingleBean(Helpdesk.class);
            assertThat(context.getBean(KnowledgeSearch.class)).isInstanceOf(JdbcKnowledgeSearch.class);
            assertThat(context).hasSingleBean(dev.helpdesk.spi.knowledge.KnowledgeStore.class);
            assertThat(context).hasSingleBean(dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore.class);
            assertThat(context).hasSingleBean(dev.helpdesk.spi.notification.HeldNotices.class);
            assertThat(context).hasSingleBean(HelpdeskHealthIndicator.class);
            assertThat(context).hasSingleBean(HelpdeskMetrics.class);
            assertThat(context).hasSingleBean(MailSettings.class);
            assertThat(context).doesNotHaveBean(TenantDesk.class);
            Integer tables = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'hd_schema_history'", Integer.class);
            assertThat(tables).isEqualTo(1);
        });
    }

    @Test
    void every_bean_that_implements_a_plugin_interface_is_installed_on_the_desk() {
        runner.withUserConfiguration(Plugins.class).run(context -> {
            assertThat(context.getBean(Helpdesk.class).plugins()).extracting(HelpdeskPlugin::name)
                    .contains("host-recorder", "host-mailer", "micrometer-metrics",
                            context.getBean(KnowledgeSearch.class).name());
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStoreAndSearch {
        @Bean
        TicketStore memory() {
            return new InMemoryTicketStore();
        }

        @Bean
        KnowledgeSearch ownSearch() {
            return new NoSearch();
        }
    }

    @Test
    void the_applications_own_store_and_search_replace_the_defaults() {
        runner.withUserConfiguration(OwnStoreAndSearch.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(JdbcTicketStore.class);
            assertThat(context.getBean(KnowledgeSearch.class)).isInstanceOf(NoSearch.class);
            Helpdesk desk = context.getBean(Helpdesk.class);
            Ticket t = desk.tenant(ACME).tickets().open(opening("In memory"), CAROL).get();
            assertThat(context.getBean(TicketStore.class).find(ACME, t.id()).isDefined()).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDesk {
        static final Helpdesk DESK = Helpdesk.builder().build();

        @Bean
        Helpdesk ownDesk() {
            return DESK;
        }
    }

    @Test
    void the_applications_own_desk_replaces_the_starters() {
        runner.withUserConfiguration(OwnDesk.class).run(context ->
                assertThat(context.getBean(Helpdesk.class)).isSameAs(OwnDesk.DESK));
    }

    @Configuration(proxyBeanMethods = false)
    static class Customized {
        @Bean
        HelpdeskBuilderCustomizer categories() {
            return builder -> builder.autoCloseAfter(Duration.ofHours(5));
        }
    }

    @Test
    void properties_are_bound_and_customizers_run_after_them() {
        runner.withPropertyValues("helpdesk.tickets.auto-close-after=3d", "helpdesk.due.batch-size=17",
                "helpdesk.due.lease=90s", "helpdesk.tenant.default-id=acme", "helpdesk.outbox.enabled=false",
                "helpdesk.mail.sender-limit=5", "helpdesk.tenant.knowledge-fallbacks=nl,en").run(context -> {
            Helpdesk desk = context.getBean(Helpdesk.class);
            assertThat(desk.settings().autoCloseAfter()).isEqualTo(Duration.ofDays(3));
            assertThat(desk.settings().dueBatchSize()).isEqualTo(17);
            assertThat(desk.settings().dueLease()).isEqualTo(Duration.ofSeconds(90));
            assertThat(context.getBean(TenantDesk.class).tenant()).isEqualTo(ACME);
            assertThat(context.getBean(JdbcTicketStore.class).hasOutbox()).isFalse();
            assertThat(context.getBean(MailSettings.class).senderLimit()).isEqualTo(5);
        });
        runner.withUserConfiguration(Customized.class).withPropertyValues("helpdesk.tickets.auto-close-after=3d")
                .run(context -> assertThat(context.getBean(Helpdesk.class).settings().autoCloseAfter())
                        .isEqualTo(Duration.ofHours(5)));
    }

    @Test
    void schema_mode_none_leaves_the_tables_to_the_host() {
        runner.withPropertyValues("helpdesk.schema.mode=none").run(context -> {
            assertThat(context).hasNotFailed();
            Integer tables = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) LIKE 'hd_%'", Integer.class);
            assertThat(tables).isZero();
        });
    }

    @Test
    void schema_mode_flyway_without_flyway_on_the_class_path_stops_the_start_with_a_clear_message() {
        runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader("org.flywaydb"))
                .withPropertyValues("helpdesk.schema.mode=flyway").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("helpdesk.schema.mode=flyway needs Flyway");
                });
    }

    @Test
    void without_a_data_source_the_desk_keeps_its_tickets_in_memory() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HelpdeskAutoConfiguration.class))
                .withPropertyValues("helpdesk.scheduling.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(JdbcTicketStore.class);
                    Helpdesk desk = context.getBean(Helpdesk.class);
                    assertThat(desk.tenant(ACME).tickets().open(opening("No database"), CAROL).isRight()).isTrue();
                });
    }

    @Test
    void helpdesk_enabled_false_configures_nothing() {
        runner.withPropertyValues("helpdesk.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(Helpdesk.class);
            assertThat(context).doesNotHaveBean(JdbcTicketStore.class);
        });
    }

    @Test
    void scheduling_is_on_by_default_and_delivers_events_on_its_own_thread() {
        runner.withUserConfiguration(Plugins.class).withPropertyValues("helpdesk.scheduling.enabled=true",
                "helpdesk.scheduling.delivery-interval=100ms", "helpdesk.scheduling.due-interval=100ms").run(context -> {
            HelpdeskScheduler scheduler = context.getBean(HelpdeskScheduler.class);
            assertThat(scheduler.isRunning()).isTrue();
            Ticket t = context.getBean(Helpdesk.class).tenant(ACME).tickets().open(opening("Scheduled"), CAROL).get();
            Hosts.Recorder recorder = context.getBean(Hosts.Recorder.class);
            eventually(() -> recorder.events.stream().anyMatch(e -> e.ticketId().equals(t.id())));
            eventually(() -> scheduler.dueRuns() > 0);
            assertThat(scheduler.failures()).isZero();
        });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HelpdeskAutoConfiguration.class))
                .withPropertyValues("spring.datasource.generate-unique-name=true")
                .run(context -> assertThat(context).hasSingleBean(HelpdeskScheduler.class));
    }

    @Test
    void scheduling_enabled_false_schedules_nothing() {
        runner.withUserConfiguration(Plugins.class).run(context -> {
            assertThat(context).doesNotHaveBean(HelpdeskScheduler.class);
            context.getBean(Helpdesk.class).tenant(ACME).tickets().open(opening("Not scheduled"), CAROL).get();
            Thread.sleep(300);
            assertThat(context.getBean(Hosts.Recorder.class).events).isEmpty();
            context.getBean(Helpdesk.class).deliverEvents(Instant.now());
            assertThat(context.getBean(Hosts.Recorder.class).events).isNotEmpty();
        });
    }
}
