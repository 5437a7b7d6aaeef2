package dev.helpdesk.spi.report;

import java.util.List;
import java.util.SortedMap;

/**
 * Reports over one tenant's ticket history, with the definitions of the design so numbers
 * compare across engines: the in-memory engine of the core computes them from the histories, the
 * JDBC adapter with SQL aggregates over the typed event table, and a report TCK holds both to the
 * same numbers on the same history.
 *
 * <p>Everything is computed from events, never from the tickets' current rows: a report of a
 * past period gives the same numbers whenever it runs. Each method reads the tenant's events of
 * the period (and, for backlog and escalation, what happened before its end); none changes
 * anything.
 */
public interface Reports {
    /**
     * Tickets opened in the period, split by channel, category, tier, group and day.
     *
     * @param query the period
     * @return the volume
     */
    Volume volume(ReportQuery query);

    /**
     * The most frequent categories, tags and subject terms of the tickets opened in the period.
     *
     * @param query the period; {@link ReportQuery#top()} bounds each list
     * @return the rankings
     */
    FrequentProblems frequentProblems(ReportQuery query);

    /**
     * Reply and resolution times, one-touch resolution, solves and reopens.
     *
     * @param query the period; its business clock adds business-time figures
     * @return the figures
     */
    Resolution resolution(ReportQuery query);

    /** The key of the tickets no SLA policy is on record for in {@link #resolutionByPolicy}. */
    String NO_POLICY = "";

    /**
     * The figures of {@link #resolution}, split by the SLA policy on record for each ticket at
     * the period's end: the policy of the ticket's latest {@code SlaPolicyApplied} event before
     * {@link ReportQuery#to()}; {@link #NO_POLICY} when it has none or the latest says none
     * applies. Each ticket and each solve or reopen counts under exactly one policy, so the
     * counts of all policies add up to those of {@link #resolution}.
     *
     * @param query the period; its business clock adds business-time figures
     * @return the figures by policy name; a policy appears when one of its tickets counts in a figure
     */
    SortedMap<String, Resolution> resolutionByPolicy(ReportQuery query);

    /**
     * SLA compliance per policy and clock: the clock cycles the desk recorded as completed in the
     * period ({@code SlaCompleted} events: achieved or late), under the policy each was measured
     * by when it completed.
     *
     * @param query the period
     * @return one entry per policy and clock with a completed cycle, ordered by policy then clock
     */
    List<ClockCompliance> slaCompliance(ReportQuery query);

    /**
     * The tickets unsolved at the period's end, by age.
     *
     * @param query the period
     * @return the backlog
     */
    Backlog backlog(ReportQuery query);

    /**
     * The escalation rate of each tier, L1 to L4, over the tickets opened in the period.
     *
     * @param query the period
     * @return one entry per tier, in tier order
     */
    List<TierEscalation> escalations(ReportQuery query);

    /**
     * The satisfaction ratings given in the period (the latest of each ticket's cycle), per scale.
     *
     * @param query the period
     * @return ratings by the scale's top score
     */
    SortedMap<Integer, ScaleRatings> satisfaction(ReportQuery query);

    /**
     * Assignments, public replies and solves per agent in the period.
     *
     * @param query the period
     * @return one entry per agent with any, by agent id
     */
    List<AgentLoad> workload(ReportQuery query);

    /**
     * What the knowledge base resolved in the period (see {@link Deflection}).
     *
     * @param query the period
     * @return the counts
     */
    Deflection deflection(ReportQuery query);

    /**
     * Every figure at once.
     *
     * @param query the period
     * @return the report
     */
    default Report report(ReportQuery query) {
        Volume volume = volume(query);
        return new Report(query, volume, frequentProblems(query), resolution(query), backlog(query),
                escalations(query), satisfaction(query), workload(query), volume.cost(query.channelCosts()), deflection(query));
    }
}
