package dev.helpdesk.spi.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The distribution of one duration figure over the tickets it counts: how many, the median and
 * the 90th percentile, both by nearest rank (the smallest value with at least p % of the values at
 * or below it), so they are always durations that occurred.
 *
 * @param count  how many tickets
 * @param median the median, empty when there are none
 * @param p90    the 90th percentile, empty when there are none
 */
public record Durations(long count, Optional<Duration> median, Optional<Duration> p90) {
    /** None. */
    public static final Durations NONE = new Durations(0, Optional.empty(), Optional.empty());

    /**
     * The figure of some durations.
     *
     * @param values the durations, in any order
     * @return count, median and p90
     */
    public static Durations of(Collection<Duration> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Durations(sorted.size(), Optional.of(nearestRank(sorted, 50)), Optional.of(nearestRank(sorted, 90)));
    }

    /**
     * The nearest-rank percentile of sorted values: the value at rank ceil(p/100 * n), from 1.
     *
     * @param sorted  the values, ascending, not empty
     * @param percent 1 to 100
     * @return the percentile
     */
    public static Duration nearestRank(List<Duration> sorted, int percent) {
        int n = sorted.size();
        int rank = (int) ((percent * (long) n + 99) / 100);
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
