package dev.helpdesk.spi.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * One entry of a ranking: a key (a category, a tag, a term) and how many tickets have it.
 *
 * @param key   the key
 * @param count how many tickets
 */
public record Count(String key, long count) {
    /** Most first, then by key, so rankings are the same in every engine. */
    public static final Comparator<Count> RANKING = Comparator.comparingLong(Count::count).reversed()
            .thenComparing(Count::key);

    /**
     * Checks the key is present.
     *
     * @param key the key
     * @param count how many tickets
     */
    public Count {
        Objects.requireNonNull(key, "key");
    }
}
