package dev.helpdesk.spi.report;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The satisfaction ratings of one scale: the latest rating of each ticket's resolution cycle,
 * counted when it was given in the period.
 *
 * @param outOf   the scale's top score, 2 or 5
 * @param count   ratings
 * @param bad     of those, bad ones
 * @param byScore ratings per score, 1 to {@code outOf}
 */
public record ScaleRatings(int outOf, long count, long bad, SortedMap<Integer, Long> byScore) {
    /**
     * Freezes the map.
     *
     * @param outOf the scale's top score, 2 or 5
     * @param count ratings
     * @param bad of those, bad ones
     * @param byScore ratings per score, 1 to {@code outOf}
     */
    public ScaleRatings {
        byScore = Collections.unmodifiableSortedMap(new TreeMap<>(byScore));
    }

    /**
     * The share of ratings that are not bad (CSAT).
     *
     * @return 0 to 1, 0 without ratings
     */
    public double satisfied() {
        return count == 0 ? 0 : (double) (count - bad) / count;
    }

    /**
     * The mean score.
     *
     * @return 1 to {@code outOf}, 0 without ratings
     */
    public double mean() {
        long sum = 0;
        for (var e : byScore.entrySet()) {
            sum += e.getKey() * e.getValue();
        }
        return count == 0 ? 0 : (double) sum / count;
    }
}
