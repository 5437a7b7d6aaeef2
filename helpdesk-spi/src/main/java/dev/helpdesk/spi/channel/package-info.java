/**
 * The channel contract: what every channel (email, phone, live chat, community forum, web form)
 * hands to the desk and what the desk hands back.
 *
 * <p>Inbound, a channel module turns its traffic (a mail, a call log, a chat transcript, a forum
 * post, a form) into an {@link dev.helpdesk.spi.channel.InboundMessage} and gives it to the
 * desk's {@link dev.helpdesk.spi.channel.InboundIntake}, which answers an
 * {@link dev.helpdesk.spi.channel.IntakeOutcome}: a ticket opened, a reply recorded, a
 * follow-up, an automatic message recorded without reopening, a duplicate, a quarantine or a
 * refusal. Attachment bytes stay in the host's storage behind an
 * {@link dev.helpdesk.spi.channel.AttachmentStore}; the ticket keeps only an
 * {@link dev.helpdesk.spi.channel.AttachmentRef}. The host's CRM tells who wrote through a
 * {@link dev.helpdesk.spi.channel.CustomerDirectory}.
 *
 * <p>Outbound, a reply or a notice becomes an {@link dev.helpdesk.spi.channel.OutboundMessage}
 * that the desk's outbox hands, at least once, to the channel's
 * {@link dev.helpdesk.spi.channel.ChannelSender}.
 */
@ValueStyle
package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.ValueStyle;
