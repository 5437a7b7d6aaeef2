package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.ticket.Channel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a channel knows about one message beside its text: its own id, where it came in or went
 * out, the counterpart's address, the files that came with it, and, for a message a machine
 * wrote, why it does not count as the customer's. The decider turns it into
 * {@link dev.helpdesk.spi.ticket.TicketEvent.ExternalMessageLinked} and
 * {@link dev.helpdesk.spi.ticket.TicketEvent.AttachmentAdded} events on the message's ticket.
 *
 * @param channel     the channel
 * @param endpoint    the mailbox, hotline or form
 * @param externalId  the channel's id of the message
 * @param counterpart the sender of an inbound message, the recipient of an outbound one
 * @param attachments the files, already in the host's attachment store
 * @param automatic   for an automatic inbound message, why it is only recorded
 */
public record ChannelReceipt(Channel channel, EndpointId endpoint, ExternalMessageId externalId,
                             ContactAddress counterpart, List<AttachmentRef> attachments, Optional<Reason> automatic) {
    /**
     * Checks every part is present and copies the attachments.
     *
     * @param channel the channel
     * @param endpoint the mailbox, hotline or form
     * @param externalId the channel's id of the message
     * @param counterpart the sender of an inbound message, the recipient of an outbound one
     * @param attachments the files, already in the host's attachment store
     * @param automatic for an automatic inbound message, why it is only recorded
     */
    public ChannelReceipt {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(counterpart, "counterpart");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(automatic, "automatic");
    }
}
