package dev.helpdesk.spi.phone;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;

/**
 * Where the hotline's calls are logged. The desk ships one in memory; the JDBC adapter keeps
 * them in {@code hd_phone_call}. Every implementation must pass {@code CallLogContract} of
 * {@code helpdesk-tck}: calls round-trip exactly, a call is logged once, tenants never see each
 * other's calls, and it is safe for concurrent use.
 */
public interface CallLog {

    /**
     * Logs a call.
     *
     * @param tenant the tenant
     * @param call   the call
     * @return the call, or {@link Rejection.Invalid} naming {@code call id} when a call with its
     *         id is logged already (nothing written)
     */
    Either<Rejection, PhoneCall> log(TenantId tenant, PhoneCall call);

    /**
     * Reads a call.
     *
     * @param tenant the tenant
     * @param id     the call
     * @return the call, or none
     */
    Option<PhoneCall> find(TenantId tenant, CallId id);

    /**
     * The calls that started in a period, oldest first.
     *
     * @param tenant the tenant
     * @param from   the first instant, inclusive
     * @param to     the end, exclusive
     * @param limit  the most calls to return, 1 to 1000
     * @return the calls
     */
    List<PhoneCall> between(TenantId tenant, Instant from, Instant to, int limit);

    /**
     * The calls registered by a ticket, oldest first.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @return the calls
     */
    List<PhoneCall> ofTicket(TenantId tenant, TicketId ticket);

    /**
     * Runs the work as one unit with the ticket store it shares a database with: the commits of
     * the tickets the work makes and the writes of this port commit together or not at all, so
     * that a call's log entry never exists without its ticket, nor the ticket without it. A result that
     * {@code keep} refuses undoes every write of the work. The default runs the work as it is,
     * for a port whose writes cannot join the ticket store's (such as the in-memory ones, whose
     * only refusal the desk checks before the ticket is written).
     *
     * @param work the work
     * @param keep whether the work's result is kept
     * @param <T>  the result
     * @return the work's result
     */
    default <T> T unit(java.util.function.Supplier<T> work, java.util.function.Predicate<? super T> keep) {
        return work.get();
    }
}
