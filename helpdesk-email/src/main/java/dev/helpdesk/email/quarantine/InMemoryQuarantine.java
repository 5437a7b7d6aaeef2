package dev.helpdesk.email.quarantine;

import dev.helpdesk.spi.channel.QuarantineId;
import dev.helpdesk.spi.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A quarantine in memory, for tests, demos and hosts that log and alert instead of keeping: the
 * raw mail costs its size in heap, and a restart forgets every entry.
 */
public final class InMemoryQuarantine implements Quarantine {
    /** Creates an empty quarantine. */
    public InMemoryQuarantine() {
    }

    private record Key(TenantId tenant, QuarantineId id) {
    }

    private record Entry(QuarantinedMail mail, byte[] raw) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    @Override
    public void put(QuarantinedMail entry, InputStream raw) throws IOException {
        Objects.requireNonNull(entry, "entry");
        byte[] bytes = raw.readAllBytes();
        synchronized (entries) {
            entries.putIfAbsent(new Key(entry.tenant(), entry.id()), new Entry(entry, bytes));
        }
    }

    @Override
    public List<QuarantinedMail> list(TenantId tenant) {
        synchronized (entries) {
            return entries.values().stream().map(Entry::mail).filter(m -> m.tenant().equals(tenant))
                    .sorted(Comparator.comparing(QuarantinedMail::receivedAt)).toList();
        }
    }

    @Override
    public Optional<QuarantinedMail> find(TenantId tenant, QuarantineId id) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(new Key(tenant, id))).map(Entry::mail);
        }
    }

    @Override
    public Optional<InputStream> open(TenantId tenant, QuarantineId id) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(new Key(tenant, id))).map(e -> new ByteArrayInputStream(e.raw()));
        }
    }

    @Override
    public boolean release(TenantId tenant, QuarantineId id) {
        synchronized (entries) {
            return entries.remove(new Key(tenant, id)) != null;
        }
    }
}
