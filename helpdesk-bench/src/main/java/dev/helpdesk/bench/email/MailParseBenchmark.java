package dev.helpdesk.bench.email;

import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.parse.MailParser;
import dev.helpdesk.email.parse.ParseFailure;
import dev.helpdesk.email.parse.ParsedAttachment;
import dev.helpdesk.email.parse.ParsedMail;
import dev.helpdesk.email.quote.QuoteStripper;
import io.vavr.control.Either;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse-only throughput of the email channel on the test corpus (the 60 messages of
 * {@code helpdesk-email/src/test/resources/corpus}), in messages per second, from memory:
 *
 * <ul>
 *   <li>{@code angus}: Jakarta Mail on Angus alone reads each message and every part's decoded
 *       content, the limit any channel built on it can reach;</li>
 *   <li>{@code channel}: the channel's own reading of the same messages: {@link MailParser}
 *       (limits, charsets, HTML to text, automatic-mail detection, threading ids), every
 *       attachment's bytes drained as the receiver streams them to the store, and quoted-reply
 *       stripping. Everything the receiver does before the intake except writing to a store.</li>
 * </ul>
 *
 * <p>The ingest comparison the channel is held to (parse + thread + commit at least 0.3× of
 * parse-only) adds the desk's intake on H2 and PostgreSQL once the intake exists; this is its
 * parse-only side. Run from the repository root (or pass {@code -p corpus=<dir>}):
 * {@code java -jar helpdesk-bench/target/benchmarks.jar MailParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class MailParseBenchmark {
    /** The corpus size the per-message figures divide by; checked at set-up. */
    static final int MESSAGES = 60;

    @Param("helpdesk-email/src/test/resources/corpus")
    public String corpus;

    private List<byte[]> messages;
    private MailParser parser;
    private Session session;
    private final QuoteStripper stripper = new QuoteStripper();

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(corpus);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no corpus at " + dir.toAbsolutePath()
                    + ": run from the repository root or pass -p corpus=<dir>");
        }
        try (Stream<Path> files = Files.list(dir)) {
            messages = files.filter(f -> f.toString().endsWith(".eml")).sorted().map(MailParseBenchmark::read).toList();
        }
        if (messages.size() != MESSAGES) {
            throw new IllegalStateException("expected " + MESSAGES + " messages, found " + messages.size());
        }
        parser = new MailParser(MailSettings.DEFAULTS);
        session = Session.getInstance(MailParser.sessionProperties());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void angus(Blackhole hole) throws IOException {
        readWithAngus(messages, session, hole);
    }

    /**
     * Reads each message with Jakarta Mail on Angus alone: the headers and every part's decoded
     * content, the limit the channel's own reading is measured against (also by
     * {@code IngestBenchmark}).
     *
     * @param messages the raw messages
     * @param session  the mail session
     * @param hole     the sink
     * @throws IOException never in practice
     */
    static void readWithAngus(List<byte[]> messages, Session session, Blackhole hole) throws IOException {
        for (byte[] raw : messages) {
            try {
                MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(raw));
                hole.consume(message.getSubject());
                hole.consume(message.getFrom());
                hole.consume(message.getSentDate());
                hole.consume(message.getMessageID());
                drain(message, hole, 0);
            } catch (MessagingException | IOException | RuntimeException e) {
                hole.consume(e);
            }
        }
    }

    private static void drain(Part part, Blackhole hole, int depth) throws MessagingException, IOException {
        if (depth < 12 && part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                drain(multipart.getBodyPart(i), hole, depth + 1);
            }
        } else if (part.isMimeType("text/*")) {
            try {
                hole.consume(part.getContent());
            } catch (IOException e) {
                hole.consume(e);
            }
        } else {
            try (InputStream in = part.getInputStream()) {
                hole.consume(in.transferTo(OutputStream.nullOutputStream()));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void channel(Blackhole hole) throws IOException {
        for (byte[] raw : messages) {
            Either<ParseFailure, ParsedMail> parsed = parser.parse(raw);
            if (parsed.isLeft()) {
                hole.consume(parsed.getLeft());
                continue;
            }
            try (ParsedMail mail = parsed.get()) {
                for (ParsedAttachment a : mail.attachments()) {
                    try (InputStream in = a.open()) {
                        hole.consume(in.transferTo(OutputStream.nullOutputStream()));
                    } catch (IOException e) {
                        hole.consume(e);
                    }
                }
                hole.consume(stripper.strip(mail.text()));
                hole.consume(mail.references());
                hole.consume(mail.flags());
            }
        }
    }
}
