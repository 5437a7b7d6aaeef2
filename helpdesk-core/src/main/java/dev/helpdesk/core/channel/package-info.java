/**
 * The desk's side of the channel contract: {@link dev.helpdesk.core.channel.IntakePolicy}, how
 * a tenant takes inbound messages (the ticket number pattern in subjects, what happens to
 * senders the host's CRM does not know, the category of new tickets). The intake itself is
 * {@link dev.helpdesk.core.Helpdesk#intake()}.
 */
@ValueStyle
package dev.helpdesk.core.channel;

import dev.helpdesk.spi.ValueStyle;
