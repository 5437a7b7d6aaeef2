package dev.helpdesk.core.report;

import dev.helpdesk.spi.report.ClockCompliance;
import dev.helpdesk.core.sla.Calendars;
import dev.helpdesk.core.sla.SlaClocks;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.Tickets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SLA compliance of a period, and the same period replayed under a proposed configuration.
 * Clocks are a pure function of a ticket's history, its policy and the policy's calendars
 * ({@link SlaClocks#evaluate}), so replaying the histories under other policies and calendars
 * says exactly what the clocks would have done: no sampling, no estimate.
 *
 * <p>Each ticket is measured with its history up to the period's end; its policy is the first
 * that matches the ticket as it stood then (as the desk chooses one for a ticket now). A cycle
 * counts in the period in which it completed: stopped by the reply or solve that ends it, in the
 * period; a cancelled cycle does not count. Reads every history once; costs grow with the
 * tenant's history and the number of clocks.
 */
public final class SlaReplay {
    private final CustomerSegments segments;

    /**
     * A replay that looks up customers' segments for policies that need them.
     *
     * @param segments the host's segment lookup, {@link CustomerSegments#NONE} for none
     */
    public SlaReplay(CustomerSegments segments) {
        this.segments = Objects.requireNonNull(segments, "segments");
    }

    /** One measured cycle: which policy, which outcome. */
    private record Outcome(String policy, ClockStatus status) {
    }

    /** A cycle's key within a tenant's period. */
    private record CycleKey(long number, ClockKind clock, int cycle) {
    }

    /**
     * Compliance per policy and clock over a period.
     *
     * @param tenant        the tenant the histories belong to
     * @param histories     the tenant's ticket histories, each oldest first
     * @param configuration the policies and calendars to measure with
     * @param from          the period's start
     * @param to            the instant after the period
     * @return compliance by policy, then clock
     */
    public List<ClockCompliance> compliance(TenantId tenant, List<List<TicketEvent>> histories,
                                            SlaConfiguration configuration, Instant from, Instant to) {
        Map<CycleKey, Outcome> outcomes = new HashMap<>();
        Map<CycleKey, Ticket> tickets = new HashMap<>();
        measure(tenant, histories, configuration, from, to, outcomes, tickets);
        return tally(outcomes);
    }

    /**
     * Replays a period under a proposed configuration.
     *
     * @param tenant    the tenant the histories belong to
     * @param histories the tenant's ticket histories, each oldest first
     * @param current   the configuration in force
     * @param proposed  the proposed one
     * @param from      the period's start
     * @param to        the instant after the period
     * @return compliance as it was and would have been, and every cycle whose outcome changes
     */
    public WhatIf whatIf(TenantId tenant, List<List<TicketEvent>> histories, SlaConfiguration current,
                         SlaConfiguration proposed, Instant from, Instant to) {
        Map<CycleKey, Outcome> was = new HashMap<>();
        Map<CycleKey, Outcome> would = new HashMap<>();
        Map<CycleKey, Ticket> tickets = new HashMap<>();
        measure(tenant, histories, current, from, to, was, tickets);
        measure(tenant, histories, proposed, from, to, would, tickets);
        List<ClockChange> changes = new ArrayList<>();
        TreeMap<CycleKey, Ticket> ordered = new TreeMap<>(Comparator.comparingLong(CycleKey::number)
                .thenComparing(CycleKey::clock).thenComparingInt(CycleKey::cycle));
        ordered.putAll(tickets);
        ordered.forEach((key, ticket) -> {
            Optional<Outcome> a = Optional.ofNullable(was.get(key));
            Optional<Outcome> b = Optional.ofNullable(would.get(key));
            if (!a.map(Outcome::status).equals(b.map(Outcome::status))) {
                changes.add(new ClockChange(ticket.id(), ticket.number(), key.clock(), key.cycle(), a.map(Outcome::policy),
                        a.map(Outcome::status), b.map(Outcome::policy), b.map(Outcome::status)));
            }
        });
        return new WhatIf(tally(was), tally(would), changes);
    }

    private void measure(TenantId tenant, List<List<TicketEvent>> histories, SlaConfiguration configuration,
                         Instant from, Instant to, Map<CycleKey, Outcome> outcomes, Map<CycleKey, Ticket> tickets) {
        Calendars calendars = Calendars.of(configuration.calendars());
        for (List<TicketEvent> history : histories) {
            List<TicketEvent> untilEnd = history.stream().filter(e -> e.at().isBefore(to)).toList();
            if (untilEnd.isEmpty() || !(untilEnd.get(0) instanceof TicketEvent.Opened)) {
                continue;
            }
            Ticket ticket = Tickets.replay(tenant, untilEnd);
            Optional<SlaPolicy> policy = policyFor(configuration, ticket);
            if (policy.isEmpty()) {
                continue;
            }
            for (ClockState s : SlaClocks.evaluate(untilEnd, policy.get(), calendars, to)) {
                boolean completed = s.stoppedAt().isPresent() && !s.stoppedAt().get().isBefore(from)
                        && s.stoppedAt().get().isBefore(to) && s.status() != ClockStatus.CANCELLED;
                if (completed) {
                    CycleKey key = new CycleKey(ticket.number().value(), s.kind(), s.cycle());
                    outcomes.put(key, new Outcome(policy.get().name(), s.status()));
                    tickets.put(key, ticket);
                }
            }
        }
    }

    private Optional<SlaPolicy> policyFor(SlaConfiguration configuration, Ticket ticket) {
        Optional<CustomerSegment> segment = configuration.policies().stream().anyMatch(SlaPolicy::needsSegment)
                ? Objects.requireNonNullElse(segments.segmentOf(ticket.tenant(), ticket.requester()), Optional.empty())
                : Optional.empty();
        return configuration.policyFor(ticket, segment);
    }

    private static List<ClockCompliance> tally(Map<CycleKey, Outcome> outcomes) {
        ClockCompliance.Tally tally = new ClockCompliance.Tally();
        outcomes.forEach((key, outcome) -> tally.add(outcome.policy(), key.clock(), outcome.status() == ClockStatus.ACHIEVED, 1));
        return tally.toList();
    }
}
