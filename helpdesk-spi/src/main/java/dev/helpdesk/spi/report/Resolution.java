package dev.helpdesk.spi.report;

import java.util.Objects;

/**
 * How the period's tickets were answered and resolved, with the design's definitions:
 * <ul>
 *   <li>first reply time: opening to the first public reply by an agent (the description a ticket
 *       is opened with is never a reply, nor are messages of rules and integrations); counted for
 *       tickets whose first reply falls in the period;</li>
 *   <li>first resolution time: opening to the first solve; tickets first solved in the period;</li>
 *   <li>full resolution time: opening to the latest solve; tickets whose latest solve before the
 *       period's end falls in the period and that were not reopened after it;</li>
 *   <li>one-touch: of the tickets in full resolution, those with exactly one public agent reply and
 *       never reopened;</li>
 *   <li>solves and reopens: solve and reopen events in the period (reopen rate = reopens ÷ solves).</li>
 * </ul>
 *
 * @param resolved        tickets counted in full resolution time
 * @param oneTouch        of those, resolved in one touch
 * @param solves          solve events in the period
 * @param reopens         reopen events in the period
 * @param firstReply      first reply time
 * @param firstResolution first resolution time
 * @param fullResolution  full resolution time
 */
public record Resolution(long resolved, long oneTouch, long solves, long reopens, TimeFigure firstReply,
                         TimeFigure firstResolution, TimeFigure fullResolution) {
    /**
     * Checks every part is present.
     *
     * @param resolved tickets counted in full resolution time
     * @param oneTouch of those, resolved in one touch
     * @param solves solve events in the period
     * @param reopens reopen events in the period
     * @param firstReply first reply time
     * @param firstResolution first resolution time
     * @param fullResolution full resolution time
     */
    public Resolution {
        Objects.requireNonNull(firstReply, "firstReply");
        Objects.requireNonNull(firstResolution, "firstResolution");
        Objects.requireNonNull(fullResolution, "fullResolution");
    }

    /**
     * One-touch resolutions as a share of resolved tickets.
     *
     * @return 0 to 1, or 0 when nothing was resolved
     */
    public double oneTouchRate() {
        return resolved == 0 ? 0 : (double) oneTouch / resolved;
    }

    /**
     * Tells whether anything counted: a ticket in one of the three times, a solve or a reopen.
     *
     * @return true when every count is 0
     */
    public boolean isEmpty() {
        return resolved == 0 && solves == 0 && reopens == 0 && firstReply.calendar().count() == 0
                && firstResolution.calendar().count() == 0;
    }

    /**
     * Reopens per solve.
     *
     * @return reopens ÷ solves, or 0 when nothing was solved
     */
    public double reopenRate() {
        return solves == 0 ? 0 : (double) reopens / solves;
    }
}
