package dev.helpdesk.email.parse;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.email.MailSettings;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parser never throws on arbitrary bytes: it answers a mail or a reason. */
class MailParserProperties {
    private static final MailParser PARSER = new MailParser(MailSettings.DEFAULTS);
    private static final List<byte[]> CORPUS = corpus();

    private static List<byte[]> corpus() {
        try (Stream<Path> files = Files.list(Path.of(MailParserProperties.class.getResource("/corpus").toURI()))) {
            List<byte[]> all = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                all.add(Files.readAllBytes(p));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 500)
    void arbitrary_bytes_answer_an_outcome(@ForAll byte[] raw) {
        answers(raw);
    }

    @Property(tries = 500)
    void mail_shaped_garbage_answers_an_outcome(@ForAll("mailShaped") byte[] raw) {
        answers(raw);
    }

    @Property(tries = 1000)
    void corpus_messages_damaged_anywhere_answer_an_outcome(@ForAll("damaged") byte[] raw) {
        answers(raw);
    }

    private static void answers(byte[] raw) {
        Either<ParseFailure, ParsedMail> result = PARSER.parse(raw);
        assertNotNull(result);
        if (result.isRight()) {
            ParsedMail mail = result.get();
            assertTrue(mail.subject().codePointCount(0, mail.subject().length()) <= 255);
            assertTrue(mail.subject().chars().noneMatch(c -> c == '\r' || c == '\n'));
            for (ParsedAttachment a : mail.attachments()) {
                try (var in = a.open()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // a broken part says so when it is read; the receiver quarantines the mail then
                }
            }
        }
    }

    @Provide
    Arbitrary<byte[]> mailShaped() {
        Arbitrary<String> header = Arbitraries.of("From: ", "To: ", "Subject: ", "Date: ", "Message-ID: ",
                "Content-Type: multipart/mixed; boundary=", "Content-Type: text/plain; charset=",
                "Content-Transfer-Encoding: ", "Content-Disposition: attachment; filename*=", "References: ",
                "--", "\r\n", "\n", "=?UTF-8?B?", "?=", "<", ">", "@", "\"", ";", "base64", "quoted-printable",
                "multipart/alternative", "message/rfc822", "text/html", "x", "=\r\n");
        return header.list().ofMaxSize(60).map(parts -> String.join("", parts).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<byte[]> base = Arbitraries.of(CORPUS);
        return Combinators.combine(base, Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.integers().between(1, 64), Arbitraries.bytes(), Arbitraries.of("flip", "cut", "insert"))
                .as((mail, at, length, value, how) -> damage(mail, at % Math.max(1, mail.length), length, value, how));
    }

    private static byte[] damage(byte[] mail, int at, int length, byte value, String how) {
        switch (how) {
            case "cut":
                byte[] cut = new byte[mail.length - Math.min(length, mail.length - at)];
                System.arraycopy(mail, 0, cut, 0, at);
                System.arraycopy(mail, at + (mail.length - cut.length), cut, at, cut.length - at);
                return cut;
            case "insert":
                byte[] longer = new byte[mail.length + length];
                System.arraycopy(mail, 0, longer, 0, at);
                for (int i = 0; i < length; i++) {
                    longer[at + i] = value;
                }
                System.arraycopy(mail, at, longer, at + length, mail.length - at);
                return longer;
            default:
                byte[] flipped = mail.clone();
                for (int i = at; i < Math.min(mail.length, at + length); i++) {
                    flipped[i] = value;
                }
                return flipped;
        }
    }
}
