package dev.helpdesk.core.internal.phone;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.core.internal.idempotency.KeyedRequests;
import dev.helpdesk.core.internal.pipeline.Commands;
import dev.helpdesk.core.phone.CallReport;
import dev.helpdesk.core.phone.IncomingCall;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ContactKind;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.phone.CallId;
import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline's steps: check what an agent reports (every bad part named at once), resolve the
 * caller, register the call as a ticket through the command path (opened, then for a call
 * solved on the phone assigned to the agent and solved), and log the call with the outcome that
 * happened. A call that rings while the hotline's calendar is closed leaves a callback request.
 *
 * <p>Everything that can be refused is checked before anything is written. The ticket's commits
 * and the call's log entry are one unit of the call log ({@link dev.helpdesk.spi.phone.CallLog#unit}):
 * on the JDBC store one transaction, so a failed log entry leaves no ticket and a failed commit no
 * log entry.
 */
public final class Hotline {
    private static final Logger LOG = LoggerFactory.getLogger(Hotline.class);
    /** Who leaves a callback request for a call outside the hotline's hours. */
    public static final Actor HOTLINE = Actor.integration("hotline");

    private final PhoneSettings settings;
    private final Commands commands;
    private final Clock clock;
    private final BusinessTime hours;
    private final KeyedRequests keyed;

    /**
     * Makes the hotline.
     *
     * @param settings its settings
     * @param commands the command path
     * @param clock    the desk's clock
     * @param keyed    keyed requests, for calls logged under an idempotency key
     */
    public Hotline(PhoneSettings settings, Commands commands, Clock clock, KeyedRequests keyed) {
        this.settings = settings;
        this.commands = commands;
        this.clock = clock;
        this.hours = BusinessTime.of(settings.hours());
        this.keyed = keyed;
    }

    /**
     * The settings in force.
     *
     * @return the settings
     */
    public PhoneSettings settings() {
        return settings;
    }

    /**
     * Tells whether the hotline is open now.
     *
     * @return true within its hours
     */
    public boolean isOpen() {
        return hours.isOpen(clock.instant());
    }

    /**
     * A call rings: within the hours the host puts it through, outside them a callback request
     * is left for the caller.
     *
     * @param tenant the tenant
     * @param number the caller's number as received
     * @return what happens to the call, or why not (an unusable or unknown number)
     */
    public Either<Rejection, IncomingCall> ring(TenantId tenant, String number) {
        Either<Rejection, ContactAddress> caller = caller(number);
        if (caller.isLeft()) {
            return Either.left(caller.getLeft());
        }
        Either<Rejection, CustomerId> customer = resolve(tenant, caller.get());
        if (customer.isLeft()) {
            return Either.left(customer.getLeft());
        }
        Instant now = clock.instant();
        if (hours.isOpen(now)) {
            return Either.right(new IncomingCall(customer.get(), Optional.empty()));
        }
        String summary = "Call from " + caller.get().value() + " at " + now + ", outside the hotline's hours: call back.";
        return register(tenant, caller.get(), customer.get(), Optional.empty(), now, Duration.ZERO,
                CallOutcome.CALLBACK_PROMISED, "Callback request: " + caller.get().value(), summary, null, Priority.NORMAL,
                HOTLINE, Optional.empty()).map(call -> new IncomingCall(customer.get(), Optional.of(call)));
    }

    /**
     * Logs a call an agent took and registers it as a ticket.
     *
     * @param tenant the tenant
     * @param report what the agent reports
     * @param actor  the agent
     * @return the logged call, or why not (nothing written)
     */
    public Either<Rejection, PhoneCall> log(TenantId tenant, CallReport report, Actor actor) {
        return log(tenant, report, actor, Optional.empty());
    }

    /**
     * Logs a call once per idempotency key: a report sent again under its key answers with the
     * call logged the first time, and registers no second ticket.
     *
     * @param tenant the tenant
     * @param report what the agent reports
     * @param actor  the agent
     * @param key    the request's key, or empty
     * @return the logged call, or why not (nothing written)
     */
    public Either<Rejection, PhoneCall> log(TenantId tenant, CallReport report, Actor actor, Optional<IdempotencyKey> key) {
        if (report == null || actor == null) {
            return Either.left(Rejection.Invalid.of(report == null ? "report" : "actor", "is required"));
        }
        if (!(actor instanceof Actor.Agent agent)) {
            return Either.left(new Rejection.NotAllowed("only an agent logs a call"));
        }
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Either<Rejection, ContactAddress> caller = caller(report.caller());
        if (caller.isLeft()) {
            errors.addAll(((Rejection.Invalid) caller.getLeft()).errors());
        }
        if (report.startedAt() == null) {
            errors.add(new FieldError("startedAt", "is required"));
        } else if (report.startedAt().isAfter(now)) {
            errors.add(new FieldError("startedAt", "must not be in the future"));
        }
        if (report.duration() == null) {
            errors.add(new FieldError("duration", "is required"));
        } else if (report.duration().isNegative() || report.duration().compareTo(PhoneCall.MAX_DURATION) > 0) {
            errors.add(new FieldError("duration", "must be 0 to 24 hours"));
        }
        if (report.outcome() == null) {
            errors.add(new FieldError("outcome", "is required"));
        }
        if (report.summary() == null || report.summary().isBlank()) {
            errors.add(new FieldError("summary", "is required"));
        }
        if (report.category() == null && report.outcome() != CallOutcome.CALLBACK_PROMISED) {
            errors.add(new FieldError("category", "is required"));
        }
        if (!errors.isEmpty()) {
            return Either.left(new Rejection.Invalid(errors));
        }
        Either<Rejection, CustomerId> customer = resolve(tenant, caller.get());
        if (customer.isLeft()) {
            return Either.left(customer.getLeft());
        }
        String subject = report.subject() != null ? report.subject() : "Call from " + caller.get().value();
        return register(tenant, caller.get(), customer.get(), Optional.of(agent.id()), report.startedAt(),
                report.duration(), report.outcome(), subject, report.summary(), report.category(),
                report.priority() == null ? Priority.NORMAL : report.priority(), actor, key.map(k -> keyOf(report, k)));
    }

    private static Keyed keyOf(CallReport report, IdempotencyKey key) {
        return new Keyed(key, "call " + report);
    }

    /** A call's key and what the request was, for its fingerprint. */
    private record Keyed(IdempotencyKey key, String request) {
    }

    private Either<Rejection, PhoneCall> register(TenantId tenant, ContactAddress caller, CustomerId customer,
                                                  Optional<AgentId> agent, Instant startedAt, Duration duration,
                                                  CallOutcome outcome, String subject, String summary, Category category,
                                                  Priority priority, Actor actor, Optional<Keyed> key) {
        return settings.callLog().unit(() -> registerInUnit(tenant, caller, customer, agent, startedAt, duration, outcome,
                subject, summary, category, priority, actor, key), Either::isRight);
    }

    private Either<Rejection, PhoneCall> registerInUnit(TenantId tenant, ContactAddress caller, CustomerId customer,
                                                        Optional<AgentId> agent, Instant startedAt, Duration duration,
                                                        CallOutcome outcome, String subject, String summary,
                                                        Category category, Priority priority, Actor actor,
                                                        Optional<Keyed> key) {
        boolean callback = outcome == CallOutcome.CALLBACK_PROMISED;
        TicketCommand.Open.Builder open = TicketCommand.open().subject(subject).body(summary).channel(Channel.PHONE)
                .category(callback ? settings.callbackCategory() : category).priority(priority).requester(customer);
        if (callback && settings.callbackGroup().isPresent()) {
            open.group(settings.callbackGroup().get());
        }
        TicketCommand.Open command = open.build();
        Either<Rejection, Ticket> opened = key.isPresent()
                ? keyed.run(tenant, key.get().key(), key.get().request(), actor, commit -> commands.open(tenant, command, actor, commit))
                : commands.open(tenant, command, actor);
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        // a call is identified by the ticket that registers it: a retried report finds its call
        CallId id = CallId.of(opened.get().id().value());
        Optional<PhoneCall> logged = settings.callLog().find(tenant, id).toJavaOptional();
        if (logged.isPresent()) {
            return Either.right(logged.get());
        }
        CallOutcome happened = outcome;
        if (outcome == CallOutcome.SOLVED_ON_CALL) {
            Either<Rejection, Ticket> solved = commands.execute(tenant, opened.get().id(),
                    new TicketCommand.Assign(agent.orElseThrow()), actor)
                    .flatMap(t -> commands.execute(tenant, t.id(), new TicketCommand.Solve(), actor));
            if (solved.isLeft()) {
                // the ticket is registered and stays open; the log says so rather than what was hoped for
                LOG.warn("call on ticket {} was reported solved, but the ticket could not be solved: {}",
                        opened.get().number(), solved.getLeft().message());
                happened = CallOutcome.TICKET_OPENED;
            }
        }
        PhoneCall call = PhoneCall.builder().id(id).caller(caller).customer(customer).agent(agent)
                .startedAt(startedAt).duration(duration).outcome(happened).ticket(opened.get().id()).build();
        Either<Rejection, PhoneCall> written = settings.callLog().log(tenant, call);
        // two retries at once: the one that lost answers with the call the other logged
        return written.isLeft() ? settings.callLog().find(tenant, id).toEither(written.getLeft()) : written;
    }

    private static Either<Rejection, ContactAddress> caller(String number) {
        if (number == null) {
            return Either.left(Rejection.Invalid.of("caller", "is required"));
        }
        return ContactAddress.parse(ContactKind.PHONE, number).mapLeft(r -> r instanceof Rejection.Invalid invalid
                ? new Rejection.Invalid(invalid.errors().stream().map(e -> new FieldError("caller", e.problem())).toList())
                : r);
    }

    private Either<Rejection, CustomerId> resolve(TenantId tenant, ContactAddress caller) {
        Optional<CustomerId> known = settings.directory().resolve(tenant, caller);
        return known.isPresent() ? Either.right(known.get())
                : settings.directory().register(tenant, caller, Optional.empty()).mapLeft(r ->
                        Rejection.Invalid.of("caller", "is not the number of a known customer"));
    }
}
