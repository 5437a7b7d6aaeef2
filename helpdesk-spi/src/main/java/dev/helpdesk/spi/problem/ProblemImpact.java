package dev.helpdesk.spi.problem;

import java.util.Objects;
import java.util.SortedMap;

/**
 * How much a problem hurts, computed from its linked tickets as they stand.
 *
 * @param tickets     the tickets linked to it
 * @param unsolved    of those, the tickets not yet solved, closed or merged
 * @param customers   the distinct requesters of those tickets
 * @param bySegment   distinct requesters per customer segment (code); requesters without a
 *                    segment under {@code ""}
 * @param byCategory  linked tickets per category code
 */
public record ProblemImpact(int tickets, int unsolved, int customers, SortedMap<String, Integer> bySegment,
                            SortedMap<String, Integer> byCategory) {
    /**
     * Checks the parts and copies the maps.
     *
     * @param tickets the tickets linked to it
     * @param unsolved of those, the tickets not yet solved, closed or merged
     * @param customers the distinct requesters of those tickets
     * @param bySegment distinct requesters per customer segment (code); requesters without a segment under {@code ""}
     * @param byCategory linked tickets per category code
     */
    public ProblemImpact {
        if (tickets < 0 || unsolved < 0 || unsolved > tickets || customers < 0 || customers > tickets) {
            throw new IllegalArgumentException("inconsistent impact: " + tickets + " tickets, " + unsolved
                    + " unsolved, " + customers + " customers");
        }
        bySegment = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Objects.requireNonNull(bySegment)));
        byCategory = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Objects.requireNonNull(byCategory)));
    }
}
