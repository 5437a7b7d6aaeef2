package dev.helpdesk.core.problem;

import dev.helpdesk.spi.report.SubjectTerms;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds candidate problems among tickets: a pure function, so that it can be checked on any set of
 * tickets.
 *
 * <p>The tickets opened in {@code [from, to)} and not linked to a problem are grouped by category;
 * in each category, every significant term of a subject (as the reports' "subject terms" find
 * them: {@link SubjectTerms#analyse}, the stop words of every language left out) gives the set of
 * tickets whose subject has it. Terms with the very same ticket set are one cluster (its key: the
 * category and those terms); a cluster whose tickets are all in a larger cluster of the same
 * category is left out; clusters of fewer than {@code minTickets} tickets are left out. The rest
 * are ranked by size, then category and terms. A cluster's language is the language most of its
 * subjects are in (short subjects without stop words, such as "Login broken", have none of their
 * own and join the cluster of their terms).
 */
public final class ProblemSuggestions {
    private ProblemSuggestions() {
    }

    /**
     * The candidate problems among tickets.
     *
     * @param tickets    the tickets to look at (any; those outside the period are skipped)
     * @param linked     tickets linked to a problem already, skipped
     * @param from       the period's start
     * @param to         the period's end, exclusive
     * @param minTickets the fewest tickets of a cluster, at least 2
     * @param limit      the most suggestions, at least 1
     * @return the suggestions, largest first
     */
    public static List<SuggestedProblem> suggest(Collection<Ticket> tickets, Set<TicketId> linked, Instant from, Instant to,
                                                 int minTickets, int limit) {
        if (minTickets < 2 || limit < 1) {
            throw new IllegalArgumentException("minTickets >= 2 and limit >= 1, not " + minTickets + " and " + limit);
        }
        Map<String, Map<String, SortedSet<TicketId>>> byTerm = new TreeMap<>();
        Map<String, Category> categories = new TreeMap<>();
        Map<TicketId, String> languages = new java.util.HashMap<>();
        Comparator<TicketId> byId = Comparator.comparing(TicketId::value);
        for (Ticket t : tickets) {
            if (t.createdAt().isBefore(from) || !t.createdAt().isBefore(to) || linked.contains(t.id())) {
                continue;
            }
            SubjectTerms.Analysis a = SubjectTerms.analyse(t.subject());
            String g = t.category().code();
            languages.put(t.id(), a.language());
            categories.putIfAbsent(t.category().code(), t.category());
            for (String term : a.terms()) {
                byTerm.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(term, k -> new TreeSet<>(byId)).add(t.id());
            }
        }
        List<SuggestedProblem> found = new ArrayList<>();
        byTerm.forEach((group, terms) -> {
            // terms with one ticket set are one cluster
            Map<List<TicketId>, SortedSet<String>> clusters = new java.util.LinkedHashMap<>();
            terms.forEach((term, ids) -> {
                if (ids.size() >= minTickets) {
                    clusters.computeIfAbsent(List.copyOf(ids), k -> new TreeSet<>()).add(term);
                }
            });
            clusters.forEach((ids, keyTerms) -> {
                boolean inLarger = clusters.keySet().stream()
                        .anyMatch(other -> other.size() > ids.size() && Set.copyOf(other).containsAll(ids));
                if (!inLarger) {
                    found.add(new SuggestedProblem(categories.get(group), language(ids, languages),
                            List.copyOf(keyTerms), ids, from, to));
                }
            });
        });
        found.sort(Comparator.comparingInt((SuggestedProblem s) -> s.tickets().size()).reversed()
                .thenComparing(s -> s.category().code()).thenComparing(s -> String.join(" ", s.terms())));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    /** The language most of the tickets' subjects are in (ties: the first by name); und when none has one. */
    private static String language(List<TicketId> ids, Map<TicketId, String> languages) {
        Map<String, Integer> counts = new TreeMap<>();
        for (TicketId id : ids) {
            String l = languages.get(id);
            if (!SubjectTerms.UNDETERMINED.equals(l)) {
                counts.merge(l, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(SubjectTerms.UNDETERMINED);
    }
}
