package dev.helpdesk.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.report.SubjectTerms;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProblemSuggestionsTest {
    static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant NEXT_MONDAY = MONDAY.plus(Duration.ofDays(7));

    private static long numbers = 1;

    static Ticket ticket(String subject, Category category, Instant at) {
        return Ticket.builder().tenant(TenantId.of("acme")).id(TicketId.of(new UUID(at.toEpochMilli(), numbers)))
                .number(TicketNumber.of(numbers++)).subject(subject).requester(CustomerId.of("c" + (numbers % 7)))
                .channel(Channel.EMAIL).category(category).priority(Priority.NORMAL).tier(Tier.L1).status(Status.OPEN)
                .createdAt(at).updatedAt(at).version(1).build();
    }

    @Test
    void a_realistic_week_suggests_the_login_outage_and_the_missing_invoices() {
        List<Ticket> week = new ArrayList<>();
        Instant mon = MONDAY.plus(Duration.ofHours(9));
        // the login outage after Tuesday's update, in three languages
        week.add(ticket("Cannot login after the update", Category.ACCOUNT, mon.plus(Duration.ofHours(26))));
        week.add(ticket("Login fails since this morning", Category.ACCOUNT, mon.plus(Duration.ofHours(27))));
        week.add(ticket("login error: password rejected", Category.ACCOUNT, mon.plus(Duration.ofHours(28))));
        week.add(ticket("Login broken!!", Category.ACCOUNT, mon.plus(Duration.ofHours(30))));
        week.add(ticket("Kan niet inloggen na de update", Category.ACCOUNT, mon.plus(Duration.ofHours(29))));
        week.add(ticket("Inloggen lukt niet meer", Category.ACCOUNT, mon.plus(Duration.ofHours(31))));
        week.add(ticket("Inloggen geeft een foutmelding", Category.ACCOUNT, mon.plus(Duration.ofHours(33))));
        // invoices without their PDF
        week.add(ticket("Invoice PDF missing", Category.BILLING, mon.plus(Duration.ofHours(50))));
        week.add(ticket("Where is my invoice?", Category.BILLING, mon.plus(Duration.ofHours(52))));
        week.add(ticket("The invoice for March has no PDF", Category.BILLING, mon.plus(Duration.ofHours(53))));
        // the usual
        week.add(ticket("Printer offline", Category.HARDWARE, mon.plus(Duration.ofHours(3))));
        week.add(ticket("How do I change my address?", Category.ACCOUNT, mon.plus(Duration.ofHours(40))));
        week.add(ticket("Order 1234 not arrived", Category.ORDERS_AND_SHIPPING, mon.plus(Duration.ofHours(60))));
        week.add(ticket("Refund for order 998", Category.BILLING, mon.plus(Duration.ofHours(61))));
        // last week's login trouble is not this week's
        week.add(ticket("Login fails", Category.ACCOUNT, MONDAY.minus(Duration.ofHours(2))));
        // linked to a problem already
        Ticket linked = ticket("Login fails again", Category.ACCOUNT, mon.plus(Duration.ofHours(34)));
        week.add(linked);

        List<SuggestedProblem> found = ProblemSuggestions.suggest(week, Set.of(linked.id()), MONDAY, NEXT_MONDAY, 3, 10);

        assertEquals(List.of("account en [login] 4", "account nl [inloggen] 3", "billing en [invoice] 3"),
                found.stream().map(s -> s.category().code().replace("customer.", "") + " " + s.language() + " " + s.terms()
                        + " " + s.tickets().size()).toList());
        assertEquals("\"login\" in customer.account", found.get(0).proposedTitle());
    }

    @Test
    void identical_ticket_sets_make_one_cluster_and_a_subset_is_left_out() {
        List<Ticket> tickets = List.of(
                ticket("Printer offline again", Category.HARDWARE, MONDAY.plusSeconds(1)),
                ticket("Printer offline", Category.HARDWARE, MONDAY.plusSeconds(2)),
                ticket("printer offline since update", Category.HARDWARE, MONDAY.plusSeconds(3)),
                ticket("printer jams", Category.HARDWARE, MONDAY.plusSeconds(4)));
        List<SuggestedProblem> found = ProblemSuggestions.suggest(tickets, Set.of(), MONDAY, NEXT_MONDAY, 3, 10);
        assertEquals(1, found.size(), () -> found.toString());
        assertEquals(List.of("printer"), found.get(0).terms());
        assertEquals(4, found.get(0).tickets().size());
    }

    // ---- properties ----

    static final List<String> WORDS = List.of("printer", "offline", "login", "fails", "invoice", "missing", "update",
            "error", "the", "after", "kan", "niet", "inloggen", "factuur", "ontbreekt", "de");
    static final List<Category> CATEGORIES = List.of(Category.HARDWARE, Category.ACCOUNT, Category.BILLING);

    @Provide
    Arbitrary<List<Ticket>> tickets() {
        Arbitrary<String> subject = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(6).map(w -> String.join(" ", w));
        Arbitrary<Category> category = Arbitraries.of(CATEGORIES);
        Arbitrary<Long> minutes = Arbitraries.longs().between(-3 * 24 * 60, 10 * 24 * 60);
        return Combinators.combine(subject, category, minutes)
                .as((s, c, m) -> ticket(s, c, MONDAY.plus(Duration.ofMinutes(m)))).list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void every_suggested_ticket_is_in_the_period_and_shares_the_clusters_key(@ForAll("tickets") List<Ticket> tickets,
                                                                           @ForAll @IntRange(min = 2, max = 5) int min) {
        Set<TicketId> linked = new HashSet<>();
        for (int i = 0; i < tickets.size(); i += 9) {
            linked.add(tickets.get(i).id());
        }
        Map<TicketId, Ticket> byId = tickets.stream().collect(Collectors.toMap(Ticket::id, t -> t));
        List<SuggestedProblem> found = ProblemSuggestions.suggest(tickets, linked, MONDAY, NEXT_MONDAY, min, 100);
        for (SuggestedProblem s : found) {
            assertTrue(s.tickets().size() >= min);
            assertTrue(!s.terms().isEmpty());
            for (TicketId id : s.tickets()) {
                Ticket t = byId.get(id);
                assertTrue(!t.createdAt().isBefore(MONDAY) && t.createdAt().isBefore(NEXT_MONDAY), "in the period");
                assertTrue(!linked.contains(id), "not linked already");
                assertEquals(s.category(), t.category());
                SubjectTerms.Analysis a = SubjectTerms.analyse(t.subject());
                assertTrue(a.terms().containsAll(s.terms()), () -> t.subject() + " has every term of " + s.terms());
            }
        }
        // no two suggestions are the same cluster, and the ranking is by size
        assertEquals(found.size(), found.stream().map(s -> List.of(s.category(), s.terms())).distinct().count());
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).tickets().size() >= found.get(i).tickets().size());
        }
    }
}
