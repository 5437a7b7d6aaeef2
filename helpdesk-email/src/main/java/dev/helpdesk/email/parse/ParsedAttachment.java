package dev.helpdesk.email.parse;

import dev.helpdesk.spi.channel.Disposition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A file or inline part of a parsed mail, not yet stored: its bytes are read from the message's
 * source (the spooled file) when {@link #open()} is called, decoded from base64 or
 * quoted-printable on the way.
 */
public final class ParsedAttachment {
    /** Opens the decoded bytes of a part. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    private final String name;
    private final String mediaType;
    private final Disposition disposition;
    private final Optional<String> contentId;
    private final long encodedSize;
    private final Content content;

    ParsedAttachment(String name, String mediaType, Disposition disposition, Optional<String> contentId,
                     long encodedSize, Content content) {
        this.name = Objects.requireNonNull(name, "name");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.disposition = Objects.requireNonNull(disposition, "disposition");
        this.contentId = Objects.requireNonNull(contentId, "contentId");
        this.encodedSize = encodedSize;
        this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * The file name, made safe to keep (no path, no control characters, at most 255 characters).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The media type, lower case, without parameters.
     *
     * @return such as {@code image/png}
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Whether the mail showed it as a file or inline.
     *
     * @return the disposition
     */
    public Disposition disposition() {
        return disposition;
    }

    /**
     * The {@code Content-ID} without angle brackets, when the part had one.
     *
     * @return the content id
     */
    public Optional<String> contentId() {
        return contentId;
    }

    /**
     * The size of the part as it stands in the mail, before decoding, or -1 when unknown: base64
     * decodes to about three quarters of it.
     *
     * @return the encoded size
     */
    public long encodedSize() {
        return encodedSize;
    }

    /**
     * Opens the decoded bytes. The caller closes the stream.
     *
     * @return the bytes
     * @throws IOException when the source cannot be read or the part's encoding is broken
     */
    public InputStream open() throws IOException {
        return content.open();
    }

    @Override
    public String toString() {
        return name + " (" + mediaType + ", " + disposition + contentId.map(c -> ", cid " + c).orElse("") + ")";
    }
}
