package dev.helpdesk.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.email.support.RecordingIntake;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.MessageFlag;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the corpus (src/test/resources/corpus/*.eml), taken through the raw-mail
 * entry and checked against its .expected file: outcome and reason, sender, subject, text
 * (stripped and full), HTML, attachments, flags, references, notes, language.
 */
class CorpusTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    static Stream<String> corpus() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpusDirectory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    static Path corpusDirectory() throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/corpus").toURI());
    }

    @Test
    void the_corpus_holds_at_least_forty_messages_each_with_expectations() throws Exception {
        List<String> names = corpus().toList();
        assertTrue(names.size() >= 40, "corpus size " + names.size());
        for (String name : names) {
            assertTrue(Files.exists(corpusDirectory().resolve(name + ".expected")), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_message_meets_its_expectations(String name) throws Exception {
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(corpusDirectory().resolve(name + ".expected"), StandardCharsets.UTF_8)) {
            expected.load(in);
        }
        byte[] raw = Files.readAllBytes(corpusDirectory().resolve(name + ".eml"));
        RecordingIntake intake = new RecordingIntake();
        MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
        InMemoryQuarantine quarantine = new InMemoryQuarantine();
        MailReceiver receiver = MailReceiver.builder().attachments(attachments).quarantine(quarantine).intake(intake)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        IntakeOutcome outcome = receiver.receive(Mailboxes.ACME, raw);

        List<String> checked = new ArrayList<>();
        if (expected.getProperty("outcome").equals("quarantined")) {
            IntakeOutcome.Quarantined q = assertInstanceOf(IntakeOutcome.Quarantined.class, outcome, name);
            assertEquals(expected.getProperty("reason"), q.reason().code(), name + ": " + q.reason());
            if (expected.containsKey("detail.contains")) {
                assertTrue(q.reason().detail().contains(expected.getProperty("detail.contains")), q.reason().detail());
            }
            assertEquals(1, quarantine.list(Mailboxes.ACME.tenant()).size());
            assertTrue(Arrays.equals(raw, quarantine.open(Mailboxes.ACME.tenant(), q.id()).get().readAllBytes()),
                    "the quarantine keeps the raw mail");
            assertEquals(0, attachments.count(), "nothing of a quarantined mail stays in the store");
            assertTrue(intake.handed().isEmpty());
            return;
        }
        assertEquals("taken", expected.getProperty("outcome"), name);
        assertFalse(outcome instanceof IntakeOutcome.Quarantined, name + ": " + outcome.describe());
        InboundMessage m = intake.last();
        assertTrue(m.validate().isRight(), name + ": " + m.validate());
        for (String key : expected.stringPropertyNames().stream().sorted().toList()) {
            String want = expected.getProperty(key);
            checked.add(key);
            switch (key.replaceAll("\\.\\d+$", "")) {
                case "outcome" -> { }
                case "from" -> assertEquals(want, m.sender().value(), name);
                case "name" -> assertEquals(want, m.senderName().orElse(""), name);
                case "subject" -> assertEquals(want, m.subject(), name);
                case "subject.length" -> assertEquals(Integer.parseInt(want), m.subject().codePointCount(0, m.subject().length()), name);
                case "message-id" -> assertEquals(want, m.externalId().value(), name);
                case "message-id.prefix" -> assertTrue(m.externalId().value().startsWith(want), m.externalId().value());
                case "text" -> assertEquals(want, m.text(), name);
                case "text.starts" -> assertTrue(m.text().startsWith(want), name + ": " + m.text());
                case "text.contains" -> assertTrue(m.text().contains(want), name + ": <" + m.text() + "> lacks <" + want + ">");
                case "text.not-contains" -> assertFalse(m.text().contains(want), name + ": " + m.text());
                case "full.contains" -> assertTrue(m.fullText().contains(want), name + ": " + m.fullText());
                case "stripped" -> assertEquals(want.equals("yes"), !m.text().equals(m.fullText()), name);
                case "html" -> assertEquals(want.equals("present"), m.html().isPresent(), name);
                case "html.contains" -> assertTrue(m.html().orElse("").contains(want), name);
                case "flags" -> assertEquals(want, m.flags().isEmpty() ? "none"
                        : m.flags().stream().map(MessageFlag::name).sorted().collect(Collectors.joining(",")), name);
                case "references" -> assertEquals(want, m.references().isEmpty() ? "none"
                        : m.references().stream().map(ExternalMessageId::value).collect(Collectors.joining(",")), name);
                case "attachments" -> assertEquals(Integer.parseInt(want), m.attachments().size(), name + ": " + m.attachments());
                case "attachment" -> {
                    int index = Integer.parseInt(key.substring(key.lastIndexOf('.') + 1));
                    AttachmentRef a = m.attachments().get(index - 1);
                    String actual = a.name() + "|" + a.mediaType() + "|" + a.size() + "|" + a.disposition() + "|"
                            + a.contentId().orElse("");
                    assertEquals(want, actual, name);
                    assertEquals(a.size(), attachments.bytes(a.storageKey()).length);
                }
                case "attachment.1.name" -> assertEquals(want, m.attachments().get(0).name(), name);
                case "attachment.1.type" -> assertEquals(want, m.attachments().get(0).mediaType(), name);
                case "notes" -> assertEquals(want, m.notes().isEmpty() ? "none" : String.join("; ", m.notes()), name);
                case "notes.contains" -> assertTrue(m.notes().stream().anyMatch(n -> n.contains(want)), name + ": " + m.notes());
                case "language" -> assertEquals(want, m.language().map(l -> l.toLanguageTag()).orElse(""), name);
                default -> throw new AssertionError(name + ": unknown expectation " + key);
            }
        }
        assertEquals(NOW, m.receivedAt());
        assertEquals(raw.length, m.rawSize());
        assertTrue(checked.size() > 1, name + " checks more than its outcome");
    }
}
