package dev.helpdesk.email.inbound;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A raw mail that can write its RFC 822 bytes, such as a message on an IMAP server; the receiver
 * spools it to disk as it arrives. {@link #of(byte[])} wraps bytes already in memory.
 */
@FunctionalInterface
public interface RawMail {

    /**
     * Writes the raw bytes.
     *
     * @param out where to write them
     * @throws IOException when the mail cannot be read
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * A mail already in memory (a web hook's request body). The receiver reads it from there
     * instead of spooling it, as {@link MailReceiver#receive(dev.helpdesk.email.TenantMailbox, byte[])}
     * does.
     *
     * @param raw the RFC 822 bytes; not copied, so not to be changed afterwards
     * @return the mail
     */
    static RawMail of(byte[] raw) {
        return new InMemoryMail(raw);
    }
}
