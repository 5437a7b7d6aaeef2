package dev.helpdesk.bench.email;

import dev.helpdesk.bench.jdbc.BenchPostgres;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.inbound.RawMail;
import dev.helpdesk.email.parse.MailParser;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.Checksum;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Ingest throughput of the email channel into the desk, in messages per second, on the 60
 * messages of the test corpus ({@code helpdesk-email/src/test/resources/corpus}), from memory,
 * against the limit of parsing alone, in one run:
 *
 * <ul>
 *   <li>{@code angus}: Jakarta Mail on Angus alone reads each message and every part's decoded
 *       content (as {@link MailParseBenchmark#angus});</li>
 *   <li>{@code ingestH2} and {@code ingestPostgres}: the whole path a host runs for each mail: the channel's receiver
 *       (spooling, parsing, limits, charsets, automatic-mail detection, quoted-reply stripping,
 *       attachments streamed to the store) and the desk's intake (duplicate check, threading by
 *       references and subject tag, the customer from the CRM, the decider) committing each
 *       message to a JDBC store (an in-memory H2 database; embedded PostgreSQL with every
 *       commit flushed) with its external id, attachments and outbox rows.</li>
 *   <li>{@code ingestH2Batched} and {@code ingestPostgresBatched}: the same path through the
 *       batch entry the IMAP poller uses ({@link MailReceiver#receiveAll}), in batches of the
 *       poller's default size (50 mails, then 10), each batch one transaction of the store and
 *       so one durable commit.</li>
 * </ul>
 *
 * <p>Each invocation takes the corpus for a new tenant, so no message is a duplicate of an
 * earlier invocation's: every mail the channel accepts is a commit (new tickets and, for the
 * corpus's replies, replies threaded onto them). The attachment store digests the bytes and
 * drops them (the host's storage is not what is measured); the per-sender rate limit is off
 * (the corpus has many mails from few senders). The corpus's malformed, oversize and too
 * complex mails are quarantined by the channel in memory, as in production.
 *
 * <p>The bar: {@code ingestH2} and {@code ingestPostgres} at least 0.3 of {@code angus}. Run from the
 * repository root: {@code java -jar helpdesk-bench/target/benchmarks.jar IngestBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class IngestBenchmark {
    /** The IMAP poller's default batch size ({@code ImapSettings.batchSize}). */
    static final int BATCH = 50;

    @Param("helpdesk-email/src/test/resources/corpus")
    public String corpus;

    private List<byte[]> messages;
    private Session session;

    /** Reads the corpus. */
    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of(corpus);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no corpus at " + dir.toAbsolutePath()
                    + ": run from the repository root or pass -p corpus=<dir>");
        }
        try (Stream<Path> files = Files.list(dir)) {
            messages = files.filter(f -> f.toString().endsWith(".eml")).sorted().map(IngestBenchmark::read).toList();
        }
        if (messages.size() != MailParseBenchmark.MESSAGES) {
            throw new IllegalStateException("expected " + MailParseBenchmark.MESSAGES + " messages, found "
                    + messages.size());
        }
        session = Session.getInstance(MailParser.sessionProperties());
    }

    /** The receiver and the desk on a store; each invocation takes the corpus for a new tenant. */
    abstract static class Desk {
        private final AtomicLong tenants = new AtomicLong();
        private MailReceiver receiver;

        void build(DataSource database) {
            Helpdesk desk = Helpdesk.builder().store(JdbcStores.create(database)).plugin(new EveryoneIsACustomer()).build();
            receiver = MailReceiver.builder()
                    .settings(MailSettings.builder().senderLimit(0).build())
                    .attachments(new DigestingAttachmentStore())
                    .quarantine(new InMemoryQuarantine())
                    .intake(desk.intake())
                    .build();
        }

        void ingest(List<byte[]> messages, Blackhole hole) throws IOException {
            TenantMailbox mailbox = newMailbox();
            for (byte[] raw : messages) {
                hole.consume(receiver.receive(mailbox, raw));
            }
        }

        /** The corpus in batches of the IMAP poller's default size, each one durable commit of the desk. */
        void ingestBatched(List<byte[]> messages, Blackhole hole) throws IOException {
            TenantMailbox mailbox = newMailbox();
            for (int from = 0; from < messages.size(); from += BATCH) {
                List<RawMail> batch = messages.subList(from, Math.min(messages.size(), from + BATCH)).stream()
                        .map(RawMail::of).toList();
                hole.consume(receiver.receiveAll(mailbox, batch));
            }
        }

        private TenantMailbox newMailbox() {
            return TenantMailbox.builder().tenant(TenantId.of("t" + tenants.incrementAndGet()))
                    .address(ContactAddress.email("support@acme.example")).build();
        }
    }

    /** The desk on an in-memory H2 database. */
    @State(Scope.Benchmark)
    public static class H2Desk extends Desk {
        private static final AtomicLong DATABASES = new AtomicLong();

        /** Builds the desk on a fresh database. */
        @Setup
        public void start() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:ingest-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            build(h2);
        }
    }

    /** The desk on embedded PostgreSQL, every commit flushed ({@code synchronous_commit=on}). */
    @State(Scope.Benchmark)
    public static class PostgresDesk extends Desk {
        private BenchPostgres postgres;
        private BenchPostgres.Pool pool;

        /** Starts PostgreSQL and builds the desk on a fresh database. */
        @Setup
        public void start() {
            postgres = new BenchPostgres();
            pool = postgres.database();
            build(pool);
        }

        /** Stops PostgreSQL. */
        @TearDown
        public void stop() throws Exception {
            pool.close();
            postgres.close();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parsing alone, the limit.
     *
     * @param hole the sink
     * @throws IOException never in practice
     */
    @Benchmark
    @OperationsPerInvocation(MailParseBenchmark.MESSAGES)
    public void angus(Blackhole hole) throws IOException {
        MailParseBenchmark.readWithAngus(messages, session, hole);
    }

    /**
     * Parse, thread and commit: the channel's receiver handing each mail to the desk's intake
     * on H2.
     *
     * @param desk the desk on H2
     * @param hole the sink
     * @throws IOException when the spool fails
     */
    @Benchmark
    @OperationsPerInvocation(MailParseBenchmark.MESSAGES)
    public void ingestH2(H2Desk desk, Blackhole hole) throws IOException {
        desk.ingest(messages, hole);
    }

    /**
     * Parse, thread and commit on PostgreSQL.
     *
     * @param desk the desk on PostgreSQL
     * @param hole the sink
     * @throws IOException when the spool fails
     */
    @Benchmark
    @OperationsPerInvocation(MailParseBenchmark.MESSAGES)
    public void ingestPostgres(PostgresDesk desk, Blackhole hole) throws IOException {
        desk.ingest(messages, hole);
    }

    /**
     * Parse, thread and commit on H2 in batches ({@link MailReceiver#receiveAll}): 50 mails, then
     * 10, each batch one transaction.
     *
     * @param desk the desk on H2
     * @param hole the sink
     * @throws IOException when the spool fails
     */
    @Benchmark
    @OperationsPerInvocation(MailParseBenchmark.MESSAGES)
    public void ingestH2Batched(H2Desk desk, Blackhole hole) throws IOException {
        desk.ingestBatched(messages, hole);
    }

    /**
     * Parse, thread and commit on PostgreSQL in batches: 50 mails, then 10, each batch one
     * transaction and one flushed commit.
     *
     * @param desk the desk on PostgreSQL
     * @param hole the sink
     * @throws IOException when the spool fails
     */
    @Benchmark
    @OperationsPerInvocation(MailParseBenchmark.MESSAGES)
    public void ingestPostgresBatched(PostgresDesk desk, Blackhole hole) throws IOException {
        desk.ingestBatched(messages, hole);
    }

    /** A CRM that knows everyone: each address is its own customer. */
    private static final class EveryoneIsACustomer implements CustomerDirectory {
        @Override
        public String name() {
            return "everyone";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            String id = "c:" + address.value();
            return Optional.of(CustomerId.of(id.length() <= 128 ? id : id.substring(0, 128)));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }

    /** Digests attachment bytes and drops them: the host's storage is not what is measured. */
    private static final class DigestingAttachmentStore implements AttachmentStore {
        private final AtomicLong keys = new AtomicLong();

        @Override
        public Either<Rejection, AttachmentRef> put(TenantId tenant, String name, String mediaType, InputStream content,
                                                    long maxBytes) {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            try {
                for (int n; (n = content.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        return Either.left(Rejection.Invalid.of("content", "must be at most " + maxBytes + " bytes"));
                    }
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Either.right(AttachmentRef.builder().name(name).mediaType(mediaType).size(size)
                    .checksum(Checksum.sha256(digest.digest())).storageKey(StorageKey.of("b/" + keys.incrementAndGet()))
                    .build());
        }

        @Override
        public Either<Rejection, InputStream> open(TenantId tenant, StorageKey key) {
            return Either.right(new ByteArrayInputStream(new byte[0]));
        }

        @Override
        public boolean delete(TenantId tenant, StorageKey key) {
            return true;
        }
    }
}
