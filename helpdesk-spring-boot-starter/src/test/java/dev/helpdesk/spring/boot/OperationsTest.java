package dev.helpdesk.spring.boot;

import static dev.helpdesk.spring.boot.Hosts.ACME;
import static dev.helpdesk.spring.boot.Hosts.CAROL;
import static dev.helpdesk.spring.boot.Hosts.opening;
import static org.assertj.core.api.Assertions.assertThat;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spring.boot.actuate.HelpdeskHealthIndicator;
import dev.helpdesk.spring.boot.actuate.HelpdeskMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator's and the meters' figures, from real tickets on H2. */
class OperationsTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Configuration(proxyBeanMethods = false)
    static class OneHourSla {
        @Bean
        SettableClock clock() {
            return SettableClock.at(T0);
        }

        @Bean
        SlaPolicy oneHour() {
            return SlaPolicy.builder("one-hour").firstResponse(SlaTarget.calendarTime(Duration.ofHours(1))).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BrokenWarehouse {
        @Bean
        Hosts.Failing failing() {
            return new Hosts.Failing();
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, HelpdeskAutoConfiguration.class,
                    HelpdeskHealthAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true", "helpdesk.scheduling.enabled=false");

    @Test
    void a_breached_sla_shows_as_due_lag_until_due_work_runs_and_is_counted_once_delivered() {
        runner.withUserConfiguration(OneHourSla.class).run(context -> {
            SettableClock clock = context.getBean(SettableClock.class);
            assertThat(context.getBean(Clock.class)).isSameAs(clock);
            Helpdesk desk = context.getBean(Helpdesk.class);
            HelpdeskHealthIndicator health = context.getBean(HelpdeskHealthIndicator.class);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            context.getBean(HelpdeskMetrics.class).bindTo(meters);

            dev.helpdesk.spi.ticket.Ticket waiting = desk.tenant(ACME).tickets().open(opening("Waiting for an answer"), CAROL).get();
            assertThat(desk.tenant(ACME).tickets().reply(waiting.id(), "", dev.helpdesk.spi.ticket.Channel.EMAIL, CAROL).isLeft()).isTrue();
            assertThat(desk.tenant(ACME).tickets().solve(dev.helpdesk.spi.ticket.TicketId.of(java.util.UUID.randomUUID()), CAROL).isLeft()).isTrue();
            assertThat(meters.get("helpdesk.commands").tag("command", "Open").tag("outcome", "accepted").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("helpdesk.commands").tag("outcome", "rejected").counters()).hasSize(2);
            assertThat(meters.get("helpdesk.rejections").tag("command", "Reply").tag("rejection", "Invalid").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("helpdesk.rejections").tag("rejection", "NotFound").counter().count()).isEqualTo(1.0);
            Health fresh = health.health();
            assertThat(fresh.getStatus()).isEqualTo(Status.UP);
            assertThat(fresh.getDetails()).containsEntry("dueLagSeconds", 0L).containsEntry("deadLetters", 0);
            assertThat((Long) fresh.getDetails().get("outboxBacklog")).isPositive();

            clock.advance(Duration.ofMinutes(50));
            desk.runDue();
            clock.advance(Duration.ofMinutes(70));
            Health late = health.health();
            assertThat(late.getStatus()).isEqualTo(Status.DOWN);
            assertThat((Long) late.getDetails().get("dueLagSeconds")).isGreaterThan(Duration.ofMinutes(15).toSeconds());
            assertThat(meters.get("helpdesk.due.lag").timeGauge().value()).isGreaterThan(Duration.ofMinutes(15).toSeconds());

            desk.runDue();
            desk.deliverEvents(clock.instant());
            Health caughtUp = health.health();
            assertThat(caughtUp.getStatus()).isEqualTo(Status.UP);
            assertThat(caughtUp.getDetails()).containsEntry("dueLagSeconds", 0L).containsEntry("outboxBacklog", 0L);
            assertThat(meters.get("helpdesk.events").tag("type", "Opened").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("helpdesk.sla.breaches").tag("clock", "FIRST_RESPONSE").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("helpdesk.sla.warnings").tag("clock", "FIRST_RESPONSE").counter().count()).isPositive();
            assertThat(meters.get("helpdesk.outbox.backlog").gauge().value()).isZero();
        });
    }

    @Test
    void dead_letters_take_the_desk_down_and_show_in_the_gauge() {
        runner.withUserConfiguration(BrokenWarehouse.class).withPropertyValues("helpdesk.outbox.max-attempts=1")
                .run(context -> {
                    Helpdesk desk = context.getBean(Helpdesk.class);
                    SimpleMeterRegistry meters = new SimpleMeterRegistry();
                    context.getBean(HelpdeskMetrics.class).bindTo(meters);

                    desk.tenant(ACME).tickets().open(opening("Lost in the warehouse"), CAROL).get();
                    desk.deliverEvents(Instant.now());

                    Health health = context.getBean(HelpdeskHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("deadLetters", "more than 0");
                    assertThat(meters.get("helpdesk.outbox.dead.letters").gauge().value()).isPositive();
                });
        runner.withUserConfiguration(BrokenWarehouse.class)
                .withPropertyValues("helpdesk.outbox.max-attempts=1", "helpdesk.health.max-dead-letters=50")
                .run(context -> {
                    context.getBean(Helpdesk.class).tenant(ACME).tickets().open(opening("Tolerated"), CAROL).get();
                    context.getBean(Helpdesk.class).deliverEvents(Instant.now());
                    assertThat(context.getBean(HelpdeskHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void scheduled_runs_count_deliveries_and_due_work() {
        runner.withPropertyValues("helpdesk.scheduling.enabled=true", "helpdesk.scheduling.delivery-interval=100ms",
                "helpdesk.scheduling.due-interval=1h").run(context -> {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            context.getBean(HelpdeskMetrics.class).bindTo(meters);
            context.getBean(Helpdesk.class).tenant(ACME).tickets().open(opening("Counted"), CAROL).get();
            Hosts.eventually(() -> meters.find("helpdesk.outbox.deliveries").tag("outcome", "delivered").counter() != null
                    && meters.find("helpdesk.outbox.deliveries").tag("outcome", "delivered").counter().count() > 0);
            context.getBean(dev.helpdesk.spring.boot.scheduling.HelpdeskScheduler.class).runDue();
            assertThat(meters.get("helpdesk.due.tickets").tag("outcome", "claimed").counter().count()).isZero();
        });
    }
}
