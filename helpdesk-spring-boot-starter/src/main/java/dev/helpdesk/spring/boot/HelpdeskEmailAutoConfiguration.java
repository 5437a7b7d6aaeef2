package dev.helpdesk.spring.boot;

import org.springframework.context.SmartLifecycle;
import java.util.Objects;
import java.util.List;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.email.imap.ImapSettings;
import dev.helpdesk.email.imap.ImapPoller;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.core.attachment.FileSystemStoreSettings;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.quarantine.FileSystemQuarantine;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.quarantine.Quarantine;
import dev.helpdesk.email.smtp.SmtpSender;
import dev.helpdesk.email.smtp.SmtpSettings;
import dev.helpdesk.spi.channel.AttachmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The email channel, when helpdesk-email is on the class path: a file-system attachment store
 * ({@code helpdesk.attachments.directory}), a quarantine, the {@link MailReceiver} that takes raw
 * messages into the desk's intake, and an {@link SmtpSender} ({@code helpdesk.mail.smtp.host})
 * for the application's {@link TenantMailbox} beans, which the desk installs as its channel
 * sender. Every bean backs off for one of the application's.
 */
@AutoConfiguration(after = HelpdeskAutoConfiguration.class)
@ConditionalOnClass(MailReceiver.class)
@ConditionalOnProperty(prefix = "helpdesk", name = "enabled", havingValue = "true", matchIfMissing = true)
public class HelpdeskEmailAutoConfiguration {
    /** Created by Spring's auto-configuration. */
    public HelpdeskEmailAutoConfiguration() {
    }


    /**
     * Attachment bytes in a directory of the host's file system.
     *
     * @param properties the properties
     * @param clock      a clock bean, if the application has one
     * @return the store
     */
    @Bean
    @ConditionalOnProperty(prefix = "helpdesk.attachments", name = "directory")
    @ConditionalOnMissingBean(AttachmentStore.class)
    public FileSystemAttachmentStore helpdeskAttachmentStore(HelpdeskProperties properties, ObjectProvider<Clock> clock) {
        return new FileSystemAttachmentStore(FileSystemStoreSettings.builder().root(properties.getAttachments().getDirectory())
                .build(), new TimeOrderedIdGenerator(clock.getIfUnique(Clock::systemUTC)));
    }

    /**
     * Where messages that could not be taken wait for an operator.
     *
     * @param properties the properties
     * @return the quarantine: a directory when {@code helpdesk.mail.quarantine-directory} is set,
     *         in memory otherwise
     */
    @Bean
    @ConditionalOnMissingBean
    public Quarantine helpdeskMailQuarantine(HelpdeskProperties properties) {
        if (properties.getMail().getQuarantineDirectory() == null) {
            return new InMemoryQuarantine();
        }
        try {
            return new FileSystemQuarantine(properties.getMail().getQuarantineDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the mail quarantine directory", e);
        }
    }

    /**
     * Takes raw messages (from an IMAP poller, a webhook of the mail provider) into the desk.
     *
     * @param helpdesk    the desk, whose intake decides ticket and customer
     * @param settings    the mail settings ({@code helpdesk.mail.*})
     * @param attachments where attachments go
     * @param quarantine  where refused messages go
     * @param clock       a clock bean, if the application has one
     * @return the receiver
     */
    @Bean
    @ConditionalOnBean(AttachmentStore.class)
    @ConditionalOnMissingBean
    public MailReceiver helpdeskMailReceiver(Helpdesk helpdesk, MailSettings settings, AttachmentStore attachments,
            Quarantine quarantine, ObjectProvider<Clock> clock) {
        return MailReceiver.builder().settings(settings).attachments(attachments).quarantine(quarantine)
                .intake(helpdesk.intake()).clock(clock.getIfUnique(Clock::systemUTC)).build();
    }

    /**
     * Sends replies and notices of the application's mailboxes through SMTP; the desk installs
     * it as a channel sender.
     *
     * @param properties  the properties
     * @param mailboxes   the application's mailboxes
     * @param attachments where attachments are read from
     * @return the sender
     */
    @Bean
    @ConditionalOnProperty(prefix = "helpdesk.mail.smtp", name = "host")
    @ConditionalOnBean({AttachmentStore.class, TenantMailbox.class})
    @ConditionalOnMissingBean
    public SmtpSender helpdeskSmtpSender(HelpdeskProperties properties, ObjectProvider<TenantMailbox> mailboxes,
            AttachmentStore attachments) {
        HelpdeskProperties.Smtp smtp = properties.getMail().getSmtp();
        SmtpSettings.Builder settings = SmtpSettings.builder();
        settings.host(smtp.getHost()).port(smtp.getPort()).ssl(smtp.isSsl()).plainText(smtp.isPlainText());
        if (smtp.getUsername() != null) {
            settings.username(smtp.getUsername());
        }
        if (smtp.getPassword() != null) {
            settings.password(smtp.getPassword());
        }
        return new SmtpSender(settings.build(), mailboxes.orderedStream().toList(), attachments);
    }

    /**
     * Reads the IMAP account of {@code helpdesk.mail.imap.*} into the desk: one poller for the
     * application's mailbox ({@code helpdesk.mail.imap.mailbox} names it when there are several).
     * Started with the application unless {@code helpdesk.scheduling.enabled=false}; an
     * application with several accounts declares its own {@link ImapPoller} beans, which are
     * started the same way.
     *
     * @param properties the properties
     * @param mailboxes  the application's mailboxes
     * @param receiver   the receiver the mail goes to
     * @return the poller
     * @throws dev.helpdesk.spi.ConfigurationException when the settings are incomplete or name no
     *                                                 mailbox of the application
     */
    @Bean
    @ConditionalOnProperty(prefix = "helpdesk.mail.imap", name = "host")
    @ConditionalOnBean({MailReceiver.class, TenantMailbox.class})
    @ConditionalOnMissingBean(ImapPoller.class)
    public ImapPoller helpdeskImapPoller(HelpdeskProperties properties, ObjectProvider<TenantMailbox> mailboxes,
            MailReceiver receiver) {
        HelpdeskProperties.Imap imap = properties.getMail().getImap();
        List<TenantMailbox> all = mailboxes.orderedStream().toList();
        List<TenantMailbox> chosen = imap.getMailbox() == null ? all
                : all.stream().filter(m -> m.address().value().equalsIgnoreCase(imap.getMailbox().trim())).toList();
        if (chosen.size() != 1) {
            throw new ConfigurationException("helpdesk.mail.imap", List.of(new FieldError("mailbox", imap.getMailbox() == null
                    ? "must name one of the application's " + all.size() + " mailboxes"
                    : "names no mailbox of the application: " + imap.getMailbox())));
        }
        ImapSettings.Processed processed;
        try {
            processed = ImapSettings.Processed.valueOf(imap.getProcessed().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("helpdesk.mail.imap", List.of(new FieldError("processed",
                    "must be FLAG or MOVE: " + imap.getProcessed())));
        }
        ImapSettings.Builder settings = ImapSettings.builder();
        settings.host(imap.getHost()).port(imap.getPort()).ssl(imap.isSsl()).plainText(imap.isPlainText())
                .username(Objects.requireNonNullElse(imap.getUsername(), "")).password(Objects.requireNonNullElse(imap.getPassword(), ""))
                .folder(imap.getFolder()).processed(processed).processedFolder(imap.getProcessedFolder())
                .interval(imap.getInterval()).idle(imap.isIdle()).batchSize(imap.getBatchSize());
        return new ImapPoller(settings.build(), chosen.get(0), receiver);
    }

    /**
     * Starts the application's IMAP pollers with it and closes them when it stops.
     *
     * @param pollers the pollers
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnProperty(prefix = "helpdesk.scheduling", name = "enabled", matchIfMissing = true)
    public SmartLifecycle helpdeskImapPolling(ObjectProvider<ImapPoller> pollers) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                pollers.orderedStream().forEach(ImapPoller::start);
                running = true;
            }

            @Override
            public void stop() {
                pollers.orderedStream().forEach(ImapPoller::close);
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
