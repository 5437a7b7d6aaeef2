package dev.helpdesk.email.quarantine;

import dev.helpdesk.spi.channel.QuarantineId;
import dev.helpdesk.spi.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Keeps mail the desk could not take, whole, with the reason: malformed MIME, a missing
 * {@code From} or {@code Date}, nesting or size over the limits, an illegal character set, a
 * likely mail loop. An operator lists the entries, reads the raw mail, and after fixing the cause
 * (raising a limit, say) hands it to the receiver again and releases the entry.
 *
 * <p>An entry is stored whole or not at all; storing the same entry again (same id) keeps one.
 * Implementations are safe for concurrent use. In-memory and file system implementations ship;
 * a host may keep entries in its own storage.
 */
public interface Quarantine {

    /**
     * Keeps a mail. Reads the stream to its end; does not close it.
     *
     * @param entry what to list it under
     * @param raw   the raw RFC 822 bytes
     * @throws IOException when the mail could not be kept: the caller must not drop the mail
     */
    void put(QuarantinedMail entry, InputStream raw) throws IOException;

    /**
     * The entries of a tenant, oldest first.
     *
     * @param tenant the tenant
     * @return the entries
     * @throws IOException when the entries cannot be read
     */
    List<QuarantinedMail> list(TenantId tenant) throws IOException;

    /**
     * One entry.
     *
     * @param tenant the tenant
     * @param id     the entry's id
     * @return the entry, when this tenant has it
     * @throws IOException when the entry cannot be read
     */
    Optional<QuarantinedMail> find(TenantId tenant, QuarantineId id) throws IOException;

    /**
     * Opens the raw mail of an entry. The caller closes the stream.
     *
     * @param tenant the tenant
     * @param id     the entry's id
     * @return the raw bytes, when this tenant has the entry
     * @throws IOException when the entry cannot be read
     */
    Optional<InputStream> open(TenantId tenant, QuarantineId id) throws IOException;

    /**
     * Removes an entry an operator has dealt with.
     *
     * @param tenant the tenant
     * @param id     the entry's id
     * @return true when an entry was removed
     * @throws IOException when the entry cannot be removed
     */
    boolean release(TenantId tenant, QuarantineId id) throws IOException;
}
