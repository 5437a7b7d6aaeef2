package dev.helpdesk.spi.report;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Every figure of a period, as {@link Reports#report} computes it.
 *
 * @param query        what the report covers
 * @param volume       tickets opened
 * @param problems     the most frequent problems
 * @param resolution   replies, resolutions, one-touch, reopens
 * @param backlog      unsolved at the end, by age
 * @param escalations  escalation per tier, L1 to L4
 * @param satisfaction ratings per scale, by the scale's top score
 * @param workload     per agent, by agent id
 * @param channelCost  the host's cost of the period's tickets per channel
 * @param deflection   what the knowledge base resolved
 */
public record Report(ReportQuery query, Volume volume, FrequentProblems problems, Resolution resolution,
                     Backlog backlog, List<TierEscalation> escalations, SortedMap<Integer, ScaleRatings> satisfaction,
                     List<AgentLoad> workload, SortedMap<String, Double> channelCost, Deflection deflection) {
    /**
     * Checks every part is present.
     *
     * @param query what the report covers
     * @param volume tickets opened
     * @param problems the most frequent problems
     * @param resolution replies, resolutions, one-touch, reopens
     * @param backlog unsolved at the end, by age
     * @param escalations escalation per tier, L1 to L4
     * @param satisfaction ratings per scale, by the scale's top score
     * @param workload per agent, by agent id
     * @param channelCost the host's cost of the period's tickets per channel
     * @param deflection what the knowledge base answered
     */
    public Report {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(backlog, "backlog");
        Objects.requireNonNull(deflection, "deflection");
        escalations = List.copyOf(escalations);
        satisfaction = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(satisfaction));
        workload = List.copyOf(workload);
        channelCost = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(channelCost));
    }

    /**
     * A report without deflection figures.
     *
     * @param query        what the report covers
     * @param volume       tickets opened
     * @param problems     the most frequent problems
     * @param resolution   replies, resolutions, one-touch, reopens
     * @param backlog      unsolved at the end, by age
     * @param escalations  escalation per tier
     * @param satisfaction ratings per scale
     * @param workload     per agent
     * @param channelCost  cost per channel
     */
    public Report(ReportQuery query, Volume volume, FrequentProblems problems, Resolution resolution, Backlog backlog,
                  List<TierEscalation> escalations, SortedMap<Integer, ScaleRatings> satisfaction, List<AgentLoad> workload,
                  SortedMap<String, Double> channelCost) {
        this(query, volume, problems, resolution, backlog, escalations, satisfaction, workload, channelCost, Deflection.NONE);
    }
}
