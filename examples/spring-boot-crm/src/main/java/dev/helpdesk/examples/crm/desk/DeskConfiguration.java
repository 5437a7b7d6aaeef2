package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.core.attachment.FileSystemStoreSettings;
import dev.helpdesk.core.feedback.FeedbackSettings;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.core.visit.VisitSettings;
import dev.helpdesk.examples.crm.directory.CrmAgentDirectory;
import dev.helpdesk.examples.crm.directory.CrmCustomerDirectory;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.jdbc.transaction.TransactionalWork;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.tenant.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk inside the CRM: tickets in the CRM's own database, joining the CRM's Spring
 * transactions, with the CRM's customers and staff as the desk's customers and agents.
 */
@Configuration(proxyBeanMethods = false)
public class DeskConfiguration {

    /**
     * The clock of the desk and the CRM.
     *
     * @return the system clock in UTC
     */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Runs the desk's store work inside the current Spring transaction (starting one when there
     * is none), and hands after-commit work to Spring so that nothing is announced for a
     * transaction that rolls back.
     *
     * @param dataSource   the CRM's database
     * @param transactions the CRM's transaction manager
     * @return the runner
     */
    @Bean
    public TransactionRunner springTransactions(DataSource dataSource, PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return new TransactionRunner() {
            @Override
            public <T> T inTransaction(TransactionalWork<T> work) {
                return template.execute(status -> {
                    Connection connection = DataSourceUtils.getConnection(dataSource);
                    try {
                        return work.run(connection);
                    } catch (SQLException e) {
                        throw new StoreException("the desk's store failed", e);
                    } finally {
                        DataSourceUtils.releaseConnection(connection, dataSource);
                    }
                });
            }

            @Override
            public void afterCommit(Runnable action) {
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            action.run();
                        }
                    });
                } else {
                    action.run();
                }
            }
        };
    }

    /**
     * The desk's tables in the CRM's database, installed by the desk's own migrator.
     *
     * @param dataSource   the CRM's database
     * @param transactions the runner that joins the CRM's transactions
     * @return the store
     */
    @Bean
    public JdbcTicketStore ticketStore(DataSource dataSource, TransactionRunner transactions) {
        return JdbcStores.builder(dataSource).transactions(transactions).build();
    }

    /**
     * The desk.
     *
     * @param store     the store
     * @param clock     the clock
     * @param customers the CRM's customers
     * @param agents    the CRM's staff
     * @param secret    the key that signs satisfaction surveys, at least 32 bytes
     * @return the desk
     */
    @Bean
    public Helpdesk helpdesk(JdbcTicketStore store, Clock clock, CrmCustomerDirectory customers, CrmAgentDirectory agents,
                             @Value("${crm.desk.survey-secret}") String secret) {
        return Helpdesk.builder()
                .store(store)
                .clock(clock)
                .heldNotices(store.heldNotices())
                .plugin(customers)
                .customerSegments(customers)
                .customerLanguages(customers)
                .agents(agents)
                .calendars(java.util.List.of(DeskPolicies.OFFICE))
                .slaPolicies(DeskPolicies.POLICIES.toArray(dev.helpdesk.spi.sla.SlaPolicy[]::new))
                .escalationRules(DeskPolicies.RESOLUTION_BREACH)
                .autoCloseAfter(Duration.ofDays(7))
                .visits(VisitSettings.builder().calendar(DeskPolicies.OFFICE).target(Duration.ofHours(40)).build())
                .feedback(FeedbackSettings.builder().secret(secret.getBytes(StandardCharsets.UTF_8)).build())
                .knowledgeStore(store.knowledge())
                .knowledgeFeedback(store.knowledgeFeedback())
                .plugin(store.knowledgeSearch())
                .knowledgeFallbacks(ContentLocale.ENGLISH)
                .build();
    }

    /**
     * The CRM's one tenant of the desk.
     *
     * @param desk   the desk
     * @param tenant the tenant's id
     * @return the tenant's desk
     */
    @Bean
    public TenantDesk tenantDesk(Helpdesk desk, @Value("${crm.desk.tenant}") String tenant) {
        return desk.tenant(TenantId.of(tenant));
    }

    /**
     * Where customers' files are kept.
     *
     * @param folder the folder, by default under the system's temporary folder
     * @param clock  the clock
     * @return the attachment store
     */
    @Bean
    public FileSystemAttachmentStore attachments(@Value("${crm.attachments.folder:}") String folder, Clock clock) {
        try {
            Path root = folder.isBlank() ? Files.createTempDirectory("crm-attachments") : Path.of(folder);
            Files.createDirectories(root);
            return new FileSystemAttachmentStore(FileSystemStoreSettings.builder().root(root).maxBytes(10L * 1024 * 1024)
                    .build(), new TimeOrderedIdGenerator(clock));
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for attachments", e);
        }
    }
}
