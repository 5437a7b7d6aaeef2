package dev.helpdesk.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The due index's heaps against a plain model: after any sequence of due-time changes and
 * claims, every claim returns exactly the tickets the model says are due and unclaimed (or
 * whose lease ran out), soonest due first, ties in the order the tickets were first scheduled,
 * and every ticket's due time is the model's.
 */
class DueIndexProperties {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final int TICKETS = 12;

    /** One step: set ticket {@code ticket} due at {@code minute} (or clear it), or claim at {@code minute}. */
    record Step(boolean claim, int ticket, int minute, boolean clear, int limit, int leaseMinutes) {
    }

    /** What the index should hold for one ticket. */
    private static final class Expected {
        final int order;
        Instant dueAt;
        long version;
        Instant leasedUntil;

        Expected(int order) {
            this.order = order;
        }
    }

    @Property(tries = 1000)
    void claims_and_due_times_match_a_plain_model(@ForAll("steps") List<Step> steps) {
        DueIndex index = new DueIndex();
        TenantId[] tenants = {TenantId.of("acme"), TenantId.of("globex")};
        TicketId[] ids = new TicketId[TICKETS];
        DueIndex.Slot[] slots = new DueIndex.Slot[TICKETS];
        Map<Integer, Expected> model = new HashMap<>();
        long version = 0;
        for (int i = 0; i < TICKETS; i++) {
            ids[i] = new TicketId(new UUID(0, TICKETS - i)); // ids deliberately out of scheduling order
        }
        for (Step step : steps) {
            Instant at = T0.plus(Duration.ofMinutes(step.minute()));
            if (step.claim()) {
                Duration lease = Duration.ofMinutes(step.leaseMinutes());
                List<DueTicket> claimed = index.claim(at, step.limit(), lease);
                assertEquals(expectedClaim(model, at, step.limit(), lease, tenants, ids), claimed, "claim at " + at);
            } else {
                int t = step.ticket();
                Optional<Instant> due = step.clear() ? Optional.empty() : Optional.of(at);
                if (slots[t] == null) {
                    if (due.isEmpty()) {
                        continue; // the store makes a slot only for a ticket's first due time
                    }
                    slots[t] = index.slot(tenants[t % 2], ids[t]);
                    model.put(t, new Expected(model.size()));
                }
                index.set(slots[t], due, ++version);
                Expected e = model.get(t);
                e.dueAt = due.orElse(null);
                e.version = version;
                e.leasedUntil = null;
            }
            for (Map.Entry<Integer, Expected> e : model.entrySet()) {
                assertEquals(Optional.ofNullable(e.getValue().dueAt), index.dueAt(slots[e.getKey()]));
            }
        }
    }

    private static List<DueTicket> expectedClaim(Map<Integer, Expected> model, Instant now, int limit, Duration lease,
                                                 TenantId[] tenants, TicketId[] ids) {
        for (Expected e : model.values()) {
            if (e.leasedUntil != null && !e.leasedUntil.isAfter(now)) {
                e.leasedUntil = null;
            }
        }
        List<Map.Entry<Integer, Expected>> due = new ArrayList<>();
        for (Map.Entry<Integer, Expected> e : model.entrySet()) {
            Expected x = e.getValue();
            if (x.dueAt != null && x.leasedUntil == null && !x.dueAt.isAfter(now)) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparing((Map.Entry<Integer, Expected> e) -> e.getValue().dueAt)
                .thenComparingInt(e -> e.getValue().order));
        List<DueTicket> claimed = new ArrayList<>();
        for (Map.Entry<Integer, Expected> e : due.subList(0, Math.min(limit, due.size()))) {
            Expected x = e.getValue();
            x.leasedUntil = now.plus(lease);
            claimed.add(new DueTicket(tenants[e.getKey() % 2], ids[e.getKey()], x.dueAt, x.version));
        }
        return claimed;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(true, false, false),
                Arbitraries.integers().between(0, TICKETS - 1),
                Arbitraries.integers().between(0, 90),
                Arbitraries.of(true, false, false, false),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 30)).as(Step::new);
        return step.list().ofMaxSize(80);
    }
}
