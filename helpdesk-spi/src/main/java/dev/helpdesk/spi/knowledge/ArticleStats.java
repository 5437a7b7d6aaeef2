package dev.helpdesk.spi.knowledge;

/**
 * What readers and agents said about one article, counted: how often it prevented a ticket,
 * its helpful and not-helpful votes, how often agents linked it in replies and how many tickets
 * were solved with it.
 *
 * @param deflections   "this solved my problem"
 * @param helpful       helpful votes
 * @param notHelpful    not-helpful votes
 * @param linked        links in agents' replies
 * @param solvedTickets tickets solved with it
 */
public record ArticleStats(long deflections, long helpful, long notHelpful, long linked, long solvedTickets) {
    /** Nothing said yet. */
    public static final ArticleStats NONE = new ArticleStats(0, 0, 0, 0, 0);

    /**
     * Checks no count is negative.
     *
     * @param deflections "this solved my problem"
     * @param helpful helpful votes
     * @param notHelpful not-helpful votes
     * @param linked links in agents' replies
     * @param solvedTickets tickets solved with it
     */
    public ArticleStats {
        if (deflections < 0 || helpful < 0 || notHelpful < 0 || linked < 0 || solvedTickets < 0) {
            throw new IllegalArgumentException("counts are zero or more");
        }
    }

    /**
     * The count of one kind.
     *
     * @param kind the kind
     * @return how many of that kind
     */
    public long count(ArticleFeedback.Kind kind) {
        return switch (kind) {
            case DEFLECTION -> deflections;
            case HELPFUL -> helpful;
            case NOT_HELPFUL -> notHelpful;
            case LINKED -> linked;
            case SOLVED_TICKET -> solvedTickets;
        };
    }

    /**
     * These counts with one more of a kind.
     *
     * @param kind the kind
     * @return the new counts
     */
    public ArticleStats plus(ArticleFeedback.Kind kind) {
        return new ArticleStats(deflections + (kind == ArticleFeedback.Kind.DEFLECTION ? 1 : 0),
                helpful + (kind == ArticleFeedback.Kind.HELPFUL ? 1 : 0),
                notHelpful + (kind == ArticleFeedback.Kind.NOT_HELPFUL ? 1 : 0),
                linked + (kind == ArticleFeedback.Kind.LINKED ? 1 : 0),
                solvedTickets + (kind == ArticleFeedback.Kind.SOLVED_TICKET ? 1 : 0));
    }
}
