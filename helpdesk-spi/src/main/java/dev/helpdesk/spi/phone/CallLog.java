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
}
