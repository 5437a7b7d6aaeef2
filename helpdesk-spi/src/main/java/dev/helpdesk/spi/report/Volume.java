package dev.helpdesk.spi.report;

import dev.helpdesk.spi.ticket.Channel;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many tickets were opened in the period, and how they split by what they were opened
 * with: channel, category, tier and group (a ticket without a group counts under
 * {@value #NO_GROUP}), and by day in the query's zone. Each split sums to {@link #total()}.
 *
 * @param total      tickets opened in the period
 * @param byChannel  by channel code
 * @param byCategory by category code
 * @param byTier     by tier name
 * @param byGroup    by group id
 * @param byDay      by local date of the opening
 */
public record Volume(long total, SortedMap<String, Long> byChannel, SortedMap<String, Long> byCategory,
                     SortedMap<String, Long> byTier, SortedMap<String, Long> byGroup, SortedMap<LocalDate, Long> byDay) {
    /** The key of tickets opened without a group. */
    public static final String NO_GROUP = "(none)";

    /**
     * Freezes the maps.
     *
     * @param total tickets opened in the period
     * @param byChannel by channel code
     * @param byCategory by category code
     * @param byTier by tier name
     * @param byGroup by group id
     * @param byDay by local date of the opening
     */
    public Volume {
        byChannel = frozen(byChannel);
        byCategory = frozen(byCategory);
        byTier = frozen(byTier);
        byGroup = frozen(byGroup);
        byDay = frozen(byDay);
    }

    /**
     * The host's cost of the period's tickets per channel: the count times the channel's weight.
     *
     * @param weights the cost of one ticket per channel (channels not named cost nothing)
     * @return cost by channel code, every channel of {@link #byChannel()}
     */
    public SortedMap<String, Double> cost(Map<Channel, Double> weights) {
        SortedMap<String, Double> cost = new TreeMap<>();
        byChannel.forEach((code, n) -> cost.put(code, n * weights.getOrDefault(Channel.of(code), 0.0)));
        return Collections.unmodifiableSortedMap(cost);
    }

    private static <K, V> SortedMap<K, V> frozen(SortedMap<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
