package dev.helpdesk.jdbc.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.report.BusinessClocks;
import dev.helpdesk.core.report.HistoryReports;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedStores;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.TierEscalation;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import dev.helpdesk.tck.TicketChangeBuilder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The SQL engine gives the in-memory engine's report, figure for figure, on random histories on
 * H2: random lives of tickets around a week (replies by agents, rules and customers, notes,
 * assignment, tiers up and down, tags, waiting, solves, reopens, closes, ratings on both scales)
 * and a random period, zone and channel costs, with a real business calendar. And the invariants
 * every report keeps: the splits of the volume sum to it, rates are between 0 and 1, the backlog's
 * buckets sum to its total.
 */
class SqlEqualsMemoryReportProperties {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant BASE = Instant.parse("2026-03-02T00:00:00Z");
    private static final BusinessCalendar OFFICE = BusinessCalendar.builder().id("office").zone("Europe/Amsterdam")
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();

    /** One step of a ticket's life: what happens and how many minutes after the step before. */
    record Step(int action, int minutes) {
    }

    /** One ticket: when it opens (minutes after the base), on what, and its steps. */
    record Life(int openedAt, int channel, int tier, boolean grouped, List<Step> steps) {
    }

    @Provide
    Arbitrary<List<Life>> lives() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(1, 3 * 24 * 60)).as(Step::new);
        Arbitrary<Life> life = Combinators.combine(Arbitraries.integers().between(0, 21 * 24 * 60),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                step.list().ofMaxSize(9)).as(Life::new);
        return life.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 25)
    void sql_and_memory_give_the_same_report(@ForAll("lives") List<Life> lives,
                                             @ForAll("startDays") int startDay, @ForAll("lengths") int days,
                                             @ForAll("zones") String zone) {
        JdbcTicketStore store = SharedStores.empty(Database.H2);
        write(store, lives);
        ReportQuery q = ReportQuery.builder().tenant(ACME).from(BASE.plus(Duration.ofDays(startDay)))
                .to(BASE.plus(Duration.ofDays(startDay + days)).plusSeconds(days * 3607L)).zone(ZoneId.of(zone))
                .businessClock(BusinessClocks.of(OFFICE)).putChannelCost(Channel.EMAIL, 1.5).putChannelCost(Channel.PHONE, 4)
                .top(3).build();

        Report memory = HistoryReports.over(store).report(q);
        Report sql = store.reports().report(q);

        assertEquals(memory, sql);
        var byPolicy = HistoryReports.over(store).resolutionByPolicy(q);
        assertEquals(byPolicy, store.reports().resolutionByPolicy(q), "per SLA policy");
        assertEquals(HistoryReports.over(store).slaCompliance(q), store.reports().slaCompliance(q), "SLA compliance");
        assertEquals(memory.resolution().solves(), byPolicy.values().stream().mapToLong(r -> r.solves()).sum());
        assertEquals(memory.resolution().resolved(), byPolicy.values().stream().mapToLong(r -> r.resolved()).sum());
        assertEquals(memory.resolution().firstReply().calendar().count(),
                byPolicy.values().stream().mapToLong(r -> r.firstReply().calendar().count()).sum());
        assertEquals(memory.volume().total(), memory.volume().byChannel().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(memory.volume().total(), memory.volume().byDay().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(memory.volume().total(), memory.volume().byGroup().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(memory.resolution().oneTouchRate() >= 0 && memory.resolution().oneTouchRate() <= 1);
        assertTrue(memory.resolution().oneTouch() <= memory.resolution().resolved());
        for (TierEscalation e : memory.escalations()) {
            assertTrue(e.rate() >= 0 && e.rate() <= 1, e.toString());
        }
        memory.satisfaction().values().forEach(s -> assertTrue(s.satisfied() >= 0 && s.satisfied() <= 1));
    }

    @Provide
    Arbitrary<Integer> startDays() {
        return Arbitraries.integers().between(0, 14);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(1, 10);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("UTC", "Europe/Amsterdam", "America/Sao_Paulo", "Pacific/Chatham");
    }

    private static void write(JdbcTicketStore store, List<Life> lives) {
        List<Channel> channels = List.of(Channel.EMAIL, Channel.PHONE, Channel.LIVE_CHAT, Channel.SOCIAL);
        long number = 0;
        for (Life life : lives) {
            number++;
            Instant at = BASE.plus(Duration.ofMinutes(life.openedAt()));
            CustomerId customer = CustomerId.of("customer-" + number);
            Actor requester = new Actor.Customer(customer);
            Actor agent = Actor.agent(number % 2 == 0 ? "ana" : "ben");
            TicketChangeBuilder b = TicketChangeBuilder.open(ACME, TicketNumber.of(number), at)
                    .subject(List.of("Printer does not print", "De printer werkt niet", "La impresora no funciona",
                            "Invoice charged twice").get((int) (number % 4)))
                    .requester(customer).channel(channels.get(life.channel())).startingTier(Tier.values()[life.tier()])
                    .category(number % 3 == 0 ? Category.BILLING : Category.TROUBLESHOOTING).by(agent);
            if (life.grouped()) {
                b.startingGroup(GroupId.of("first-line"));
            }
            b.at(at).post(requester, Visibility.PUBLIC, channels.get(life.channel()), "Details", false);
            Instant now = at;
            for (Step s : life.steps()) {
                now = now.plus(Duration.ofMinutes(s.minutes()));
                step(b.at(now), s.action(), agent, requester);
            }
            assertTrue(store.commit(ACME, b.build()).isRight());
        }
    }

    /** Applies an action when the ticket's state allows it (like the desk would), else nothing. */
    private static void step(TicketChangeBuilder b, int action, Actor agent, Actor requester) {
        Status status = b.state().status();
        boolean done = status == Status.CLOSED;
        boolean solved = status == Status.SOLVED;
        if (done) {
            return;
        }
        switch (action) {
            case 0 -> b.reply(agent, "Answer");
            case 1 -> b.post(Actor.system("escalation:ack"), Visibility.PUBLIC, b.state().channel(), "Noted", true);
            case 2 -> {
                if (b.state().assignee().isEmpty()) {
                    b.assign(AgentId.of(((Actor.Agent) agent).id().value()));
                } else {
                    b.note(((Actor.Agent) agent).id(), "internal");
                }
            }
            case 3 -> {
                if (!solved && b.state().assignee().isPresent()) {
                    b.solve();
                }
            }
            case 4 -> {
                if (solved) {
                    b.by(requester).reopen().by(agent);
                } else {
                    b.reply(requester, "Any news?");
                }
            }
            case 5 -> {
                if (b.state().tier() != Tier.L4) {
                    b.tier(Tier.values()[b.state().tier().ordinal() + 1], "harder");
                }
            }
            case 6 -> {
                if (b.state().tier() != Tier.L1) {
                    b.tier(Tier.values()[b.state().tier().ordinal() - 1], "back");
                }
            }
            case 7 -> b.tagAdded(b.state().tags().contains("printer") ? "urgent" : "printer");
            case 8 -> {
                if (!solved) {
                    b.status(status == Status.PENDING ? Status.ON_HOLD : Status.PENDING);
                }
            }
            case 9 -> {
                if (solved) {
                    b.close();
                }
            }
            case 10 -> {
                if (solved) {
                    b.satisfactionRated(1 + (int) (b.state().version() % 5), 5, "");
                }
            }
            case 12 -> {
                // the SLA policy on record changes (as the desk records it when a commit changes the policy)
                int pick = (int) (b.state().version() % 3);
                b.by(Actor.system("sla")).event((id, when, by) -> new dev.helpdesk.spi.ticket.TicketEvent.SlaPolicyApplied(
                        id, when, by, pick == 0 ? java.util.Optional.empty() : java.util.Optional.of(pick == 1 ? "gold" : "standard")))
                        .by(agent);
            }
            case 13 -> {
                // a clock cycle completes (as the desk records it), on time or late, under either policy
                long v = b.state().version();
                Instant due = b.state().createdAt().plus(Duration.ofHours(v % 7));
                b.by(Actor.system("sla")).event((id, when, by) -> new dev.helpdesk.spi.ticket.TicketEvent.SlaCompleted(id, when, by,
                        dev.helpdesk.spi.ticket.ClockKind.values()[(int) (v % 3)], (int) v, v % 2 == 0 ? "gold" : "standard", due,
                        !when.isAfter(due))).by(agent);
            }
            default -> {
                if (solved) {
                    b.satisfactionRated(1 + (int) (b.state().version() % 2), 2, "two");
                }
            }
        }
    }
}
