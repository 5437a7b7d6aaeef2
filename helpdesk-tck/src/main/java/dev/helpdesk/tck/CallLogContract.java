package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.phone.CallId;
import dev.helpdesk.spi.phone.CallLog;
import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CallLog} must keep, as JUnit 5 tests: a call round-trips exactly
 * (nanoseconds of its start and duration, a missing agent), a call is logged once, a period is
 * read oldest first with an inclusive start and an exclusive end and a limit, a ticket's calls
 * are found, and tenants never see each other's calls.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CallLogContract {
    /** The first tenant of the tests. */
    protected static final TenantId ACME = TenantId.of("acme");
    /** The second tenant of the tests. */
    protected static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T09:15:00.123456789Z");
    private static final AtomicLong IDS = new AtomicLong();

    private CallLog log;

    /** Creates the suite. */
    protected CallLogContract() {
    }

    /**
     * Makes an empty log for one test.
     *
     * @return a log with no calls
     */
    protected abstract CallLog createLog();

    private CallLog log() {
        if (log == null) {
            log = createLog();
        }
        return log;
    }

    private static PhoneCall call(Instant at, TicketId ticket) {
        return PhoneCall.builder().id(CallId.of(new UUID(0x0190_0000_0000_7000L, IDS.incrementAndGet())))
                .caller(ContactAddress.phone("+31205550100")).customer(CustomerId.of("customer-carla"))
                .agent(AgentId.of("agent-ana")).startedAt(at).duration(Duration.ofSeconds(371, 5))
                .outcome(CallOutcome.TICKET_OPENED).ticket(ticket).build();
    }

    @Test
    void a_call_reads_back_exactly_as_logged() {
        PhoneCall call = call(T0, TckIds.ticketId());
        PhoneCall unanswered = PhoneCall.builder().from(call(T0.plusSeconds(1), TckIds.ticketId()))
                .agent(Optional.empty()).duration(Duration.ZERO).outcome(CallOutcome.CALLBACK_PROMISED).build();

        assertEquals(call, log().log(ACME, call).get());
        assertEquals(unanswered, log().log(ACME, unanswered).get());

        assertEquals(call, log().find(ACME, call.id()).get());
        assertEquals(unanswered, log().find(ACME, unanswered.id()).get());
    }

    @Test
    void a_call_is_logged_once() {
        PhoneCall call = call(T0, TckIds.ticketId());
        log().log(ACME, call);
        PhoneCall again = PhoneCall.builder().from(call).outcome(CallOutcome.SOLVED_ON_CALL).build();

        Rejection r = log().log(ACME, again).getLeft();

        assertTrue(((Rejection.Invalid) r).names("call id"));
        assertEquals(call, log().find(ACME, call.id()).get());
    }

    @Test
    void a_period_is_read_oldest_first_from_its_start_up_to_its_end() {
        TicketId ticket = TckIds.ticketId();
        PhoneCall second = call(T0.plusNanos(1), ticket);
        PhoneCall first = call(T0, ticket);
        PhoneCall third = call(T0.plus(Duration.ofHours(1)), TckIds.ticketId());
        log().log(ACME, second);
        log().log(ACME, third);
        log().log(ACME, first);

        assertEquals(List.of(first, second, third), log().between(ACME, T0, T0.plus(Duration.ofDays(1)), 10));
        assertEquals(List.of(second), log().between(ACME, T0.plusNanos(1), third.startedAt(), 10));
        assertEquals(List.of(first), log().between(ACME, T0, T0.plusNanos(1), 10));
        assertEquals(List.of(first, second), log().between(ACME, T0, T0.plus(Duration.ofDays(1)), 2));
        assertEquals(List.of(first, second), log().ofTicket(ACME, ticket));
    }

    @Test
    void a_tenant_never_sees_another_tenants_calls() {
        PhoneCall call = call(T0, TckIds.ticketId());
        log().log(ACME, call);

        assertTrue(log().find(GLOBEX, call.id()).isEmpty());
        assertEquals(List.of(), log().between(GLOBEX, T0.minusSeconds(1), T0.plusSeconds(1), 10));
        assertEquals(List.of(), log().ofTicket(GLOBEX, call.ticket()));
        assertTrue(log().log(GLOBEX, call).isRight());
    }
}
