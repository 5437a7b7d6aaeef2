package dev.helpdesk.email.inbound;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** A raw mail held in memory ({@link RawMail#of}): the receiver reads it without spooling it. */
final class InMemoryMail implements RawMail {
    private final byte[] raw;

    InMemoryMail(byte[] raw) {
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    byte[] bytes() {
        return raw;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(raw);
    }
}
