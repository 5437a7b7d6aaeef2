package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.core.attachment.FileSystemStoreSettings;
import dev.helpdesk.core.feedback.FeedbackSettings;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.core.visit.VisitSettings;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spring.boot.HelpdeskBuilderCustomizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * What the CRM adds to the desk that the starter builds: its office calendar, its service levels
 * and escalation, visits and satisfaction surveys, and a folder for customers' files. The store,
 * the transactions, the CRM's directories (beans of their own) and the scheduling of due work
 * come from the starter.
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
     * The office calendar technicians are planned in.
     *
     * @return the calendar
     */
    @Bean
    public BusinessCalendar officeHours() {
        return DeskPolicies.OFFICE;
    }

    /**
     * The enterprise service level, tried first.
     *
     * @return the policy
     */
    @Bean
    @Order(1)
    public SlaPolicy enterpriseService() {
        return DeskPolicies.ENTERPRISE;
    }

    /**
     * The business service level.
     *
     * @return the policy
     */
    @Bean
    @Order(2)
    public SlaPolicy businessService() {
        return DeskPolicies.BUSINESS;
    }

    /**
     * The fallback service level.
     *
     * @return the policy
     */
    @Bean
    @Order(3)
    public SlaPolicy starterService() {
        return DeskPolicies.STARTER;
    }

    /**
     * Escalation on a missed resolution.
     *
     * @return the rule
     */
    @Bean
    public EscalationRule resolutionBreach() {
        return DeskPolicies.RESOLUTION_BREACH;
    }

    /**
     * On-site visits in office hours and signed satisfaction surveys.
     *
     * @param secret the key that signs survey tokens, at least 32 bytes
     * @return the customizer
     */
    @Bean
    public HelpdeskBuilderCustomizer visitsAndSurveys(@Value("${crm.desk.survey-secret}") String secret) {
        return builder -> builder
                .visits(VisitSettings.builder().calendar(DeskPolicies.OFFICE).target(Duration.ofHours(40)).build())
                .feedback(FeedbackSettings.builder().secret(secret.getBytes(StandardCharsets.UTF_8)).build());
    }

    /**
     * Where customers' files are kept.
     *
     * @param folder the folder, by default a new one under the system's temporary folder
     * @param clock  the clock
     * @return the attachment store
     */
    @Bean
    public FileSystemAttachmentStore attachments(@Value("${crm.attachments.folder:}") String folder, Clock clock) {
        try {
            Path root = folder.isBlank() ? Files.createTempDirectory("crm-attachments") : Path.of(folder);
            Files.createDirectories(root);
            return new FileSystemAttachmentStore(FileSystemStoreSettings.builder().root(root)
                    .maxBytes(SupportService.MAX_ATTACHMENT_BYTES).build(), new TimeOrderedIdGenerator(clock));
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for attachments", e);
        }
    }
}
