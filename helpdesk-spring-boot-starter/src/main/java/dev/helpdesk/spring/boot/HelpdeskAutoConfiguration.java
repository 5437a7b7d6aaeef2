package dev.helpdesk.spring.boot;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.outbox.OutboxRelay;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.knowledge.KnowledgeStore;
import dev.helpdesk.spi.notification.HeldNotices;
import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.routing.AgentDirectory;
import dev.helpdesk.spi.routing.CustomerLanguages;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spring.boot.actuate.HelpdeskMetrics;
import dev.helpdesk.spring.boot.actuate.HelpdeskProbe;
import dev.helpdesk.spring.boot.scheduling.HelpdeskScheduler;
import dev.helpdesk.spring.boot.transaction.SpringTransactionRunner;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configures a {@link Helpdesk} for a Spring Boot application: the JDBC store on the
 * application's {@link DataSource}, joining Spring-managed transactions; every bean that
 * implements a plugin interface registered on the desk; the {@code helpdesk.*} properties; due
 * work and event delivery on a thread of the starter's own. Every bean it defines backs off
 * when the application defines one of the same type.
 */
@AutoConfiguration(afterName = {
        // Boot 4
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        // Boot 3
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
@ConditionalOnClass(Helpdesk.class)
@ConditionalOnProperty(prefix = "helpdesk", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(HelpdeskProperties.class)
public class HelpdeskAutoConfiguration {
    /** Created by Spring's auto-configuration. */
    public HelpdeskAutoConfiguration() {
    }


    /** The JDBC store on the application's data source. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTicketStore.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JdbcStoreConfiguration {

        @Bean
        @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
        @ConditionalOnProperty(prefix = "helpdesk.schema", name = "mode", havingValue = "flyway")
        HelpdeskSchemaInstaller helpdeskFlywaySchema(DataSource dataSource, HelpdeskProperties properties,
                org.springframework.beans.factory.BeanFactory beans) {
            String schema = properties.getSchema().getName();
            return new dev.helpdesk.spring.boot.schema.FlywaySchemaInstaller(dataSource, properties.getSchema().getFlywayTable(),
                    schema == null || schema.isBlank() ? Optional.empty() : Optional.of(schema), () -> {
                        // Boot's bean that runs the host's own Flyway migration, Boot 3 and 4 alike
                        if (beans.containsBean("flywayInitializer")) {
                            beans.getBean("flywayInitializer");
                        }
                    });
        }

        @Bean
        @ConditionalOnMissingBean
        TransactionRunner helpdeskTransactionRunner(DataSource dataSource) {
            return new SpringTransactionRunner(dataSource);
        }

        @Bean
        @ConditionalOnMissingBean(TicketStore.class)
        JdbcTicketStore helpdeskTicketStore(DataSource dataSource, TransactionRunner transactions,
                HelpdeskProperties properties, ObjectProvider<HelpdeskSchemaInstaller> installers) {
            HelpdeskProperties.Schema schema = properties.getSchema();
            HelpdeskProperties.Outbox outbox = properties.getOutbox();
            List<HelpdeskSchemaInstaller> schemaInstallers = installers.orderedStream().toList();
            if (schema.getMode() == HelpdeskProperties.SchemaMode.FLYWAY && schemaInstallers.isEmpty()) {
                throw new ConfigurationException("helpdesk.schema.mode=flyway needs Flyway (org.flywaydb:flyway-core) on the class path");
            }
            schemaInstallers.forEach(HelpdeskSchemaInstaller::install);
            JdbcStores.Builder builder = JdbcStores.builder(dataSource)
                    .transactions(transactions)
                    .migrate(schema.getMode() == HelpdeskProperties.SchemaMode.MIGRATE)
                    .outbox(outbox.isEnabled())
                    .relaySettings(OutboxRelay.Settings.defaults()
                            .withRetries(outbox.getMaxAttempts(), outbox.getFirstRetry(), outbox.getMaxRetry()));
            if (schema.getName() != null && !schema.getName().isBlank()) {
                builder.schema(schema.getName());
            }
            return builder.build();
        }

        @Bean
        @ConditionalOnBean(JdbcTicketStore.class)
        @ConditionalOnMissingBean
        HeldNotices helpdeskHeldNotices(JdbcTicketStore store) {
            return store.heldNotices();
        }

        @Bean
        @ConditionalOnBean(JdbcTicketStore.class)
        @ConditionalOnMissingBean
        KnowledgeStore helpdeskKnowledgeStore(JdbcTicketStore store) {
            return store.knowledge();
        }

        @Bean
        @ConditionalOnBean(JdbcTicketStore.class)
        @ConditionalOnMissingBean
        KnowledgeFeedbackStore helpdeskKnowledgeFeedback(JdbcTicketStore store) {
            return store.knowledgeFeedback();
        }

        @Bean
        @ConditionalOnBean(JdbcTicketStore.class)
        @ConditionalOnMissingBean(KnowledgeSearch.class)
        KnowledgeSearch helpdeskKnowledgeSearch(JdbcTicketStore store) {
            return store.knowledgeSearch();
        }

        @Bean
        @ConditionalOnBean(JdbcTicketStore.class)
        @ConditionalOnMissingBean
        HelpdeskProbe helpdeskProbe(JdbcTicketStore store, DataSource dataSource, HelpdeskProperties properties,
                ObjectProvider<Clock> clock) {
            String schema = properties.getSchema().getName();
            return new HelpdeskProbe(store, dataSource,
                    schema == null || schema.isBlank() ? Optional.empty() : Optional.of(schema), clock.getIfUnique(Clock::systemUTC));
        }
    }

    /** Micrometer meters, when Micrometer is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnProperty(prefix = "helpdesk.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        HelpdeskMetrics helpdeskMetrics(ObjectProvider<HelpdeskProbe> probe) {
            return new HelpdeskMetrics(Optional.ofNullable(probe.getIfUnique()));
        }
    }

    /** The email channel's inbound settings from {@code helpdesk.mail.*}, when helpdesk-email is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.helpdesk.email.MailSettings")
    static class MailConfiguration {

        @Bean
        @ConditionalOnMissingBean
        dev.helpdesk.email.MailSettings helpdeskMailSettings(HelpdeskProperties properties) {
            HelpdeskProperties.Mail mail = properties.getMail();
            dev.helpdesk.email.MailSettings.Builder builder = dev.helpdesk.email.MailSettings.builder();
            builder.maxMessageBytes(mail.getMaxMessageBytes())
                    .maxAttachmentBytes(mail.getMaxAttachmentBytes())
                    .senderLimit(mail.getSenderLimit())
                    .senderWindow(mail.getSenderWindow())
                    .stripQuotes(mail.isStripQuotes())
                    .requireDate(mail.isRequireDate())
                    .keepSource(mail.isKeepSource());
            if (mail.getSpoolDirectory() != null) {
                builder.spoolDirectory(mail.getSpoolDirectory());
            }
            return builder.build();
        }
    }

    /**
     * The desk, from the store, the properties, the plugin beans and the customizers.
     *
     * @param properties   the {@code helpdesk.*} properties
     * @param store        the ticket store; in memory when the application has none
     * @param heldNotices  where notices wait for working hours
     * @param knowledge    where articles are kept
     * @param feedback     where votes on articles are kept
     * @param plugins      every bean that implements a plugin interface
     * @param agents       the application's agents
     * @param languages    the customers' languages
     * @param segments     the customers' segments
     * @param calendars    business calendars
     * @param slaPolicies  SLA policies, in their {@code @Order}
     * @param rules        escalation rules, in their {@code @Order}
     * @param clock        a clock bean, if the application has one
     * @param customizers  the application's customizers, in their {@code @Order}
     * @return the desk
     */
    @Bean
    @ConditionalOnMissingBean
    public Helpdesk helpdesk(HelpdeskProperties properties, ObjectProvider<TicketStore> store,
            ObjectProvider<HeldNotices> heldNotices, ObjectProvider<KnowledgeStore> knowledge,
            ObjectProvider<KnowledgeFeedbackStore> feedback, ObjectProvider<HelpdeskPlugin> plugins,
            ObjectProvider<AgentDirectory> agents, ObjectProvider<CustomerLanguages> languages,
            ObjectProvider<CustomerSegments> segments, ObjectProvider<BusinessCalendar> calendars,
            ObjectProvider<SlaPolicy> slaPolicies, ObjectProvider<EscalationRule> rules,
            ObjectProvider<Clock> clock, ObjectProvider<HelpdeskBuilderCustomizer> customizers) {
        Helpdesk.Builder builder = Helpdesk.builder()
                .autoCloseAfter(properties.getTickets().getAutoCloseAfter())
                .dueBatchSize(properties.getDue().getBatchSize())
                .dueLease(properties.getDue().getLease());
        store.ifUnique(builder::store);
        heldNotices.ifUnique(builder::heldNotices);
        knowledge.ifUnique(builder::knowledgeStore);
        feedback.ifUnique(builder::knowledgeFeedback);
        clock.ifUnique(builder::clock);
        agents.ifUnique(builder::agents);
        languages.ifUnique(builder::customerLanguages);
        segments.ifUnique(builder::customerSegments);
        List<String> fallbacks = properties.getTenant().getKnowledgeFallbacks();
        if (fallbacks != null && !fallbacks.isEmpty()) {
            builder.knowledgeFallbacks(fallbacks.stream().map(ContentLocale::of).toArray(ContentLocale[]::new));
        }
        plugins.orderedStream().forEach(builder::plugin);
        List<BusinessCalendar> calendarBeans = calendars.orderedStream().toList();
        if (!calendarBeans.isEmpty()) {
            builder.calendars(calendarBeans);
        }
        List<SlaPolicy> policies = slaPolicies.orderedStream().toList();
        if (!policies.isEmpty()) {
            builder.slaPolicies(policies);
        }
        List<EscalationRule> ruleBeans = rules.orderedStream().toList();
        if (!ruleBeans.isEmpty()) {
            builder.escalationRules(ruleBeans);
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The desk of the single tenant named by {@code helpdesk.tenant.default-id}.
     *
     * @param helpdesk   the desk
     * @param properties the properties
     * @return the tenant's desk
     */
    @Bean
    @ConditionalOnProperty(prefix = "helpdesk.tenant", name = "default-id")
    @ConditionalOnMissingBean
    public TenantDesk helpdeskDefaultTenant(Helpdesk helpdesk, HelpdeskProperties properties) {
        return helpdesk.tenant(TenantId.of(properties.getTenant().getDefaultId()));
    }

    /**
     * Runs due work and event delivery on a thread of the starter's own, unless
     * {@code helpdesk.scheduling.enabled=false}.
     *
     * @param helpdesk   the desk
     * @param properties the properties
     * @param clock      a clock bean, if the application has one
     * @param observers  told what each run did (the metrics)
     * @return the scheduler, started and stopped with the application context
     */
    @Bean
    @ConditionalOnProperty(prefix = "helpdesk.scheduling", name = "enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnMissingBean
    public HelpdeskScheduler helpdeskScheduler(Helpdesk helpdesk, HelpdeskProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<HelpdeskScheduler.Observer> observers) {
        HelpdeskProperties.Scheduling s = properties.getScheduling();
        return new HelpdeskScheduler(helpdesk, clock.getIfUnique(Clock::systemUTC), s.getDueInterval(), s.getDeliveryInterval(),
                observers.orderedStream().toList());
    }
}
