/**
 * The email channel: real mail in and out of the desk.
 *
 * <p>Inbound, {@link dev.helpdesk.email.inbound.MailReceiver} takes RFC 822 bytes (from the
 * {@link dev.helpdesk.email.imap.ImapPoller} or from a host whose mail service posts raw mail to
 * it), parses them with Jakarta Mail on Eclipse Angus, strips quoted replies, flags automatic
 * mail, streams attachments to the host's {@link dev.helpdesk.spi.channel.AttachmentStore} and
 * hands an {@link dev.helpdesk.spi.channel.InboundMessage} to the desk's
 * {@link dev.helpdesk.spi.channel.InboundIntake}. Mail it cannot take goes to a
 * {@link dev.helpdesk.email.quarantine.Quarantine} with its raw bytes.
 *
 * <p>Outbound, {@link dev.helpdesk.email.smtp.SmtpSender} is the channel's
 * {@link dev.helpdesk.spi.channel.ChannelSender}.
 *
 * <p>This package holds the settings every part shares: the limits ({@link
 * dev.helpdesk.email.MailSettings}) and each tenant's mailbox ({@link
 * dev.helpdesk.email.TenantMailbox}).
 */
@ValueStyle
package dev.helpdesk.email;

import dev.helpdesk.spi.ValueStyle;
