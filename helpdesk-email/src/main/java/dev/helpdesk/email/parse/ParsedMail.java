package dev.helpdesk.email.parse;

import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.MessageFlag;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A mail as the desk reads it: who wrote, the subject, the text (the plain part, or the HTML part
 * turned into text), the attachments still in the source, the threading ids and what the
 * headers said about automatic sending. Bound to its source while the attachments are read:
 * close it afterwards.
 */
public final class ParsedMail implements Closeable {
    private final ContactAddress sender;
    private final Optional<String> senderName;
    private final String subject;
    private final String text;
    private final Optional<String> html;
    private final List<ParsedAttachment> attachments;
    private final ExternalMessageId messageId;
    private final List<ExternalMessageId> references;
    private final Optional<Instant> sentAt;
    private final Optional<Locale> language;
    private final Set<MessageFlag> flags;
    private final List<String> evidence;
    private final List<String> notes;
    private final long rawSize;
    private final Closeable source;

    ParsedMail(ContactAddress sender, Optional<String> senderName, String subject, String text, Optional<String> html,
               List<ParsedAttachment> attachments, ExternalMessageId messageId, List<ExternalMessageId> references,
               Optional<Instant> sentAt, Optional<Locale> language, Set<MessageFlag> flags, List<String> evidence,
               List<String> notes, long rawSize, Closeable source) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.senderName = Objects.requireNonNull(senderName, "senderName");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.text = Objects.requireNonNull(text, "text");
        this.html = Objects.requireNonNull(html, "html");
        this.attachments = List.copyOf(attachments);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.references = List.copyOf(references);
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.language = Objects.requireNonNull(language, "language");
        this.flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(MessageFlag.class) : EnumSet.copyOf(flags));
        this.evidence = List.copyOf(evidence);
        this.notes = List.copyOf(notes);
        this.rawSize = rawSize;
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The {@code From} address, canonical.
     *
     * @return the {@code From} address, canonical
     */
    public ContactAddress sender() {
        return sender;
    }

    /**
     * The {@code From} display name, decoded, one line.
     *
     * @return the {@code From} display name, decoded, one line
     */
    public Optional<String> senderName() {
        return senderName;
    }

    /**
     * The decoded subject, one line of at most 255 characters, possibly empty.
     *
     * @return the decoded subject, one line of at most 255 characters, possibly empty
     */
    public String subject() {
        return subject;
    }

    /**
     * The whole text of the mail, before quoted parts are stripped.
     *
     * @return the whole text of the mail, before quoted parts are stripped
     */
    public String text() {
        return text;
    }

    /**
     * The HTML part, when the mail had one.
     *
     * @return the HTML part, when the mail had one
     */
    public Optional<String> html() {
        return html;
    }

    /**
     * The files and inline parts, in the order of the mail.
     *
     * @return the files and inline parts, in the order of the mail
     */
    public List<ParsedAttachment> attachments() {
        return attachments;
    }

    /**
     * The {@code Message-ID} without brackets, or a digest when it had none or an unusable one.
     *
     * @return the {@code Message-ID} without brackets, or a digest when it had none or an unusable one
     */
    public ExternalMessageId messageId() {
        return messageId;
    }

    /**
     * {@code In-Reply-To}, then {@code References} from the newest back, then ids a bounce reports.
     *
     * @return {@code In-Reply-To}, then {@code References} from the newest back, then ids a bounce reports
     */
    public List<ExternalMessageId> references() {
        return references;
    }

    /**
     * The {@code Date} header.
     *
     * @return the {@code Date} header
     */
    public Optional<Instant> sentAt() {
        return sentAt;
    }

    /**
     * The {@code Content-Language}, when declared.
     *
     * @return the {@code Content-Language}, when declared
     */
    public Optional<Locale> language() {
        return language;
    }

    /**
     * Automatic reply, bounce, bulk.
     *
     * @return automatic reply, bounce, bulk
     */
    public Set<MessageFlag> flags() {
        return flags;
    }

    /**
     * For each flag, the header that said so.
     *
     * @return for each flag, the header that said so
     */
    public List<String> evidence() {
        return evidence;
    }

    /**
     * What was guessed or repaired: charset fallbacks, bodies kept as attachments.
     *
     * @return what was guessed or repaired: charset fallbacks, bodies kept as attachments
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * The raw size in bytes.
     *
     * @return the raw size in bytes
     */
    public long rawSize() {
        return rawSize;
    }

    /**
     * Releases the source (the spooled file's handle).
     *
     * @throws IOException when closing failed
     */
    @Override
    public void close() throws IOException {
        source.close();
    }
}
