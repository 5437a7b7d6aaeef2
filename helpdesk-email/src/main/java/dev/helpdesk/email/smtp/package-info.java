/**
 * Mail out of the desk: {@link dev.helpdesk.email.smtp.SmtpSender}, the email channel's
 * {@link dev.helpdesk.spi.channel.ChannelSender}, composes replies and notices with threading
 * headers, the ticket number in the subject and localized templates, and sends them over SMTP.
 */
@ValueStyle
package dev.helpdesk.email.smtp;

import dev.helpdesk.spi.ValueStyle;
