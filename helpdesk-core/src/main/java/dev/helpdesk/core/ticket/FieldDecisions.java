package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.Consent;
import dev.helpdesk.spi.remote.ConsentRoute;
import dev.helpdesk.spi.remote.ConsentStatus;
import dev.helpdesk.spi.remote.RemoteSession;
import dev.helpdesk.spi.remote.SessionEnd;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.VisitStatus;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of {@link TicketDecider} that decides remote sessions with consent and on-site
 * visits, from the ticket and its {@link FieldRecord}. Same order of checks as every command:
 * input first, then who may, then what the ticket and its record still take. Every rule is a
 * small named function returning an allowance or the rejection that names the problem.
 */
final class FieldDecisions {
    /** The shortest consent. */
    static final Duration MIN_CONSENT = Duration.ofMinutes(1);
    /** The longest consent: a working day. */
    static final Duration MAX_CONSENT = Duration.ofHours(8);
    /** The most characters of a purpose. */
    static final int MAX_PURPOSE = 200;
    private static final Either<Rejection, Allowance> GRANTED = Either.right(Allowance.GRANTED);

    private FieldDecisions() {
    }

    static Either<Rejection, List<TicketEvent>> decide(FieldCommand command, Ticket t, FieldRecord record, Actor actor,
                                                       Instant now) {
        TicketId id = t.id();
        if (command instanceof FieldCommand.RequestConsent c) {
            return Input.all(Input.required("consent", c.consent()), Input.line("purpose", c.purpose(), MAX_PURPOSE),
                            Input.required("scope", c.scope()), consentDuration(c.duration()),
                            after("linkExpiresAt", c.linkExpiresAt(), now))
                    .flatMap(a -> agentOnly(actor, c.name()))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .flatMap(a -> record.consent(c.consent()).isPresent()
                            ? Either.left(Rejection.Invalid.of("consent", "the ticket has a consent " + c.consent() + " already"))
                            : GRANTED)
                    .map(a -> List.of(new TicketEvent.ConsentRequested(id, now, actor, c.consent(), c.purpose(), c.scope(),
                            c.duration(), c.linkExpiresAt())));
        } else if (command instanceof FieldCommand.AnswerConsent c) {
            return Input.all(Input.required("consent", c.consent()), Input.required("route", c.route()))
                    .flatMap(a -> requesterOnly(actor, t, c.name()))
                    .flatMap(a -> consent(record, c.consent()))
                    .flatMap(consent -> answerable(consent, c.route(), now, c.name()).map(a -> List.<TicketEvent>of(c.grant()
                            ? new TicketEvent.ConsentGranted(id, now, actor, c.consent(), c.route())
                            : new TicketEvent.ConsentDenied(id, now, actor, c.consent(), c.route()))));
        } else if (command instanceof FieldCommand.RevokeConsent c) {
            return Input.all(Input.required("consent", c.consent()))
                    .flatMap(a -> requesterOnly(actor, t, c.name()))
                    .flatMap(a -> consent(record, c.consent()))
                    .flatMap(consent -> consent.status() == ConsentStatus.GRANTED ? Either.right(consent)
                            : Either.left(new Rejection.InvalidTransition(c.name(), consent.status().name(),
                                    "only a granted consent is revoked")))
                    .map(consent -> {
                        List<TicketEvent> events = new ArrayList<>(2);
                        events.add(new TicketEvent.ConsentRevoked(id, now, actor, c.consent()));
                        record.sessions().stream().filter(RemoteSession::isRunning)
                                .filter(s -> s.consent().equals(c.consent()))
                                .forEach(s -> events.add(new TicketEvent.RemoteSessionEnded(id, now, actor, s.id(),
                                        SessionEnd.CONSENT_REVOKED)));
                        return events;
                    });
        } else if (command instanceof FieldCommand.StartSession c) {
            return Input.all(Input.required("session", c.session()), Input.required("consent", c.consent()),
                            Input.label("tool", c.tool()))
                    .flatMap(a -> agentOnly(actor, c.name()))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .flatMap(a -> record.session(c.session()).isPresent()
                            ? Either.left(Rejection.Invalid.of("session", "the ticket has a session " + c.session() + " already"))
                            : GRANTED)
                    .flatMap(a -> consent(record, c.consent()))
                    .flatMap(consent -> activeConsent(consent, now, c.name()))
                    .flatMap(a -> record.sessions().stream().anyMatch(s -> s.isRunning() && s.consent().equals(c.consent()))
                            ? Either.left(new Rejection.InvalidTransition(c.name(), "RUNNING",
                                    "a session runs on consent " + c.consent() + " already; end it first"))
                            : GRANTED)
                    .map(a -> List.of(new TicketEvent.RemoteSessionStarted(id, now, actor, c.session(), c.consent(),
                            ((Actor.Agent) actor).id(), c.tool())));
        } else if (command instanceof FieldCommand.RecordAction c) {
            return Input.all(Input.required("session", c.session()), Input.reason("action", c.action()))
                    .flatMap(a -> agentOnly(actor, c.name()))
                    .flatMap(a -> runningSession(record, c.session(), c.name()))
                    .flatMap(s -> sessionAgent(s, actor, c.name()))
                    .flatMap(s -> consent(record, s.consent()).flatMap(consent -> activeConsent(consent, now, c.name())))
                    .map(a -> List.of(new TicketEvent.RemoteActionRecorded(id, now, actor, c.session(), c.action())));
        } else if (command instanceof FieldCommand.EndSession c) {
            return Input.all(Input.required("session", c.session()))
                    .flatMap(a -> agentOnly(actor, c.name()))
                    .flatMap(a -> runningSession(record, c.session(), c.name()))
                    .map(s -> List.of(new TicketEvent.RemoteSessionEnded(id, now, actor, c.session(), SessionEnd.BY_AGENT)));
        } else if (command instanceof FieldCommand.PlanVisit c) {
            return plan(c, t, record, actor, now);
        } else if (command instanceof FieldCommand.ConfirmVisit c) {
            return Input.all(Input.required("visit", c.visit()))
                    .flatMap(a -> actor instanceof Actor.Customer ? requesterOnly(actor, t, c.name()) : agentOnly(actor, c.name()))
                    .flatMap(a -> visit(record, c.visit()))
                    .flatMap(v -> v.status() == VisitStatus.PLANNED || v.status() == VisitStatus.RESCHEDULED
                            ? Either.right(v) : Either.left(visitStatus(c.name(), v, "only a planned or rescheduled visit is confirmed")))
                    .map(v -> List.of(new TicketEvent.VisitConfirmed(id, now, actor, c.visit())));
        } else if (command instanceof FieldCommand.RescheduleVisit c) {
            return Input.all(Input.required("visit", c.visit()), slot(c.slot(), c.longestSlot(), now),
                            Input.reason("reason", c.reason()))
                    .flatMap(a -> agentOnly(actor, c.name()))
                    .flatMap(a -> Rules.notFinal(t, c.name()))
                    .flatMap(a -> visit(record, c.visit()))
                    .flatMap(v -> holdsSlot(v, c.name()))
                    .flatMap(v -> v.slot().equals(c.slot())
                            ? Either.left(Rejection.Invalid.of("slot", "is the visit's slot already"))
                            : Either.right(v))
                    .map(v -> List.of(new TicketEvent.VisitRescheduled(id, now, actor, c.visit(), c.slot(), c.reason())));
        } else if (command instanceof FieldCommand.CancelVisit c) {
            return Input.all(Input.required("visit", c.visit()), Input.reason("reason", c.reason()))
                    .flatMap(a -> actor instanceof Actor.Customer ? requesterOnly(actor, t, c.name()) : agentOnly(actor, c.name()))
                    .flatMap(a -> visit(record, c.visit()))
                    .flatMap(v -> holdsSlot(v, c.name()))
                    .map(v -> List.of(new TicketEvent.VisitCancelled(id, now, actor, c.visit(), c.reason())));
        } else if (command instanceof FieldCommand.CompleteVisit c) {
            return Input.all(Input.required("visit", c.visit()), Input.body("report", c.report()))
                    .flatMap(a -> agentOnly(actor, c.name()))
                    .flatMap(a -> visit(record, c.visit()))
                    .flatMap(v -> holdsSlot(v, c.name()))
                    .flatMap(v -> v.slot().start().isAfter(now)
                            ? Either.left(visitStatus(c.name(), v, "the visit's slot starts at " + v.slot().start()
                                    + ", after now"))
                            : Either.right(v))
                    .map(v -> List.of(new TicketEvent.VisitDone(id, now, actor, c.visit(), c.report())));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /**
     * The events the due run records for a ticket: the end of each running session whose
     * consent ran out.
     */
    static List<TicketEvent> due(Ticket t, FieldRecord record, Instant now, Actor rule) {
        List<TicketEvent> events = new ArrayList<>(1);
        for (RemoteSession s : record.overdueSessions(now)) {
            events.add(new TicketEvent.RemoteSessionEnded(t.id(), now, rule, s.id(), SessionEnd.CONSENT_EXPIRED));
        }
        return events;
    }

    // ---- remote sessions -----------------------------------------------------------------

    private static Validation<FieldError, Duration> consentDuration(Duration d) {
        if (d == null) {
            return Validation.invalid(new FieldError("duration", "is required"));
        }
        return d.compareTo(MIN_CONSENT) < 0 || d.compareTo(MAX_CONSENT) > 0
                ? Validation.invalid(new FieldError("duration", "must be from " + MIN_CONSENT.toMinutes() + " minute to "
                        + MAX_CONSENT.toHours() + " hours, not " + d))
                : Validation.valid(d);
    }

    private static Validation<FieldError, Instant> after(String field, Instant at, Instant now) {
        if (at == null) {
            return Validation.invalid(new FieldError(field, "is required"));
        }
        return at.isAfter(now) ? Validation.valid(at) : Validation.invalid(new FieldError(field, "must be after now"));
    }

    /** An agent asks, starts and works in sessions and plans visits: not a rule, not an integration. */
    static Either<Rejection, Allowance> agentOnly(Actor actor, String command) {
        return actor instanceof Actor.Agent ? GRANTED
                : Either.left(new Rejection.NotAllowed("only an agent may " + command + ", not " + actor.display()));
    }

    /** Only the ticket's requester answers for their device and their address. */
    static Either<Rejection, Allowance> requesterOnly(Actor actor, Ticket t, String command) {
        return actor instanceof Actor.Customer c && c.id().equals(t.requester()) ? GRANTED
                : Either.left(new Rejection.NotAllowed("only the ticket's customer may " + command + ", not "
                        + actor.display()));
    }

    private static Either<Rejection, Consent> consent(FieldRecord record, dev.helpdesk.spi.remote.ConsentId id) {
        return record.consent(id).<Either<Rejection, Consent>>map(Either::right)
                .orElseGet(() -> Either.left(new Rejection.NotFound("consent", id.toString())));
    }

    /** A request is answered once, before it expires; a second answer is a reused link. */
    static Either<Rejection, Allowance> answerable(Consent consent, ConsentRoute route, Instant now, String command) {
        if (consent.status() != ConsentStatus.REQUESTED) {
            return Either.left(route == ConsentRoute.LINK
                    ? Rejection.Invalid.of("token", "was used already: consent " + consent.id() + " is "
                            + consent.status().name().toLowerCase(Locale.ROOT) + "; a consent link works once")
                    : new Rejection.InvalidTransition(command, consent.status().name(),
                            "consent " + consent.id() + " was answered already"));
        }
        if (!now.isBefore(consent.linkExpiresAt())) {
            return Either.left(new Rejection.InvalidTransition(command, "EXPIRED", "consent request " + consent.id()
                    + " expired at " + consent.linkExpiresAt() + (route == ConsentRoute.LINK ? "; the link no longer works" : "")));
        }
        return GRANTED;
    }

    /** A session starts and works only while its consent is granted, not revoked and not run out. */
    static Either<Rejection, Allowance> activeConsent(Consent consent, Instant now, String command) {
        if (consent.isActiveAt(now)) {
            return GRANTED;
        }
        String why = switch (consent.status()) {
            case REQUESTED -> "the customer has not granted consent " + consent.id() + " yet";
            case DENIED -> "the customer denied consent " + consent.id();
            case REVOKED -> "the customer revoked consent " + consent.id() + " at " + consent.revokedAt().orElseThrow();
            case GRANTED -> "consent " + consent.id() + " ran out at " + consent.grantedUntil().orElseThrow();
        };
        return Either.left(new Rejection.InvalidTransition(command, "NO_ACTIVE_CONSENT", why));
    }

    private static Either<Rejection, RemoteSession> runningSession(FieldRecord record,
                                                                   dev.helpdesk.spi.remote.RemoteSessionId id,
                                                                   String command) {
        Optional<RemoteSession> found = record.session(id);
        if (found.isEmpty()) {
            return Either.left(new Rejection.NotFound("remote session", id.toString()));
        }
        RemoteSession s = found.get();
        return s.isRunning() ? Either.right(s) : Either.left(new Rejection.InvalidTransition(command, "ENDED",
                "remote session " + id + " ended (" + s.end().orElseThrow().name().toLowerCase(Locale.ROOT) + ")"));
    }

    private static Either<Rejection, RemoteSession> sessionAgent(RemoteSession s, Actor actor, String command) {
        return ((Actor.Agent) actor).id().equals(s.agent()) ? Either.right(s)
                : Either.left(new Rejection.NotAllowed("only " + s.agent() + ", who runs remote session " + s.id()
                        + ", may " + command));
    }

    // ---- visits --------------------------------------------------------------------------

    private static Either<Rejection, List<TicketEvent>> plan(FieldCommand.PlanVisit c, Ticket t, FieldRecord record,
                                                             Actor actor, Instant now) {
        List<Validation<FieldError, ?>> checks = new ArrayList<>();
        checks.add(Input.required("visit", c.visit()));
        checks.add(Input.required("technician", c.technician()));
        checks.add(Input.required("dueBy", c.dueBy()));
        checks.add(Input.required("policy", c.policy()));
        checks.add(slot(c.slot(), c.longestSlot(), now));
        if (c.skill() != null) {
            checks.add(Input.label("skill", c.skill()));
        }
        if (c.region() != null) {
            checks.add(Input.label("region", c.region()));
        }
        checks.addAll(address(c.address()));
        return Input.all(checks)
                .flatMap(a -> agentOnly(actor, c.name()))
                .flatMap(a -> Rules.notFinal(t, c.name()))
                .flatMap(a -> record.visit(c.visit()).isPresent()
                        ? Either.left(Rejection.Invalid.of("visit", "the ticket has a visit " + c.visit() + " already"))
                        : GRANTED)
                .flatMap(a -> technician(c))
                .flatMap(a -> c.policy().refusal(t, record.sessions().size())
                        .<Either<Rejection, Allowance>>map(why -> Either.left(new Rejection.NotAllowed("visit policy: " + why)))
                        .orElse(GRANTED))
                .map(a -> List.of(new TicketEvent.VisitPlanned(t.id(), now, actor, c.visit(), c.technician(), c.address(),
                        c.slot(), c.dueBy())));
    }

    /** The technician is in the directory, has the visit's skill and covers its region. */
    static Either<Rejection, Allowance> technician(FieldCommand.PlanVisit c) {
        if (c.profile() == null || c.profile().isEmpty()) {
            return Either.left(new Rejection.NotFound("technician", c.technician().value()));
        }
        AgentProfile p = c.profile().get();
        List<FieldError> errors = new ArrayList<>(2);
        if (c.skill() != null && !p.skills().contains(c.skill())) {
            errors.add(new FieldError("technician", c.technician() + " lacks the skill '" + c.skill() + "'"));
        }
        if (c.region() != null && !p.skills().contains("region:" + c.region())) {
            errors.add(new FieldError("technician", c.technician() + " does not cover the region '" + c.region() + "'"));
        }
        if (!p.available()) {
            errors.add(new FieldError("technician", c.technician() + " is not available"));
        }
        return errors.isEmpty() ? GRANTED : Either.left(new Rejection.Invalid(errors));
    }

    private static Validation<FieldError, VisitSlot> slot(VisitSlot slot, Duration longest, Instant now) {
        if (slot == null) {
            return Validation.invalid(new FieldError("slot", "is required"));
        }
        if (!slot.end().isAfter(slot.start())) {
            return Validation.invalid(new FieldError("slot", "must end after it starts"));
        }
        if (longest != null && slot.length().compareTo(longest) > 0) {
            return Validation.invalid(new FieldError("slot", "must be at most " + longest.toHours() + " hours long"));
        }
        if (!slot.start().isAfter(now)) {
            return Validation.invalid(new FieldError("slot", "must start after now"));
        }
        return Validation.valid(slot);
    }

    private static List<Validation<FieldError, ?>> address(Address a) {
        if (a == null) {
            return List.of(Validation.invalid(new FieldError("address", "is required")));
        }
        List<Validation<FieldError, ?>> checks = new ArrayList<>(5);
        checks.add(Input.line("address.street", a.street(), Address.MAX_LINE));
        checks.add(Input.line("address.postalCode", a.postalCode(), Address.MAX_POSTAL_CODE));
        checks.add(Input.line("address.city", a.city(), Address.MAX_LINE));
        checks.add(a.country().matches("[A-Z]{2}") ? Validation.valid(a.country())
                : Validation.invalid(new FieldError("address.country", "must be an ISO 3166 code of two capital letters")));
        a.notes().ifPresent(n -> checks.add(Input.line("address.notes", n, Address.MAX_LINE)));
        return checks;
    }

    private static Either<Rejection, Visit> visit(FieldRecord record, dev.helpdesk.spi.visit.VisitId id) {
        return record.visit(id).<Either<Rejection, Visit>>map(Either::right)
                .orElseGet(() -> Either.left(new Rejection.NotFound("visit", id.toString())));
    }

    private static Either<Rejection, Visit> holdsSlot(Visit v, String command) {
        return v.status().holdsSlot() ? Either.right(v)
                : Either.left(visitStatus(command, v, "the visit is " + v.status().name().toLowerCase(Locale.ROOT)));
    }

    private static Rejection visitStatus(String command, Visit v, String reason) {
        return new Rejection.InvalidTransition(command, "visit " + v.status().name(), reason);
    }
}
