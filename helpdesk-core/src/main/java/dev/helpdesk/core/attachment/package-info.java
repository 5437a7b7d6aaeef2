/**
 * Attachment storage that ships with the desk: {@link
 * dev.helpdesk.core.attachment.FileSystemAttachmentStore} keeps attachment bytes in a directory
 * of the host's file system behind the {@link dev.helpdesk.spi.channel.AttachmentStore}
 * contract.
 */
@ValueStyle
package dev.helpdesk.core.attachment;

import dev.helpdesk.spi.ValueStyle;
