package dev.helpdesk.core.problem;

import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A candidate problem: tickets opened in one period, in one category, whose subjects share
 * significant terms. An agent confirms it ({@code ProblemDesk.confirm}) or
 * ignores it.
 *
 * @param category the tickets' category
 * @param language the language most subjects are in ({@code en}, {@code nl}, {@code es}, {@code ru}), or {@code und}
 * @param terms    the significant terms every ticket's subject has, sorted
 * @param tickets  the tickets, ordered by id
 * @param from     the period's start
 * @param to       the period's end (exclusive)
 */
public record SuggestedProblem(Category category, String language, List<String> terms, List<TicketId> tickets,
                               Instant from, Instant to) {
    /**
     * Checks and copies the parts.
     *
     * @param category the tickets' category
     * @param language the language most subjects are in ({@code en}, {@code nl}, {@code es}, {@code ru}), or {@code und}
     * @param terms the significant terms every ticket's subject has, sorted
     * @param tickets the tickets, ordered by id
     * @param from the period's start
     * @param to the period's end (exclusive)
     */
    public SuggestedProblem {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(language, "language");
        terms = List.copyOf(terms);
        tickets = List.copyOf(tickets);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * A title an agent may keep: the terms and the category, such as {@code "login, update" in account.password}.
     *
     * @return the proposed title
     */
    public String proposedTitle() {
        String title = "\"" + String.join(", ", terms) + "\" in " + category.code();
        return title.length() <= dev.helpdesk.spi.problem.Problem.MAX_TITLE ? title
                : title.substring(0, dev.helpdesk.spi.problem.Problem.MAX_TITLE);
    }
}
