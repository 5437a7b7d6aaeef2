package dev.helpdesk.spi.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A ticket's state made by copies ({@link Tickets#evolve}, event by event) is the replay of its
 * history, equals the same state built from scratch, holds the tags and fields its events left,
 * and shares every part an event did not change.
 */
class TicketStateProperties {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TicketId ID = TicketId.of(UUID.fromString("0190a000-0000-7000-8000-000000000001"));
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor ANA = Actor.agent("ana");
    private static final List<String> TAGS = List.of("vip", "press", "billing", "skill:sepa");
    private static final List<String> FIELDS = List.of("product", "contract-value");

    /** One step of a history, chosen by kind and a few numbers, made into an event at its place. */
    private record Step(int kind, int pick, boolean flag) {
        TicketEvent event(Instant at, int index, Ticket before) {
            return switch (kind) {
                case 0 -> new TicketEvent.MessagePosted(ID, at, ANA, new Message(MessageId.of(new UUID(7, index)), ANA,
                        flag ? Visibility.PUBLIC : Visibility.INTERNAL, Channel.EMAIL, "message " + index, at, false));
                case 1 -> new TicketEvent.TagAdded(ID, at, ANA, TAGS.get(pick % TAGS.size()));
                case 2 -> new TicketEvent.TagRemoved(ID, at, ANA, TAGS.get(pick % TAGS.size()));
                case 3 -> new TicketEvent.FieldSet(ID, at, ANA, FIELDS.get(pick % FIELDS.size()),
                        flag ? Optional.of(Integer.toString(pick)) : Optional.empty());
                case 4 -> new TicketEvent.Assigned(ID, at, ANA, AgentId.of("agent-" + pick % 3));
                case 5 -> new TicketEvent.PriorityChanged(ID, at, ANA, before.priority(), Priority.values()[pick % 4]);
                case 6 -> new TicketEvent.GroupChanged(ID, at, ANA, before.group(), GroupId.of("group-" + pick % 2));
                case 7 -> new TicketEvent.Solved(ID, at, ANA);
                default -> new TicketEvent.Reopened(ID, at, Actor.customer("carol"), before.cycle() + 1);
            };
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 100), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMaxSize(40);
    }

    private static TicketEvent.Opened opened() {
        return new TicketEvent.Opened(ID, T0, Actor.customer("carol"), TicketNumber.of(7), "Printer on fire",
                CustomerId.of("carol"), Channel.EMAIL, Category.HARDWARE, Priority.NORMAL, Tier.L1, Optional.empty(),
                Optional.empty());
    }

    @Property(tries = 300)
    void copies_event_by_event_equal_the_replay_and_a_state_built_from_scratch(@ForAll("histories") List<Step> steps) {
        List<TicketEvent> events = new ArrayList<>(List.of(opened()));
        Ticket state = Tickets.open(ACME, events.get(0));
        TreeSet<String> tags = new TreeSet<>();
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < steps.size(); i++) {
            TicketEvent e = steps.get(i).event(T0.plusSeconds(i + 1), i, state);
            Ticket before = state;
            state = Tickets.evolve(state, e);
            events.add(e);
            if (e instanceof TicketEvent.TagAdded t) {
                tags.add(t.tag());
            } else if (e instanceof TicketEvent.TagRemoved t) {
                tags.remove(t.tag());
            } else if (e instanceof TicketEvent.FieldSet f) {
                f.value().ifPresentOrElse(v -> fields.put(f.field(), v), () -> fields.remove(f.field()));
            }
            if (!(e instanceof TicketEvent.MessagePosted)) {
                assertSame(before.messages(), state.messages(), "a copy shares the messages it did not change");
            }
            if (!(e instanceof TicketEvent.TagAdded || e instanceof TicketEvent.TagRemoved)) {
                assertSame(before.tags(), state.tags(), "a copy shares the tags it did not change");
            }
        }

        assertEquals(Tickets.replay(ACME, events), state);
        assertEquals(events.size(), state.version());
        assertEquals(List.copyOf(tags), List.copyOf(state.tags()));
        assertEquals(fields, state.fields());
        Ticket rebuilt = Ticket.builder().from(state).build();
        assertEquals(state, rebuilt);
        assertEquals(state.hashCode(), rebuilt.hashCode());
        assertTrue(state.customerView().messages().stream().allMatch(Message::isPublic));
        assertEquals(state.publicMessages(), state.customerView().messages());
    }
}
