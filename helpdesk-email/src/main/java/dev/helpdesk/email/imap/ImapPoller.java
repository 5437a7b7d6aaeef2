package dev.helpdesk.email.imap;

import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.inbound.RawMail;
import dev.helpdesk.email.inbound.ReceiveInterruptedException;
import dev.helpdesk.email.parse.MailParser;
import dev.helpdesk.spi.channel.IntakeOutcome;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one tenant's mailbox over IMAP and hands every new mail to the {@link MailReceiver}.
 *
 * <ul>
 *   <li>Restart-safe: the new mails of one read of the folder (at most
 *       {@link ImapSettings#batchSize()}) go to the receiver as one batch, which the desk
 *       commits once; they are marked processed on the server (moved to
 *       {@link ImapSettings#processedFolder()}, or flagged) right after the receiver answered
 *       for the batch. A poller stopped at any point hands nothing again that it had finished;
 *       only the batch in flight when it stopped may come again, which the desk's intake answers
 *       as duplicates (same {@code Message-ID}) for the mails it had committed.</li>
 *   <li>Quarantined and refused mail is marked too: the receiver kept what it must. Mail the
 *       receiver could not take (the desk's store down, the disk full) stays unmarked and is
 *       read again after a back-off.</li>
 *   <li>IDLE where the server offers it, renewed every {@link ImapSettings#idleRenewal()};
 *       otherwise the folder is read every {@link ImapSettings#interval()}.</li>
 *   <li>A lost connection is opened again with back-off, doubling from
 *       {@link ImapSettings#initialBackoff()} to {@link ImapSettings#maxBackoff()}.</li>
 * </ul>
 *
 * <p>The poller owns one thread, started by {@link #start()} and ended by {@link #close()}, and
 * one timer thread that renews IDLE. A host that schedules work itself calls {@link #pollOnce()}
 * instead and never starts it.
 */
public final class ImapPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    private final ImapSettings settings;
    private final TenantMailbox mailbox;
    private final MailReceiver receiver;
    private final Session session;
    private final Object lock = new Object();
    private volatile boolean running;
    private Thread thread;
    private ScheduledExecutorService renewer;
    private Store store;
    private Folder folder;

    /**
     * A poller for one mailbox.
     *
     * @param settings the server and folders
     * @param mailbox  the tenant's mailbox the mail arrives in
     * @param receiver where each mail goes
     */
    public ImapPoller(ImapSettings settings, TenantMailbox mailbox, MailReceiver receiver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(ImapSettings s) {
        Properties p = new Properties();
        String prefix = "mail." + s.protocol() + ".";
        String millis = Long.toString(s.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        if (!s.ssl() && !s.plainText()) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        p.putAll(MailParser.sessionProperties());
        p.putAll(s.properties());
        return p;
    }

    /**
     * Reads the folder once and handles up to {@link ImapSettings#batchSize()} new mails as one
     * batch ({@link MailReceiver#receiveAll}: one durable commit of the desk for all of them),
     * connecting first when needed. The mails are marked processed once the receiver answered
     * for the batch, and only the mails it answered for.
     *
     * @return how many mails were handled (taken, quarantined or refused) and marked
     * @throws MessagingException when the server could not be read or a mail not marked
     * @throws IOException        when the receiver could not take the batch's mails, or not all
     *                            of them (those stay unmarked; the failure is thrown as it
     *                            came, an unchecked one included)
     */
    public int pollOnce() throws MessagingException, IOException {
        synchronized (lock) {
            Folder inbox = open();
            List<Message> batch = new ArrayList<>();
            for (Message message : unprocessed(inbox)) {
                if (batch.size() >= settings.batchSize()) {
                    break;
                }
                if (!message.isExpunged()) {
                    batch.add(message);
                }
            }
            if (batch.isEmpty()) {
                return 0;
            }
            List<RawMail> mails = batch.stream().map(ImapPoller::raw).toList();
            List<IntakeOutcome> outcomes;
            try {
                outcomes = receiver.receiveAll(mailbox, mails);
            } catch (ReceiveInterruptedException e) {
                // the mails taken before the failure are marked; the rest stay for the next read
                markProcessed(inbox, batch.subList(0, e.taken().size()));
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof IOException failure) {
                    throw failure;
                }
                throw e;
            }
            markProcessed(inbox, batch);
            for (IntakeOutcome outcome : outcomes) {
                LOG.debug("{}: {}", mailbox.endpoint(), outcome.describe());
            }
            return batch.size();
        }
    }

    private static RawMail raw(Message message) {
        return out -> {
            try {
                message.writeTo(out);
            } catch (MessagingException e) {
                throw new IOException("cannot read message " + message.getMessageNumber() + ": " + e.getMessage(), e);
            }
        };
    }

    private Message[] unprocessed(Folder inbox) throws MessagingException {
        Message[] messages = settings.processed() == ImapSettings.Processed.MOVE
                ? inbox.getMessages()
                : inbox.search(new FlagTerm(new Flags(settings.processedKeyword()), false));
        // messages moved away in an earlier pass may linger as expunged until the server's answer arrives
        return Arrays.stream(messages).filter(m -> !m.isExpunged())
                .sorted((a, b) -> Integer.compare(a.getMessageNumber(), b.getMessageNumber()))
                .limit(settings.batchSize()).toArray(Message[]::new);
    }

    private void markProcessed(Folder inbox, List<Message> messages) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Message[] marked = messages.toArray(Message[]::new);
        if (settings.processed() == ImapSettings.Processed.MOVE) {
            Folder target = store.getFolder(settings.processedFolder());
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("cannot create folder " + settings.processedFolder());
            }
            ((IMAPFolder) inbox).moveMessages(marked, target);
        } else {
            Flags flags = new Flags(Flags.Flag.SEEN);
            flags.add(settings.processedKeyword());
            inbox.setFlags(marked, flags, true);
        }
    }

    private Folder open() throws MessagingException {
        if (store == null || !store.isConnected()) {
            closeQuietly();
            store = session.getStore(settings.protocol());
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        }
        if (folder == null || !folder.isOpen()) {
            folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
        }
        return folder;
    }

    /**
     * Starts the poller's thread: read, wait for new mail (IDLE or the interval), read again,
     * until {@link #close()}. Starting twice is a no-op.
     */
    public void start() {
        synchronized (this) {
            if (running) {
                return;
            }
            running = true;
            renewer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "helpdesk-imap-idle-" + mailbox.endpoint()));
            thread = daemon(this::run, "helpdesk-imap-" + mailbox.endpoint());
            thread.start();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void run() {
        Duration backoff = settings.initialBackoff();
        while (running) {
            try {
                int handled = pollOnce();
                backoff = settings.initialBackoff();
                if (handled < settings.batchSize() && running) {
                    waitForMail();
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("{}: reading the mailbox failed, trying again in {}: {}", mailbox.endpoint(), backoff,
                        e.toString());
                synchronized (lock) {
                    closeQuietly();
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void waitForMail() throws MessagingException {
        Folder current;
        synchronized (lock) {
            current = folder;
        }
        if (settings.idle() && current instanceof IMAPFolder imap && store instanceof IMAPStore imapStore
                && imapStore.hasCapability("IDLE")) {
            ScheduledFuture<?> renewal = renewer.schedule(() -> interruptIdle(imap), settings.idleRenewal().toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                imap.idle(true);
            } finally {
                renewal.cancel(false);
            }
        } else {
            sleep(settings.interval());
        }
    }

    /** Any command on the folder from another thread ends a running IDLE. */
    private static void interruptIdle(IMAPFolder folder) {
        try {
            folder.getMessageCount();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("renewing IDLE failed", e);
        }
    }

    private void sleep(Duration duration) {
        synchronized (this) {
            long end = System.nanoTime() + duration.toNanos();
            long left;
            while (running && (left = end - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Stops the thread (after the mail in hand, if any) and closes the connection.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            notifyAll();
            t = thread;
            thread = null;
        }
        Folder f = folder;
        if (f instanceof IMAPFolder imap) {
            interruptIdle(imap);
        }
        if (t != null) {
            try {
                t.join(settings.timeout().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (renewer != null) {
            renewer.shutdownNow();
        }
        synchronized (lock) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing the folder failed", e);
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing the connection failed", e);
        }
        folder = null;
        store = null;
    }
}
