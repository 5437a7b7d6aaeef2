package dev.helpdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.sla.Calendars;
import dev.helpdesk.core.sla.SlaClocks;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.Tickets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The SLA invariants, on random policies and random ticket histories made through the desk:
 * monotonic due times, pause accounting, replay, policy changes, and warnings and breaches
 * emitted at most once (and, once due, exactly once) under random due-run schedules.
 */
class SlaProperties {

    @Provide
    Arbitrary<SlaScenario.Step> step() {
        return SlaScenario.steps();
    }

    @Provide
    Arbitrary<SlaConfiguration> configuration() {
        return SlaScenario.configurations();
    }

    static SlaScenario play(SlaConfiguration configuration, List<SlaScenario.Step> steps) {
        SlaScenario s = new SlaScenario(configuration);
        steps.forEach(s::apply);
        return s;
    }

    static Optional<SlaPolicy> policyOf(SlaConfiguration configuration, Ticket ticket) {
        return configuration.policyFor(ticket, Optional.empty());
    }

    static Map<String, ClockState> byCycle(List<ClockState> clocks) {
        Map<String, ClockState> map = new HashMap<>();
        clocks.forEach(c -> map.put(c.kind() + "/" + c.cycle(), c));
        return map;
    }

    @Property(tries = 300)
    void due_times_never_move_earlier_while_no_event_happens(
            @ForAll("configuration") SlaConfiguration configuration,
            @ForAll @Size(min = 1, max = 30) List<SlaScenario.@From("step") Step> steps,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 3 * 24 * 60) Integer> waits) {
        SlaScenario s = play(configuration, steps);
        Calendars calendars = Calendars.of(configuration.calendars());
        for (TicketId id : s.ids) {
            List<TicketEvent> history = s.history(id);
            Optional<SlaPolicy> policy = policyOf(configuration, s.ticket(id));
            if (policy.isEmpty()) {
                continue;
            }
            Instant now = s.clock.instant();
            Map<String, ClockState> before = byCycle(SlaClocks.evaluate(history, policy.get(), calendars, now));
            Optional<Instant> deadline = SlaClocks.nextDeadline(history, policy.get(), calendars);
            for (int wait : waits) {
                now = now.plus(Duration.ofMinutes(wait));
                Map<String, ClockState> after = byCycle(SlaClocks.evaluate(history, policy.get(), calendars, now));
                assertEquals(before.keySet(), after.keySet(), "time alone starts or ends no cycle");
                for (Map.Entry<String, ClockState> e : before.entrySet()) {
                    ClockState was = e.getValue();
                    ClockState is = after.get(e.getKey());
                    assertFalse(is.dueAt().isBefore(was.dueAt()), () -> "due time moved earlier: " + was + " -> " + is);
                    assertTrue(is.elapsed().compareTo(was.elapsed()) >= 0, "elapsed time never shrinks");
                    assertTrue(is.paused().compareTo(was.paused()) >= 0, "paused time never shrinks");
                    assertFalse(was.status() == ClockStatus.BREACHED && is.status() != ClockStatus.BREACHED,
                            "a breach is never undone by waiting");
                }
                assertEquals(deadline, SlaClocks.nextDeadline(history, policy.get(), calendars));
                before = after;
            }
        }
    }

    @Property(tries = 300)
    void a_pause_never_shortens_remaining_time(
            @ForAll("configuration") SlaConfiguration configuration,
            @ForAll @Size(min = 1, max = 30) List<SlaScenario.@From("step") Step> steps,
            @ForAll @IntRange(min = 0, max = 1000) int where,
            @ForAll @IntRange(min = 0, max = 1000) int from,
            @ForAll @IntRange(min = 0, max = 1000) int length,
            @ForAll @IntRange(min = 0, max = 3000) int laterMinutes) {
        SlaScenario s = play(configuration, steps);
        Calendars calendars = Calendars.of(configuration.calendars());
        Instant now = s.clock.instant();
        for (TicketId id : s.ids) {
            List<TicketEvent> history = s.history(id);
            Optional<SlaPolicy> found = policyOf(configuration, s.ticket(id));
            if (found.isEmpty()) {
                continue;
            }
            SlaPolicy policy = found.get().toBuilder().pauseWhen(Status.PENDING, Status.ON_HOLD).build();
            // while the ticket waits, time passes without shortening any clock
            if (s.ticket(id).status().isWaiting()) {
                Map<String, ClockState> atNow = byCycle(SlaClocks.evaluate(history, policy, calendars, now));
                Map<String, ClockState> later = byCycle(SlaClocks.evaluate(history, policy, calendars,
                        now.plus(Duration.ofMinutes(laterMinutes))));
                for (Map.Entry<String, ClockState> e : atNow.entrySet()) {
                    assertEquals(e.getValue().remaining(), later.get(e.getKey()).remaining(), e.getKey());
                }
            }
            // a quiet pause slipped into the history never takes time away from any clock
            List<TicketEvent> paused = withQuietPause(s.ticket(id), history, now, where, from, length);
            if (paused == null) {
                continue;
            }
            Map<String, ClockState> without = byCycle(SlaClocks.evaluate(history, policy, calendars, now));
            Map<String, ClockState> with = byCycle(SlaClocks.evaluate(paused, policy, calendars, now));
            assertEquals(without.keySet(), with.keySet());
            for (Map.Entry<String, ClockState> e : without.entrySet()) {
                ClockState a = e.getValue();
                ClockState b = with.get(e.getKey());
                assertTrue(b.remaining().compareTo(a.remaining()) >= 0, () -> "remaining shrank: " + a + " -> " + b);
                assertFalse(b.dueAt().isBefore(a.dueAt()), () -> "due earlier: " + a + " -> " + b);
                assertTrue(b.paused().compareTo(a.paused()) >= 0);
                assertFalse(a.status() != ClockStatus.BREACHED && b.status() == ClockStatus.BREACHED,
                        () -> "a pause caused a breach: " + a + " -> " + b);
            }
        }
    }

    /**
     * The history with a pause (to PENDING and back) inside a quiet stretch where the ticket is
     * new or open, or null when there is no such stretch.
     */
    static List<TicketEvent> withQuietPause(Ticket ticket, List<TicketEvent> history, Instant now,
                                            int where, int from, int length) {
        List<Integer> gaps = new ArrayList<>();
        Ticket state = Tickets.open(ticket.tenant(), history.get(0));
        List<Status> after = new ArrayList<>();
        after.add(state.status());
        for (int i = 1; i < history.size(); i++) {
            state = Tickets.evolve(state, history.get(i));
            after.add(state.status());
        }
        for (int i = 0; i < history.size(); i++) {
            Instant start = history.get(i).at();
            Instant end = i + 1 < history.size() ? history.get(i + 1).at() : now;
            Status status = after.get(i);
            if (end.isAfter(start) && (status == Status.NEW || status == Status.OPEN)) {
                gaps.add(i);
            }
        }
        if (gaps.isEmpty()) {
            return null;
        }
        int i = gaps.get(where % gaps.size());
        Instant start = history.get(i).at();
        Instant end = i + 1 < history.size() ? history.get(i + 1).at() : now;
        long span = Duration.between(start, end).toSeconds();
        Instant p1 = start.plusSeconds(span * from / 1000);
        Instant p2 = p1.plusSeconds((Duration.between(p1, end).toSeconds() * length) / 1000);
        Status status = after.get(i);
        List<TicketEvent> out = new ArrayList<>(history.subList(0, i + 1));
        out.add(new TicketEvent.StatusChanged(ticket.id(), p1, SlaScenario.ANA, status, Status.PENDING));
        out.add(new TicketEvent.StatusChanged(ticket.id(), p2, SlaScenario.ANA, Status.PENDING, status));
        out.addAll(history.subList(i + 1, history.size()));
        return out;
    }

    @Property(tries = 300)
    void replaying_the_history_gives_the_clocks_and_the_deadline_the_desk_shows(
            @ForAll("configuration") SlaConfiguration configuration,
            @ForAll @Size(min = 1, max = 40) List<SlaScenario.@From("step") Step> steps) {
        SlaScenario s = play(configuration, steps);
        Calendars fresh = Calendars.of(configuration.calendars());
        Instant now = s.clock.instant();
        for (TicketId id : s.ids) {
            List<TicketEvent> history = s.history(id);
            Ticket replayed = Tickets.replay(SlaScenario.ACME, history);
            assertEquals(s.ticket(id), replayed);
            Optional<SlaPolicy> policy = policyOf(configuration, replayed);
            List<ClockState> expected = policy.map(p -> SlaClocks.evaluate(history, p, fresh, now)).orElse(List.of());
            assertEquals(expected, Fixture.ok(s.desk.tenant(SlaScenario.ACME).sla().clocks(id, SlaScenario.ANA)));
            assertEquals(expected, Fixture.ok(s.twin.tenant(SlaScenario.ACME).sla().clocks(id, SlaScenario.ANA)));
            Optional<Instant> deadline = policy.flatMap(p -> SlaClocks.nextDeadline(history, p, fresh));
            if (replayed.status().isFinal()) {
                deadline = Optional.empty();
            }
            Optional<Instant> close = replayed.status() == Status.SOLVED
                    ? replayed.solvedAt().map(at -> at.plus(Duration.ofDays(2))) : Optional.empty();
            Optional<Instant> due = deadline.isEmpty() ? close : close.isEmpty() ? deadline
                    : Optional.of(deadline.get().isBefore(close.get()) ? deadline.get() : close.get());
            assertEquals(due, s.store.dueAt(SlaScenario.ACME, id), "the stored deadline is the replayed one");
        }
    }

    @Property(tries = 300)
    void the_policy_on_record_is_the_one_that_applies_and_is_recorded_only_when_it_changes(
            @ForAll("configuration") SlaConfiguration configuration,
            @ForAll @Size(min = 1, max = 40) List<SlaScenario.@From("step") Step> steps) {
        SlaScenario s = play(configuration, steps);
        for (TicketId id : s.ids) {
            List<TicketEvent> history = s.history(id);
            Ticket ticket = Tickets.replay(SlaScenario.ACME, history);
            assertEquals(policyOf(configuration, ticket).map(SlaPolicy::name),
                    dev.helpdesk.core.ticket.PolicyRecord.of(history), "the record names the policy that applies now");
            Optional<String> previous = Optional.empty();
            for (TicketEvent e : history) {
                if (e instanceof TicketEvent.SlaPolicyApplied applied) {
                    assertNotEquals(previous, applied.policy(), "a record that changes nothing: " + history);
                    previous = applied.policy();
                }
            }
        }
    }

    @Property(tries = 300)
    void every_completed_cycle_is_recorded_once_with_the_outcome_the_replay_gives(
            @ForAll("configuration") SlaConfiguration configuration,
            @ForAll @Size(min = 1, max = 40) List<SlaScenario.@From("step") Step> steps) {
        SlaScenario s = play(configuration, steps);
        Calendars fresh = Calendars.of(configuration.calendars());
        for (TicketId id : s.ids) {
            List<TicketEvent> history = s.history(id);
            Set<String> recorded = new java.util.TreeSet<>();
            for (TicketEvent e : history) {
                if (e instanceof TicketEvent.SlaCompleted c) {
                    assertTrue(recorded.add(c.clock() + "#" + c.cycle() + "#" + c.achieved() + "#" + c.policy()),
                            "recorded twice: " + c);
                }
            }
            List<Optional<String>> policies = history.stream().filter(e -> e instanceof TicketEvent.SlaPolicyApplied)
                    .map(e -> ((TicketEvent.SlaPolicyApplied) e).policy()).toList();
            if (policies.size() != 1 || policies.get(0).isEmpty()) {
                continue; // measured under more than one policy, or none: the replay under one says nothing
            }
            SlaPolicy policy = configuration.policies().stream().filter(p -> p.name().equals(policies.get(0).get()))
                    .findFirst().orElseThrow();
            Set<String> replayed = new java.util.TreeSet<>();
            for (ClockState c : SlaClocks.evaluate(history, policy, fresh, s.clock.instant())) {
                if (c.stoppedAt().isPresent() && c.status() != ClockStatus.CANCELLED) {
                    replayed.add(c.kind() + "#" + c.cycle() + "#" + (c.status() == ClockStatus.ACHIEVED) + "#" + policy.name());
                }
            }
            assertEquals(replayed, recorded, "the recorded outcomes are the replayed ones: " + history);
        }
    }

    @Property(tries = 300)
    void a_policy_change_keeps_paused_time(
            @ForAll("configuration") SlaConfiguration configuration,
            @ForAll("configuration") SlaConfiguration other,
            @ForAll @Size(min = 1, max = 30) List<SlaScenario.@From("step") Step> steps) {
        SlaScenario s = play(configuration, steps);
        // the other configuration with the same pause statuses and calendars, other amounts
        List<SlaPolicy> reshaped = new ArrayList<>();
        for (int i = 0; i < other.policies().size(); i++) {
            SlaPolicy mine = configuration.policies().get(i);
            SlaPolicy.Builder b = other.policies().get(i).toBuilder().pauseStatuses(mine.pauseStatuses());
            for (ClockKind kind : ClockKind.values()) {
                Optional<SlaTarget> t = other.policies().get(i).target(kind);
                Optional<SlaTarget> m = mine.target(kind);
                if (t.isPresent() && m.isPresent()) {
                    b.target(kind, SlaTarget.of(t.get().amount(), m.get().calendar()));
                }
            }
            reshaped.add(b.build());
        }
        SlaConfiguration changed = SlaConfiguration.of(configuration.calendars(), reshaped);
        Map<TicketId, Map<String, ClockState>> before = new HashMap<>();
        for (TicketId id : s.ids) {
            before.put(id, byCycle(Fixture.ok(s.desk.tenant(SlaScenario.ACME).sla().clocks(id, SlaScenario.ANA))));
        }
        s.desk.configureSla(changed);
        assertEquals(changed, s.desk.slaConfiguration());
        for (TicketId id : s.ids) {
            Map<String, ClockState> after = byCycle(Fixture.ok(s.desk.tenant(SlaScenario.ACME).sla().clocks(id, SlaScenario.ANA)));
            for (Map.Entry<String, ClockState> e : before.get(id).entrySet()) {
                ClockState was = e.getValue();
                ClockState is = after.get(e.getKey());
                if (is == null) {
                    continue; // the new policy has no target for that clock
                }
                assertEquals(was.paused(), is.paused(), () -> "paused time lost: " + was + " -> " + is);
                assertEquals(was.elapsed(), is.elapsed());
                assertEquals(was.startedAt(), is.startedAt());
                assertEquals(was.stoppedAt(), is.stoppedAt());
            }
        }
    }

    @Property(tries = 300)
    void warnings_and_breaches_are_emitted_at_most_once_and_every_due_one_is_emitted(
            @ForAll("configuration") SlaConfiguration configuration,
            @ForAll @Size(min = 1, max = 40) List<SlaScenario.@From("step") Step> steps) {
        SlaScenario s = play(configuration, steps);
        s.desk.runDue();
        s.twin.runDue();
        Instant now = s.clock.instant();
        Calendars calendars = Calendars.of(configuration.calendars());
        for (TicketId id : s.ids) {
            List<TicketEvent> history = s.history(id);
            List<String> keys = SlaScenario.slaKeys(history);
            assertEquals(new HashSet<>(keys).size(), keys.size(), () -> "emitted twice: " + keys);
            assertEveryEmissionWasDue(configuration, calendars, history);
            Ticket ticket = s.ticket(id);
            Optional<SlaPolicy> policy = policyOf(configuration, ticket);
            if (ticket.status().isFinal() || policy.isEmpty()) {
                continue;
            }
            List<ClockState> clocks = SlaClocks.evaluate(history, policy.get(), calendars, now);
            // what the random scenarios reached, reported with the property's results
            Statistics.label("sla events").collect(keys.stream().anyMatch(k -> k.endsWith("/0")) ? "a breach"
                    : keys.isEmpty() ? "none" : "warnings only");
            Statistics.label("paused time").collect(clocks.stream().anyMatch(c -> !c.paused().isZero()));
            Statistics.label("clock cycles").collect(clocks.size() > 3 ? "more than 3" : "up to 3");
            Set<String> emitted = new HashSet<>(keys);
            for (ClockState c : clocks) {
                if (c.isBreached()) {
                    assertTrue(emitted.contains(SlaScenario.key(c.kind(), c.cycle(), 0)), () -> "breach not emitted: " + c);
                } else if (c.isRunning() && !emitted.contains(SlaScenario.key(c.kind(), c.cycle(), 0))) {
                    for (int p : policy.get().warningPercents()) {
                        if (c.elapsed().compareTo(c.target().percent(p)) >= 0) {
                            assertTrue(emitted.contains(SlaScenario.key(c.kind(), c.cycle(), p)),
                                    () -> "warning " + p + " not emitted: " + c);
                        }
                    }
                }
            }
            assertTrue(s.store.dueAt(SlaScenario.ACME, id).map(d -> d.isAfter(now)).orElse(true),
                    "after a due run nothing is left due");
        }
    }

    /** Each warning and breach in a history was due when it was emitted, judged on the history before it. */
    static void assertEveryEmissionWasDue(SlaConfiguration configuration, Calendars calendars, List<TicketEvent> history) {
        for (int i = 1; i < history.size(); i++) {
            TicketEvent e = history.get(i);
            if (!(e instanceof TicketEvent.SlaWarning) && !(e instanceof TicketEvent.SlaBreached)) {
                continue;
            }
            List<TicketEvent> before = history.subList(0, i);
            Ticket then = Tickets.replay(SlaScenario.ACME, before);
            assertFalse(then.status().isFinal(), "no SLA event on a closed or merged ticket");
            SlaPolicy policy = policyOf(configuration, then).orElseThrow(() -> new AssertionError("no policy for " + e));
            List<ClockState> clocks = SlaClocks.evaluate(before, policy, calendars, e.at());
            if (e instanceof TicketEvent.SlaWarning w) {
                ClockState c = find(clocks, w.clock(), w.cycle());
                assertTrue(c.isRunning() && !c.isBreached(), () -> "warning for a stopped or breached clock: " + w + " " + c);
                assertTrue(c.elapsed().compareTo(c.target().percent(w.thresholdPercent())) >= 0,
                        () -> "warning before its threshold: " + w + " " + c);
                assertEquals(c.dueAt(), w.dueAt());
            } else {
                TicketEvent.SlaBreached b = (TicketEvent.SlaBreached) e;
                ClockState c = find(clocks, b.clock(), b.cycle());
                assertTrue(c.isBreached(), () -> "breach of a clock that had not breached: " + b + " " + c);
            }
        }
    }

    static ClockState find(List<ClockState> clocks, ClockKind kind, int cycle) {
        return clocks.stream().filter(c -> c.kind() == kind && c.cycle() == cycle).findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + kind + " " + cycle + " in " + clocks));
    }
}
