package dev.helpdesk.core;

import dev.helpdesk.core.internal.phone.Hotline;
import dev.helpdesk.core.phone.CallReport;
import dev.helpdesk.core.phone.IncomingCall;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.phone.CallId;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's hotline. Every call is registered as a ticket on the phone channel for the
 * customer the caller's number belongs to (resolved through the
 * {@link dev.helpdesk.spi.channel.CustomerDirectory} of the
 * {@link dev.helpdesk.core.phone.PhoneSettings}), and logged: number, customer, agent, start,
 * duration, outcome. A call solved on the phone gives a ticket assigned to the agent and solved
 * at once (it counts as first-contact resolution); a promised callback gives a ticket in the
 * callback category, whose SLA policy sets when the callback is due. A call that rings outside
 * the hotline's hours leaves such a callback request by itself.
 *
 * <p>Bad input gets a {@link Rejection} naming every bad part, and nothing is written: an
 * unusable or unknown number ({@code caller}), a missing or future start, a duration outside 0
 * to 24 hours, a missing outcome, summary or category; a call logged by anyone but an agent is
 * not allowed. Costs the ticket's commits (one, or three for a call solved on the phone) and one
 * write of the log.
 */
public final class PhoneDesk {
    private final Hotline hotline;
    private final TenantId tenant;

    PhoneDesk(Hotline hotline, TenantId tenant) {
        this.hotline = hotline;
        this.tenant = tenant;
    }

    /**
     * Tells whether the hotline is open now, by its calendar.
     *
     * @return true within the hotline's hours
     */
    public boolean isOpen() {
        return hotline.isOpen();
    }

    /**
     * A call rings. Within the hotline's hours nothing is written: the host puts the call
     * through and the agent logs it with {@link #logCall} when it ends. Outside them the call
     * is logged without an agent and leaves a callback request for the caller.
     *
     * @param callerNumber the number as the telephony system gives it
     * @return the caller and, outside the hours, the callback that was left; or a rejection
     *         naming {@code caller}
     */
    public Either<Rejection, IncomingCall> ring(String callerNumber) {
        return hotline.ring(tenant, callerNumber);
    }

    /**
     * Logs a call an agent took, and registers it as a ticket.
     *
     * @param report what the agent reports
     * @param agent  the agent who took it
     * @return the logged call with its ticket; its outcome is what happened (a call reported
     *         solved whose ticket could not be solved is logged with its ticket opened)
     */
    public Either<Rejection, PhoneCall> logCall(CallReport report, Actor agent) {
        return hotline.log(tenant, report, agent);
    }

    /**
     * Logs a call once per idempotency key (a telephony system that retries its report): the
     * first report under the key is logged and registered, every later one with the key gets
     * the same call back and registers nothing. A key sent with another report is refused naming
     * {@code idempotencyKey}.
     *
     * @param key    the report's key
     * @param report what the agent reports
     * @param agent  the agent who took it
     * @return the call logged under the key
     */
    public Either<Rejection, PhoneCall> logCall(IdempotencyKey key, CallReport report, Actor agent) {
        if (key == null) {
            return Either.left(Rejection.Invalid.of("idempotencyKey", "is required"));
        }
        return hotline.log(tenant, report, agent, java.util.Optional.of(key));
    }

    /**
     * Reads a logged call.
     *
     * @param id the call
     * @return the call, or not found
     */
    public Either<Rejection, PhoneCall> call(CallId id) {
        if (id == null) {
            return Either.left(Rejection.Invalid.of("call id", "is required"));
        }
        return hotline.settings().callLog().find(tenant, id).toEither(() -> new Rejection.NotFound("call", id.toString()));
    }

    /**
     * The calls that started in a period, oldest first.
     *
     * @param from  the first instant, inclusive
     * @param to    the end, exclusive
     * @param limit the most calls, 1 to 1000
     * @return the calls, or a rejection naming a bad bound
     */
    public Either<Rejection, List<PhoneCall>> calls(Instant from, Instant to, int limit) {
        if (from == null || to == null || to.isBefore(from)) {
            return Either.left(Rejection.Invalid.of(from == null ? "from" : "to", from == null || to == null
                    ? "is required" : "must not be before from"));
        }
        if (limit < 1 || limit > 1000) {
            return Either.left(Rejection.Invalid.of("limit", "must be 1 to 1000"));
        }
        return Either.right(hotline.settings().callLog().between(tenant, from, to, limit));
    }

    /**
     * The calls a ticket registers, oldest first.
     *
     * @param ticket the ticket
     * @return the calls
     */
    public List<PhoneCall> callsOf(TicketId ticket) {
        return hotline.settings().callLog().ofTicket(tenant, ticket);
    }
}
