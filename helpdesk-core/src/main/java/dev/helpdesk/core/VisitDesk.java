package dev.helpdesk.core;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.ticket.FieldCommand;
import dev.helpdesk.core.ticket.FieldRecord;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.visit.VisitRequest;
import dev.helpdesk.core.visit.VisitSettings;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.booking.Booking;
import dev.helpdesk.spi.visit.booking.VisitBookings;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * On-site visits of one tenant: a technician from the host's agent directory (with the visit's
 * skill and region), an address and a slot; the visit goes planned → confirmed → rescheduled →
 * cancelled or done, with reasons and a visit report. The desk's
 * {@link dev.helpdesk.core.visit.VisitPolicy} decides when a visit may be planned (by default
 * after a remote session on the ticket, or for the hardware category), and each visit gets its
 * own SLA target ({@link Visit#dueBy()}) in the tenant's business calendar.
 *
 * <p>Every step is a command on the ticket, decided by the one ticket decider and recorded as a
 * ticket event; rescheduling and cancelling tell the customer in their language through the
 * desk's notifiers. The store keeps each technician's bookings in the same atomic write
 * ({@link VisitBookings}) and refuses a slot that overlaps another booking of the technician,
 * also when two desks plan at the same moment: the answer is a
 * {@link Rejection.Invalid} naming {@code slot}, and nothing is written. A plan against the
 * policy is {@link Rejection.NotAllowed}; an unknown visit or technician
 * {@link Rejection.NotFound}.
 *
 * <p>Each call costs one read of the ticket and its history and one atomic write; the answer
 * reads the history once more.
 */
public final class VisitDesk {
    private final Pipeline pipeline;
    private final TenantId tenant;

    VisitDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
    }

    /**
     * An agent plans a visit.
     *
     * @param ticket  the ticket
     * @param request technician, skill, region, address and slot, as given
     * @param agent   the agent who plans
     * @return the planned visit, or why not
     */
    public Either<Rejection, Visit> plan(TicketId ticket, VisitRequest request, Actor agent) {
        if (request == null) {
            return Either.left(Rejection.Invalid.of("request", "is required"));
        }
        return bookings().flatMap(b -> {
            VisitSettings settings = pipeline.visitSettings();
            Instant now = pipeline.clock().instant();
            Instant dueBy = settings.calendar().map(c -> BusinessTime.of(c).addBusinessTime(now, settings.target()))
                    .orElseGet(() -> now.plus(settings.target()));
            Optional<AgentProfile> profile = request.technician() == null ? Optional.empty()
                    : pipeline.router().directory().agent(tenant, request.technician());
            VisitId visit = VisitId.of(pipeline.ids().next());
            return run(ticket, new FieldCommand.PlanVisit(visit, request.technician(), profile, request.skill(),
                    request.region(), request.address(), request.slot(), settings.longestSlot(), dueBy, settings.policy()),
                    agent, visit);
        });
    }

    /**
     * The customer, or an agent on their word, confirms a planned or rescheduled visit.
     *
     * @param ticket the ticket
     * @param visit  the visit
     * @param actor  the ticket's customer or an agent
     * @return the confirmed visit, or why not
     */
    public Either<Rejection, Visit> confirm(TicketId ticket, VisitId visit, Actor actor) {
        return run(ticket, new FieldCommand.ConfirmVisit(visit), actor, visit);
    }

    /**
     * An agent moves a visit to another slot; the customer is told in their language.
     *
     * @param ticket the ticket
     * @param visit  the visit
     * @param slot   the new slot
     * @param reason why: one line
     * @param agent  who moves it
     * @return the rescheduled visit, or why not
     */
    public Either<Rejection, Visit> reschedule(TicketId ticket, VisitId visit, VisitSlot slot, String reason, Actor agent) {
        return bookings().flatMap(b -> run(ticket,
                new FieldCommand.RescheduleVisit(visit, slot, pipeline.visitSettings().longestSlot(), reason), agent, visit));
    }

    /**
     * An agent, or the customer, calls a visit off; the customer is told in their language.
     *
     * @param ticket the ticket
     * @param visit  the visit
     * @param reason why: one line
     * @param actor  an agent or the ticket's customer
     * @return the cancelled visit, or why not
     */
    public Either<Rejection, Visit> cancel(TicketId ticket, VisitId visit, String reason, Actor actor) {
        return run(ticket, new FieldCommand.CancelVisit(visit, reason), actor, visit);
    }

    /**
     * An agent records that the visit took place, with the visit report.
     *
     * @param ticket the ticket
     * @param visit  the visit
     * @param report what was found and done, at most 64 KiB
     * @param agent  the technician or the agent recording it
     * @return the done visit, or why not
     */
    public Either<Rejection, Visit> complete(TicketId ticket, VisitId visit, String report, Actor agent) {
        return run(ticket, new FieldCommand.CompleteVisit(visit, report), agent, visit);
    }

    /**
     * The visits of a ticket, oldest first.
     *
     * @param ticket the ticket
     * @param actor  who reads: staff, or the ticket's customer
     * @return the visits, or why not
     */
    public Either<Rejection, List<Visit>> visits(TicketId ticket, Actor actor) {
        return read(ticket, actor).map(FieldRecord::visits);
    }

    /**
     * A technician's bookings that hold their slot within a span, earliest first.
     *
     * @param technician the technician
     * @param span       the span
     * @return the bookings, or why not (a store without bookings)
     */
    public Either<Rejection, List<Booking>> schedule(AgentId technician, VisitSlot span) {
        if (technician == null || span == null) {
            return Either.left(Rejection.Invalid.of(technician == null ? "technician" : "span", "is required"));
        }
        return bookings().map(b -> b.bookings(tenant, technician, span));
    }

    private Either<Rejection, VisitBookings> bookings() {
        return pipeline.store() instanceof VisitBookings b ? Either.right(b)
                : Either.left(new Rejection.NotAllowed("on-site visits need a store that keeps technicians' bookings ("
                        + pipeline.store().getClass().getSimpleName() + " does not implement VisitBookings)"));
    }

    private Either<Rejection, Visit> run(TicketId ticket, TicketCommand command, Actor actor, VisitId visit) {
        return pipeline.commands().execute(tenant, ticket, command, actor)
                .flatMap(t -> read(t.id(), actor))
                .flatMap(r -> r.visit(visit).<Either<Rejection, Visit>>map(Either::right)
                        .orElseGet(() -> Either.left(new Rejection.NotFound("visit", String.valueOf(visit)))));
    }

    private Either<Rejection, FieldRecord> read(TicketId ticket, Actor actor) {
        return pipeline.loader().find(tenant, ticket, actor)
                .map(t -> FieldRecord.of(pipeline.loader().historyOf(t).get()));
    }
}
