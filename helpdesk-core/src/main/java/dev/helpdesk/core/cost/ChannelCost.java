package dev.helpdesk.core.cost;

import dev.helpdesk.spi.ticket.Channel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A ticket's contacts and cost per channel, and its path across channels.
 *
 * @param contacts the public messages of customers and staff per channel (automatic messages
 *                 and internal notes are not contacts)
 * @param cost     the contacts times the channel's weight, per channel
 * @param total    the sum of {@link #cost()}
 * @param path     the channels in the order the ticket used them, a channel repeated only when
 *                 the ticket came back to it (opened on chat, then email: {@code [LIVE_CHAT,
 *                 EMAIL]})
 */
public record ChannelCost(Map<Channel, Integer> contacts, Map<Channel, BigDecimal> cost, BigDecimal total,
                          List<Channel> path) {
    /**
     * Freezes the parts.
     *
     * @param contacts the public messages of customers and staff per channel (automatic messages and internal notes are not contacts)
     * @param cost the contacts times the channel's weight, per channel
     * @param total the sum of {@link #cost()}
     * @param path the channels in the order the ticket used them, a channel repeated only when the ticket came back to it (opened on chat, then email: {@code [LIVE_CHAT, EMAIL]})
     */
    public ChannelCost {
        contacts = Map.copyOf(contacts);
        cost = Map.copyOf(cost);
        path = List.copyOf(path);
    }
}
