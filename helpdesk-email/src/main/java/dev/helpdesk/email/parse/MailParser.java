package dev.helpdesk.email.parse;

import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.loop.AutomaticMail;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ContactKind;
import dev.helpdesk.spi.channel.Disposition;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.Reason;
import io.vavr.control.Either;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a mail with Jakarta Mail on Eclipse Angus into a {@link ParsedMail}, or says why it
 * cannot. It never throws for a mail's content: malformed MIME, a missing {@code From} or
 * {@code Date}, nesting deeper than {@link MailSettings#maxDepth()}, more parts than
 * {@link MailSettings#maxParts()}, a header block over {@link MailSettings#maxHeaderBytes()}, an
 * illegal character set name, each answers a {@link ParseFailure} with its reason.
 *
 * <p>What it reads:
 * <ul>
 *   <li>{@code multipart/alternative}: the plain text part is preferred; an HTML-only mail is
 *       turned into text with jsoup, without scripts or styles;</li>
 *   <li>{@code multipart/mixed} and {@code related}: text parts in order, inline images (with
 *       their {@code Content-ID}) and attachments, which stay in the source until opened;</li>
 *   <li>quoted-printable and base64, RFC 2047 subjects, names and file names, RFC 2231 file
 *       names, {@code format=flowed}, any character set Java knows under the names mail uses; an
 *       unknown one falls back to {@link MailSettings#fallbackCharset()} and is noted;</li>
 *   <li>delivery status notifications ({@code multipart/report}): the returned message's
 *       {@code Message-ID} joins the references, so a bounce finds the ticket of the mail that
 *       bounced.</li>
 * </ul>
 *
 * <p>Heap: headers and text bodies up to {@link MailSettings#maxBodyBytes()}; attachments are
 * never read here. Thread-safe.
 */
public final class MailParser {
    private static final Logger LOG = LoggerFactory.getLogger(MailParser.class);
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>]*)>");
    private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]");
    private static final int MAX_REFERENCES = 50;
    private static final Set<String> KNOWN_ENCODINGS = Set.of("7bit", "8bit", "binary", "base64", "quoted-printable",
            "uuencode", "x-uuencode", "x-uue");

    private final MailSettings settings;
    private final Session session;

    /**
     * A parser with the given limits.
     *
     * @param settings the limits
     */
    public MailParser(MailSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(sessionProperties());
    }

    /**
     * The Jakarta Mail properties the channel reads mail with: UTF-8 headers (RFC 6532) accepted,
     * addresses read leniently (the parser checks the {@code From} itself).
     *
     * @return fresh properties
     */
    public static Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        return p;
    }

    /**
     * Reads a mail held in memory.
     *
     * @param raw the RFC 822 bytes
     * @return the mail, or why it cannot be read
     */
    public Either<ParseFailure, ParsedMail> parse(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        int header = headerLength(raw);
        if (header < 0) {
            return Either.left(ParseFailure.of(Reason.TOO_LARGE, "header block larger than "
                    + settings.maxHeaderBytes() + " bytes"));
        }
        return read(new SharedByteArrayInputStream(raw), raw.length, () -> sha256(raw), () -> { });
    }

    /**
     * Reads a mail spooled to a file; the file is read by reference, so a large attachment costs
     * no heap. The file must stay until the result is closed.
     *
     * @param file      the RFC 822 bytes
     * @param rawSha256 the SHA-256 of the file as 64 hex digits, for a mail without a
     *                  {@code Message-ID}
     * @return the mail, or why it cannot be read
     * @throws IOException when the file cannot be read
     */
    public Either<ParseFailure, ParsedMail> parse(Path file, String rawSha256) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(settings.maxHeaderBytes() + 4);
            if (head.length > settings.maxHeaderBytes() && headerLength(head) < 0) {
                return Either.left(ParseFailure.of(Reason.TOO_LARGE, "header block larger than "
                        + settings.maxHeaderBytes() + " bytes"));
            }
        }
        SharedFileInputStream source = new SharedFileInputStream(file.toFile());
        Either<ParseFailure, ParsedMail> result = read(source, size, () -> rawSha256, source::close);
        if (result.isLeft()) {
            source.close();
        }
        return result;
    }

    private interface Digest {
        String hex();
    }

    private Either<ParseFailure, ParsedMail> read(InputStream source, long size, Digest digest, Closeable close) {
        MimeMessage message;
        try {
            message = new MimeMessage(session, source);
        } catch (MessagingException | RuntimeException e) {
            return Either.left(ParseFailure.of(Reason.MALFORMED, "unreadable header: " + oneLine(e.getMessage())));
        }
        Optional<String> rawFrom = header(message, "From");
        Optional<String> rawSubject = subject(message);
        Optional<String> rawId = header(message, "Message-ID");
        try {
            return new Reading(message, size, digest, close).run()
                    .mapLeft(f -> f.with(rawFrom, rawSubject, rawId));
        } catch (MessagingException | IOException | RuntimeException e) {
            // Angus reads hostile input leniently; whatever still breaks inside it is this mail's fault
            LOG.debug("mail unreadable", e);
            return Either.left(new ParseFailure(Reason.of(Reason.MALFORMED, "unreadable MIME structure: "
                    + oneLine(e.getClass().getSimpleName() + " " + e.getMessage())), rawFrom, rawSubject, rawId));
        }
    }

    /** One pass over one message. */
    private final class Reading {
        private final MimeMessage message;
        private final long size;
        private final Digest digest;
        private final Closeable close;
        private final List<String> notes = new ArrayList<>();
        private final List<ParsedAttachment> attachments = new ArrayList<>();
        private final List<String> reportedIds = new ArrayList<>();
        private int parts;
        private ParseFailure failure;

        Reading(MimeMessage message, long size, Digest digest, Closeable close) {
            this.message = message;
            this.size = size;
            this.digest = digest;
            this.close = close;
        }

        Either<ParseFailure, ParsedMail> run() throws MessagingException, IOException {
            Optional<String> fromHeader = header(message, "From");
            if (fromHeader.isEmpty() || fromHeader.get().isBlank()) {
                return Either.left(ParseFailure.of(Reason.MISSING_PART, "no From header"));
            }
            InternetAddress from = firstAddress(fromHeader.get());
            if (from == null) {
                return Either.left(ParseFailure.of(Reason.MALFORMED, "From is not an address: "
                        + oneLine(fromHeader.get())));
            }
            Either<?, ContactAddress> sender = ContactAddress.parse(ContactKind.EMAIL, from.getAddress());
            if (sender.isLeft()) {
                return Either.left(ParseFailure.of(Reason.MALFORMED, "From is not an address: "
                        + oneLine(fromHeader.get())));
            }
            Date date = safeDate();
            if (date == null && settings.requireDate()) {
                return Either.left(ParseFailure.of(Reason.MISSING_PART, header(message, "Date").isPresent()
                        ? "unreadable Date header: " + oneLine(header(message, "Date").get()) : "no Date header"));
            }
            Body body = new Body();
            String reportType = walk(message, 0, body, false);
            if (failure != null) {
                return Either.left(failure);
            }
            String text = body.plain.isEmpty() ? (body.html.isEmpty() ? "" : HtmlText.toText(String.join("\n", body.html)))
                    : String.join("\n\n", body.plain);
            Optional<String> html = body.html.isEmpty() ? Optional.empty()
                    : Optional.of(clean(String.join("\n", body.html)));
            String subject = subject(message).map(MailParser::subjectLine).orElse("");
            Optional<String> name = Optional.ofNullable(from.getPersonal()).map(MailParser::nameLine)
                    .filter(n -> !n.isEmpty());
            ExternalMessageId id = header(message, "Message-ID").flatMap(MailParser::firstId)
                    .orElseGet(() -> ExternalMessageId.of("sha256:" + digest.hex()));
            List<ExternalMessageId> references = references(id);
            AutomaticMail.Finding finding = AutomaticMail.classify(n -> headers(message, n), subject,
                    sender.get().value(), reportType);
            return Either.right(new ParsedMail(sender.get(), name, subject, clean(text), html, attachments, id,
                    references, Optional.ofNullable(date).map(Date::toInstant), language(), finding.flags(),
                    finding.evidence(), notes, size, close));
        }

        private Date safeDate() {
            try {
                return message.getSentDate();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private Optional<Locale> language() {
            return header(message, "Content-Language").map(v -> v.split(",")[0].strip()).flatMap(tag -> {
                try {
                    Locale locale = new Locale.Builder().setLanguageTag(tag).build();
                    return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
                } catch (IllformedLocaleException e) {
                    return Optional.empty();
                }
            });
        }

        private List<ExternalMessageId> references(ExternalMessageId self) {
            Set<ExternalMessageId> ids = new LinkedHashSet<>();
            header(message, "In-Reply-To").ifPresent(v -> ids.addAll(allIds(v)));
            header(message, "References").ifPresent(v -> {
                List<ExternalMessageId> refs = new ArrayList<>(allIds(v));
                for (int i = refs.size() - 1; i >= 0; i--) {
                    ids.add(refs.get(i));
                }
            });
            for (String reported : reportedIds) {
                firstId(reported).ifPresent(ids::add);
            }
            ids.remove(self);
            return ids.stream().limit(MAX_REFERENCES).toList();
        }

        /**
         * Walks one part.
         *
         * @return the report-type when the part is a multipart/report, else null
         */
        private String walk(Part part, int depth, Body body, boolean relatedResource)
                throws MessagingException, IOException {
            if (failure != null) {
                return null;
            }
            if (++parts > settings.maxParts()) {
                failure = ParseFailure.of(Reason.TOO_COMPLEX, "more than " + settings.maxParts() + " parts");
                return null;
            }
            ContentType type = contentType(part);
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
                if (depth + 1 > settings.maxDepth()) {
                    failure = ParseFailure.of(Reason.TOO_COMPLEX, "multiparts nested deeper than " + settings.maxDepth());
                    return null;
                }
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    attachment(part, type, relatedResource, "part");
                    return null;
                }
                String sub = type.getSubType().toLowerCase(Locale.ROOT);
                switch (sub) {
                    case "alternative" -> alternative(multipart, depth, body);
                    case "related" -> related(multipart, depth, body);
                    case "report" -> report(multipart, depth, body);
                    default -> {
                        for (int i = 0; i < multipart.getCount() && failure == null; i++) {
                            walk(multipart.getBodyPart(i), depth + 1, body, relatedResource);
                        }
                    }
                }
                return sub.equals("report") ? Optional.ofNullable(type.getParameter("report-type")).orElse("") : null;
            }
            boolean isText = base.equals("text/plain") || base.equals("text/html");
            if (isText && !declaredAttachment(part)) {
                bodyText(part, type, base, body);
            } else if (base.equals("message/rfc822") || base.equals("text/rfc822-headers")) {
                attachment(part, type, false, base.equals("message/rfc822") ? "message.eml" : "headers.txt");
            } else {
                attachment(part, type, relatedResource, "attachment");
            }
            return null;
        }

        private void alternative(Multipart multipart, int depth, Body body) throws MessagingException, IOException {
            Body chosen = null;
            Body richest = null;
            for (int i = 0; i < multipart.getCount() && failure == null; i++) {
                Body candidate = new Body();
                walk(multipart.getBodyPart(i), depth + 1, candidate, false);
                if (!candidate.plain.isEmpty()) {
                    chosen = candidate;
                }
                if (!candidate.html.isEmpty()) {
                    richest = candidate;
                }
            }
            if (chosen != null) {
                body.plain.addAll(chosen.plain);
            }
            if (richest != null) {
                body.html.addAll(richest.html);
            }
        }

        private void related(Multipart multipart, int depth, Body body) throws MessagingException, IOException {
            for (int i = 0; i < multipart.getCount() && failure == null; i++) {
                walk(multipart.getBodyPart(i), depth + 1, body, i > 0);
            }
        }

        private void report(Multipart multipart, int depth, Body body) throws MessagingException, IOException {
            for (int i = 0; i < multipart.getCount() && failure == null; i++) {
                BodyPart part = multipart.getBodyPart(i);
                String base = contentType(part).getBaseType().toLowerCase(Locale.ROOT);
                if (i > 0 && (base.equals("message/rfc822") || base.equals("text/rfc822-headers"))) {
                    reportedMessageId(part);
                }
                walk(part, depth + 1, body, false);
            }
        }

        private void reportedMessageId(Part part) {
            try (InputStream in = part.getInputStream()) {
                InternetHeaders headers = new InternetHeaders(in);
                String[] ids = headers.getHeader("Message-ID");
                if (ids != null && ids.length > 0) {
                    reportedIds.add(ids[0]);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                notes.add("the returned message of a delivery report was unreadable");
            }
        }

        private void bodyText(Part part, ContentType type, String base, Body body) throws MessagingException {
            byte[] bytes;
            try (InputStream in = decoded(part)) {
                bytes = in.readNBytes((int) settings.maxBodyBytes() + 1);
            } catch (IOException e) {
                failure = ParseFailure.of(Reason.MALFORMED, "undecodable " + base + " part: " + oneLine(e.getMessage()));
                return;
            }
            if (bytes.length > settings.maxBodyBytes()) {
                notes.add("a " + base + " body larger than " + settings.maxBodyBytes() + " bytes is kept as an attachment");
                attachment(part, type, false, base.equals("text/html") ? "body.html" : "body.txt");
                return;
            }
            Charsets.Decoded decoded;
            try {
                decoded = Charsets.decode(bytes, type.getParameter("charset"), settings.fallbackCharset());
            } catch (Charsets.IllegalCharset e) {
                failure = ParseFailure.of(Reason.BAD_CHARSET, e.getMessage());
                return;
            }
            if (decoded.note() != null) {
                notes.add(decoded.note());
            }
            String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
            if (base.equals("text/html")) {
                body.html.add(text);
            } else {
                String format = type.getParameter("format");
                if (format != null && format.equalsIgnoreCase("flowed")) {
                    String delSp = type.getParameter("delsp");
                    text = FormatFlowed.decode(text, delSp != null && delSp.equalsIgnoreCase("yes"));
                }
                body.plain.add(text.strip());
            }
        }

        private InputStream decoded(Part part) throws MessagingException, IOException {
            if (part instanceof MimePart mime && !KNOWN_ENCODINGS.contains(encoding(mime))) {
                notes.add("unknown transfer encoding " + Charsets.printable(encoding(mime)) + ", read as it stood");
                if (mime instanceof MimeBodyPart body) {
                    return body.getRawInputStream();
                }
                if (mime instanceof MimeMessage whole) {
                    return whole.getRawInputStream();
                }
            }
            return part.getInputStream();
        }

        private void attachment(Part part, ContentType type, boolean relatedResource, String fallbackStem)
                throws MessagingException {
            String mediaType = type.getBaseType().toLowerCase(Locale.ROOT);
            if (!AttachmentRef.isMediaType(mediaType)) {
                mediaType = "application/octet-stream";
            }
            Optional<String> contentId = part instanceof MimePart mime
                    ? Optional.ofNullable(mime.getContentID()).flatMap(MailParser::contentId) : Optional.empty();
            String disposition = safeDisposition(part);
            boolean inline = Part.INLINE.equalsIgnoreCase(disposition) && contentId.isPresent()
                    || relatedResource && contentId.isPresent();
            String name = FileNames.safe(fileName(part), fallbackStem, attachments.size() + 1, mediaType);
            long encoded = safeSize(part);
            attachments.add(new ParsedAttachment(name, mediaType, inline ? Disposition.INLINE : Disposition.ATTACHMENT,
                    contentId, encoded, () -> openPart(part)));
        }

        private InputStream openPart(Part part) throws IOException {
            try {
                return decoded(part);
            } catch (MessagingException e) {
                throw new IOException("cannot read part: " + e.getMessage(), e);
            }
        }
    }

    /** Text collected from a subtree. */
    private static final class Body {
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
    }

    private static String encoding(MimePart part) {
        try {
            String encoding = part.getEncoding();
            return encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "7bit";
        }
    }

    private static ContentType contentType(Part part) {
        try {
            String value = part.getContentType();
            return value == null ? new ContentType("text/plain") : new ContentType(value);
        } catch (ParseException e) {
            return octetStream();
        } catch (MessagingException | RuntimeException e) {
            return octetStream();
        }
    }

    private static ContentType octetStream() {
        return new ContentType("application", "octet-stream", null);
    }

    private static boolean declaredAttachment(Part part) {
        String disposition = safeDisposition(part);
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return true;
        }
        return fileName(part) != null;
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static long safeSize(Part part) {
        try {
            return part.getSize();
        } catch (MessagingException | RuntimeException e) {
            return -1;
        }
    }

    private static String fileName(Part part) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        if (name != null && name.contains("=?") && name.contains("?=")) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (IOException | RuntimeException e) {
                return name;
            }
        }
        return name;
    }

    private static Optional<String> header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ",");
            return Optional.ofNullable(value);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> headers(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? List.of() : Arrays.stream(values).map(MailParser::unfold).toList();
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<String> subject(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSubject());
        } catch (MessagingException | RuntimeException e) {
            return header(message, "Subject");
        }
    }

    private static InternetAddress firstAddress(String header) {
        try {
            for (Address a : InternetAddress.parseHeader(header, false)) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null && !ia.isGroup()) {
                    return ia;
                }
            }
        } catch (AddressException | RuntimeException e) {
            Matcher m = ANGLE_ID.matcher(header);
            if (m.find()) {
                try {
                    return new InternetAddress(m.group(1), false);
                } catch (AddressException | RuntimeException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Optional<ExternalMessageId> firstId(String header) {
        List<ExternalMessageId> ids = allIds(header);
        if (!ids.isEmpty()) {
            return Optional.of(ids.get(0));
        }
        String bare = unfold(header).strip();
        return bare.isEmpty() ? Optional.empty() : Optional.of(externalId(bare));
    }

    private static List<ExternalMessageId> allIds(String header) {
        List<ExternalMessageId> ids = new ArrayList<>();
        Matcher m = ANGLE_ID.matcher(unfold(header));
        while (m.find() && ids.size() < MAX_REFERENCES * 2) {
            String id = m.group(1).strip();
            if (!id.isEmpty()) {
                ids.add(externalId(id));
            }
        }
        return ids;
    }

    /**
     * The external id of a {@code Message-ID} value without brackets: the value itself when the
     * contract can hold it, else {@code sha256:} and its digest, so that the same header always
     * gives the same id, in a mail's own {@code Message-ID} and in an answer's references alike.
     *
     * @param id the id as it stood between the brackets
     * @return the external id
     */
    public static ExternalMessageId externalId(String id) {
        return ExternalMessageId.parse(id)
                .getOrElse(() -> ExternalMessageId.of("sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8))));
    }

    private static Optional<String> contentId(String raw) {
        String id = raw.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() || id.length() > 255 || id.codePoints().anyMatch(c -> c <= ' ' || c == 0x7f)
                ? Optional.empty() : Optional.of(id);
    }

    private int headerLength(byte[] raw) {
        int max = Math.min(raw.length, settings.maxHeaderBytes() + 4);
        for (int i = 0; i < max; i++) {
            if (raw[i] == '\n' && (i + 1 < raw.length && raw[i + 1] == '\n'
                    || i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
                return i <= settings.maxHeaderBytes() ? i : -1;
            }
        }
        return raw.length <= settings.maxHeaderBytes() ? raw.length : -1;
    }

    static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return FOLD.matcher(value).replaceAll(" ").replace("\r", "").replace("\n", "");
    }

    /** A subject as one line of at most 255 characters without control characters. */
    static String subjectLine(String value) {
        return Texts.oneLine(value, 255);
    }

    private static String nameLine(String value) {
        String name = Texts.oneLine(value, 255);
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return name;
    }

    static String clean(String text) {
        return Texts.clean(text);
    }

    static String oneLine(String value) {
        return value == null ? "" : Texts.oneLine(value, 200);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
