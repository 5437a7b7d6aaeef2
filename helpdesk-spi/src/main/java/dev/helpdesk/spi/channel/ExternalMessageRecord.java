package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.Objects;

/**
 * What the desk recorded about one external message id: the ticket and the message it belongs
 * to. Made by the store from a committed
 * {@link dev.helpdesk.spi.ticket.TicketEvent.ExternalMessageLinked} event.
 *
 * @param tenant     the tenant
 * @param channel    the channel
 * @param externalId the channel's id of the message
 * @param ticket     the ticket it was recorded on
 * @param message    the ticket's message
 * @param outbound   true for a message the desk sent
 * @param recordedAt when it was recorded
 */
public record ExternalMessageRecord(TenantId tenant, Channel channel, ExternalMessageId externalId, TicketId ticket,
                                    MessageId message, boolean outbound, Instant recordedAt) {
    /**
     * Checks every part is present.
     *
     * @param tenant the tenant
     * @param channel the channel
     * @param externalId the channel's id of the message
     * @param ticket the ticket it was recorded on
     * @param message the ticket's message
     * @param outbound true for a message the desk sent
     * @param recordedAt when it was recorded
     */
    public ExternalMessageRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
