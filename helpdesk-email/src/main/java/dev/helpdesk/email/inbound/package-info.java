/**
 * Mail into the desk: {@link dev.helpdesk.email.inbound.MailReceiver} takes one raw mail, from
 * the IMAP poller or straight from a host whose mail service posts RFC 822 bytes, and answers
 * what became of it.
 */
package dev.helpdesk.email.inbound;
