package dev.helpdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.smtp.SmtpSender;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The email channel from properties: attachments on disk, the receiver into the desk, SMTP out. */
class EmailStarterTest {
    static final TenantMailbox SUPPORT = TenantMailbox.builder().tenant(TenantId.of("acme"))
            .address(ContactAddress.email("support@acme.example")).displayName("ACME Support").build();

    /** The CRM's customers: every sender is known. */
    static final class Crm implements CustomerDirectory {
        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return Optional.of(CustomerId.of("c-" + address.value().replace('@', '-')));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Mail {
        @Bean
        TenantMailbox support() {
            return SUPPORT;
        }

        @Bean
        Crm crm() {
            return new Crm();
        }
    }

    @TempDir
    Path files;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HelpdeskAutoConfiguration.class,
                    HelpdeskEmailAutoConfiguration.class))
            .withUserConfiguration(Mail.class)
            .withPropertyValues("spring.datasource.generate-unique-name=true", "helpdesk.scheduling.enabled=false");

    static byte[] mail() {
        return ("From: ana@example.com\r\nTo: support@acme.example\r\nSubject: Printer offline\r\n"
                + "Date: Mon, 2 Mar 2026 09:14:00 +0100\r\nMessage-ID: <m1@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nIt stopped.\r\n"
                + "--b\r\nContent-Type: text/plain; name=log.txt\r\nContent-Disposition: attachment; filename=log.txt\r\n\r\n"
                + "paper jam\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void a_message_taken_by_the_receiver_opens_a_ticket_with_its_attachment_on_disk_and_smtp_is_the_channel_sender() {
        runner.withPropertyValues("helpdesk.attachments.directory=" + files, "helpdesk.mail.smtp.host=smtp.acme.example",
                "helpdesk.mail.quarantine-directory=" + files.resolve("quarantine")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(FileSystemAttachmentStore.class);
            assertThat(context.getBean(Helpdesk.class).plugins()).extracting(HelpdeskPlugin::name).contains("smtp-email", "crm");
            assertThat(context).hasSingleBean(SmtpSender.class);

            io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            context.getBean(dev.helpdesk.spring.boot.actuate.HelpdeskMetrics.class).bindTo(meters);

            IntakeOutcome outcome = context.getBean(MailReceiver.class).receive(SUPPORT, mail());

            assertThat(outcome).isInstanceOf(IntakeOutcome.Opened.class);
            context.getBean(Helpdesk.class).deliverEvents(java.time.Instant.now());
            assertThat(meters.get("helpdesk.email.ingested").counter().count()).isEqualTo(1.0);
            try (var stored = Files.walk(files)) {
                assertThat(stored.filter(Files::isRegularFile).count()).isPositive();
            }
        });
    }

    @Test
    void without_an_attachment_directory_or_smtp_host_no_receiver_and_no_sender_are_registered() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MailReceiver.class);
            assertThat(context).doesNotHaveBean(SmtpSender.class);
        });
    }
}
