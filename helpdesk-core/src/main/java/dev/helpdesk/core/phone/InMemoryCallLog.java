package dev.helpdesk.core.phone;

import dev.helpdesk.spi.phone.CallId;
import dev.helpdesk.spi.phone.CallLog;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls in memory, for tests and for desks without a database. Reads of a period or a ticket
 * scan the tenant's calls. Thread-safe.
 */
public final class InMemoryCallLog implements CallLog {
    private static final Comparator<PhoneCall> OLDEST_FIRST = Comparator.comparing(PhoneCall::startedAt)
            .thenComparing(c -> c.id().value());
    private final Map<TenantId, Map<CallId, PhoneCall>> calls = new ConcurrentHashMap<>();

    /** Makes an empty log. */
    public InMemoryCallLog() {
    }

    private Map<CallId, PhoneCall> of(TenantId tenant) {
        return calls.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new ConcurrentHashMap<>());
    }

    @Override
    public Either<Rejection, PhoneCall> log(TenantId tenant, PhoneCall call) {
        PhoneCall before = of(tenant).putIfAbsent(call.id(), call);
        return before == null ? Either.right(call) : Either.left(Rejection.Invalid.of("call id", "is logged already"));
    }

    @Override
    public Option<PhoneCall> find(TenantId tenant, CallId id) {
        return Option.of(of(tenant).get(id));
    }

    @Override
    public List<PhoneCall> between(TenantId tenant, Instant from, Instant to, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000");
        }
        return of(tenant).values().stream().filter(c -> !c.startedAt().isBefore(from) && c.startedAt().isBefore(to))
                .sorted(OLDEST_FIRST).limit(limit).toList();
    }

    @Override
    public List<PhoneCall> ofTicket(TenantId tenant, TicketId ticket) {
        return of(tenant).values().stream().filter(c -> c.ticket().equals(ticket)).sorted(OLDEST_FIRST).toList();
    }
}
