package dev.helpdesk.email.inbound;

import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.loop.SenderRateLimiter;
import dev.helpdesk.email.parse.MailParser;
import dev.helpdesk.email.parse.ParseFailure;
import dev.helpdesk.email.parse.ParsedAttachment;
import dev.helpdesk.email.parse.ParsedMail;
import dev.helpdesk.email.quarantine.Quarantine;
import dev.helpdesk.email.quarantine.QuarantinedMail;
import dev.helpdesk.email.quote.QuoteStripper;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeInterruptedException;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.QuarantineId;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes raw mail into the desk: one mail ({@code receive}), the entry for a host whose mail
 * service posts RFC 822 bytes to it, or a batch ({@link #receiveAll}), the step the
 * {@link dev.helpdesk.email.imap.ImapPoller} runs for the mails of one read of its folder, which
 * the desk commits together.
 *
 * <p>For each mail, in this order:
 * <ol>
 *   <li>spool it to a file (streamed: a large mail costs disk, not heap) and check its size;</li>
 *   <li>parse it ({@link MailParser}); a mail that cannot be read is quarantined with the
 *       reason;</li>
 *   <li>check the sender's rate ({@link SenderRateLimiter}); over it, the mail is quarantined as
 *       a likely loop;</li>
 *   <li>stream its attachments and inline parts into the {@link AttachmentStore}; one over
 *       {@link MailSettings#maxAttachmentBytes()} quarantines the mail and removes those already
 *       stored;</li>
 *   <li>strip quoted replies ({@link QuoteStripper}), keeping the full text beside;</li>
 *   <li>hand the {@link InboundMessage} to the desk's {@link InboundIntake} and answer its
 *       outcome. When the intake did not keep the message (a duplicate, a refusal) the stored
 *       attachments are removed again.</li>
 * </ol>
 *
 * <p>A mail's content never causes an exception: every mail ends as an intake outcome or a
 * quarantine. An exception means the mail was not taken and must be handed in again: the
 * spool or the quarantine could not be written, or the intake failed (its store is down). Then
 * nothing is left behind here. Safe for concurrent use.
 */
public final class MailReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(MailReceiver.class);

    private final MailSettings settings;
    private final MailParser parser;
    private final QuoteStripper stripper = new QuoteStripper();
    private final SenderRateLimiter limiter;
    private final AttachmentStore attachments;
    private final Quarantine quarantine;
    private final InboundIntake intake;
    private final Clock clock;

    private MailReceiver(Builder b) {
        this.settings = b.settings;
        this.parser = new MailParser(b.settings);
        this.limiter = new SenderRateLimiter(b.settings.senderLimit(), b.settings.senderWindow(), b.clock);
        this.attachments = b.attachments;
        this.quarantine = b.quarantine;
        this.intake = b.intake;
        this.clock = b.clock;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes a mail held in memory (a host's web hook got it as a request body).
     *
     * @param mailbox the mailbox it arrived in
     * @param raw     the RFC 822 bytes
     * @return what became of it
     * @throws IOException when the quarantine could not keep it
     */
    public IntakeOutcome receive(TenantMailbox mailbox, byte[] raw) throws IOException {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(raw, "raw");
        return conclude(prepare(mailbox, raw));
    }

    /**
     * Takes a mail from a stream, spooling it to disk first. Does not close the stream.
     *
     * @param mailbox the mailbox it arrived in
     * @param raw     the RFC 822 bytes
     * @return what became of it
     * @throws IOException when the stream or the spool failed, or the quarantine could not keep
     *                     the mail: it was not taken
     */
    public IntakeOutcome receive(TenantMailbox mailbox, InputStream raw) throws IOException {
        Objects.requireNonNull(raw, "raw");
        return receive(mailbox, (RawMail) raw::transferTo);
    }

    /**
     * Takes a mail that writes itself (a message on an IMAP server), spooling it to disk first.
     *
     * @param mailbox the mailbox it arrived in
     * @param raw     the mail
     * @return what became of it
     * @throws IOException when reading or spooling failed, or the quarantine could not keep the
     *                     mail: it was not taken
     */
    public IntakeOutcome receive(TenantMailbox mailbox, RawMail raw) throws IOException {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(raw, "raw");
        return conclude(prepare(mailbox, raw));
    }

    /**
     * Takes a batch of mails of one mailbox, in order, with one durable commit for all of them
     * where the desk's store offers it ({@link InboundIntake#acceptAll}): the IMAP poller's
     * entry for the mails of one read of the folder. Each mail is spooled, read, checked and its
     * attachments stored one after the other as {@link #receive(TenantMailbox, RawMail)} does
     * (mail that cannot be taken is quarantined right away, outside the desk's transaction);
     * then the desk takes the batch's messages together and only then does this return, so the
     * caller acknowledges the mails (flags them) after their commit. When the desk's batch
     * fails, the desk takes them one by one: every mail is taken once, whatever fails.
     *
     * <p>The answer holds one outcome per mail, in order. When something fails part way (the
     * spool, the quarantine, the desk's store) after some mails were taken, a
     * {@link ReceiveInterruptedException} holds the outcomes of the mails taken (the batch's
     * first ones); the others were not taken (their stored attachments are removed) and are to
     * be handed in again. When not even the first mail was taken, the failure is thrown as
     * {@link #receive(TenantMailbox, RawMail)} throws it.
     *
     * @param mailbox the mailbox they arrived in
     * @param mails   the mails, in the order they arrived ({@link RawMail#of(byte[])} for mail in memory)
     * @return the outcomes, one per mail, in order
     * @throws ReceiveInterruptedException when some mails were taken before a failure
     * @throws IOException when the first mail could not be read, spooled or quarantined
     */
    public List<IntakeOutcome> receiveAll(TenantMailbox mailbox, List<? extends RawMail> mails) throws IOException {
        Objects.requireNonNull(mailbox, "mailbox");
        List<RawMail> batch = List.copyOf(mails);
        List<Prepared> prepared = new ArrayList<>(batch.size());
        Exception failure = null;
        for (RawMail raw : batch) {
            try {
                prepared.add(prepare(mailbox, raw));
            } catch (IOException | RuntimeException e) {
                failure = e;
                break;
            }
        }
        List<InboundMessage> messages = prepared.stream().filter(p -> p.message != null).map(p -> p.message).toList();
        List<IntakeOutcome> answers = List.of();
        if (!messages.isEmpty()) {
            try {
                answers = intake.acceptAll(messages);
            } catch (IntakeInterruptedException e) {
                answers = e.taken();
                failure = e.getCause() instanceof Exception cause ? cause : e;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        List<IntakeOutcome> outcomes = new ArrayList<>(prepared.size());
        int answered = 0;
        boolean stopped = false;
        for (Prepared p : prepared) {
            if (!stopped && p.message == null) {
                outcomes.add(p.outcome);
            } else if (!stopped && answered < answers.size()) {
                IntakeOutcome outcome = answers.get(answered++);
                if (!kept(outcome)) {
                    p.discard();
                }
                log(p, outcome);
                outcomes.add(outcome);
            } else {
                // not taken: a later read of the mailbox hands it in again
                stopped = true;
                if (p.message != null) {
                    p.discard();
                }
            }
        }
        if (outcomes.size() == batch.size()) {
            return List.copyOf(outcomes);
        }
        if (failure == null) {
            failure = new IllegalStateException("the desk's intake answered " + answers.size() + " of "
                    + messages.size() + " messages");
        }
        if (outcomes.isEmpty()) {
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        }
        LOG.warn("{} of {} mails to {} taken before a failure; the others were not: {}", outcomes.size(),
                batch.size(), mailbox.endpoint(), failure.toString());
        throw new ReceiveInterruptedException(outcomes, failure);
    }

    /** Spools, reads and stores one mail: the steps before the desk's intake. */
    private Prepared prepare(TenantMailbox mailbox, RawMail raw) throws IOException {
        Objects.requireNonNull(raw, "raw");
        if (raw instanceof InMemoryMail inMemory) {
            return prepare(mailbox, inMemory.bytes());
        }
        Path spool = settings.spoolDirectory().isPresent()
                ? Files.createTempFile(Files.createDirectories(settings.spoolDirectory().get()), "mail-", ".eml")
                : Files.createTempFile("helpdesk-mail-", ".eml");
        try {
            MessageDigest digest = digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
                raw.writeTo(out);
            }
            String sha = hex(digest.digest());
            long size = Files.size(spool);
            Source source = new Source(size) {
                @Override
                InputStream open() throws IOException {
                    return Files.newInputStream(spool);
                }

                @Override
                String sha256() {
                    return sha;
                }
            };
            if (size > settings.maxMessageBytes()) {
                return tooLarge(mailbox, source);
            }
            return prepare(mailbox, source, parser.parse(spool, sha));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private Prepared prepare(TenantMailbox mailbox, byte[] raw) throws IOException {
        Source source = new Source(raw.length) {
            private String sha;

            @Override
            InputStream open() {
                return new ByteArrayInputStream(raw);
            }

            @Override
            String sha256() {
                if (sha == null) {
                    sha = hex(digest().digest(raw));
                }
                return sha;
            }
        };
        if (raw.length > settings.maxMessageBytes()) {
            return tooLarge(mailbox, source);
        }
        return prepare(mailbox, source, parser.parse(raw));
    }

    /**
     * A mail read and its attachments stored: a message for the desk's intake, or a mail
     * answered already (quarantined, nothing stored).
     */
    private final class Prepared {
        private final TenantMailbox mailbox;
        private final IntakeOutcome outcome;
        private final InboundMessage message;
        private final List<AttachmentRef> stored;

        Prepared(IntakeOutcome outcome) {
            this.mailbox = null;
            this.outcome = outcome;
            this.message = null;
            this.stored = List.of();
        }

        Prepared(TenantMailbox mailbox, InboundMessage message, List<AttachmentRef> stored) {
            this.mailbox = mailbox;
            this.outcome = null;
            this.message = message;
            this.stored = List.copyOf(stored);
        }

        /** Removes the stored attachments of a message the desk did not keep. */
        void discard() {
            for (AttachmentRef ref : stored) {
                attachments.delete(mailbox.tenant(), ref.storageKey());
            }
        }
    }

    /** Hands one prepared mail to the intake; removes its attachments unless the desk kept it. */
    private IntakeOutcome conclude(Prepared p) {
        if (p.message == null) {
            return p.outcome;
        }
        boolean keep = false;
        try {
            IntakeOutcome outcome = intake.accept(p.message);
            keep = kept(outcome);
            log(p, outcome);
            return outcome;
        } finally {
            if (!keep) {
                p.discard();
            }
        }
    }

    /** Whether the desk kept the message, and so its attachments. */
    private static boolean kept(IntakeOutcome outcome) {
        return outcome.taken() && !(outcome instanceof IntakeOutcome.Duplicate);
    }

    private static void log(Prepared p, IntakeOutcome outcome) {
        LOG.debug("mail {} from {} to {}: {}", p.message.externalId(), p.message.sender(), p.mailbox.endpoint(),
                outcome.describe());
    }

    /** The raw mail, in memory or spooled. */
    private abstract static class Source {
        final long size;

        Source(long size) {
            this.size = size;
        }

        abstract InputStream open() throws IOException;

        abstract String sha256();
    }

    private Prepared tooLarge(TenantMailbox mailbox, Source source) throws IOException {
        return quarantine(mailbox, source, Reason.of(Reason.TOO_LARGE, "message of " + source.size
                + " bytes; the limit is " + settings.maxMessageBytes()), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private Prepared prepare(TenantMailbox mailbox, Source source, Either<ParseFailure, ParsedMail> parsed)
            throws IOException {
        if (parsed.isLeft()) {
            ParseFailure f = parsed.getLeft();
            return quarantine(mailbox, source, f.reason(), f.from(), f.subject(), f.messageId());
        }
        try (ParsedMail mail = parsed.get()) {
            Optional<String> from = Optional.of(mail.senderName().map(n -> n + " <" + mail.sender() + ">")
                    .orElse(mail.sender().value()));
            Optional<String> subject = Optional.of(mail.subject());
            Optional<String> messageId = Optional.of(mail.messageId().value());
            if (!limiter.allow(mailbox.tenant(), mail.sender())) {
                return quarantine(mailbox, source, Reason.of(Reason.RATE_LIMITED, "more than "
                        + settings.senderLimit() + " messages from " + mail.sender() + " within "
                        + settings.senderWindow()), from, subject, messageId);
            }
            for (ParsedAttachment a : mail.attachments()) {
                // base64 decodes to about 3/4 of its encoded size: a part clearly over the limit is refused unread
                if (a.encodedSize() > 0 && a.encodedSize() / 4 * 3 * 96 / 100 > settings.maxAttachmentBytes()) {
                    return quarantine(mailbox, source, attachmentTooLarge(a), from, subject, messageId);
                }
            }
            List<AttachmentRef> stored = new ArrayList<>();
            boolean ready = false;
            try {
                for (ParsedAttachment a : mail.attachments()) {
                    Either<Reason, AttachmentRef> ref = store(mailbox, a);
                    if (ref.isLeft()) {
                        return quarantine(mailbox, source, ref.getLeft(), from, subject, messageId);
                    }
                    stored.add(ref.get());
                }
                Optional<AttachmentRef> kept = Optional.empty();
                if (settings.keepSource()) {
                    try (InputStream in = source.open()) {
                        Either<Rejection, AttachmentRef> ref = attachments.put(mailbox.tenant(), "message.eml",
                                "message/rfc822", in, settings.maxMessageBytes());
                        if (ref.isRight()) {
                            stored.add(ref.get());
                            kept = Optional.of(ref.get());
                        }
                    }
                }
                InboundMessage message = message(mailbox, mail, stored.subList(0, mail.attachments().size()), kept,
                        source.size);
                Either<Rejection, InboundMessage> valid = message.validate();
                if (valid.isLeft()) {
                    return quarantine(mailbox, source, Reason.of(Reason.INVALID, valid.getLeft().message()), from,
                            subject, messageId);
                }
                ready = true;
                return new Prepared(mailbox, message, stored);
            } finally {
                if (!ready) {
                    for (AttachmentRef ref : stored) {
                        attachments.delete(mailbox.tenant(), ref.storageKey());
                    }
                }
            }
        }
    }

    private Either<Reason, AttachmentRef> store(TenantMailbox mailbox, ParsedAttachment a) {
        Either<Rejection, AttachmentRef> ref;
        ReadFailures decoded = null;
        try (InputStream in = a.open()) {
            decoded = new ReadFailures(in);
            ref = attachments.put(mailbox.tenant(), a.name(), a.mediaType(), decoded, settings.maxAttachmentBytes());
        } catch (IOException | UncheckedIOException e) {
            return Either.left(malformed(a, e));
        } catch (RuntimeException e) {
            // a store may wrap the decoder's failure in its own exception (the file system store's
            // StoreException): the mail's fault when the bytes could not be read, the store's otherwise
            if (decoded != null && decoded.failure != null) {
                return Either.left(malformed(a, decoded.failure));
            }
            throw e;
        }
        if (ref.isLeft()) {
            Rejection r = ref.getLeft();
            if (r instanceof Rejection.Invalid invalid && invalid.names("content")) {
                return Either.left(attachmentTooLarge(a));
            }
            return Either.left(Reason.of(Reason.INVALID, "attachment " + printable(a.name()) + ": " + r.message()));
        }
        AttachmentRef stored = ref.get().withDisposition(a.disposition());
        return Either.right(a.contentId().map(stored::withContentId).orElse(stored));
    }

    private static Reason malformed(ParsedAttachment a, Exception e) {
        return Reason.of(Reason.MALFORMED, "attachment " + printable(a.name()) + " cannot be decoded: "
                + printable(String.valueOf(e.getMessage())));
    }

    /** An attachment's decoded bytes on their way to the store, remembering a failure to decode them. */
    private static final class ReadFailures extends java.io.FilterInputStream {
        private IOException failure;

        ReadFailures(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    private Reason attachmentTooLarge(ParsedAttachment a) {
        return Reason.of(Reason.TOO_LARGE, "attachment " + printable(a.name()) + " is larger than "
                + settings.maxAttachmentBytes() + " bytes");
    }

    private InboundMessage message(TenantMailbox mailbox, ParsedMail mail, List<AttachmentRef> stored,
                                   Optional<AttachmentRef> source, long size) {
        String text = mail.text();
        String shown = settings.stripQuotes() ? stripper.strip(text).text() : text;
        return InboundMessage.builder()
                .channel(Channel.EMAIL)
                .tenant(mailbox.tenant())
                .endpoint(mailbox.endpoint())
                .sender(mail.sender())
                .senderName(mail.senderName())
                .subject(mail.subject())
                .text(shown)
                .fullText(text)
                .html(mail.html())
                .attachments(stored)
                .source(source)
                .externalId(mail.messageId())
                .references(mail.references())
                .flags(mail.flags())
                .notes(mail.notes())
                .language(mail.language())
                .receivedAt(clock.instant())
                .sentAt(mail.sentAt())
                .rawSize(size)
                .build();
    }

    private Prepared quarantine(TenantMailbox mailbox, Source source, Reason reason, Optional<String> from,
                                     Optional<String> subject, Optional<String> messageId) throws IOException {
        Instant now = clock.instant();
        QuarantinedMail entry = QuarantinedMail.builder()
                .id(QuarantineId.of("q-" + source.sha256().substring(0, 40)))
                .tenant(mailbox.tenant())
                .endpoint(mailbox.endpoint())
                .reason(reason)
                .receivedAt(now)
                .size(source.size)
                .from(from.map(MailReceiver::printable))
                .subject(subject.map(MailReceiver::printable))
                .messageId(messageId.map(MailReceiver::printable))
                .build();
        try (InputStream in = source.open()) {
            quarantine.put(entry, in);
        }
        LOG.info("mail to {} quarantined as {}: {}", mailbox.endpoint(), entry.id(), reason);
        return new Prepared(new IntakeOutcome.Quarantined(entry.id(), reason));
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(255).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(' ');
            } else if (Character.getType(c) == Character.SURROGATE) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Builds a {@link MailReceiver}; {@link #build()} throws a {@link ConfigurationException}
     * naming every missing part.
     */
    public static final class Builder {
        private MailSettings settings = MailSettings.DEFAULTS;
        private AttachmentStore attachments;
        private Quarantine quarantine;
        private InboundIntake intake;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The limits; {@link MailSettings#DEFAULTS} unless set.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(MailSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Where attachments go (required).
         *
         * @param attachments the host's attachment store
         * @return this builder
         */
        public Builder attachments(AttachmentStore attachments) {
            this.attachments = attachments;
            return this;
        }

        /**
         * Where mail that cannot be taken goes (required).
         *
         * @param quarantine the quarantine
         * @return this builder
         */
        public Builder quarantine(Quarantine quarantine) {
            this.quarantine = quarantine;
            return this;
        }

        /**
         * The desk's intake (required).
         *
         * @param intake the intake
         * @return this builder
         */
        public Builder intake(InboundIntake intake) {
            this.intake = intake;
            return this;
        }

        /**
         * The clock for receipt times and the rate limit; the system's UTC clock unless set.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @return the receiver
         * @throws ConfigurationException naming every missing part
         */
        public MailReceiver build() {
            List<FieldError> missing = new ArrayList<>();
            if (settings == null) {
                missing.add(new FieldError("settings", "is required"));
            }
            if (attachments == null) {
                missing.add(new FieldError("attachments", "is required"));
            }
            if (quarantine == null) {
                missing.add(new FieldError("quarantine", "is required"));
            }
            if (intake == null) {
                missing.add(new FieldError("intake", "is required"));
            }
            if (clock == null) {
                missing.add(new FieldError("clock", "is required"));
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("mail receiver", missing);
            }
            return new MailReceiver(this);
        }
    }
}
