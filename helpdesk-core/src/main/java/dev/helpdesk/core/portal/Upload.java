package dev.helpdesk.core.portal;

import java.io.InputStream;

/**
 * A file a customer attaches in the portal, as the browser posted it. The portal checks the
 * name and media type and streams the bytes into the host's
 * {@link dev.helpdesk.spi.channel.AttachmentStore}; it does not close the stream.
 *
 * @param name      the file name; see {@link dev.helpdesk.spi.channel.AttachmentRef#isFileName}
 * @param mediaType the media type, lower case {@code type/subtype}
 * @param content   the bytes
 */
public record Upload(String name, String mediaType, InputStream content) {
}
