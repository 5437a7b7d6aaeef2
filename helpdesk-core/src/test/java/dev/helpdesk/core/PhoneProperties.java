package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.phone.CallReport;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever calls are reported or ring, at whatever time: a call that is taken is one ticket on
 * the phone channel and one log entry whose outcome matches the ticket (solved on the call ⇔
 * solved, a callback ⇔ the callback category), and a call that is refused writes nothing.
 */
class PhoneProperties {
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    /** One step: a report (possibly bad) or a ring, after some minutes. */
    record Step(boolean ring, String number, int startedAgo, int seconds, CallOutcome outcome, String summary,
                boolean category, int minutesLater) {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<String> numbers = Arbitraries.of("+31 20 555 0100", "+31205550100", "0031 20 555 0100", "+44 20 7946 0000",
                "call me", "", "+31 20 555 0100 ext");
        Arbitrary<CallOutcome> outcomes = Arbitraries.of(CallOutcome.class).injectNull(0.1);
        Arbitrary<String> summaries = Arbitraries.of("Printer reset", " ", "Password reset; done").injectNull(0.1);
        return Combinators.combine(Arbitraries.of(true, false), numbers, Arbitraries.integers().between(-30, 600),
                Arbitraries.integers().between(-5, 90_000), outcomes, summaries, Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 900)).as(Step::new);
    }

    @Property(tries = 200)
    void a_taken_call_is_one_phone_ticket_and_one_matching_log_entry_and_a_refused_one_writes_nothing(
            @ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("steps") Step> steps) {
        Fixture f = new Fixture(b -> b.calendars(List.of(PhoneDeskTest.HOURS))
                .phone(PhoneSettings.builder().hours(PhoneDeskTest.HOURS)
                        .directory(new PhoneBook().with(PhoneDeskTest.CAROLS_NUMBER, "carol")).build()));
        f.clock.set(MONDAY);
        PhoneDesk phone = f.desk.tenant(ACME).phone();
        int tickets = 0;
        int calls = 0;
        for (Step step : steps) {
            f.clock.advance(Duration.ofMinutes(step.minutesLater()));
            Either<Rejection, PhoneCall> taken;
            if (step.ring()) {
                taken = phone.ring(step.number()).map(in -> in.callback().orElse(null));
            } else {
                taken = phone.logCall(new CallReport(step.number(), f.clock.instant().minusSeconds(step.startedAgo()),
                        Duration.ofSeconds(step.seconds()), step.outcome(), null, step.summary(),
                        step.category() ? Category.HARDWARE : null, null), ANA);
            }
            if (taken.isRight() && taken.get() != null) {
                tickets++;
                calls++;
                PhoneCall call = taken.get();
                Ticket t = ok(f.acme.get(call.ticket(), ANA));
                assertEquals(Channel.PHONE, t.channel());
                assertEquals(call.outcome() == CallOutcome.SOLVED_ON_CALL, t.status() == Status.SOLVED);
                assertEquals(call.outcome() == CallOutcome.CALLBACK_PROMISED, t.category().equals(PhoneSettings.CALLBACK));
                assertEquals(call.customer(), t.requester());
                assertEquals(List.of(call), phone.callsOf(t.id()));
            }
            assertEquals(tickets, ok(f.acme.list(TicketQuery.all(), PageRequest.first(500), ANA)).items().size());
            assertEquals(calls, ok(phone.calls(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000)).size());
        }
    }
}
