package dev.helpdesk.core.cost;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Visibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The small calculator of what a ticket cost per channel, from its history alone (read it with
 * {@code tickets().history(id, staff)}). A contact is a public message of a customer or of staff
 * on its channel (every message records its channel); its cost is the channel's weight. The
 * ticket's path starts with the channel it was opened on and adds each channel a message moved
 * it to. Pure; costs one pass over the history.
 */
public final class ChannelCosts {

    private ChannelCosts() {
    }

    /**
     * Counts and prices a ticket's contacts.
     *
     * @param history the ticket's history, oldest first
     * @param weights the host's weights
     * @return the contacts, costs and path
     */
    public static ChannelCost of(List<RecordedEvent> history, ChannelWeights weights) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(weights, "weights");
        Map<Channel, Integer> contacts = new LinkedHashMap<>();
        List<Channel> path = new ArrayList<>();
        for (RecordedEvent recorded : history) {
            TicketEvent event = recorded.event();
            if (event instanceof TicketEvent.Opened opened) {
                move(path, opened.channel());
            } else if (event instanceof TicketEvent.MessagePosted posted && isContact(posted.message())) {
                contacts.merge(posted.message().channel(), 1, Integer::sum);
                move(path, posted.message().channel());
            }
        }
        Map<Channel, BigDecimal> cost = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Channel, Integer> e : contacts.entrySet()) {
            BigDecimal c = weights.of(e.getKey()).multiply(BigDecimal.valueOf(e.getValue()));
            cost.put(e.getKey(), c);
            total = total.add(c);
        }
        return new ChannelCost(contacts, cost, total, path);
    }

    private static boolean isContact(Message m) {
        return m.visibility() == Visibility.PUBLIC && !m.automatic()
                && (m.author() instanceof Actor.Customer || m.author() instanceof Actor.Agent
                || m.author() instanceof Actor.Integration);
    }

    private static void move(List<Channel> path, Channel channel) {
        if (path.isEmpty() || !path.get(path.size() - 1).equals(channel)) {
            path.add(channel);
        }
    }
}
