package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.remote.ConsentInvitation;
import dev.helpdesk.core.remote.ConsentLinks;
import dev.helpdesk.core.remote.RemoteSettings;
import dev.helpdesk.core.ticket.FieldCommand;
import dev.helpdesk.core.ticket.FieldRecord;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.Consent;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.remote.ConsentRoute;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.RemoteSession;
import dev.helpdesk.spi.remote.RemoteSessionId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remote sessions of one tenant, with the customer's consent. No session starts without it:
 * an agent asks ({@link #requestConsent}: purpose, scope, duration), the customer answers with
 * the single-use link ({@link #answerByLink}) or in the portal ({@link #answerInPortal}) and may
 * revoke it at any time ({@link #revoke}); only then does an agent start a session on it
 * ({@link #start}), record what was done ({@link #record}) and end it ({@link #end}).
 *
 * <p>Every step is a command on the ticket, decided by the one ticket decider and recorded as
 * a ticket event in one atomic write: consent requested, granted, denied, revoked; session
 * started (agent, tool), actions, session ended. A session whose consented duration runs out
 * is ended by the desk's due run ({@link Helpdesk#runDue}), which records
 * {@link dev.helpdesk.spi.remote.SessionEnd#CONSENT_EXPIRED}; between the end of the consent
 * and that run, every action is already refused.
 *
 * <p>Bad input comes back as a {@link Rejection} naming the problem, with nothing written: an
 * unknown session or consent ({@code NotFound}), a link that is malformed, forged or expired
 * ({@code Invalid} naming {@code token}), a link used a second time or an action after the
 * consent was revoked or ran out ({@code InvalidTransition}). A desk built without
 * {@link Helpdesk.Builder#remoteSessions} refuses every call ({@code NotAllowed}).
 *
 * <p>Each call costs one read of the ticket and its history and one atomic write; the answer
 * reads the history once more.
 */
public final class RemoteDesk {
    private static final Actor LINK = Actor.system("consent-link");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Pipeline pipeline;
    private final TenantId tenant;
    private final Optional<ConsentLinks> links;

    RemoteDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
        this.links = pipeline.remoteSettings().map(s -> new ConsentLinks(s.secret()));
    }

    /**
     * An agent asks the customer for consent to a remote session. The answer carries the link
     * token and the consent text in the customer's language (en, nl, es, ru, else English) for
     * the host to send; the desk keeps neither the token nor the text.
     *
     * @param ticket   the ticket
     * @param purpose  why: one line, 1 to 200 characters
     * @param scope    view only or control
     * @param duration how long a grant lasts, from the grant: 1 minute to 8 hours
     * @param agent    the agent who asks
     * @return the invitation, or why not
     */
    public Either<Rejection, ConsentInvitation> requestConsent(TicketId ticket, String purpose, ConsentScope scope,
                                                               Duration duration, Actor agent) {
        return settings().flatMap(settings -> {
            Instant now = pipeline.clock().instant();
            ConsentId consent = ConsentId.of(pipeline.ids().next());
            Instant expires = now.plus(settings.linkLifetime());
            return pipeline.commands().execute(tenant, ticket,
                            new FieldCommand.RequestConsent(consent, purpose, scope, duration, expires), agent)
                    .map(t -> invitation(settings, t, consent, purpose, scope, duration, expires));
        });
    }

    private ConsentInvitation invitation(RemoteSettings settings, Ticket t, ConsentId consent, String purpose,
                                         ConsentScope scope, Duration duration, Instant expires) {
        String token = links.orElseThrow().sign(new ConsentLinks.Claim(tenant, t.id(), consent, expires));
        Locale wanted = pipeline.router().languages().languageOf(tenant, t.requester()).orElse(Locale.ENGLISH);
        Locale locale = settings.texts().languageFor(wanted);
        Map<String, String> values = Map.of(
                "number", t.number().toString(),
                "subject", t.subject(),
                "purpose", purpose,
                "scope", settings.texts().text(locale, "consent.scope." + scope.name().toLowerCase(Locale.ROOT)),
                "minutes", Long.toString(duration.toMinutes()),
                "expires", UNTIL.format(expires));
        return new ConsentInvitation(consent, token, expires, locale,
                settings.texts().render(locale, "consent.subject", values),
                settings.texts().render(locale, "consent.body", values));
    }

    /**
     * The customer answers a consent request with the link's token: no sign-in needed, the
     * token proves the request. It works once and until it expires.
     *
     * @param token the token from the link, as given
     * @param grant true to grant, false to deny
     * @return the consent as answered, or why not: {@code Invalid} naming {@code token} (malformed,
     *         not this desk's, another tenant's, expired), {@code InvalidTransition} when the
     *         request was answered already (the link was used)
     */
    public Either<Rejection, Consent> answerByLink(String token, boolean grant) {
        return settings().flatMap(settings -> links.orElseThrow().check(token, pipeline.clock().instant()))
                .flatMap(claim -> claim.tenant().equals(tenant) ? Either.right(claim)
                        : Either.left(Rejection.Invalid.of("token", "is not a consent link of this desk")))
                .flatMap(claim -> pipeline.loader().find(tenant, claim.ticket(), LINK)
                        .flatMap(t -> answer(t.id(), claim.consent(), grant, ConsentRoute.LINK,
                                Actor.customer(t.requester().value()))));
    }

    /**
     * The customer answers a consent request signed in to the host's portal.
     *
     * @param ticket   the ticket
     * @param consent  the request
     * @param grant    true to grant, false to deny
     * @param customer the customer, who must be the ticket's requester
     * @return the consent as answered, or why not
     */
    public Either<Rejection, Consent> answerInPortal(TicketId ticket, ConsentId consent, boolean grant, Actor customer) {
        return settings().flatMap(s -> answer(ticket, consent, grant, ConsentRoute.PORTAL, customer));
    }

    private Either<Rejection, Consent> answer(TicketId ticket, ConsentId consent, boolean grant, ConsentRoute route,
                                              Actor customer) {
        return run(ticket, new FieldCommand.AnswerConsent(consent, grant, route), customer, r -> r.consent(consent));
    }

    /**
     * The customer takes a granted consent back; a session running on it ends at once
     * ({@link dev.helpdesk.spi.remote.SessionEnd#CONSENT_REVOKED}), in the same write.
     *
     * @param ticket   the ticket
     * @param consent  the consent
     * @param customer the ticket's requester
     * @return the revoked consent, or why not
     */
    public Either<Rejection, Consent> revoke(TicketId ticket, ConsentId consent, Actor customer) {
        return settings().flatMap(s -> run(ticket, new FieldCommand.RevokeConsent(consent), customer,
                r -> r.consent(consent)));
    }

    /**
     * The acting agent starts a session on an active consent.
     *
     * @param ticket  the ticket
     * @param consent the granted consent
     * @param tool    the host's remote tool, a label such as {@code remote-assist}
     * @param agent   the agent who connects
     * @return the running session, or why not
     */
    public Either<Rejection, RemoteSession> start(TicketId ticket, ConsentId consent, String tool, Actor agent) {
        return settings().flatMap(s -> {
            RemoteSessionId session = RemoteSessionId.of(pipeline.ids().next());
            return run(ticket, new FieldCommand.StartSession(session, consent, tool), agent, r -> r.session(session));
        });
    }

    /**
     * The session's agent records what was done, while the consent is active.
     *
     * @param ticket  the ticket
     * @param session the running session
     * @param action  what was done: one line, at most 500 characters
     * @param agent   the session's agent
     * @return the session, or why not
     */
    public Either<Rejection, RemoteSession> record(TicketId ticket, RemoteSessionId session, String action, Actor agent) {
        return settings().flatMap(s -> run(ticket, new FieldCommand.RecordAction(session, action), agent,
                r -> r.session(session)));
    }

    /**
     * An agent ends a running session.
     *
     * @param ticket  the ticket
     * @param session the session
     * @param agent   who ends it
     * @return the ended session, or why not
     */
    public Either<Rejection, RemoteSession> end(TicketId ticket, RemoteSessionId session, Actor agent) {
        return settings().flatMap(s -> run(ticket, new FieldCommand.EndSession(session), agent, r -> r.session(session)));
    }

    /**
     * The consents asked for on a ticket, oldest first.
     *
     * @param ticket the ticket
     * @param actor  who reads: staff, or the ticket's customer
     * @return the consents, or why not
     */
    public Either<Rejection, List<Consent>> consents(TicketId ticket, Actor actor) {
        return read(ticket, actor).map(FieldRecord::consents);
    }

    /**
     * The remote sessions of a ticket, oldest first.
     *
     * @param ticket the ticket
     * @param actor  who reads: staff, or the ticket's customer
     * @return the sessions, or why not
     */
    public Either<Rejection, List<RemoteSession>> sessions(TicketId ticket, Actor actor) {
        return read(ticket, actor).map(FieldRecord::sessions);
    }

    private Either<Rejection, RemoteSettings> settings() {
        return pipeline.remoteSettings().<Either<Rejection, RemoteSettings>>map(Either::right)
                .orElseGet(() -> Either.left(new Rejection.NotAllowed(
                        "this desk has no remote sessions: set Helpdesk.Builder.remoteSessions")));
    }

    private <T> Either<Rejection, T> run(TicketId ticket, TicketCommand command, Actor actor,
                                         Function<FieldRecord, Optional<T>> answer) {
        return pipeline.commands().execute(tenant, ticket, command, actor)
                .flatMap(t -> read(t.id(), actor))
                .map(r -> answer.apply(r).orElseThrow());
    }

    private Either<Rejection, FieldRecord> read(TicketId ticket, Actor actor) {
        return pipeline.loader().find(tenant, ticket, actor)
                .map(t -> FieldRecord.of(pipeline.loader().historyOf(t).get()));
    }
}
