package dev.helpdesk.email.quarantine;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.channel.QuarantineId;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A quarantine in a directory: per tenant {@code <root>/t-<tenant>/<id>.eml} with the raw mail
 * and {@code <id>.properties} with the entry. Both are written to temporary files, forced to
 * the disk and renamed into place, the mail first: an entry is listed only once its mail is
 * whole, and a crash in between leaves at most an unlisted file that storing the same mail again
 * replaces. The raw mail is streamed, so a 60 MB message costs a buffer, not 60 MB of heap.
 */
public final class FileSystemQuarantine implements Quarantine {
    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

    private final Path root;

    /**
     * A quarantine over a directory, created when missing.
     *
     * @param root the directory; nothing else should write there
     * @throws IOException when it cannot be created
     */
    public FileSystemQuarantine(Path root) throws IOException {
        Files.createDirectories(root);
        this.root = root.toRealPath();
    }

    @Override
    public void put(QuarantinedMail entry, InputStream raw) throws IOException {
        Objects.requireNonNull(entry, "entry");
        Path dir = Files.createDirectories(root.resolve(tenantDirectory(entry.tenant())));
        String id = requireSafe(entry.id());
        Path mail = dir.resolve(id + ".eml");
        Path meta = dir.resolve(id + ".properties");
        if (Files.exists(meta)) {
            raw.transferTo(OutputStream.nullOutputStream());
            return;
        }
        Path temp = Files.createTempFile(dir, ".mail-", "");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                raw.transferTo(out);
                channel.force(true);
            }
            Files.move(temp, mail, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = Files.createTempFile(dir, ".meta-", "");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                properties(entry).store(out, null);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, meta, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public List<QuarantinedMail> list(TenantId tenant) throws IOException {
        Path dir = root.resolve(tenantDirectory(tenant));
        List<QuarantinedMail> entries = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
            for (Path file : files) {
                if (!file.getFileName().toString().startsWith(".")) {
                    read(file).ifPresent(entries::add);
                }
            }
        }
        entries.sort(Comparator.comparing(QuarantinedMail::receivedAt).thenComparing(m -> m.id().value()));
        return entries;
    }

    @Override
    public Optional<QuarantinedMail> find(TenantId tenant, QuarantineId id) throws IOException {
        Path meta = file(tenant, id, ".properties");
        return meta == null ? Optional.empty() : read(meta);
    }

    @Override
    public Optional<InputStream> open(TenantId tenant, QuarantineId id) throws IOException {
        Path meta = file(tenant, id, ".properties");
        Path mail = file(tenant, id, ".eml");
        if (meta == null || mail == null || !Files.exists(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(mail, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean release(TenantId tenant, QuarantineId id) throws IOException {
        Path meta = file(tenant, id, ".properties");
        Path mail = file(tenant, id, ".eml");
        if (meta == null || mail == null) {
            return false;
        }
        boolean removed = Files.deleteIfExists(meta);
        Files.deleteIfExists(mail);
        return removed;
    }

    private Path file(TenantId tenant, QuarantineId id, String suffix) {
        if (!SAFE_ID.matcher(id.value()).matches()) {
            return null;
        }
        return root.resolve(tenantDirectory(tenant)).resolve(id.value() + suffix);
    }

    private static String requireSafe(QuarantineId id) {
        if (!SAFE_ID.matcher(id.value()).matches()) {
            throw new ConfigurationException("quarantine entry", List.of(new FieldError("id", "must be 1-128 of [a-z0-9-] in a file system quarantine: " + id)));
        }
        return id.value();
    }

    private static Properties properties(QuarantinedMail entry) {
        Properties p = new Properties();
        p.setProperty("id", entry.id().value());
        p.setProperty("tenant", entry.tenant().value());
        p.setProperty("endpoint", entry.endpoint().value());
        p.setProperty("reason.code", entry.reason().code());
        p.setProperty("reason.detail", entry.reason().detail());
        p.setProperty("receivedAt", entry.receivedAt().toString());
        p.setProperty("size", Long.toString(entry.size()));
        entry.from().ifPresent(v -> p.setProperty("from", v));
        entry.subject().ifPresent(v -> p.setProperty("subject", v));
        entry.messageId().ifPresent(v -> p.setProperty("messageId", v));
        return p;
    }

    private static Optional<QuarantinedMail> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(QuarantinedMail.builder()
                .id(QuarantineId.of(p.getProperty("id")))
                .tenant(TenantId.of(p.getProperty("tenant")))
                .endpoint(EndpointId.of(p.getProperty("endpoint")))
                .reason(Reason.of(p.getProperty("reason.code"), p.getProperty("reason.detail")))
                .receivedAt(Instant.parse(p.getProperty("receivedAt")))
                .size(Long.parseLong(p.getProperty("size")))
                .from(Optional.ofNullable(p.getProperty("from")))
                .subject(Optional.ofNullable(p.getProperty("subject")))
                .messageId(Optional.ofNullable(p.getProperty("messageId")))
                .build());
    }

    /** Lower-case ASCII, so tenants that differ in case stay apart on any file system. */
    static String tenantDirectory(TenantId tenant) {
        StringBuilder out = new StringBuilder("t-");
        for (char c : tenant.value().toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
                out.append(c);
            } else {
                out.append('_').append(Character.forDigit(c >> 4 & 0xF, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        return out.toString();
    }
}
