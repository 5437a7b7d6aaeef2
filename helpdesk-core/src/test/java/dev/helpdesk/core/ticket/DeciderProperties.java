package dev.helpdesk.core.ticket;

import static dev.helpdesk.core.ticket.DeciderFixture.ANA;
import static dev.helpdesk.core.ticket.DeciderFixture.CAROL;
import static dev.helpdesk.core.ticket.DeciderFixture.DAVE;
import static dev.helpdesk.core.ticket.DeciderFixture.DECIDER;
import static dev.helpdesk.core.ticket.DeciderFixture.MAILER;
import static dev.helpdesk.core.ticket.DeciderFixture.RULE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The decider's invariants, for every command, every actor and tickets in every state the
 * decider itself can bring them to.
 */
class DeciderProperties {
    private static final List<Actor> ACTORS = List.of(ANA, CAROL, DAVE, MAILER, RULE);
    private static final List<String> TEXTS = List.of("fine", "vip", "two words", "", " ", "a\u2028b", "x".repeat(501),
            "\uD83D\uDE00", "bad\uD800", "1e999999999", "1500", "true", "2026-03-02");
    private static final Set<Class<?>> DESK_RECORDS = Set.of(TicketEvent.RuleFired.class, TicketEvent.RuleSkipped.class,
            TicketEvent.Queued.class, TicketEvent.SlaWarning.class, TicketEvent.SlaBreached.class,
            TicketEvent.RuleActionFailed.class);
    /** What a final ticket still takes: the memory of rules that fired or were stopped. */
    private static final Set<Class<?>> BOOKKEEPING = Set.of(TicketEvent.RuleFired.class, TicketEvent.RuleSkipped.class,
            TicketEvent.RuleActionFailed.class);

    /** A command by an actor, chosen by numbers. */
    record Step(int actor, int kind, int text, int other) {
        Actor who() {
            return ACTORS.get(actor);
        }

        TicketCommand command() {
            String s = TEXTS.get(text);
            String field = List.of("contract-value", "product", "region", "colour").get(other % 4);
            return switch (kind) {
                case 0 -> new TicketCommand.Reply(s, Channel.EMAIL);
                case 1 -> new TicketCommand.Note(s);
                case 2 -> new TicketCommand.Assign(AgentId.of(other % 2 == 0 ? "ana" : "ben"));
                case 3 -> new TicketCommand.Unassign();
                case 4 -> new TicketCommand.ChangePriority(Priority.values()[other % 4]);
                case 5 -> new TicketCommand.ChangeTier(Tier.values()[other % 4], s);
                case 6 -> new TicketCommand.MoveToGroup(GroupId.of("g" + other % 3));
                case 7 -> new TicketCommand.SetPending();
                case 8 -> new TicketCommand.Resume();
                case 9 -> new TicketCommand.Solve();
                case 10 -> new TicketCommand.Reopen();
                case 11 -> new TicketCommand.Close();
                case 12 -> new TicketCommand.Merge(new TicketId(new UUID(5, other)));
                case 13 -> new TicketCommand.Tag(s);
                case 14 -> new TicketCommand.Untag(s);
                case 15 -> new TicketCommand.SetField(field, other % 5 == 0 ? null : s);
                case 16 -> new TicketCommand.EscalateToRole(s, s, other % 2 == 0);
                case 17 -> new TicketCommand.NotifyAgent(AgentId.of("ben"), s, false);
                case 18 -> new TicketCommand.NotifyCustomer(s);
                case 19 -> new TicketCommand.Queue(other % 2 == 0 ? null : GroupId.of("g1"), s);
                case 20 -> new TicketCommand.FireRule("r" + other, "opened@1", s, 1 + other % 3);
                case 21 -> new TicketCommand.SkipRule("r" + other, "opened@1", s);
                case 22 -> new TicketCommand.WarnSla(ClockKind.RESOLUTION, 1, 75, Instant.parse("2026-03-03T09:00:00Z"));
                case 23 -> new TicketCommand.BreachSla(ClockKind.FIRST_RESPONSE, 1, Instant.parse("2026-03-02T10:00:00Z"));
                case 24 -> new TicketCommand.ChangeCategory(other % 2 == 0 ? Category.BILLING : Category.of("unknown-thing"));
                case 25 -> new TicketCommand.RuleActionFailed("r" + other, "add_note", s);
                default -> new TicketCommand.SetOnHold();
            };
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, ACTORS.size() - 1),
                        Arbitraries.integers().between(0, 26), Arbitraries.integers().between(0, TEXTS.size() - 1),
                        Arbitraries.integers().between(0, 20))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 400)
    void every_actor_meets_the_same_rules_in_every_state(@ForAll("histories") List<Step> steps) {
        Ticket ticket = DeciderFixture.opened();
        Instant now = ticket.updatedAt();
        for (Step step : steps) {
            now = now.plusSeconds(30);
            Actor actor = step.who();
            TicketCommand command = step.command();
            Either<Rejection, List<TicketEvent>> decided = DECIDER.decide(command, ticket, actor, now, DeciderFixture.messageIds());
            if (decided.isLeft()) {
                continue;
            }
            List<TicketEvent> events = decided.get();
            for (TicketEvent e : events) {
                assertEquals(actor, e.actor(), command.name());
                assertEquals(now, e.at(), command.name());
                assertEquals(ticket.id(), e.ticketId(), command.name());
                if (DESK_RECORDS.contains(e.getClass())) {
                    assertTrue(actor instanceof Actor.SystemRule, e.kind() + " by " + actor.display());
                }
                if (ticket.status().isFinal()) {
                    assertTrue(BOOKKEEPING.contains(e.getClass()), e.kind() + " on a " + ticket.status() + " ticket");
                }
                if (actor instanceof Actor.Customer c) {
                    assertEquals(ticket.requester(), c.id(), "a customer changed another customer's ticket");
                    assertTrue(e instanceof TicketEvent.MessagePosted m && m.message().isPublic()
                                    || e instanceof TicketEvent.StatusChanged || e instanceof TicketEvent.Reopened
                                    || e instanceof TicketEvent.FieldSet f && DECIDER.fields().get(f.field()).customerMaySet(),
                            "a customer caused " + e.kind());
                }
            }
            ticket = Tickets.evolve(ticket, events);
        }
    }

    @Property(tries = 300)
    void bad_text_never_reaches_an_event(@ForAll("histories") @Size(min = 1, max = 20) List<Step> steps) {
        Ticket ticket = DeciderFixture.opened();
        Instant now = ticket.updatedAt();
        for (Step step : steps) {
            now = now.plusSeconds(30);
            Either<Rejection, List<TicketEvent>> decided = DECIDER.decide(step.command(), ticket, step.who(), now,
                    DeciderFixture.messageIds());
            if (decided.isLeft()) {
                continue;
            }
            for (TicketEvent e : decided.get()) {
                boolean multiline = e instanceof TicketEvent.MessagePosted;
                for (String text : texts(e)) {
                    assertTrue(!text.isBlank() && text.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n')
                            && (multiline || !text.contains("\u2028")) && !text.contains("\uD800")
                            && text.codePointCount(0, text.length()) <= (multiline ? 65536 : 500), e.kind() + " carries " + text);
                }
            }
            ticket = Tickets.evolve(ticket, decided.get());
        }
    }

    private static List<String> texts(TicketEvent e) {
        if (e instanceof TicketEvent.MessagePosted m) {
            return List.of(m.message().body());
        } else if (e instanceof TicketEvent.TierChanged t) {
            return List.of(t.reason());
        } else if (e instanceof TicketEvent.EscalatedToRole r) {
            return List.of(r.role(), r.reason());
        } else if (e instanceof TicketEvent.AgentNotified n) {
            return List.of(n.reason());
        } else if (e instanceof TicketEvent.CustomerNotified n) {
            return List.of(n.reason());
        } else if (e instanceof TicketEvent.Queued q) {
            return List.of(q.reason());
        } else if (e instanceof TicketEvent.RuleFired f) {
            return List.of(f.rule(), f.trigger(), f.reason());
        } else if (e instanceof TicketEvent.RuleSkipped s) {
            return List.of(s.rule(), s.trigger(), s.reason());
        } else if (e instanceof TicketEvent.RuleActionFailed f) {
            return List.of(f.rule(), f.action(), f.problem());
        } else if (e instanceof TicketEvent.TagAdded t) {
            return List.of(t.tag());
        } else if (e instanceof TicketEvent.FieldSet f) {
            return f.value().map(v -> List.of(f.field(), v)).orElse(List.of(f.field()));
        }
        return List.of();
    }
}
