package dev.helpdesk.spi.report;

/**
 * What the knowledge base did for the period's tickets, from the {@code article_linked} events in
 * the period:
 * <ul>
 *   <li>self-served: a requester closed their own ticket with an article that solved it;</li>
 *   <li>solved with an article: staff solved a ticket by linking an article as the solution;</li>
 *   <li>articles linked: staff pointed a ticket to an article without solving it.</li>
 * </ul>
 * Deflections before any ticket was opened (a reader who said "this solved my problem" in the
 * portal) are the knowledge base's own statistics, not part of ticket histories.
 *
 * @param selfServed        tickets closed as self-served
 * @param solvedWithArticle tickets solved by staff with an article
 * @param articlesLinked    article links without a solve
 */
public record Deflection(long selfServed, long solvedWithArticle, long articlesLinked) {
    /** No deflection at all. */
    public static final Deflection NONE = new Deflection(0, 0, 0);

    /** Checks the counts.
     *
     * @param selfServed tickets closed as self-served
     * @param solvedWithArticle tickets solved by staff with an article
     * @param articlesLinked article links without a solve
     */
    public Deflection {
        if (selfServed < 0 || solvedWithArticle < 0 || articlesLinked < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /**
     * The share of resolutions the knowledge base made: self-served and article solves among all
     * solves and self-serves.
     *
     * @param solves the period's solve events (self-served tickets are closed, not solved)
     * @return 0 to 1, or 0 without any
     */
    public double knowledgeShare(long solves) {
        long all = solves + selfServed;
        return all == 0 ? 0 : Math.min(1.0, (double) (selfServed + solvedWithArticle) / all);
    }
}
