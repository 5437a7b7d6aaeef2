package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.report.AgentLoad;
import dev.helpdesk.spi.report.Backlog;
import dev.helpdesk.spi.report.BusinessClock;
import dev.helpdesk.spi.report.Count;
import dev.helpdesk.spi.report.Durations;
import dev.helpdesk.spi.report.FrequentProblems;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.report.Resolution;
import dev.helpdesk.spi.report.ScaleRatings;
import dev.helpdesk.spi.report.TierEscalation;
import dev.helpdesk.spi.report.Volume;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of every {@link Reports} engine: the same history gives the same numbers,
 * with the design's definitions. A hand-computed history checks every figure against numbers
 * worked out on paper (each in a comment beside it); a generator of random histories keeps its
 * own tally of the figures it can count while it writes (volume, solves, reopens, backlog,
 * escalation, satisfaction, workload) and checks the engine against it.
 *
 * <p>A store subclasses it with a fresh, empty store and its engine; histories are written with
 * {@link TicketChangeBuilder} through {@link TicketStore#commit}, each ticket's description
 * posted right after its opening, as the desk does. Instants are whole seconds.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ReportsContract {
    /** The tenant of the histories. */
    protected static final TenantId ACME = TenantId.of("acme");
    /** Another tenant, whose tickets never show in ACME's reports. */
    protected static final TenantId GLOBEX = TenantId.of("globex");
    /** The period's start, a Monday. */
    protected static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
    /** The instant after the period, a week later. */
    protected static final Instant TO = Instant.parse("2026-03-09T00:00:00Z");

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final AgentId ANA = AgentId.of("ana");
    private static final AgentId BEN = AgentId.of("ben");
    private static final Duration H = Duration.ofHours(1);
    private static final Duration D = Duration.ofDays(1);

    /** A business clock for the contract: half of the calendar time, so business figures are easy to work out. */
    protected static final BusinessClock HALF = new BusinessClock() {
        @Override
        public String name() {
            return "half";
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return Duration.between(from, to).dividedBy(2);
        }
    };

    private TicketStore store;
    private final Map<TenantId, Long> numbers = new HashMap<>();

    /** Creates the suite. */
    protected ReportsContract() {
    }

    /**
     * Makes an empty store; called once per test.
     *
     * @return a store with no tickets
     */
    protected abstract TicketStore createStore();

    /**
     * The engine under test over a store.
     *
     * @param store the store {@link #createStore()} made
     * @return the engine
     */
    protected abstract Reports reports(TicketStore store);

    private TicketStore store() {
        if (store == null) {
            store = createStore();
        }
        return store;
    }

    /** Opens a ticket: the opening and the requester's or agent's description, at the same second. */
    private TicketChangeBuilder open(TenantId tenant, Instant at, Actor opener, String subject) {
        long n = numbers.merge(tenant, 1L, Long::sum);
        TicketChangeBuilder b = TicketChangeBuilder.open(tenant, TicketNumber.of(n), at).subject(subject)
                .requester(CustomerId.of("customer-" + n)).by(Actor.agent("ana"));
        if (opener != null) {
            b.openedBy(opener);
        }
        return b;
    }

    private static TicketChangeBuilder described(TicketChangeBuilder b, Actor author, Instant at) {
        return b.at(at).post(author, Visibility.PUBLIC, b.state().channel(), "What happened, in detail.", false);
    }

    private void commit(TenantId tenant, TicketChangeBuilder b) {
        TicketChange change = b.build();
        assertTrue(store().commit(tenant, change).isRight(), "commit");
    }

    private static ReportQuery query() {
        return ReportQuery.builder().tenant(ACME).from(FROM).to(TO).businessClock(HALF)
                .putChannelCost(Channel.EMAIL, 2.0).putChannelCost(Channel.PHONE, 5.0).build();
    }

    /** Writes the hand-computed history of ACME, plus one GLOBEX ticket. */
    private void handHistory() {
        Actor customer1 = Actor.customer("customer-1");
        // #1: email, troubleshooting; first reply 2 h, solved at 3 h by ana, rated 5 of 5
        TicketChangeBuilder b1 = open(ACME, T, null, "Printer does not print");
        commit(ACME, described(b1, customer1, T).at(T.plus(H)).assign(ANA).at(T.plus(H.multipliedBy(2))).reply(Actor.agent("ana"), "Try this")
                .at(T.plus(H.multipliedBy(3))).solve().at(T.plus(H.multipliedBy(4))).satisfactionRated(5, 5, "great"));
        // #2: phone, billing, group billing; ben replies at 2 h, raises to L2, tag, replies, solves at 6 h;
        // reopened at 8 h, solved again at 24 h; cycle 2 rated 2 then 4 of 5 (the 4 counts)
        Instant t2 = T.plus(D);
        Actor ben = Actor.agent("ben");
        TicketChangeBuilder b2 = open(ACME, t2, null, "Invoice charged twice").channel(Channel.PHONE).category(Category.BILLING)
                .startingGroup(GroupId.of("billing"));
        commit(ACME, described(b2, Actor.customer("customer-2"), t2).by(ben).at(t2.plus(H)).assign(BEN)
                .at(t2.plus(H.multipliedBy(2))).reply(ben, "Looking").at(t2.plus(H.multipliedBy(3))).tier(Tier.L2, "billing system")
                .at(t2.plus(H.multipliedBy(4))).tagAdded("billing-error").at(t2.plus(H.multipliedBy(5))).reply(ben, "Refunded")
                .at(t2.plus(H.multipliedBy(6))).solve().by(Actor.customer("customer-2")).at(t2.plus(H.multipliedBy(8))).reopen()
                .by(ben).at(t2.plus(D)).solve().at(t2.plus(D).plus(H)).satisfactionRated(2, 5, "")
                .at(t2.plus(D).plus(H.multipliedBy(2))).satisfactionRated(4, 5, "ok now"));
        // #3: opened by ana on the chat for a customer (her description is no reply); pending at the end: 4 d 14 h old
        Instant t3 = T.plus(D.multipliedBy(2));
        Actor ana = Actor.agent("ana");
        TicketChangeBuilder b3 = open(ACME, t3, ana, "Printer offline again").channel(Channel.LIVE_CHAT);
        commit(ACME, described(b3, ana, t3).at(t3.plus(Duration.ofMinutes(1))).assign(ANA).tagAdded("printer")
                .at(t3.plus(H)).status(Status.PENDING));
        // #4: hardware at L2, no answer; 14 h old at the end
        Instant t4 = T.plus(D.multipliedBy(6));
        TicketChangeBuilder b4 = open(ACME, t4, null, "Printer jams").category(Category.HARDWARE).startingTier(Tier.L2);
        commit(ACME, described(b4, Actor.customer("customer-4"), t4).at(t4.plus(H)).tagAdded("printer"));
        // #5: opened before the period; ana's first reply in the period, 11 days after; never solved
        Instant t5 = Instant.parse("2026-02-20T10:00:00Z");
        TicketChangeBuilder b5 = open(ACME, t5, null, "Cannot export");
        commit(ACME, described(b5, Actor.customer("customer-5"), t5).at(t5.plus(H)).assign(ANA)
                .at(Instant.parse("2026-03-03T10:00:00Z")).reply(ana, "Sorry for the wait"));
        // #6: social; a rule's public message is no reply; ana replies at 2 h, solves at 3 h, closes; rated bad on 2
        Instant t6 = T.plus(D.multipliedBy(3));
        TicketChangeBuilder b6 = open(ACME, t6, null, "Cannot log in").channel(Channel.SOCIAL);
        commit(ACME, described(b6, Actor.customer("customer-6"), t6).at(t6.plus(Duration.ofMinutes(5))).assign(ANA)
                .at(t6.plus(H)).post(Actor.system("escalation:ack"), Visibility.PUBLIC, Channel.SOCIAL, "We got it", true)
                .at(t6.plus(H.multipliedBy(2))).reply(ana, "Reset it").at(t6.plus(H.multipliedBy(3))).solve()
                .at(t6.plus(H.multipliedBy(4))).close().at(t6.plus(H.multipliedBy(5))).satisfactionRated(1, 2, "meh"));
        // #7: opened an hour after the period
        Instant t7 = TO.plus(H);
        commit(ACME, described(open(ACME, t7, null, "Printer again"), Actor.customer("customer-7"), t7));
        // #8: opened in the period's last second, in Dutch
        Instant t8 = TO.minusSeconds(1);
        commit(ACME, described(open(ACME, t8, null, "De printer werkt niet"), Actor.customer("customer-8"), t8));
        // another tenant's ticket in the period
        commit(GLOBEX, described(open(GLOBEX, T, null, "Printer does not print"), Actor.customer("customer-1"), T)
                .at(T.plus(H)).assign(ANA).reply(ana, "Hi").solve());
    }

    @Test
    void volume_counts_the_tickets_opened_in_the_period_by_what_they_opened_with() {
        handHistory();
        Volume v = reports(store()).volume(query());

        assertEquals(6, v.total(), "#1 #2 #3 #4 #6 #8");
        assertEquals(Map.of("EMAIL", 3L, "PHONE", 1L, "LIVE_CHAT", 1L, "SOCIAL", 1L), v.byChannel());
        assertEquals(Map.of("technical.troubleshooting", 4L, "customer.billing", 1L, "technical.hardware", 1L), v.byCategory());
        assertEquals(Map.of("L1", 5L, "L2", 1L), v.byTier());
        assertEquals(Map.of("billing", 1L, Volume.NO_GROUP, 5L), v.byGroup());
        assertEquals(Map.of(LocalDate.parse("2026-03-02"), 1L, LocalDate.parse("2026-03-03"), 1L,
                LocalDate.parse("2026-03-04"), 1L, LocalDate.parse("2026-03-05"), 1L, LocalDate.parse("2026-03-08"), 2L), v.byDay());
        assertEquals(Map.of("EMAIL", 6.0, "PHONE", 5.0, "LIVE_CHAT", 0.0, "SOCIAL", 0.0), v.cost(query().channelCosts()));
    }

    @Test
    void days_follow_the_zone_of_the_query() {
        handHistory();
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        Volume v = reports(store()).volume(ReportQuery.builder().from(FROM).to(TO).tenant(ACME).zone(auckland).build());

        // #8 at 23:59:59 UTC on the 8th is the 9th in Auckland (UTC+13); #4 at 10:00 UTC on the 8th is 23:00 there
        assertEquals(Map.of(LocalDate.parse("2026-03-02"), 1L, LocalDate.parse("2026-03-03"), 1L,
                LocalDate.parse("2026-03-04"), 1L, LocalDate.parse("2026-03-05"), 1L, LocalDate.parse("2026-03-08"), 1L,
                LocalDate.parse("2026-03-09"), 1L), v.byDay());
    }

    @Test
    void frequent_problems_rank_categories_tags_and_subject_terms_per_language() {
        handHistory();
        FrequentProblems p = reports(store()).frequentProblems(query());

        assertEquals(List.of(new Count("technical.troubleshooting", 4), new Count("customer.billing", 1),
                new Count("technical.hardware", 1)), p.categories());
        assertEquals(List.of(new Count("printer", 2), new Count("billing-error", 1)), p.tags());
        // en: "does", "not", "again", "cannot", "in" are English stop words; nl: "de", "werkt", "niet"
        assertEquals(List.of(new Count("printer", 2), new Count("log", 1), new Count("offline", 1), new Count("print", 1)),
                p.terms().get("en"));
        assertEquals(List.of(new Count("printer", 1)), p.terms().get("nl"));
        assertEquals(List.of(new Count("charged", 1), new Count("invoice", 1), new Count("jams", 1), new Count("printer", 1),
                new Count("twice", 1)), p.terms().get("und"));
    }

    @Test
    void resolution_figures_follow_the_definitions() {
        handHistory();
        Resolution r = reports(store()).resolution(query());

        // first replies in the period: #1 2 h, #2 2 h, #5 264 h, #6 2 h; nearest rank: median 2nd, p90 4th
        assertEquals(new Durations(4, Optional.of(H.multipliedBy(2)), Optional.of(H.multipliedBy(264))), r.firstReply().calendar());
        assertEquals(Optional.of(new Durations(4, Optional.of(H), Optional.of(H.multipliedBy(132)))), r.firstReply().business());
        // first solves: #1 3 h, #2 6 h, #6 3 h
        assertEquals(new Durations(3, Optional.of(H.multipliedBy(3)), Optional.of(H.multipliedBy(6))), r.firstResolution().calendar());
        // latest solves: #1 3 h, #2 24 h, #6 3 h; one touch: #1 and #6
        assertEquals(new Durations(3, Optional.of(H.multipliedBy(3)), Optional.of(H.multipliedBy(24))), r.fullResolution().calendar());
        assertEquals(3, r.resolved());
        assertEquals(2, r.oneTouch());
        assertEquals(4, r.solves(), "#1, #2 twice, #6");
        assertEquals(1, r.reopens());
        assertEquals(0.25, r.reopenRate());
    }

    @Test
    void backlog_is_what_was_unsolved_at_the_end_by_age() {
        handHistory();
        Backlog b = reports(store()).backlog(query());

        // #4 (14 h) and #8 (1 s) under a day, #3 (4 d 14 h) three to seven days, #5 (16 d 14 h) over seven
        assertEquals(new Backlog(2, 0, 1, 1), b);
    }

    @Test
    void escalation_rate_per_tier_counts_tickets_raised_from_each_tier() {
        handHistory();
        List<TierEscalation> e = reports(store()).escalations(query());

        assertEquals(List.of(new TierEscalation("L1", 5, 1), new TierEscalation("L2", 2, 0), new TierEscalation("L3", 0, 0),
                new TierEscalation("L4", 0, 0)), e);
        assertEquals(0.2, e.get(0).rate());
    }

    @Test
    void satisfaction_counts_the_latest_rating_of_each_cycle_per_scale() {
        handHistory();
        SortedMap<Integer, ScaleRatings> s = reports(store()).satisfaction(query());

        assertEquals(new ScaleRatings(5, 2, 0, new TreeMap<>(Map.of(1, 0L, 2, 0L, 3, 0L, 4, 1L, 5, 1L))), s.get(5));
        assertEquals(new ScaleRatings(2, 1, 1, new TreeMap<>(Map.of(1, 1L, 2, 0L))), s.get(2));
        assertEquals(4.5, s.get(5).mean());
    }

    @Test
    void workload_counts_assignments_replies_and_solves_per_agent() {
        handHistory();
        List<AgentLoad> w = reports(store()).workload(query());

        assertEquals(List.of(new AgentLoad("ana", 3, 3, 2), new AgentLoad("ben", 1, 2, 2)), w);
    }

    @Test
    void frequent_problems_count_the_problems_linked_and_deflection_counts_the_articles_that_resolved() {
        java.util.UUID printers = new java.util.UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0001L);
        java.util.UUID login = new java.util.UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0002L);
        java.util.UUID article = new java.util.UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0003L);
        Actor ana = Actor.agent("ana");
        // #1: linked to printers after an hour; ana points to an article without solving
        commit(ACME, described(open(ACME, T, null, "Printer offline"), Actor.customer("customer-1"), T).by(ana)
                .at(T.plus(H)).event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemLinked(id, at, by, printers))
                .at(T.plus(H.multipliedBy(2))).articleLinked(article, false));
        // #2: linked to printers, then to login and unlinked from login (linked before the end: both count);
        // ana solves it with the article
        Instant t2 = T.plus(D);
        commit(ACME, described(open(ACME, t2, null, "Printer jams"), Actor.customer("customer-2"), t2).by(ana)
                .at(t2.plus(H)).event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemLinked(id, at, by, printers))
                .event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemLinked(id, at, by, login))
                .event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemUnlinked(id, at, by, login))
                .assign(ANA).articleLinked(article, true).solve());
        // #3: linked to login; the requester closes it as self-served with the article
        Instant t3 = T.plus(D.multipliedBy(2));
        Actor customer3 = Actor.customer("customer-3");
        commit(ACME, described(open(ACME, t3, null, "Cannot log in"), customer3, t3).by(ana)
                .at(t3.plus(H)).event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemLinked(id, at, by, login))
                .by(customer3).at(t3.plus(H.multipliedBy(2))).articleLinked(article, true).close());
        // #4: linked to printers only after the period; an article linked after the period
        Instant t4 = T.plus(D.multipliedBy(3));
        commit(ACME, described(open(ACME, t4, null, "Printer again"), Actor.customer("customer-4"), t4).by(ana)
                .at(TO.plus(H)).event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemLinked(id, at, by, printers))
                .articleLinked(article, false));
        // #5: opened before the period, linked in it: not one of the period's tickets; its article link in the period counts
        Instant t5 = FROM.minus(D.multipliedBy(2));
        commit(ACME, described(open(ACME, t5, null, "Printer old"), Actor.customer("customer-5"), t5).by(ana)
                .at(T).event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemLinked(id, at, by, printers))
                .articleLinked(article, false));
        // another tenant's
        Actor globexCustomer = Actor.customer("customer-1");
        commit(GLOBEX, described(open(GLOBEX, T, null, "Printer offline"), globexCustomer, T).by(ana)
                .at(T.plus(H)).event((id, at, by) -> new dev.helpdesk.spi.ticket.TicketEvent.ProblemLinked(id, at, by, printers))
                .by(globexCustomer).articleLinked(article, true).close());

        FrequentProblems p = reports(store()).frequentProblems(query());
        assertEquals(List.of(new Count(printers.toString(), 2), new Count(login.toString(), 2)), p.problems());
        dev.helpdesk.spi.report.Deflection d = reports(store()).deflection(query());
        // self-served #3; solved with the article #2; linked without a solve #1 and #5
        assertEquals(new dev.helpdesk.spi.report.Deflection(1, 1, 2), d);
        assertEquals(0.5, d.knowledgeShare(3), "(1 + 1) of (3 solves + 1 self-served)");
        assertEquals(d, reports(store()).report(query()).deflection());
        assertEquals(p.problems(), reports(store()).report(query()).problems().problems());
    }

    /** Records the SLA policy on record as the desk does: the SLA rule's event; {@code null} for none. */
    private static TicketChangeBuilder policy(TicketChangeBuilder b, Instant at, String policy) {
        return b.by(Actor.system("sla")).at(at).event((id, when, by) -> new dev.helpdesk.spi.ticket.TicketEvent.SlaPolicyApplied(
                id, when, by, Optional.ofNullable(policy))).by(Actor.agent("ana"));
    }

    /** Writes tickets whose policies on record differ, and one of another tenant. */
    private void policyHistory() {
        Actor ana = Actor.agent("ana");
        // A: gold from the opening; reply at 1 h, solved at 2 h
        TicketChangeBuilder a = described(open(ACME, T, null, "Server down"), Actor.customer("customer-1"), T);
        commit(ACME, policy(a, T, "gold").at(T.plus(H)).reply(ana, "Restarting").at(T.plus(H.multipliedBy(2))).solve());
        // B: standard at the opening, gold half an hour later (its priority was raised); reply at 3 h, solved at 5 h
        Instant tb = T.plus(D);
        TicketChangeBuilder b = described(open(ACME, tb, null, "Mail bounces"), Actor.customer("customer-2"), tb);
        commit(ACME, policy(policy(b, tb, "standard"), tb.plus(Duration.ofMinutes(30)), "gold").at(tb.plus(H.multipliedBy(3)))
                .reply(ana, "Fixed the record").at(tb.plus(H.multipliedBy(5))).solve());
        // C: standard; reply at 4 h, never solved; gold only after the period's end: counts as standard
        Instant tc = T.plus(D.multipliedBy(2));
        TicketChangeBuilder c = described(open(ACME, tc, null, "Slow reports"), Actor.customer("customer-3"), tc);
        commit(ACME, policy(policy(c, tc, "standard").at(tc.plus(H.multipliedBy(4))).reply(ana, "Looking"),
                TO.plus(H), "gold"));
        // D: gold, then no policy applies from 1 h on; reply at 2 h, solved at 6 h: counts under none
        Instant td = T.plus(D.multipliedBy(3));
        TicketChangeBuilder d = described(open(ACME, td, null, "Printer"), Actor.customer("customer-4"), td);
        commit(ACME, policy(policy(d, td, "gold"), td.plus(H), null).at(td.plus(H.multipliedBy(2))).reply(ana, "Try this")
                .at(td.plus(H.multipliedBy(6))).solve());
        // E: no policy ever on record; reply at 1 h
        Instant te = T.plus(D.multipliedBy(4));
        commit(ACME, described(open(ACME, te, null, "Question"), Actor.customer("customer-5"), te).by(ana)
                .at(te.plus(H)).reply(ana, "Answer"));
        // another tenant's gold ticket, solved in the period
        TicketChangeBuilder g = described(open(GLOBEX, T, null, "Server down"), Actor.customer("customer-1"), T);
        commit(GLOBEX, policy(g, T, "gold").at(T.plus(H)).reply(ana, "Hi").solve());
    }

    @Test
    void resolution_per_policy_counts_each_ticket_under_the_policy_on_record_at_the_end() {
        policyHistory();
        SortedMap<String, Resolution> by = reports(store()).resolutionByPolicy(query());

        assertEquals(List.of(Reports.NO_POLICY, "gold", "standard"), List.copyOf(by.keySet()));
        Resolution gold = by.get("gold");
        // A 1 h, B 3 h; nearest rank: median the 1st of 2, p90 the 2nd; B counts as gold though it opened standard
        assertEquals(new Durations(2, Optional.of(H), Optional.of(H.multipliedBy(3))), gold.firstReply().calendar());
        assertEquals(Optional.of(new Durations(2, Optional.of(H.dividedBy(2)), Optional.of(H.multipliedBy(3).dividedBy(2)))),
                gold.firstReply().business(), "half of the calendar time on the test's business clock");
        assertEquals(new Durations(2, Optional.of(H.multipliedBy(2)), Optional.of(H.multipliedBy(5))), gold.firstResolution().calendar());
        assertEquals(new Durations(2, Optional.of(H.multipliedBy(2)), Optional.of(H.multipliedBy(5))), gold.fullResolution().calendar());
        assertEquals(2, gold.resolved());
        assertEquals(2, gold.oneTouch());
        assertEquals(2, gold.solves(), "GLOBEX's gold ticket is not ACME's");
        Resolution standard = by.get("standard");
        // C: its policy changed to gold only after the period
        assertEquals(new Durations(1, Optional.of(H.multipliedBy(4)), Optional.of(H.multipliedBy(4))), standard.firstReply().calendar());
        assertEquals(Durations.NONE, standard.firstResolution().calendar());
        assertEquals(0, standard.solves());
        Resolution none = by.get(Reports.NO_POLICY);
        // D (its record says no policy applies any more) 2 h, E (nothing on record) 1 h
        assertEquals(new Durations(2, Optional.of(H), Optional.of(H.multipliedBy(2))), none.firstReply().calendar());
        assertEquals(new Durations(1, Optional.of(H.multipliedBy(6)), Optional.of(H.multipliedBy(6))), none.firstResolution().calendar());
        assertEquals(1, none.solves());
        Resolution all = reports(store()).resolution(query());
        assertEquals(all.solves(), by.values().stream().mapToLong(Resolution::solves).sum(), "every solve under one policy");
        assertEquals(all.firstReply().calendar().count(),
                by.values().stream().mapToLong(r -> r.firstReply().calendar().count()).sum(), "every first reply under one policy");
        ReportQuery before = ReportQuery.builder().tenant(ACME).from(FROM).to(T.plus(D).plus(H)).build();
        assertEquals(java.util.Set.of("gold"), reports(store()).resolutionByPolicy(before).keySet(),
                "until B's reply is in the period only A counts; B's own first reply at 3 h is after this end");
    }

    /** Records a completed clock cycle as the desk does. */
    private static TicketChangeBuilder completed(TicketChangeBuilder b, Instant at, ClockKind clock, int cycle, String policy,
                                                 boolean achieved) {
        return b.by(Actor.system("sla")).at(at).event((id, when, by) -> new dev.helpdesk.spi.ticket.TicketEvent.SlaCompleted(
                id, when, by, clock, cycle, policy, at.minus(H), achieved)).by(Actor.agent("ana"));
    }

    @Test
    void sla_compliance_counts_the_recorded_cycles_completed_in_the_period_per_policy_and_clock() {
        Actor ana = Actor.agent("ana");
        // #1 gold: first response on time, resolution on time; reopened: resolution cycle 2 late after the period
        TicketChangeBuilder a = described(open(ACME, T, null, "Server down"), Actor.customer("customer-1"), T);
        completed(a.at(T.plus(H)).reply(ana, "On it"), T.plus(H), ClockKind.FIRST_RESPONSE, 1, "gold", true);
        completed(a.at(T.plus(H.multipliedBy(2))).solve(), T.plus(H.multipliedBy(2)), ClockKind.RESOLUTION, 1, "gold", true);
        a.by(Actor.customer("customer-1")).at(T.plus(D)).reopen().by(ana).at(TO.plus(H)).solve();
        commit(ACME, completed(a, TO.plus(H), ClockKind.RESOLUTION, 2, "gold", false));
        // #2 gold: first response late, in the period's last microsecond
        Instant last = TO.minusNanos(1000);
        TicketChangeBuilder b = described(open(ACME, T.plus(D), null, "Mail bounces"), Actor.customer("customer-2"), T.plus(D));
        commit(ACME, completed(b.at(last).reply(ana, "Sorry"), last, ClockKind.FIRST_RESPONSE, 1, "gold", false));
        // #3 standard: first response on time; #4 opened before the period, its first response before it too
        TicketChangeBuilder c = described(open(ACME, T.plus(D.multipliedBy(2)), null, "Slow"), Actor.customer("customer-3"),
                T.plus(D.multipliedBy(2)));
        commit(ACME, completed(c.at(T.plus(D.multipliedBy(2)).plus(H)).reply(ana, "Tuned"), T.plus(D.multipliedBy(2)).plus(H),
                ClockKind.FIRST_RESPONSE, 1, "standard", true));
        Instant early = FROM.minus(D);
        TicketChangeBuilder d = described(open(ACME, early, null, "Old"), Actor.customer("customer-4"), early);
        commit(ACME, completed(d.at(early.plus(H)).reply(ana, "Done"), early.plus(H), ClockKind.FIRST_RESPONSE, 1, "standard", false));
        // another tenant's late gold cycle in the period
        TicketChangeBuilder g = described(open(GLOBEX, T, null, "Server down"), Actor.customer("customer-1"), T);
        commit(GLOBEX, completed(g.at(T.plus(H)).reply(ana, "Hi"), T.plus(H), ClockKind.FIRST_RESPONSE, 1, "gold", false));

        List<dev.helpdesk.spi.report.ClockCompliance> c1 = reports(store()).slaCompliance(query());

        assertEquals(List.of(new dev.helpdesk.spi.report.ClockCompliance("gold", ClockKind.FIRST_RESPONSE, 1, 1),
                new dev.helpdesk.spi.report.ClockCompliance("gold", ClockKind.RESOLUTION, 1, 0),
                new dev.helpdesk.spi.report.ClockCompliance("standard", ClockKind.FIRST_RESPONSE, 1, 0)), c1);
        assertEquals(0.5, c1.get(0).rate());
        assertTrue(reports(store()).slaCompliance(ReportQuery.of(ACME, FROM.minus(D.multipliedBy(30)), FROM.minus(D.multipliedBy(20))))
                .isEmpty(), "nothing completed then");
    }

    @Test
    void a_period_without_tickets_reports_zeroes() {
        handHistory();
        ReportQuery empty = ReportQuery.of(ACME, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));
        Report r = reports(store()).report(empty);

        assertEquals(0, r.volume().total());
        assertEquals(Durations.NONE, r.resolution().firstReply().calendar());
        assertEquals(Optional.empty(), r.resolution().firstReply().business());
        assertEquals(new Backlog(0, 0, 0, 0), r.backlog());
        assertTrue(r.satisfaction().isEmpty());
        assertTrue(r.workload().isEmpty());
        assertTrue(r.problems().problems().isEmpty());
        assertEquals(dev.helpdesk.spi.report.Deflection.NONE, r.deflection());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void generated_histories_give_the_generators_tally(long seed) {
        Tally expected = generate(new SplittableRandom(seed), 60);
        ReportQuery q = ReportQuery.of(ACME, FROM, TO);
        Report r = reports(store()).report(q);

        assertEquals(expected.volume, r.volume().total(), "volume");
        assertEquals(expected.byChannel, r.volume().byChannel(), "volume by channel");
        assertEquals(expected.solves, r.resolution().solves(), "solves");
        assertEquals(expected.reopens, r.resolution().reopens(), "reopens");
        assertEquals(expected.backlog, r.backlog().total(), "backlog");
        assertEquals(expected.atL1, r.escalations().get(0).atTier(), "at L1");
        assertEquals(expected.raisedFromL1, r.escalations().get(0).raised(), "raised from L1");
        assertEquals(expected.ratings, r.satisfaction().containsKey(5) ? r.satisfaction().get(5).count() : 0, "ratings");
        assertEquals(expected.assignments, r.workload().stream().mapToLong(AgentLoad::assignments).sum(), "assignments");
        long sum = r.volume().byChannel().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(r.volume().total(), sum, "the channel split sums to the volume");
        SortedMap<String, Long> solvesByPolicy = new TreeMap<>();
        reports(store()).resolutionByPolicy(q).forEach((policy, figures) -> {
            if (figures.solves() > 0) {
                solvesByPolicy.put(policy, figures.solves());
            }
        });
        assertEquals(expected.solvesByPolicy, solvesByPolicy, "solves by the policy on record at the end");
        SortedMap<String, Long> completions = new TreeMap<>();
        for (var c : reports(store()).slaCompliance(q)) {
            if (c.achieved() > 0) {
                completions.put(c.policy() + "/" + c.clock() + "/true", c.achieved());
            }
            if (c.breached() > 0) {
                completions.put(c.policy() + "/" + c.clock() + "/false", c.breached());
            }
        }
        assertEquals(expected.completions, completions, "SLA cycles completed in the period");
        double oneTouch = r.resolution().oneTouchRate();
        assertTrue(oneTouch >= 0 && oneTouch <= 1, "a rate");
    }

    /** What the generator counted while it wrote. */
    private static final class Tally {
        long volume;
        final SortedMap<String, Long> byChannel = new TreeMap<>();
        long solves;
        long reopens;
        long backlog;
        long atL1;
        long raisedFromL1;
        long ratings;
        long assignments;
        final SortedMap<String, Long> solvesByPolicy = new TreeMap<>();
        final SortedMap<String, Long> completions = new TreeMap<>();
    }

    /**
     * Writes random lives of tickets opened from a week before the period to a week after it, and
     * counts what the reports should find. Each life is a walk: assign, reply, solve, the customer
     * reopens, raise the tier, rate; every step a random number of minutes after the one before.
     */
    private Tally generate(SplittableRandom random, int tickets) {
        Tally tally = new Tally();
        List<Channel> channels = List.of(Channel.EMAIL, Channel.PHONE, Channel.LIVE_CHAT, Channel.WEB_FORM);
        Actor ana = Actor.agent("ana");
        for (int i = 0; i < tickets; i++) {
            Instant opened = FROM.minus(D.multipliedBy(7)).plusSeconds(random.nextLong(21 * 86_400L));
            Channel channel = channels.get(random.nextInt(channels.size()));
            Tier tier = random.nextInt(4) == 0 ? Tier.L2 : Tier.L1;
            TicketChangeBuilder b = open(ACME, opened, null, "Generated " + i).channel(channel).startingTier(tier);
            described(b, Actor.customer("customer-" + numbers.get(ACME)), opened);
            List<String> policies = java.util.Arrays.asList(null, "gold", "standard");
            String atEnd = policies.get(random.nextInt(3));
            if (atEnd != null) {
                policy(b, opened, atEnd);
            }
            atEnd = opened.isBefore(TO) ? atEnd : null;
            long solvesHere = 0;
            int cycles = 0;
            boolean inPeriod = in(opened);
            if (inPeriod) {
                tally.volume++;
                tally.byChannel.merge(channel.code(), 1L, Long::sum);
                tally.atL1 += tier == Tier.L1 ? 1 : 0;
            }
            Instant now = opened;
            boolean raised = false;
            boolean assigned = false;
            boolean rated = false;
            int steps = random.nextInt(7);
            for (int s = 0; s < steps; s++) {
                now = now.plus(Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60)));
                Status status = b.state().status();
                int action = random.nextInt(5);
                boolean before = now.isBefore(TO);
                if (random.nextInt(6) == 0) {
                    String changed = policies.get(random.nextInt(3));
                    policy(b, now, changed);
                    atEnd = before ? changed : atEnd;
                }
                if (!assigned && status != Status.SOLVED) {
                    b.by(ana).at(now).assign(ANA);
                    assigned = true;
                    tally.assignments += in(now) ? 1 : 0;
                } else if (action == 0 && status != Status.SOLVED) {
                    b.at(now).reply(ana, "An answer");
                    if (random.nextBoolean()) {
                        boolean achieved = random.nextBoolean();
                        String measuredBy = random.nextBoolean() ? "gold" : "standard";
                        completed(b, now, ClockKind.NEXT_RESPONSE, ++cycles, measuredBy, achieved);
                        if (in(now)) {
                            tally.completions.merge(measuredBy + "/" + ClockKind.NEXT_RESPONSE + "/" + achieved, 1L, Long::sum);
                        }
                    }
                } else if (action == 1 && status != Status.SOLVED) {
                    b.by(ana).at(now).solve();
                    tally.solves += in(now) ? 1 : 0;
                    solvesHere += in(now) ? 1 : 0;
                } else if (action == 2 && status == Status.SOLVED) {
                    b.by(Actor.customer("customer-" + numbers.get(ACME))).at(now).reopen();
                    tally.reopens += in(now) ? 1 : 0;
                    rated = false;
                } else if (action == 3 && b.state().tier() == Tier.L1 && status != Status.SOLVED) {
                    b.by(ana).at(now).tier(Tier.L2, "specialist");
                    raised |= before;
                } else if (action == 4 && status == Status.SOLVED && !rated) {
                    b.at(now).satisfactionRated(1 + random.nextInt(5), 5, "");
                    rated = true;
                    tally.ratings += in(now) ? 1 : 0;
                }
            }
            if (solvesHere > 0) {
                tally.solvesByPolicy.merge(atEnd == null ? Reports.NO_POLICY : atEnd, solvesHere, Long::sum);
            }
            if (inPeriod && raised && tier == Tier.L1) {
                tally.raisedFromL1++;
            }
            if (opened.isBefore(TO) && unsolvedAtEnd(b)) {
                tally.backlog++;
            }
            commit(ACME, b);
        }
        return tally;
    }

    private static boolean unsolvedAtEnd(TicketChangeBuilder b) {
        Status status = Status.NEW;
        for (var e : b.events()) {
            if (!e.at().isBefore(TO)) {
                break;
            }
            if (e instanceof dev.helpdesk.spi.ticket.TicketEvent.Solved) {
                status = Status.SOLVED;
            } else if (e instanceof dev.helpdesk.spi.ticket.TicketEvent.Reopened) {
                status = Status.OPEN;
            }
        }
        return status != Status.SOLVED;
    }

    private static boolean in(Instant at) {
        return !at.isBefore(FROM) && at.isBefore(TO);
    }

}
