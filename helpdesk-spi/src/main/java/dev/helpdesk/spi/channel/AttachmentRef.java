package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What a ticket keeps of an attachment: its name, media type, size and checksum, and the key
 * under which the host's {@link AttachmentStore} keeps the bytes. The bytes themselves never
 * pass through the desk's store.
 *
 * <p>Made by an {@link AttachmentStore} when it takes the bytes; a channel then sets the
 * {@link #disposition()} and {@link #contentId()} with {@code withDisposition} and
 * {@code withContentId}.
 */
@Value.Immutable
public abstract class AttachmentRef {
    /** For the implementation that Immutables generates. */
    public AttachmentRef() {
    }

    /** The longest file name, in code points. */
    public static final int MAX_NAME_LENGTH = 255;
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    /**
     * The file name as the sender gave it, one line without control characters or path
     * separators, 1 to {@value #MAX_NAME_LENGTH} characters. A channel that got no name or an
     * unusable one names the file itself ({@code attachment-1.bin}).
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The media type, lower case, without parameters, such as {@code application/pdf}.
     *
     * @return the media type
     */
    public abstract String mediaType();

    /**
     * The size of the stored bytes.
     *
     * @return the number of bytes, zero or more
     */
    public abstract long size();

    /**
     * The SHA-256 digest of the stored bytes.
     *
     * @return the checksum
     */
    public abstract Checksum checksum();

    /**
     * Where the {@link AttachmentStore} keeps the bytes.
     *
     * @return the key
     */
    public abstract StorageKey storageKey();

    /**
     * Whether the message showed it as a file or inline; {@link Disposition#ATTACHMENT} unless a
     * channel said otherwise.
     *
     * @return the disposition
     */
    @Value.Default
    public Disposition disposition() {
        return Disposition.ATTACHMENT;
    }

    /**
     * The id an HTML body uses to show an inline part ({@code cid:logo@acme} names
     * {@code logo@acme}), when the message gave one.
     *
     * @return the content id without angle brackets
     */
    public abstract Optional<String> contentId();

    /**
     * Copies this reference with another disposition.
     *
     * @param disposition the new disposition
     * @return the copy
     */
    public abstract AttachmentRef withDisposition(Disposition disposition);

    /**
     * Copies this reference with a content id.
     *
     * @param contentId the content id, without angle brackets
     * @return the copy
     */
    public abstract AttachmentRef withContentId(String contentId);

    /**
     * A builder; {@code build()} throws {@link dev.helpdesk.spi.ConfigurationException} naming every
     * missing or malformed part.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether a media type is in the form this reference keeps.
     *
     * @param mediaType a candidate, may be null
     * @return true for a lower-case {@code type/subtype} without parameters
     */
    public static boolean isMediaType(String mediaType) {
        return mediaType != null && MEDIA_TYPE.matcher(mediaType).matches();
    }

    /**
     * Tells whether a file name can be kept as it is.
     *
     * @param name a candidate, may be null
     * @return true for 1 to {@value #MAX_NAME_LENGTH} characters on one line without control
     *         characters, path separators or a leading dot
     */
    public static boolean isFileName(String name) {
        return name != null && !name.isBlank() && name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH
                && ChannelTexts.textProblem(name) == null && ChannelTexts.isOneLine(name) && name.indexOf('\t') < 0
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.startsWith(".");
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (!isFileName(name())) {
            errors.add(new FieldError("name", "must be a file name on one line, without control characters, path"
                    + " separators or a leading dot: " + ChannelTexts.printable(name())));
        }
        if (!isMediaType(mediaType())) {
            errors.add(new FieldError("media type", "must be lower-case type/subtype: "
                    + ChannelTexts.printable(mediaType())));
        }
        if (size() < 0) {
            errors.add(new FieldError("size", "must not be negative: " + size()));
        }
        contentId().map(id -> ChannelTexts.tokenProblem(id, 255))
                .ifPresent(problem -> errors.add(new FieldError("content id", problem)));
        ChannelTexts.check("an attachment reference", errors);
    }

    /** Builds an {@link AttachmentRef}. */
    public static final class Builder extends ImmutableAttachmentRef.Builder {
        Builder() {
        }
    }

    @Override
    public String toString() {
        return "AttachmentRef{" + name() + ", " + mediaType() + ", " + size() + " bytes, " + checksum() + ", "
                + storageKey() + ", " + disposition().name().toLowerCase(Locale.ROOT)
                + contentId().map(id -> ", cid " + id).orElse("") + "}";
    }
}
