package dev.helpdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command inside the host's Spring transaction commits or rolls back with the host's own
 * write; events reach listeners, notices reach the notifier and after-commit actions run only
 * for a committed transaction, and only after its commit.
 */
class HostTransactionTest {
    static final TenantId ACME = TenantId.of("acme");
    static final Actor CAROL = Actor.customer("carol");

    /** Records what reaches it. */
    static final class Recorder implements EventListener {
        final List<RecordedEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void on(RecordedEvent event) {
            events.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Host {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        Hosts.Mailer mailer() {
            return new Hosts.Mailer();
        }

        @Bean
        dev.helpdesk.core.routing.InMemoryAgentDirectory agents() {
            dev.helpdesk.core.routing.InMemoryAgentDirectory agents = new dev.helpdesk.core.routing.InMemoryAgentDirectory();
            agents.put(ACME, dev.helpdesk.spi.routing.AgentProfile.builder("sam").tiers(dev.helpdesk.spi.ticket.Tier.L1)
                    .roles("supervisor").build());
            return agents;
        }

        @Bean
        dev.helpdesk.spi.escalation.EscalationRule tellSupervisor() {
            return dev.helpdesk.spi.escalation.EscalationRule.builder("tell-supervisor")
                    .on(dev.helpdesk.spi.escalation.TicketTrigger.OPENED)
                    .then(new dev.helpdesk.spi.escalation.Action.NotifyRole("supervisor", true),
                            new dev.helpdesk.spi.escalation.Action.NotifyCustomer())
                    .reason("new ticket").build();
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    HelpdeskAutoConfiguration.class))
            .withUserConfiguration(Host.class)
            .withPropertyValues("spring.datasource.generate-unique-name=true",
                    "spring.datasource.username=sa", "helpdesk.scheduling.enabled=false");

    static TicketCommand.Open opening(String subject) {
        return TicketCommand.open().subject(subject).body("Since this morning").channel(Channel.EMAIL)
                .category(Category.HARDWARE).requester(CustomerId.of("carol")).build();
    }

    @Test
    void a_ticket_opened_in_a_rolled_back_host_transaction_is_gone_with_the_host_write_and_announced_to_nobody() {
        runner.run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
            jdbc.execute("CREATE TABLE crm_customer (id VARCHAR(20) PRIMARY KEY)");
            Helpdesk desk = context.getBean(Helpdesk.class);
            JdbcTicketStore store = context.getBean(JdbcTicketStore.class);
            Recorder recorder = context.getBean(Recorder.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            AtomicBoolean announced = new AtomicBoolean();

            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO crm_customer (id) VALUES ('carol')");
                Ticket opened = desk.tenant(ACME).tickets().open(opening("Rolled back"), CAROL).get();
                assertThat(store.find(ACME, opened.id()).isDefined()).isTrue();
                store.afterCommit(() -> announced.set(true));
                status.setRollbackOnly();
            });

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_customer", Integer.class)).isZero();
            assertThat(store.list(ACME, TicketQuery.all(), PageRequest.first(10)).items()).isEmpty();
            desk.deliverEvents(Instant.now());
            assertThat(recorder.events).isEmpty();
            assertThat(announced).isFalse();
            assertThat(context.getBean(Hosts.Mailer.class).sent).isEmpty();
        });
    }

    @Test
    void a_ticket_opened_in_a_committed_host_transaction_stays_with_the_host_write_and_is_announced_after_the_commit() {
        runner.run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
            jdbc.execute("CREATE TABLE crm_customer (id VARCHAR(20) PRIMARY KEY)");
            Helpdesk desk = context.getBean(Helpdesk.class);
            JdbcTicketStore store = context.getBean(JdbcTicketStore.class);
            Recorder recorder = context.getBean(Recorder.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            AtomicBoolean announced = new AtomicBoolean();
            AtomicBoolean announcedBeforeCommit = new AtomicBoolean();

            Ticket opened = tx.execute(status -> {
                jdbc.update("INSERT INTO crm_customer (id) VALUES ('carol')");
                Ticket t = desk.tenant(ACME).tickets().open(opening("Committed"), CAROL).get();
                store.afterCommit(() -> announced.set(true));
                announcedBeforeCommit.set(announced.get() || !context.getBean(Hosts.Mailer.class).sent.isEmpty());
                return t;
            });

            assertThat(announcedBeforeCommit).isFalse();
            assertThat(announced).isTrue();
            assertThat(context.getBean(Hosts.Mailer.class).sent).as("the supervisor's and the customer's notice").hasSize(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_customer", Integer.class)).isEqualTo(1);
            assertThat(store.find(ACME, opened.id()).isDefined()).isTrue();
            desk.deliverEvents(Instant.now());
            assertThat(recorder.events).extracting(e -> e.ticketId()).containsOnly(opened.id());
        });
    }
}
