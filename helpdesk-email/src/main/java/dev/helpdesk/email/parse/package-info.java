/**
 * Reading mail: {@link dev.helpdesk.email.parse.MailParser} turns RFC 822 bytes into a {@link
 * dev.helpdesk.email.parse.ParsedMail} with Jakarta Mail on Eclipse Angus (never by hand), within
 * the limits of {@link dev.helpdesk.email.MailSettings}, or into a {@link
 * dev.helpdesk.email.parse.ParseFailure} that says why not.
 */
@ValueStyle
package dev.helpdesk.email.parse;

import dev.helpdesk.spi.ValueStyle;
