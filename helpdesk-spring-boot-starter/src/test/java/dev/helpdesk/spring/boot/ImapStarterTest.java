package dev.helpdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.email.imap.ImapPoller;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The IMAP account from properties: a poller for the application's mailbox, started with it. */
class ImapStarterTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path files;

    @org.junit.jupiter.api.BeforeEach
    void account() {
        MAIL.setUser("support@acme.example", "support", "secret");
    }

    private ApplicationContextRunner runner(String... more) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HelpdeskAutoConfiguration.class,
                        HelpdeskEmailAutoConfiguration.class))
                .withUserConfiguration(EmailStarterTest.Mail.class)
                .withPropertyValues("spring.datasource.generate-unique-name=true", "helpdesk.attachments.directory=" + files,
                        "helpdesk.mail.imap.host=127.0.0.1", "helpdesk.mail.imap.port=" + MAIL.getImap().getPort(),
                        "helpdesk.mail.imap.ssl=false", "helpdesk.mail.imap.plain-text=true",
                        "helpdesk.mail.imap.username=support", "helpdesk.mail.imap.password=secret",
                        "helpdesk.mail.imap.idle=false", "helpdesk.mail.imap.interval=PT0.2S")
                .withPropertyValues(more);
    }

    @Test
    void mail_in_the_account_becomes_a_ticket_once_the_application_runs() {
        GreenMailUtil.sendTextEmail("support@acme.example", "ana@example.com", "Printer offline", "It stopped at 9.",
                MAIL.getSmtp().getServerSetup());
        // the desk's own due work and delivery are scheduled too; the poller is what is looked at here
        runner("helpdesk.scheduling.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ImapPoller.class);
            Helpdesk desk = context.getBean(Helpdesk.class);
            List<Ticket> tickets = List.of();
            for (int i = 0; i < 100 && tickets.isEmpty(); i++) {
                Thread.sleep(100);
                tickets = desk.tenant(TenantId.of("acme")).tickets()
                        .list(TicketQuery.all(), PageRequest.first(10), Actor.agent("ana")).get().items();
            }
            assertThat(tickets).extracting(Ticket::subject).containsExactly("Printer offline");
        });
    }

    @Test
    void without_scheduling_the_poller_is_there_for_the_host_to_run() {
        GreenMailUtil.sendTextEmail("support@acme.example", "ana@example.com", "Invoice twice", "Charged twice.",
                MAIL.getSmtp().getServerSetup());
        runner("helpdesk.scheduling.enabled=false", "helpdesk.mail.imap.mailbox=SUPPORT@acme.example").run(context -> {
            assertThat(context).hasNotFailed();
            Thread.sleep(500);
            Helpdesk desk = context.getBean(Helpdesk.class);
            assertThat(desk.tenant(TenantId.of("acme")).tickets().list(TicketQuery.all(), PageRequest.first(10),
                    Actor.agent("ana")).get().items()).as("nothing polls on its own").isEmpty();

            assertThat(context.getBean(ImapPoller.class).pollOnce()).isEqualTo(1);

            assertThat(desk.tenant(TenantId.of("acme")).tickets().list(TicketQuery.all(), PageRequest.first(10),
                    Actor.agent("ana")).get().items()).extracting(Ticket::subject).containsExactly("Invoice twice");
        });
    }

    @Test
    void an_account_for_a_mailbox_the_application_does_not_have_stops_the_start_naming_the_property() {
        runner("helpdesk.scheduling.enabled=false", "helpdesk.mail.imap.mailbox=sales@acme.example").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("mailbox")
                    .hasMessageContaining("sales@acme.example");
        });
    }

    @Test
    void a_marking_other_than_flag_or_move_stops_the_start() {
        runner("helpdesk.scheduling.enabled=false", "helpdesk.mail.imap.processed=delete").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("processed")
                    .hasMessageContaining("FLAG or MOVE");
        });
    }
}
