package dev.helpdesk.core.report;

import dev.helpdesk.spi.report.ClockCompliance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Visibility;
import dev.helpdesk.tck.TicketChangeBuilder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The SLA replay on random histories: compliance is a share in [0, 1]; replaying under the
 * configuration in force changes nothing; looser targets (every target ten times longer) only
 * ever turn missed cycles into met ones, never the other way round.
 */
class SlaReplayProperties {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant BASE = Instant.parse("2026-03-02T07:00:00Z");
    private static final BusinessCalendar OFFICE = BusinessCalendar.builder().id("office").zone("Europe/Amsterdam")
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
    private static final SlaReplay REPLAY = new SlaReplay(CustomerSegments.NONE);

    private static SlaConfiguration configuration(long factor) {
        return SlaConfiguration.of(List.of(OFFICE), List.of(SlaPolicy.builder("standard")
                .firstResponse(SlaTarget.businessTime(Duration.ofMinutes(90).multipliedBy(factor), OFFICE.id()))
                .nextResponse(SlaTarget.calendarTime(Duration.ofHours(3).multipliedBy(factor)))
                .resolution(SlaTarget.businessHours(6 * factor, OFFICE.id()))
                .build()));
    }

    @Provide
    Arbitrary<List<List<Integer>>> lives() {
        return Arbitraries.integers().between(0, 5 * 24 * 60 * 4 + 5).list().ofMinSize(1).ofMaxSize(10).list().ofMinSize(1).ofMaxSize(15);
    }

    @Property(tries = 60)
    void compliance_is_a_share_and_the_same_configuration_changes_nothing(@ForAll("lives") List<List<Integer>> lives,
                                                                         @ForAll @IntRange(min = 1, max = 6) int days) {
        List<List<TicketEvent>> histories = histories(lives);
        Instant to = BASE.plus(Duration.ofDays(days));

        List<ClockCompliance> c = REPLAY.compliance(ACME, histories, configuration(1), BASE, to);
        WhatIf same = REPLAY.whatIf(ACME, histories, configuration(1), configuration(1), BASE, to);

        c.forEach(x -> assertTrue(x.rate() >= 0 && x.rate() <= 1, x.toString()));
        assertEquals(c, same.current());
        assertEquals(same.current(), same.proposed());
        assertTrue(same.changes().isEmpty());
    }

    @Property(tries = 60)
    void looser_targets_only_turn_missed_cycles_into_met_ones(@ForAll("lives") List<List<Integer>> lives,
                                                             @ForAll @IntRange(min = 1, max = 6) int days) {
        List<List<TicketEvent>> histories = histories(lives);

        WhatIf w = REPLAY.whatIf(ACME, histories, configuration(1), configuration(10), BASE, BASE.plus(Duration.ofDays(days)));

        for (ClockChange change : w.changes()) {
            assertEquals(Optional.of(ClockStatus.BREACHED), change.current(), change.toString());
            assertEquals(Optional.of(ClockStatus.ACHIEVED), change.proposed(), change.toString());
        }
        long breachedBefore = w.current().stream().mapToLong(ClockCompliance::breached).sum();
        long breachedAfter = w.proposed().stream().mapToLong(ClockCompliance::breached).sum();
        assertEquals(breachedBefore - breachedAfter, w.changes().size());
    }

    /** Each life: opened at step 0's minute (mod 5 days), then replies, waits, solves, reopens, each step's value deciding. */
    private static List<List<TicketEvent>> histories(List<List<Integer>> lives) {
        List<List<TicketEvent>> all = new ArrayList<>();
        long number = 0;
        for (List<Integer> life : lives) {
            number++;
            Instant at = BASE.plus(Duration.ofMinutes(life.get(0) % (5 * 24 * 60)));
            CustomerId customer = CustomerId.of("c" + number);
            Actor agent = Actor.agent("ana");
            TicketChangeBuilder b = TicketChangeBuilder.open(ACME, TicketNumber.of(number), at).requester(customer).by(agent);
            b.at(at).post(new Actor.Customer(customer), Visibility.PUBLIC, b.state().channel(), "Details", false);
            Instant now = at;
            for (int step : life.subList(1, life.size())) {
                now = now.plus(Duration.ofMinutes(1 + step % 600));
                Status s = b.state().status();
                b.at(now);
                switch (step % 5) {
                    case 0 -> {
                        if (s != Status.SOLVED && s != Status.CLOSED) {
                            b.reply(agent, "Answer");
                        }
                    }
                    case 1 -> {
                        if (s == Status.SOLVED) {
                            b.by(new Actor.Customer(customer)).reopen().by(agent);
                        } else if (s != Status.CLOSED) {
                            b.reply(new Actor.Customer(customer), "Still?");
                        }
                    }
                    case 2 -> {
                        if (s == Status.NEW || s == Status.OPEN) {
                            b.status(Status.PENDING);
                        } else if (s.isWaiting()) {
                            b.status(Status.OPEN);
                        }
                    }
                    case 3 -> {
                        if (s != Status.SOLVED && s != Status.CLOSED) {
                            if (b.state().assignee().isEmpty()) {
                                b.assign(AgentId.of("ana"));
                            }
                            b.solve();
                        }
                    }
                    default -> {
                        if (s == Status.SOLVED) {
                            b.close();
                        }
                    }
                }
            }
            all.add(b.events());
        }
        return all;
    }
}
