package dev.helpdesk.core.report;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.report.AgentLoad;
import dev.helpdesk.spi.report.Backlog;
import dev.helpdesk.spi.report.BusinessClock;
import dev.helpdesk.spi.report.Count;
import dev.helpdesk.spi.report.Deflection;
import dev.helpdesk.spi.report.Durations;
import dev.helpdesk.spi.report.FrequentProblems;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.report.Resolution;
import dev.helpdesk.spi.report.ScaleRatings;
import dev.helpdesk.spi.report.SubjectTerms;
import dev.helpdesk.spi.report.TierEscalation;
import dev.helpdesk.spi.report.TimeFigure;
import dev.helpdesk.spi.report.Volume;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The in-memory report engine: every figure of {@link Reports} computed from the tickets'
 * histories, event by event, with the design's definitions. The reference the SQL engines are held
 * to by the report TCK.
 *
 * <p>It reads every history of the tenant once per call ({@link #report} once for all figures),
 * so its cost grows with the tenant's whole history: right for the in-memory store, for tests,
 * and for checking another engine; a database store should answer with SQL aggregates.
 */
public final class HistoryReports implements Reports {
    private final Function<TenantId, List<List<TicketEvent>>> histories;

    /**
     * An engine over any source of histories.
     *
     * @param histories every ticket history of a tenant, each oldest first (the opening first)
     */
    public HistoryReports(Function<TenantId, List<List<TicketEvent>>> histories) {
        this.histories = Objects.requireNonNull(histories, "histories");
    }

    /**
     * An engine over a store: pages through the tenant's tickets and reads each history.
     *
     * @param store the store
     * @return the engine
     */
    public static HistoryReports over(TicketStore store) {
        return new HistoryReports(new Histories(store)::of);
    }

    /**
     * Every history of a tenant in a store, by paging through its tickets.
     *
     * @param store the store
     */
    record Histories(TicketStore store) {
        Histories {
            Objects.requireNonNull(store, "store");
        }

        List<List<TicketEvent>> of(TenantId tenant) {
            List<List<TicketEvent>> all = new ArrayList<>();
            Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
            while (next.isPresent()) {
                Page page = store.list(tenant, TicketQuery.all(), next.get());
                for (Ticket t : page.items()) {
                    all.add(store.history(tenant, t.id()).stream().map(RecordedEvent::event).toList());
                }
                next = page.next();
            }
            return all;
        }
    }

    @Override
    public Volume volume(ReportQuery q) {
        return volume(q, load(q));
    }

    @Override
    public FrequentProblems frequentProblems(ReportQuery q) {
        return problems(q, load(q));
    }

    @Override
    public Resolution resolution(ReportQuery q) {
        return resolution(q, load(q));
    }

    @Override
    public SortedMap<String, Resolution> resolutionByPolicy(ReportQuery q) {
        java.util.Map<String, List<List<TicketEvent>>> groups = new java.util.HashMap<>();
        for (List<TicketEvent> h : load(q)) {
            groups.computeIfAbsent(dev.helpdesk.core.ticket.PolicyRecord.before(h, q.to()).orElse(NO_POLICY),
                    k -> new ArrayList<>()).add(h);
        }
        SortedMap<String, Resolution> out = new java.util.TreeMap<>();
        groups.forEach((policy, group) -> {
            Resolution r = resolution(q, group);
            if (!r.isEmpty()) {
                out.put(policy, r);
            }
        });
        return out;
    }

    @Override
    public List<dev.helpdesk.spi.report.ClockCompliance> slaCompliance(ReportQuery q) {
        dev.helpdesk.spi.report.ClockCompliance.Tally tally = new dev.helpdesk.spi.report.ClockCompliance.Tally();
        for (List<TicketEvent> h : load(q)) {
            for (TicketEvent e : h) {
                if (e instanceof TicketEvent.SlaCompleted c && in(q, e.at())) {
                    tally.add(c.policy(), c.clock(), c.achieved(), 1);
                }
            }
        }
        return tally.toList();
    }

    @Override
    public Backlog backlog(ReportQuery q) {
        return backlog(q, load(q));
    }

    @Override
    public List<TierEscalation> escalations(ReportQuery q) {
        return escalations(q, load(q));
    }

    @Override
    public SortedMap<Integer, ScaleRatings> satisfaction(ReportQuery q) {
        return satisfaction(q, load(q));
    }

    @Override
    public List<AgentLoad> workload(ReportQuery q) {
        return workload(q, load(q));
    }

    @Override
    public Report report(ReportQuery q) {
        List<List<TicketEvent>> all = load(q);
        Volume volume = volume(q, all);
        return new Report(q, volume, problems(q, all), resolution(q, all), backlog(q, all), escalations(q, all),
                satisfaction(q, all), workload(q, all), volume.cost(q.channelCosts()), deflection(q, all));
    }

    @Override
    public Deflection deflection(ReportQuery q) {
        return deflection(q, load(q));
    }

    private static Deflection deflection(ReportQuery q, List<List<TicketEvent>> all) {
        long selfServed = 0;
        long solved = 0;
        long linked = 0;
        for (List<TicketEvent> h : all) {
            for (TicketEvent e : h) {
                if (e instanceof TicketEvent.ArticleLinked a && in(q, e.at())) {
                    if (!a.solution()) {
                        linked++;
                    } else if (a.actor() instanceof dev.helpdesk.spi.party.Actor.Customer) {
                        selfServed++;
                    } else {
                        solved++;
                    }
                }
            }
        }
        return new Deflection(selfServed, solved, linked);
    }

    private List<List<TicketEvent>> load(ReportQuery q) {
        return histories.apply(q.tenant()).stream().filter(h -> !h.isEmpty() && h.get(0) instanceof TicketEvent.Opened).toList();
    }

    private static TicketEvent.Opened opened(List<TicketEvent> h) {
        return (TicketEvent.Opened) h.get(0);
    }

    private static boolean in(ReportQuery q, Instant at) {
        return !at.isBefore(q.from()) && at.isBefore(q.to());
    }

    private static Volume volume(ReportQuery q, List<List<TicketEvent>> all) {
        SortedMap<String, Long> channel = new TreeMap<>();
        SortedMap<String, Long> category = new TreeMap<>();
        SortedMap<String, Long> tier = new TreeMap<>();
        SortedMap<String, Long> group = new TreeMap<>();
        SortedMap<LocalDate, Long> day = new TreeMap<>();
        long total = 0;
        for (List<TicketEvent> h : all) {
            TicketEvent.Opened o = opened(h);
            if (in(q, o.at())) {
                total++;
                channel.merge(o.channel().code(), 1L, Long::sum);
                category.merge(o.category().code(), 1L, Long::sum);
                tier.merge(o.tier().name(), 1L, Long::sum);
                group.merge(o.group().map(g -> g.value()).orElse(Volume.NO_GROUP), 1L, Long::sum);
                day.merge(LocalDate.ofInstant(o.at(), q.zone()), 1L, Long::sum);
            }
        }
        return new Volume(total, channel, category, tier, group, day);
    }

    private static FrequentProblems problems(ReportQuery q, List<List<TicketEvent>> all) {
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> tags = new HashMap<>();
        Map<String, Long> problems = new HashMap<>();
        Map<String, Map<String, Long>> terms = new HashMap<>();
        for (List<TicketEvent> h : all) {
            TicketEvent.Opened o = opened(h);
            if (!in(q, o.at())) {
                continue;
            }
            categories.merge(o.category().code(), 1L, Long::sum);
            Set<String> tagged = new LinkedHashSet<>();
            for (TicketEvent e : h) {
                if (e instanceof TicketEvent.TagAdded t && e.at().isBefore(q.to())) {
                    tagged.add(t.tag());
                }
            }
            tagged.forEach(t -> tags.merge(t, 1L, Long::sum));
            Set<String> linked = new LinkedHashSet<>();
            for (TicketEvent e : h) {
                if (e instanceof TicketEvent.ProblemLinked l && e.at().isBefore(q.to())) {
                    linked.add(l.problem().toString());
                }
            }
            linked.forEach(p -> problems.merge(p, 1L, Long::sum));
            SubjectTerms.Analysis a = SubjectTerms.analyse(o.subject());
            a.terms().forEach(t -> terms.computeIfAbsent(a.language(), l -> new HashMap<>()).merge(t, 1L, Long::sum));
        }
        SortedMap<String, List<Count>> byLanguage = new TreeMap<>();
        terms.forEach((language, counts) -> byLanguage.put(language, top(counts, q.top())));
        return new FrequentProblems(top(categories, q.top()), top(tags, q.top()), byLanguage, top(problems, q.top()));
    }

    /**
     * The ranking of counts, cut to a length.
     *
     * @param counts counts by key
     * @param top    the length
     * @return the top entries by {@link Count#RANKING}
     */
    static List<Count> top(Map<String, Long> counts, int top) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Count.RANKING).limit(top).toList();
    }

    /** A public reply written by an agent: not the opening description, not a rule's or an integration's. */
    private static boolean agentReply(TicketEvent e, int index) {
        return index > 1 && e instanceof TicketEvent.MessagePosted m && m.actor() instanceof Actor.Agent
                && m.message().isPublic() && !m.message().automatic();
    }

    private static Resolution resolution(ReportQuery q, List<List<TicketEvent>> all) {
        Spans firstReply = new Spans(q.businessClock());
        Spans firstResolution = new Spans(q.businessClock());
        Spans fullResolution = new Spans(q.businessClock());
        long oneTouch = 0;
        long solves = 0;
        long reopens = 0;
        for (List<TicketEvent> h : all) {
            Instant created = opened(h).at();
            Instant reply = null;
            Instant firstSolve = null;
            Instant lastSolve = null;
            boolean reopenedAfterLastSolve = false;
            boolean everReopened = false;
            int replies = 0;
            for (int i = 0; i < h.size(); i++) {
                TicketEvent e = h.get(i);
                if (in(q, e.at()) && e instanceof TicketEvent.Solved) {
                    solves++;
                }
                if (in(q, e.at()) && e instanceof TicketEvent.Reopened) {
                    reopens++;
                }
                if (!e.at().isBefore(q.to())) {
                    continue;
                }
                if (agentReply(e, i)) {
                    replies++;
                    if (reply == null) {
                        reply = e.at();
                    }
                } else if (e instanceof TicketEvent.Solved) {
                    if (firstSolve == null) {
                        firstSolve = e.at();
                    }
                    lastSolve = e.at();
                    reopenedAfterLastSolve = false;
                } else if (e instanceof TicketEvent.Reopened) {
                    everReopened = true;
                    reopenedAfterLastSolve = true;
                }
            }
            if (reply != null && in(q, reply)) {
                firstReply.add(created, reply);
            }
            if (firstSolve != null && in(q, firstSolve)) {
                firstResolution.add(created, firstSolve);
            }
            if (lastSolve != null && in(q, lastSolve) && !reopenedAfterLastSolve) {
                fullResolution.add(created, lastSolve);
                if (replies == 1 && !everReopened) {
                    oneTouch++;
                }
            }
        }
        return new Resolution(fullResolution.count(), oneTouch, solves, reopens, firstReply.figure(),
                firstResolution.figure(), fullResolution.figure());
    }

    /** Durations from openings, in calendar and business time. */
    private static final class Spans {
        private final Optional<BusinessClock> clock;
        private final List<Duration> calendar = new ArrayList<>();
        private final List<Duration> business = new ArrayList<>();

        Spans(Optional<BusinessClock> clock) {
            this.clock = clock;
        }

        void add(Instant from, Instant to) {
            calendar.add(Duration.between(from, to));
            clock.ifPresent(c -> business.add(c.between(from, to)));
        }

        long count() {
            return calendar.size();
        }

        TimeFigure figure() {
            return new TimeFigure(Durations.of(calendar), clock.map(c -> Durations.of(business)));
        }
    }

    private static Backlog backlog(ReportQuery q, List<List<TicketEvent>> all) {
        long[] buckets = new long[4];
        for (List<TicketEvent> h : all) {
            Instant created = opened(h).at();
            if (!created.isBefore(q.to())) {
                continue;
            }
            Status status = Status.NEW;
            for (TicketEvent e : h) {
                if (!e.at().isBefore(q.to())) {
                    break;
                }
                status = statusAfter(e, status);
            }
            if (status == Status.NEW || status == Status.OPEN || status.isWaiting()) {
                buckets[ageBucket(created, q.to())]++;
            }
        }
        return new Backlog(buckets[0], buckets[1], buckets[2], buckets[3]);
    }

    /**
     * The age bucket of a ticket opened at {@code created} at the instant {@code end}.
     *
     * @return 0 (under a day) to 3 (seven days or more)
     */
    static int ageBucket(Instant created, Instant end) {
        if (created.isAfter(end.minus(Duration.ofDays(1)))) {
            return 0;
        } else if (created.isAfter(end.minus(Duration.ofDays(3)))) {
            return 1;
        } else if (created.isAfter(end.minus(Duration.ofDays(7)))) {
            return 2;
        }
        return 3;
    }

    private static Status statusAfter(TicketEvent e, Status before) {
        if (e instanceof TicketEvent.StatusChanged s) {
            return s.to();
        } else if (e instanceof TicketEvent.Solved) {
            return Status.SOLVED;
        } else if (e instanceof TicketEvent.Reopened) {
            return Status.OPEN;
        } else if (e instanceof TicketEvent.Closed) {
            return Status.CLOSED;
        } else if (e instanceof TicketEvent.Merged) {
            return Status.MERGED;
        }
        return before;
    }

    private static List<TierEscalation> escalations(ReportQuery q, List<List<TicketEvent>> all) {
        long[] at = new long[Tier.values().length];
        long[] raised = new long[Tier.values().length];
        for (List<TicketEvent> h : all) {
            TicketEvent.Opened o = opened(h);
            if (!in(q, o.at())) {
                continue;
            }
            boolean[] wasAt = new boolean[at.length];
            boolean[] raisedFrom = new boolean[at.length];
            wasAt[o.tier().ordinal()] = true;
            for (TicketEvent e : h) {
                if (e instanceof TicketEvent.TierChanged t && e.at().isBefore(q.to())) {
                    wasAt[t.to().ordinal()] = true;
                    if (t.to().compareTo(t.from()) > 0) {
                        raisedFrom[t.from().ordinal()] = true;
                    }
                }
            }
            for (int i = 0; i < at.length; i++) {
                at[i] += wasAt[i] ? 1 : 0;
                raised[i] += raisedFrom[i] ? 1 : 0;
            }
        }
        List<TierEscalation> out = new ArrayList<>();
        for (Tier t : Tier.values()) {
            out.add(new TierEscalation(t.name(), at[t.ordinal()], raised[t.ordinal()]));
        }
        return out;
    }

    private static SortedMap<Integer, ScaleRatings> satisfaction(ReportQuery q, List<List<TicketEvent>> all) {
        Map<Integer, long[]> counts = new TreeMap<>();
        for (List<TicketEvent> h : all) {
            Map<Integer, TicketEvent.SatisfactionRated> latest = null; // most tickets have no rating: no map for them
            for (TicketEvent e : h) {
                if (e instanceof TicketEvent.SatisfactionRated r && e.at().isBefore(q.to())) {
                    if (latest == null) {
                        latest = new HashMap<>(4);
                    }
                    latest.put(r.cycle(), r);
                }
            }
            if (latest == null) {
                continue;
            }
            for (TicketEvent.SatisfactionRated r : latest.values()) {
                if (in(q, r.at())) {
                    long[] c = counts.computeIfAbsent(r.outOf(), k -> new long[k + 2]);
                    c[0]++;
                    c[1] += r.bad() ? 1 : 0;
                    c[r.score() + 1]++;
                }
            }
        }
        SortedMap<Integer, ScaleRatings> out = new TreeMap<>();
        counts.forEach((outOf, c) -> {
            SortedMap<Integer, Long> byScore = new TreeMap<>();
            for (int s = 1; s <= outOf; s++) {
                byScore.put(s, c[s + 1]);
            }
            out.put(outOf, new ScaleRatings(outOf, c[0], c[1], byScore));
        });
        return out;
    }

    private static List<AgentLoad> workload(ReportQuery q, List<List<TicketEvent>> all) {
        SortedMap<String, long[]> load = new TreeMap<>();
        for (List<TicketEvent> h : all) {
            for (int i = 0; i < h.size(); i++) {
                TicketEvent e = h.get(i);
                if (!in(q, e.at())) {
                    continue;
                }
                if (e instanceof TicketEvent.Assigned a) {
                    load.computeIfAbsent(a.agent().value(), k -> new long[3])[0]++;
                } else if (agentReply(e, i)) {
                    load.computeIfAbsent(((Actor.Agent) e.actor()).id().value(), k -> new long[3])[1]++;
                } else if (e instanceof TicketEvent.Solved && e.actor() instanceof Actor.Agent a) {
                    load.computeIfAbsent(a.id().value(), k -> new long[3])[2]++;
                }
            }
        }
        List<AgentLoad> out = new ArrayList<>();
        load.forEach((agent, c) -> out.add(new AgentLoad(agent, c[0], c[1], c[2])));
        return out;
    }
}
