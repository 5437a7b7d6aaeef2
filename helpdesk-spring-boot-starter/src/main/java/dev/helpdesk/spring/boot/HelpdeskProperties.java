package dev.helpdesk.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 'helpdesk.*' properties of a Spring Boot host. Every property has a default, so a
 * host with a 'DataSource' needs none of them.
 */
@ConfigurationProperties("helpdesk")
public class HelpdeskProperties {
    /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
    public HelpdeskProperties() {
    }

    /** Whether the starter configures a desk at all. */
    private boolean enabled = true;

    private final Tenant tenant = new Tenant();
    private final Tickets tickets = new Tickets();
    private final Due due = new Due();
    private final Scheduling scheduling = new Scheduling();
    private final Schema schema = new Schema();
    private final Outbox outbox = new Outbox();
    private final Mail mail = new Mail();
    private final HealthLimits health = new HealthLimits();
    private final Metrics metrics = new Metrics();
    private final Attachments attachments = new Attachments();

    /**
     * Whether the starter configures a desk at all.
     *
     * @return true unless 'helpdesk.enabled=false'
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the starter on or off.
     *
     * @param enabled false to configure nothing
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The defaults that apply to tenants.
     *
     * @return the tenant settings
     */
    public Tenant getTenant() {
        return tenant;
    }

    /**
     * The settings of tickets' life cycle.
     *
     * @return the ticket settings
     */
    public Tickets getTickets() {
        return tickets;
    }

    /**
     * How due work is claimed.
     *
     * @return the due-work settings
     */
    public Due getDue() {
        return due;
    }

    /**
     * How often due work and event delivery run.
     *
     * @return the scheduling settings
     */
    public Scheduling getScheduling() {
        return scheduling;
    }

    /**
     * How the desk's tables are installed and upgraded.
     *
     * @return the schema settings
     */
    public Schema getSchema() {
        return schema;
    }

    /**
     * The transactional outbox of events.
     *
     * @return the outbox settings
     */
    public Outbox getOutbox() {
        return outbox;
    }

    /**
     * The inbound mail settings of the email channel (used when helpdesk-email is present).
     *
     * @return the mail settings
     */
    public Mail getMail() {
        return mail;
    }

    /**
     * The limits of the desk's health indicator.
     *
     * @return the health limits
     */
    public HealthLimits getHealth() {
        return health;
    }

    /**
     * The desk's Micrometer meters.
     *
     * @return the metrics settings
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /**
     * Where attachments are kept.
     *
     * @return the attachment settings
     */
    public Attachments getAttachments() {
        return attachments;
    }

    /** Where attachments are kept, when the application has no AttachmentStore bean of its own. */
    public static class Attachments {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Attachments() {
        }

        /** A directory for attachment bytes (a file-system attachment store); none when not set. */
        private java.nio.file.Path directory;

        /**
         * The attachment directory.
         *
         * @return the directory, or null
         */
        public java.nio.file.Path getDirectory() {
            return directory;
        }

        /**
         * Sets the attachment directory.
         *
         * @param directory the directory; created when missing
         */
        public void setDirectory(java.nio.file.Path directory) {
            this.directory = directory;
        }
    }

    /** The desk's Micrometer meters. */
    public static class Metrics {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Metrics() {
        }

        /** Whether the desk's meters are registered when Micrometer is present. */
        private boolean enabled = true;

        /**
         * Whether the meters are registered.
         *
         * @return true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the meters on or off.
         *
         * @param enabled false for no meters
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The limits past which the desk's health indicator reports 'DOWN'. */
    public static class HealthLimits {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public HealthLimits() {
        }

        /** The largest healthy outbox backlog (events not yet delivered to every listener). */
        private long maxBacklog = 10_000;

        /** The largest healthy number of dead letters. */
        private int maxDeadLetters = 0;

        /** The longest healthy due lag (time since the oldest due time not yet handled). */
        private Duration maxDueLag = Duration.ofMinutes(15);

        /**
         * The largest healthy backlog.
         *
         * @return events
         */
        public long getMaxBacklog() {
            return maxBacklog;
        }

        /**
         * Sets the largest healthy backlog.
         *
         * @param maxBacklog events
         */
        public void setMaxBacklog(long maxBacklog) {
            this.maxBacklog = maxBacklog;
        }

        /**
         * The largest healthy number of dead letters.
         *
         * @return dead letters
         */
        public int getMaxDeadLetters() {
            return maxDeadLetters;
        }

        /**
         * Sets the largest healthy number of dead letters.
         *
         * @param maxDeadLetters dead letters
         */
        public void setMaxDeadLetters(int maxDeadLetters) {
            this.maxDeadLetters = maxDeadLetters;
        }

        /**
         * The longest healthy due lag.
         *
         * @return the lag
         */
        public Duration getMaxDueLag() {
            return maxDueLag;
        }

        /**
         * Sets the longest healthy due lag.
         *
         * @param maxDueLag the lag
         */
        public void setMaxDueLag(Duration maxDueLag) {
            this.maxDueLag = maxDueLag;
        }
    }

    /** Defaults that apply to tenants. */
    public static class Tenant {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Tenant() {
        }

        /**
         * The tenant of a single-tenant host: when set, a 'TenantDesk' bean for it is
         * registered, to inject where the host works for that tenant only.
         */
        private String defaultId;

        /**
         * The languages (BCP 47 tags such as 'en', 'nl') readers of the knowledge
         * base fall back to, in order, when an article is not written in theirs.
         */
        private List<String> knowledgeFallbacks = new ArrayList<>(List.of("en"));

        /**
         * The tenant of a single-tenant host.
         *
         * @return the tenant id, or null for none
         */
        public String getDefaultId() {
            return defaultId;
        }

        /**
         * Sets the tenant of a single-tenant host.
         *
         * @param defaultId the tenant id
         */
        public void setDefaultId(String defaultId) {
            this.defaultId = defaultId;
        }

        /**
         * The knowledge base's fallback languages.
         *
         * @return BCP 47 tags, in order
         */
        public List<String> getKnowledgeFallbacks() {
            return knowledgeFallbacks;
        }

        /**
         * Sets the knowledge base's fallback languages.
         *
         * @param knowledgeFallbacks BCP 47 tags, in order
         */
        public void setKnowledgeFallbacks(List<String> knowledgeFallbacks) {
            this.knowledgeFallbacks = knowledgeFallbacks;
        }
    }

    /** The settings of tickets' life cycle. */
    public static class Tickets {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Tickets() {
        }

        /** How long a ticket stays solved before due work closes it automatically. */
        private Duration autoCloseAfter = Duration.ofDays(7);

        /**
         * How long a ticket stays solved before it closes.
         *
         * @return the duration
         */
        public Duration getAutoCloseAfter() {
            return autoCloseAfter;
        }

        /**
         * Sets how long a ticket stays solved before it closes.
         *
         * @param autoCloseAfter the duration, such as '7d'
         */
        public void setAutoCloseAfter(Duration autoCloseAfter) {
            this.autoCloseAfter = autoCloseAfter;
        }
    }

    /** How due work is claimed. */
    public static class Due {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Due() {
        }

        /** How many due tickets one claim takes at a time. */
        private int batchSize = 100;

        /** How long a claim on a due ticket holds when the instance that claimed it dies. */
        private Duration lease = Duration.ofMinutes(5);

        /**
         * How many due tickets one claim takes.
         *
         * @return the batch size
         */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets how many due tickets one claim takes.
         *
         * @param batchSize the batch size
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * How long a claim holds.
         *
         * @return the lease
         */
        public Duration getLease() {
            return lease;
        }

        /**
         * Sets how long a claim holds.
         *
         * @param lease the lease
         */
        public void setLease(Duration lease) {
            this.lease = lease;
        }
    }

    /** How often due work and event delivery run on the starter's own thread. */
    public static class Scheduling {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Scheduling() {
        }

        /**
         * Whether the starter runs due work and event delivery on a thread of its own. Turn it
         * off when the host schedules 'Helpdesk.runDue' itself (such as with a cluster
         * scheduler).
         */
        private boolean enabled = true;

        /** How often due work runs (SLA warnings and breaches, timed escalation, auto-close). */
        private Duration dueInterval = Duration.ofMinutes(1);

        /** How often events of the outbox are handed to the event listeners. */
        private Duration deliveryInterval = Duration.ofSeconds(5);

        /**
         * Whether the starter schedules the desk's work.
         *
         * @return true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the starter's scheduling on or off.
         *
         * @param enabled false when the host schedules the work itself
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * How often due work runs.
         *
         * @return the interval
         */
        public Duration getDueInterval() {
            return dueInterval;
        }

        /**
         * Sets how often due work runs.
         *
         * @param dueInterval the interval
         */
        public void setDueInterval(Duration dueInterval) {
            this.dueInterval = dueInterval;
        }

        /**
         * How often events are delivered.
         *
         * @return the interval
         */
        public Duration getDeliveryInterval() {
            return deliveryInterval;
        }

        /**
         * Sets how often events are delivered.
         *
         * @param deliveryInterval the interval
         */
        public void setDeliveryInterval(Duration deliveryInterval) {
            this.deliveryInterval = deliveryInterval;
        }
    }

    /** How the desk's tables are installed and upgraded. */
    public static class Schema {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Schema() {
        }

        /**
         * Who installs and upgrades the desk's tables: the library's built-in migrator
         * ('migrate'), Flyway with a history table of the desk's own ('flyway'), or
         * nobody ('none': the host applies the scripts).
         */
        private SchemaMode mode = SchemaMode.MIGRATE;

        /**
         * The database schema (on MariaDB and MySQL: the database) of the desk's tables; the
         * connection's default schema when not set. It must exist.
         */
        private String name;

        /** The history table Flyway records the desk's scripts in (mode 'flyway'). */
        private String flywayTable = "hd_flyway_history";

        /**
         * Who installs the tables.
         *
         * @return the mode
         */
        public SchemaMode getMode() {
            return mode;
        }

        /**
         * Sets who installs the tables.
         *
         * @param mode the mode
         */
        public void setMode(SchemaMode mode) {
            this.mode = mode;
        }

        /**
         * The schema of the tables.
         *
         * @return the schema name, or null for the connection's default
         */
        public String getName() {
            return name;
        }

        /**
         * Sets the schema of the tables.
         *
         * @param name a plain SQL identifier
         */
        public void setName(String name) {
            this.name = name;
        }

        /**
         * Flyway's history table for the desk's scripts.
         *
         * @return the table name
         */
        public String getFlywayTable() {
            return flywayTable;
        }

        /**
         * Sets Flyway's history table for the desk's scripts.
         *
         * @param flywayTable the table name
         */
        public void setFlywayTable(String flywayTable) {
            this.flywayTable = flywayTable;
        }
    }

    /** Who installs and upgrades the desk's tables. */
    public enum SchemaMode {
        /** The library's built-in migrator, with its history in 'hd_schema_history'. */
        MIGRATE,
        /** Flyway, with the desk's scripts in a history table of their own. */
        FLYWAY,
        /** Nobody: the host applies the shipped scripts. */
        NONE
    }

    /** The transactional outbox of events. */
    public static class Outbox {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Outbox() {
        }

        /**
         * Whether commits write every event to the outbox, from which the event listeners
         * receive them. Turn it off only when no event listener will ever be used.
         */
        private boolean enabled = true;

        /** How often a failing listener gets an event before it becomes a dead letter. */
        private int maxAttempts = 10;

        /** The first pause before a failed event is delivered again; it doubles each time. */
        private Duration firstRetry = Duration.ofSeconds(1);

        /** The longest pause between two deliveries of a failing event. */
        private Duration maxRetry = Duration.ofMinutes(15);

        /**
         * Whether commits write outbox rows.
         *
         * @return true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the outbox on or off.
         *
         * @param enabled false without event listeners
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Deliveries of a failing event before it is a dead letter.
         *
         * @return the attempts
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the deliveries of a failing event before it is a dead letter.
         *
         * @param maxAttempts the attempts
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * The first retry pause.
         *
         * @return the pause
         */
        public Duration getFirstRetry() {
            return firstRetry;
        }

        /**
         * Sets the first retry pause.
         *
         * @param firstRetry the pause
         */
        public void setFirstRetry(Duration firstRetry) {
            this.firstRetry = firstRetry;
        }

        /**
         * The longest retry pause.
         *
         * @return the pause
         */
        public Duration getMaxRetry() {
            return maxRetry;
        }

        /**
         * Sets the longest retry pause.
         *
         * @param maxRetry the pause
         */
        public void setMaxRetry(Duration maxRetry) {
            this.maxRetry = maxRetry;
        }
    }

    /** Inbound mail settings of the email channel. */
    public static class Mail {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Mail() {
        }

        /** The largest message taken, in bytes; larger ones are quarantined. */
        private long maxMessageBytes = 100L * 1024 * 1024;

        /** The largest attachment kept, in bytes. */
        private long maxAttachmentBytes = 32L * 1024 * 1024;

        /** How many messages one sender may send within the sender window before being held. */
        private int senderLimit = 30;

        /** The window of the sender limit. */
        private Duration senderWindow = Duration.ofHours(1);

        /** Whether quoted earlier messages are cut from replies. */
        private boolean stripQuotes = true;

        /** Whether a message without a Date header is refused. */
        private boolean requireDate = true;

        /** Whether the raw message is kept beside the ticket's message. */
        private boolean keepSource = false;

        /** A directory where large messages are spooled while they are parsed; in memory when not set. */
        private java.nio.file.Path spoolDirectory;

        /** A directory for quarantined messages; kept in memory when not set. */
        private java.nio.file.Path quarantineDirectory;

        private final Smtp smtp = new Smtp();

        private final Imap imap = new Imap();

        /**
         * The quarantine directory.
         *
         * @return the directory, or null
         */
        public java.nio.file.Path getQuarantineDirectory() {
            return quarantineDirectory;
        }

        /**
         * Sets the quarantine directory.
         *
         * @param quarantineDirectory the directory
         */
        public void setQuarantineDirectory(java.nio.file.Path quarantineDirectory) {
            this.quarantineDirectory = quarantineDirectory;
        }

        /**
         * The SMTP server replies leave through.
         *
         * @return the SMTP settings
         */
        public Smtp getSmtp() {
            return smtp;
        }

        /**
         * The IMAP account mail is read from.
         *
         * @return the IMAP settings
         */
        public Imap getImap() {
            return imap;
        }

        /**
         * Whether a message without a Date header is refused.
         *
         * @return true by default
         */
        public boolean isRequireDate() {
            return requireDate;
        }

        /**
         * Sets whether a message without a Date header is refused.
         *
         * @param requireDate false to take such messages
         */
        public void setRequireDate(boolean requireDate) {
            this.requireDate = requireDate;
        }

        /**
         * Whether the raw message is kept.
         *
         * @return false by default
         */
        public boolean isKeepSource() {
            return keepSource;
        }

        /**
         * Sets whether the raw message is kept.
         *
         * @param keepSource true to keep it
         */
        public void setKeepSource(boolean keepSource) {
            this.keepSource = keepSource;
        }

        /**
         * The spool directory.
         *
         * @return the directory, or null
         */
        public java.nio.file.Path getSpoolDirectory() {
            return spoolDirectory;
        }

        /**
         * Sets the spool directory.
         *
         * @param spoolDirectory the directory
         */
        public void setSpoolDirectory(java.nio.file.Path spoolDirectory) {
            this.spoolDirectory = spoolDirectory;
        }

        /**
         * The largest message taken.
         *
         * @return bytes
         */
        public long getMaxMessageBytes() {
            return maxMessageBytes;
        }

        /**
         * Sets the largest message taken.
         *
         * @param maxMessageBytes bytes
         */
        public void setMaxMessageBytes(long maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
        }

        /**
         * The largest attachment kept.
         *
         * @return bytes
         */
        public long getMaxAttachmentBytes() {
            return maxAttachmentBytes;
        }

        /**
         * Sets the largest attachment kept.
         *
         * @param maxAttachmentBytes bytes
         */
        public void setMaxAttachmentBytes(long maxAttachmentBytes) {
            this.maxAttachmentBytes = maxAttachmentBytes;
        }

        /**
         * Messages per sender within the window.
         *
         * @return the limit
         */
        public int getSenderLimit() {
            return senderLimit;
        }

        /**
         * Sets the messages per sender within the window.
         *
         * @param senderLimit the limit
         */
        public void setSenderLimit(int senderLimit) {
            this.senderLimit = senderLimit;
        }

        /**
         * The window of the sender limit.
         *
         * @return the window
         */
        public Duration getSenderWindow() {
            return senderWindow;
        }

        /**
         * Sets the window of the sender limit.
         *
         * @param senderWindow the window
         */
        public void setSenderWindow(Duration senderWindow) {
            this.senderWindow = senderWindow;
        }

        /**
         * Whether quotes are cut from replies.
         *
         * @return true by default
         */
        public boolean isStripQuotes() {
            return stripQuotes;
        }

        /**
         * Sets whether quotes are cut from replies.
         *
         * @param stripQuotes false to keep quotes
         */
        public void setStripQuotes(boolean stripQuotes) {
            this.stripQuotes = stripQuotes;
        }
    }

        /** The IMAP account a desk's mailbox is read from ({@code helpdesk.mail.imap.*}). */
    public static class Imap {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Imap() {
        }

        /** The IMAP server's host; without it no poller is registered. */
        private String host;

        /** The IMAP server's port. */
        private int port = 993;

        /** Whether the connection is TLS from the start (imaps); otherwise STARTTLS is required. */
        private boolean ssl = true;

        /** Whether a server without TLS is accepted (tests and local servers only). */
        private boolean plainText = false;

        /** The user name of the mailbox's account. */
        private String username;

        /** The password of the mailbox's account. */
        private String password;

        /** The address of the desk's mailbox (a TenantMailbox bean) the account receives; may be left out when the application has one mailbox. */
        private String mailbox;

        /** The folder read. */
        private String folder = "INBOX";

        /** How a processed mail is marked: FLAG (seen, with a keyword) or MOVE (to the processed folder). */
        private String processed = "FLAG";

        /** The folder processed mail is moved to with MOVE. */
        private String processedFolder = "Processed";

        /** How often the folder is read when the server offers no IDLE. */
        private Duration interval = Duration.ofMinutes(1);

        /** Whether IDLE is used where the server offers it. */
        private boolean idle = true;

        /** The most messages taken per read. */
        private int batchSize = 50;

        /**
         * The IMAP server's host.
         *
         * @return the host, or null
         */
        public String getHost() {
            return host;
        }

        /**
         * Sets: the IMAP server's host.
         *
         * @param host the host
         */
        public void setHost(String host) {
            this.host = host;
        }

        /**
         * The IMAP server's port.
         *
         * @return the port
         */
        public int getPort() {
            return port;
        }

        /**
         * Sets: the IMAP server's port.
         *
         * @param port the port
         */
        public void setPort(int port) {
            this.port = port;
        }

        /**
         * Whether the connection is TLS from the start (imaps).
         *
         * @return true by default
         */
        public boolean isSsl() {
            return ssl;
        }

        /**
         * Sets: whether the connection is TLS from the start (imaps).
         *
         * @param ssl false for STARTTLS
         */
        public void setSsl(boolean ssl) {
            this.ssl = ssl;
        }

        /**
         * Whether a server without TLS is accepted (tests and local servers only).
         *
         * @return false by default
         */
        public boolean isPlainText() {
            return plainText;
        }

        /**
         * Sets: whether a server without TLS is accepted (tests and local servers only).
         *
         * @param plainText true to accept it
         */
        public void setPlainText(boolean plainText) {
            this.plainText = plainText;
        }

        /**
         * The user name of the mailbox's account.
         *
         * @return the user name, or null
         */
        public String getUsername() {
            return username;
        }

        /**
         * Sets: the user name of the mailbox's account.
         *
         * @param username the user name
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * The password of the mailbox's account.
         *
         * @return the password, or null
         */
        public String getPassword() {
            return password;
        }

        /**
         * Sets: the password of the mailbox's account.
         *
         * @param password the password
         */
        public void setPassword(String password) {
            this.password = password;
        }

        /**
         * The address of the desk's mailbox (a TenantMailbox bean) the account receives.
         *
         * @return the address, or null
         */
        public String getMailbox() {
            return mailbox;
        }

        /**
         * Sets: the address of the desk's mailbox (a TenantMailbox bean) the account receives.
         *
         * @param mailbox the address
         */
        public void setMailbox(String mailbox) {
            this.mailbox = mailbox;
        }

        /**
         * The folder read.
         *
         * @return the folder
         */
        public String getFolder() {
            return folder;
        }

        /**
         * Sets: the folder read.
         *
         * @param folder the folder
         */
        public void setFolder(String folder) {
            this.folder = folder;
        }

        /**
         * How a processed mail is marked.
         *
         * @return the marking
         */
        public String getProcessed() {
            return processed;
        }

        /**
         * Sets: how a processed mail is marked.
         *
         * @param processed the marking
         */
        public void setProcessed(String processed) {
            this.processed = processed;
        }

        /**
         * The folder processed mail is moved to with MOVE.
         *
         * @return the folder
         */
        public String getProcessedFolder() {
            return processedFolder;
        }

        /**
         * Sets: the folder processed mail is moved to with MOVE.
         *
         * @param processedFolder the folder
         */
        public void setProcessedFolder(String processedFolder) {
            this.processedFolder = processedFolder;
        }

        /**
         * How often the folder is read when the server offers no IDLE.
         *
         * @return the interval
         */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Sets: how often the folder is read when the server offers no IDLE.
         *
         * @param interval the interval
         */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /**
         * Whether IDLE is used where the server offers it.
         *
         * @return true by default
         */
        public boolean isIdle() {
            return idle;
        }

        /**
         * Sets: whether IDLE is used where the server offers it.
         *
         * @param idle false to poll only
         */
        public void setIdle(boolean idle) {
            this.idle = idle;
        }

        /**
         * The most messages taken per read.
         *
         * @return the number
         */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets: the most messages taken per read.
         *
         * @param batchSize the number
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }

/** The SMTP server that replies and notices by email leave through. */
    public static class Smtp {
        /** Settings with their defaults, to be bound from the {@code helpdesk.*} properties. */
        public Smtp() {
        }

        /** The SMTP server's host; without it no SMTP sender is registered. */
        private String host;

        /** The SMTP server's port. */
        private int port = 587;

        /** Whether the connection is TLS from the start (smtps); otherwise STARTTLS is required. */
        private boolean ssl = false;

        /** Whether a server without TLS is accepted (tests and local relays only). */
        private boolean plainText = false;

        /** The user name, when the server asks for one. */
        private String username;

        /** The password, when the server asks for one. */
        private String password;

        /**
         * The host.
         *
         * @return the host, or null
         */
        public String getHost() {
            return host;
        }

        /**
         * Sets the host.
         *
         * @param host the host
         */
        public void setHost(String host) {
            this.host = host;
        }

        /**
         * The port.
         *
         * @return the port
         */
        public int getPort() {
            return port;
        }

        /**
         * Sets the port.
         *
         * @param port the port
         */
        public void setPort(int port) {
            this.port = port;
        }

        /**
         * Whether TLS is used from the start.
         *
         * @return false by default
         */
        public boolean isSsl() {
            return ssl;
        }

        /**
         * Sets whether TLS is used from the start.
         *
         * @param ssl true for smtps
         */
        public void setSsl(boolean ssl) {
            this.ssl = ssl;
        }

        /**
         * Whether a server without TLS is accepted.
         *
         * @return false by default
         */
        public boolean isPlainText() {
            return plainText;
        }

        /**
         * Sets whether a server without TLS is accepted.
         *
         * @param plainText true for a local relay
         */
        public void setPlainText(boolean plainText) {
            this.plainText = plainText;
        }

        /**
         * The user name.
         *
         * @return the user name, or null
         */
        public String getUsername() {
            return username;
        }

        /**
         * Sets the user name.
         *
         * @param username the user name
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * The password.
         *
         * @return the password, or null
         */
        public String getPassword() {
            return password;
        }

        /**
         * Sets the password.
         *
         * @param password the password
         */
        public void setPassword(String password) {
            this.password = password;
        }
    }
}
