package dev.helpdesk.spi.feedback;

/**
 * How a tenant's customers score a resolution: bad or good, or one to five. A tenant uses one
 * scale; reports count ratings of each scale apart.
 */
public enum SatisfactionScale {
    /** Two answers: 1 is bad, 2 is good. */
    GOOD_BAD(2),
    /** One (very bad) to five (very good); 1 and 2 are bad. */
    ONE_TO_FIVE(5);

    private final int top;

    SatisfactionScale(int top) {
        this.top = top;
    }

    /**
     * The highest score, which is also the number of answers.
     *
     * @return 2 or 5
     */
    public int top() {
        return top;
    }

    /**
     * Whether a score is one of this scale's answers.
     *
     * @param score a score
     * @return true for 1 to {@link #top()}
     */
    public boolean accepts(int score) {
        return score >= 1 && score <= top;
    }

    /**
     * Whether a score on this scale is a bad rating.
     *
     * @param score a score this scale accepts
     * @return true for bad (GOOD_BAD: 1; ONE_TO_FIVE: 1 or 2)
     */
    public boolean isBad(int score) {
        return this == GOOD_BAD ? score == 1 : score <= 2;
    }

    /**
     * The scale whose top score is given.
     *
     * @param top 2 or 5
     * @return the scale
     * @throws IllegalArgumentException for another number
     */
    public static SatisfactionScale ofTop(int top) {
        for (SatisfactionScale s : values()) {
            if (s.top == top) {
                return s;
            }
        }
        throw new IllegalArgumentException("no satisfaction scale tops at " + top);
    }
}
