/**
 * Reading a mailbox over IMAP: {@link dev.helpdesk.email.imap.ImapPoller} hands every new mail
 * to the {@link dev.helpdesk.email.inbound.MailReceiver} and marks it processed on the server.
 */
@ValueStyle
package dev.helpdesk.email.imap;

import dev.helpdesk.spi.ValueStyle;
