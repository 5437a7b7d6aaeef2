package dev.helpdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random command sequences, by random actors on random tickets, through the public API: the
 * status rules of the lifecycle hold after every step, and every stored ticket equals the
 * replay of its history.
 */
class LifecycleProperties {
    private static final List<Actor> ACTORS = List.of(Fixture.ANA, Fixture.BEN, Fixture.CAROL, Fixture.DAVE,
            Fixture.MAILER, Fixture.RULE);

    /** One step: who does what to which ticket. */
    record Step(int actor, int kind, int ticket, int arg) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(
                Arbitraries.integers().between(0, ACTORS.size() - 1),
                Arbitraries.integers().between(0, 17),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3)).as(Step::new);
    }

    @Property(tries = 1000)
    void random_command_sequences_never_break_the_status_rules(@ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.From("steps") Step> steps) {
        Fixture f = new Fixture(b -> b.autoCloseAfter(Duration.ofHours(5)));
        List<TicketId> tickets = new ArrayList<>();
        Map<TicketId, Long> finalVersions = new HashMap<>();
        for (Step step : steps) {
            apply(f, tickets, step);
            f.clock.advance(Duration.ofMinutes(37));
            for (TicketId id : tickets) {
                Ticket t = Fixture.ok(f.acme.get(id, Fixture.ANA));
                List<RecordedEvent> history = Fixture.ok(f.acme.history(id, Fixture.ANA));
                assertReplayEqualsState(t, history);
                assertNeverBackToNew(t, history);
                if (t.status() == Status.SOLVED) {
                    assertTrue(t.assignee().isPresent(), "a solved ticket has an assignee");
                }
                Long frozen = finalVersions.get(id);
                if (frozen != null) {
                    assertEquals(frozen, t.version(), "nothing happens to a closed or merged ticket");
                } else if (t.status().isFinal()) {
                    finalVersions.put(id, t.version());
                }
                Either<Rejection, Ticket> asCustomer = f.acme.get(id, Actor.customer(t.requester().value()));
                assertTrue(asCustomer.get().messages().stream().allMatch(m -> m.visibility() == Visibility.PUBLIC));
            }
        }
    }

    private static void apply(Fixture f, List<TicketId> tickets, Step step) {
        Actor actor = ACTORS.get(step.actor());
        if (step.kind() == 0 || tickets.isEmpty()) {
            Actor requester = step.arg() % 2 == 0 ? Fixture.CAROL : Fixture.DAVE;
            Either<Rejection, Ticket> opened = f.acme.open(Fixture.printerBroken(requester)
                    .channel(Channel.wellKnown().get(step.arg() * 2)).build(), actor);
            opened.forEach(t -> tickets.add(t.id()));
            return;
        }
        TicketId id = tickets.get(step.ticket() % tickets.size());
        TicketId other = tickets.get((step.ticket() + 1) % tickets.size());
        AgentId agent = AgentId.of(step.arg() % 2 == 0 ? "ana" : "ben");
        TicketCommand command = switch (step.kind()) {
            case 1, 2 -> new TicketCommand.Reply("reply " + step, Channel.EMAIL);
            case 3 -> new TicketCommand.Note("note " + step);
            case 4 -> new TicketCommand.Assign(agent);
            case 5 -> new TicketCommand.Unassign();
            case 6 -> new TicketCommand.ChangePriority(Priority.values()[step.arg()]);
            case 7 -> new TicketCommand.ChangeTier(Tier.values()[step.arg()], "because");
            case 8 -> new TicketCommand.SetPending();
            case 9 -> new TicketCommand.SetOnHold();
            case 10 -> new TicketCommand.Resume();
            case 11, 12 -> new TicketCommand.Solve();
            case 13 -> new TicketCommand.Reopen();
            case 14 -> new TicketCommand.Close();
            case 15 -> new TicketCommand.Merge(other);
            case 16 -> new TicketCommand.ChangeCategory(Category.defaults().get(step.arg()));
            default -> new TicketCommand.MoveToGroup(GroupId.of("g" + step.arg()));
        };
        if (step.kind() == 17 && step.arg() == 3) {
            f.clock.advance(Duration.ofHours(6));
            f.desk.runDue();
            return;
        }
        f.acme.execute(id, command, actor).forEach(t -> {
            if (!tickets.contains(t.id())) {
                tickets.add(t.id()); // a follow-up ticket
            }
        });
    }

    private static void assertReplayEqualsState(Ticket t, List<RecordedEvent> history) {
        assertEquals(t.version(), history.size());
        assertEquals(t, Tickets.replay(t.tenant(), history.stream().map(RecordedEvent::event).toList()));
    }

    private static void assertNeverBackToNew(Ticket t, List<RecordedEvent> history) {
        Ticket state = Tickets.open(t.tenant(), history.get(0).event());
        boolean left = false;
        for (int i = 1; i < history.size(); i++) {
            state = Tickets.evolve(state, history.get(i).event());
            left |= state.status() != Status.NEW;
            assertFalse(left && state.status() == Status.NEW, "a ticket never returns to NEW");
        }
    }

    @Property(tries = 200)
    void listing_pages_never_skip_or_repeat_tickets(@ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 30) int count,
                                                   @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 7) int pageSize) {
        Fixture f = new Fixture();
        for (int i = 0; i < count; i++) {
            f.openedBy(i % 3 == 0 ? Fixture.DAVE : Fixture.CAROL);
        }
        List<Long> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(pageSize);
        while (true) {
            var result = Fixture.ok(f.acme.list(TicketQuery.all(), page, Fixture.ANA));
            result.items().forEach(t -> seen.add(t.number().value()));
            if (result.next().isEmpty()) {
                break;
            }
            page = result.next().get();
        }
        assertEquals(java.util.stream.LongStream.rangeClosed(1, count).boxed().toList(), seen);
    }
}
