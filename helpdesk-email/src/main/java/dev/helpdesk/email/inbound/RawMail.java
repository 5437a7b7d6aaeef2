package dev.helpdesk.email.inbound;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A raw mail that can write its RFC 822 bytes, such as a message on an IMAP server; the receiver
 * spools it to disk as it arrives.
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
}
