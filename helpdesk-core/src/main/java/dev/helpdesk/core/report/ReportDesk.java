package dev.helpdesk.core.report;

import dev.helpdesk.spi.report.ClockCompliance;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.ReportingStore;
import dev.helpdesk.spi.report.Reports;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The reports of one tenant: every figure of {@link Reports} (as SQL when the store is a
 * {@link ReportingStore}, else from the histories), SLA compliance per clock, and the SLA what-if.
 * Reports are staff data: a customer gets {@link Rejection.NotAllowed}. Reached through
 * {@code TenantDesk.reports()}; thread-safe.
 */
public final class ReportDesk {
    private final TenantId tenant;
    private final TicketStore store;
    private final Reports reports;
    private final Supplier<SlaConfiguration> sla;
    private final SlaReplay replay;

    /**
     * The reports of one tenant. The facade makes it; hosts reach it through
     * {@code TenantDesk.reports()}.
     *
     * @param tenant   the tenant
     * @param store    the desk's store
     * @param sla      the SLA configuration in force, read on every call
     * @param segments the host's customer segments, for policies that need them
     */
    public ReportDesk(TenantId tenant, TicketStore store, Supplier<SlaConfiguration> sla, CustomerSegments segments) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.store = Objects.requireNonNull(store, "store");
        this.reports = store instanceof ReportingStore r ? r.reports() : HistoryReports.over(store);
        this.sla = Objects.requireNonNull(sla, "sla");
        this.replay = new SlaReplay(segments);
    }

    /**
     * Every figure of a period.
     *
     * @param query the period and options; its tenant must be this desk's
     * @param actor who asks: staff, rules or integrations
     * @return the report, or not allowed (a customer, or another tenant's query)
     */
    public Either<Rejection, Report> report(ReportQuery query, Actor actor) {
        return allowed(query, actor).map(q -> reports.report(q));
    }

    /**
     * The engine itself, for single figures.
     *
     * @return the engine the desk uses
     */
    public Reports engine() {
        return reports;
    }

    /**
     * SLA compliance per policy and clock over a period: the clock cycles the desk recorded as
     * completed in it ({@code SlaCompleted}, written in the commit that completed each cycle, under
     * the policy in force then). Runs on the store's engine: SQL for a JDBC store. To see a period
     * under another configuration (or the one in force now), use {@link #whatIf}, which replays.
     *
     * @param from  the period's start
     * @param to    the instant after it
     * @param actor who asks
     * @return compliance, or not allowed for a customer, or invalid for an empty period
     */
    public Either<Rejection, List<ClockCompliance>> slaCompliance(Instant from, Instant to, Actor actor) {
        return period(from, to, actor).map(a -> reports.slaCompliance(ReportQuery.of(tenant, from, to)));
    }

    /**
     * Replays a period's tickets under a proposed SLA configuration (policies and calendars) and
     * says, clock by clock, what compliance would have been and which cycles would change. Nothing
     * changes on the desk: see {@code Helpdesk.configureSla} to switch.
     *
     * @param proposed the proposal
     * @param from     the period's start
     * @param to       the instant after it
     * @param actor    who asks
     * @return the comparison, or not allowed for a customer, or invalid for an empty period
     */
    public Either<Rejection, WhatIf> whatIf(SlaConfiguration proposed, Instant from, Instant to, Actor actor) {
        Objects.requireNonNull(proposed, "proposed");
        return period(from, to, actor).map(a -> replay.whatIf(tenant, histories(), sla.get(), proposed, from, to));
    }

    /**
     * First reply, first resolution and full resolution times (count, median and p90, in calendar
     * time and, with the query's business clock, business time) per SLA policy, with the
     * definitions of {@link Reports#resolution}: each ticket counts under the policy on record for
     * it at the period's end (the desk records the policy that applies in the history, as a
     * {@code SlaPolicyApplied} event, whenever a commit changes it; {@link Reports#NO_POLICY},
     * {@code ""}, when none does). Runs on the store's engine: SQL for a JDBC store.
     *
     * @param query the period and options; its tenant must be this desk's
     * @param actor who asks
     * @return the figures by policy name, or not allowed
     */
    public Either<Rejection, java.util.SortedMap<String, dev.helpdesk.spi.report.Resolution>> resolutionByPolicy(
            ReportQuery query, Actor actor) {
        return allowed(query, actor).map(reports::resolutionByPolicy);
    }

    private List<List<TicketEvent>> histories() {
        return new HistoryReports.Histories(store).of(tenant);
    }

    private Either<Rejection, Instant> period(Instant from, Instant to, Actor actor) {
        if (actor == null || actor instanceof Actor.Customer) {
            return Either.left(new Rejection.NotAllowed("reports are for the desk's staff"));
        }
        if (from == null || to == null || !from.isBefore(to)) {
            return Either.left(Rejection.Invalid.of("to", "must be after from"));
        }
        if (from.getNano() % 1000 != 0 || to.getNano() % 1000 != 0) {
            return Either.left(Rejection.Invalid.of(from.getNano() % 1000 != 0 ? "from" : "to",
                    "must be a whole microsecond (the databases keep microseconds)"));
        }
        return Either.right(from);
    }

    private Either<Rejection, ReportQuery> allowed(ReportQuery query, Actor actor) {
        if (actor == null || actor instanceof Actor.Customer) {
            return Either.left(new Rejection.NotAllowed("reports are for the desk's staff"));
        }
        if (query == null) {
            return Either.left(Rejection.Invalid.of("query", "is required"));
        }
        if (!query.tenant().equals(tenant)) {
            return Either.left(new Rejection.NotAllowed("a desk reports on its own tenant only"));
        }
        return Either.right(query);
    }
}
