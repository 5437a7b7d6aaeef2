package dev.helpdesk.spi.report;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the period's tickets were most often about: the top categories (at opening), the top
 * tags (tags added to the period's tickets before the period ended), the top significant
 * terms of their subjects per language ({@link SubjectTerms}), and the top problems (problems
 * the period's tickets were linked to before the period ended, by the problem's id). Each list is ranked by
 * {@link Count#RANKING} and cut to the query's {@link ReportQuery#top()}; a ticket counts once per
 * key.
 *
 * @param categories the top categories
 * @param tags       the top tags
 * @param terms      the top subject terms, by language code ({@code en}, {@code nl}, {@code es},
 *                   {@code ru}, or {@value SubjectTerms#UNDETERMINED})
 * @param problems   the top linked problems, keyed by the problem's id ({@code ProblemId}'s text)
 */
public record FrequentProblems(List<Count> categories, List<Count> tags, SortedMap<String, List<Count>> terms,
                               List<Count> problems) {
    /**
     * Freezes the lists.
     *
     * @param categories the top categories
     * @param tags the top tags
     * @param terms the top subject terms, by language code ({@code en}, {@code nl}, {@code es}, {@code ru}, or {@value SubjectTerms#UNDETERMINED})
     * @param problems the top linked problems, keyed by the problem's id
     */
    public FrequentProblems {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        problems = List.copyOf(problems);
        SortedMap<String, List<Count>> copy = new TreeMap<>();
        terms.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        terms = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The figures without linked problems (an engine or a host report that does not count them).
     *
     * @param categories the top categories
     * @param tags       the top tags
     * @param terms      the top subject terms, by language code
     */
    public FrequentProblems(List<Count> categories, List<Count> tags, SortedMap<String, List<Count>> terms) {
        this(categories, tags, terms, List.of());
    }
}
