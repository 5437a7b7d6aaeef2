package dev.helpdesk.bench.report;

import dev.helpdesk.core.report.HistoryReports;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.report.Backlog;
import dev.helpdesk.spi.report.Durations;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.ScaleRatings;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The in-memory report engine ({@link HistoryReports}) over a generated year of histories,
 * against a hand-written aggregate in plain Java for the same figure (one loop per figure that
 * knows the generator's shapes: no general definitions, no maps per ticket), in alternating rounds
 * in one JVM. Before timing, both sides' numbers are compared.
 *
 * <p>The history is the one of {@code ReportComparison} on PostgreSQL: tickets opened evenly over
 * 2025 in one tenant with their description; assigned a minute later; 10 % raised from L1 to L2;
 * 90 % answered by an agent 5 minutes to a day later; 80 % of those solved half an hour after the
 * answer; 1 in 23 of the solved reopened and solved again; a third of the solved rated. Reports
 * cover March 2025 in UTC.
 *
 * <p>Run: {@code java -Xmx3g -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.report.MemoryReportComparison [tickets] [rounds]}.
 */
public final class MemoryReportComparison {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant YEAR = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");
    private static final Actor ANA = Actor.agent("ana");
    private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.PHONE, Channel.LIVE_CHAT, Channel.WEB_FORM};

    private MemoryReportComparison() {
    }

    /**
     * Generates the histories, checks both sides agree, prints the timings.
     *
     * @param args tickets (default 100,000) and rounds (default 7)
     */
    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        long t0 = System.nanoTime();
        List<List<TicketEvent>> histories = generate(tickets, new SplittableRandom(2025));
        long events = histories.stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "generated %,d tickets, %,d events in %.1f s%n", tickets, events, (System.nanoTime() - t0) / 1e9);
        HistoryReports engine = new HistoryReports(t -> t.equals(TENANT) ? histories : List.of());
        ReportQuery q = ReportQuery.of(TENANT, FROM, TO);
        Hand hand = new Hand(histories);

        check("volume by channel", engine.volume(q).byChannel(), hand.volumeByChannel());
        var resolution = engine.resolution(q);
        check("first reply", resolution.firstReply().calendar(), hand.firstReply());
        check("first resolution", resolution.firstResolution().calendar(), hand.firstResolution());
        check("backlog", engine.backlog(q), hand.backlog());
        check("satisfaction", engine.satisfaction(q).get(5), hand.satisfaction());

        Map<String, Supplier<Object>> ours = new LinkedHashMap<>();
        Map<String, Supplier<Object>> theirs = new LinkedHashMap<>();
        ours.put("volume", () -> engine.volume(q));
        theirs.put("volume", hand::volumeByChannel);
        ours.put("resolution", () -> engine.resolution(q));
        theirs.put("resolution", () -> List.of(hand.firstReply(), hand.firstResolution()));
        ours.put("backlog", () -> engine.backlog(q));
        theirs.put("backlog", hand::backlog);
        ours.put("satisfaction", () -> engine.satisfaction(q));
        theirs.put("satisfaction", hand::satisfaction);
        ours.put("report (all)", () -> engine.report(q));
        theirs.put("report (all)", () -> List.of(hand.volumeByChannel(), hand.firstReply(), hand.firstResolution(),
                hand.backlog(), hand.satisfaction()));

        Map<String, double[]> a = new LinkedHashMap<>();
        Map<String, double[]> b = new LinkedHashMap<>();
        ours.keySet().forEach(k -> {
            a.put(k, new double[rounds]);
            b.put(k, new double[rounds]);
        });
        Object sink = null;
        for (int r = 0; r < rounds; r++) {
            for (String k : ours.keySet()) {
                long s = System.nanoTime();
                sink = ours.get(k).get();
                a.get(k)[r] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                sink = theirs.get(k).get();
                b.get(k)[r] = (System.nanoTime() - s) / 1e6;
            }
        }
        System.out.println("| figure       | `HistoryReports` p50 (ms) | hand-written p50 (ms) | ratio |");
        System.out.println("|--------------|--------------------------:|----------------------:|------:|");
        for (String k : ours.keySet()) {
            double x = median(a.get(k));
            double y = median(b.get(k));
            System.out.printf(Locale.ROOT, "| %-12s | %,25.1f | %,21.1f | %5.2f |%n", k, x, y, x / y);
        }
        if (sink == null) {
            System.out.println();
        }
    }

    private static void check(String what, Object ours, Object theirs) {
        if (!ours.equals(theirs)) {
            throw new IllegalStateException(what + " differs: engine " + ours + ", hand-written " + theirs);
        }
        System.out.println("same " + what + ": " + ours);
    }

    /** The median of the rounds after the first (a warm-up). */
    private static double median(double[] rounds) {
        double[] kept = Arrays.copyOfRange(rounds, rounds.length > 1 ? 1 : 0, rounds.length);
        Arrays.sort(kept);
        return kept[(kept.length - 1) / 2];
    }

    static List<List<TicketEvent>> generate(int tickets, SplittableRandom random) {
        List<List<TicketEvent>> all = new ArrayList<>(tickets);
        long spacing = Duration.ofDays(365).toMillis() / tickets;
        for (int i = 0; i < tickets; i++) {
            TicketId id = TicketId.of(new UUID(0x0190_0000_0000_7000L, i));
            Instant at = YEAR.plusMillis(i * spacing).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            CustomerId customer = CustomerId.of("c" + (i % 5000));
            Actor requester = Actor.customer(customer.value());
            Channel channel = CHANNELS[i % CHANNELS.length];
            List<TicketEvent> h = new ArrayList<>(8);
            h.add(new TicketEvent.Opened(id, at, requester, TicketNumber.of(i + 1), "Subject " + (i % 97), customer, channel,
                    Category.TROUBLESHOOTING, Priority.NORMAL, Tier.L1, Optional.empty(), Optional.empty()));
            h.add(new TicketEvent.MessagePosted(id, at, requester, new Message(MessageId.of(new UUID(1, i)), requester,
                    Visibility.PUBLIC, channel, "What happened", at, false)));
            Instant t = at.plusSeconds(60);
            h.add(new TicketEvent.Assigned(id, t, ANA, AgentId.of("ana")));
            if (random.nextInt(10) == 0) {
                t = t.plusSeconds(60);
                h.add(new TicketEvent.TierChanged(id, t, ANA, Tier.L1, Tier.L2, "specialist"));
            }
            if (random.nextInt(10) < 9) {
                t = t.plusSeconds(300 + random.nextInt(86_400));
                h.add(new TicketEvent.MessagePosted(id, t, ANA, new Message(MessageId.of(new UUID(2, i)), ANA,
                        Visibility.PUBLIC, channel, "Try this", t, false)));
                if (random.nextInt(10) < 8) {
                    t = t.plusSeconds(1800);
                    h.add(new TicketEvent.Solved(id, t, ANA));
                    int cycle = 1;
                    if (i % 23 == 0) {
                        t = t.plusSeconds(3600);
                        h.add(new TicketEvent.Reopened(id, t, requester, 2));
                        t = t.plusSeconds(3600);
                        h.add(new TicketEvent.Solved(id, t, ANA));
                        cycle = 2;
                    }
                    if (i % 3 == 0) {
                        t = t.plusSeconds(600);
                        h.add(new TicketEvent.SatisfactionRated(id, t, requester, cycle, 1 + random.nextInt(5), 5, "",
                                Optional.empty()));
                    }
                }
            }
            all.add(List.copyOf(h));
        }
        return all;
    }

    /** The same figures, written for this history's shapes only. */
    static final class Hand {
        private final List<List<TicketEvent>> histories;

        Hand(List<List<TicketEvent>> histories) {
            this.histories = histories;
        }

        private static boolean in(Instant at) {
            return !at.isBefore(FROM) && at.isBefore(TO);
        }

        SortedMap<String, Long> volumeByChannel() {
            Map<String, Long> counts = new HashMap<>();
            for (List<TicketEvent> h : histories) {
                TicketEvent.Opened o = (TicketEvent.Opened) h.get(0);
                if (in(o.at())) {
                    counts.merge(o.channel().code(), 1L, Long::sum);
                }
            }
            return new java.util.TreeMap<>(counts);
        }

        Durations firstReply() {
            long[] spans = new long[histories.size()];
            int n = 0;
            for (List<TicketEvent> h : histories) {
                for (int i = 2; i < h.size(); i++) {
                    if (h.get(i) instanceof TicketEvent.MessagePosted m && m.actor() instanceof Actor.Agent) {
                        if (in(m.at())) {
                            spans[n++] = Duration.between(h.get(0).at(), m.at()).getSeconds();
                        }
                        break;
                    }
                }
            }
            return durations(spans, n);
        }

        Durations firstResolution() {
            long[] spans = new long[histories.size()];
            int n = 0;
            for (List<TicketEvent> h : histories) {
                for (TicketEvent e : h) {
                    if (e instanceof TicketEvent.Solved) {
                        if (in(e.at())) {
                            spans[n++] = Duration.between(h.get(0).at(), e.at()).getSeconds();
                        }
                        break;
                    }
                }
            }
            return durations(spans, n);
        }

        private static Durations durations(long[] spans, int n) {
            if (n == 0) {
                return Durations.NONE;
            }
            long[] sorted = Arrays.copyOf(spans, n);
            Arrays.sort(sorted);
            return new Durations(n, Optional.of(Duration.ofSeconds(sorted[(int) Math.ceil(0.5 * n) - 1])),
                    Optional.of(Duration.ofSeconds(sorted[(int) Math.ceil(0.9 * n) - 1])));
        }

        Backlog backlog() {
            long[] buckets = new long[4];
            for (List<TicketEvent> h : histories) {
                Instant opened = h.get(0).at();
                if (!opened.isBefore(TO)) {
                    continue;
                }
                boolean solved = false;
                for (TicketEvent e : h) {
                    if (!e.at().isBefore(TO)) {
                        break;
                    }
                    if (e instanceof TicketEvent.Solved) {
                        solved = true;
                    } else if (e instanceof TicketEvent.Reopened) {
                        solved = false;
                    }
                }
                if (!solved) {
                    long hours = Duration.between(opened, TO).toHours();
                    buckets[hours < 24 ? 0 : hours < 72 ? 1 : hours < 168 ? 2 : 3]++;
                }
            }
            return new Backlog(buckets[0], buckets[1], buckets[2], buckets[3]);
        }

        ScaleRatings satisfaction() {
            long[] byScore = new long[6];
            for (List<TicketEvent> h : histories) {
                TicketEvent last = h.get(h.size() - 1);
                if (last instanceof TicketEvent.SatisfactionRated r && in(r.at())) {
                    byScore[r.score()]++;
                }
            }
            SortedMap<Integer, Long> scores = new java.util.TreeMap<>();
            long count = 0;
            for (int s = 1; s <= 5; s++) {
                scores.put(s, byScore[s]);
                count += byScore[s];
            }
            return new ScaleRatings(5, count, byScore[1] + byScore[2], scores);
        }
    }
}
