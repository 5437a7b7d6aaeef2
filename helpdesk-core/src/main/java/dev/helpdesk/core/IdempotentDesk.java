package dev.helpdesk.core;

import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;

/**
 * A tenant's ticket commands under idempotency keys, for hosts whose requests may arrive twice
 * (an HTTP client that retries, a queue that delivers at least once). The first request under a
 * key is carried out like {@link TicketDesk}'s and its outcome is recorded under the key, in the
 * same transaction as its commit; every later request with the key is not carried out again
 * and gets the same answer: the ticket as the first answer showed it, or the same rejection.
 * So a retried opening never makes a second ticket and a retried reply never posts twice, also
 * when the retries run at the same time.
 *
 * <p>A key names one request: the same key with another command, another ticket or another
 * actor is refused with {@link Rejection.Invalid} naming {@code idempotencyKey}. A conflict
 * that outlived the desk's retries ({@link Rejection.ConcurrentModification}) or a full seat is
 * not recorded, so the request may be sent again under its key. Keys belong to the tenant; the
 * same key in another tenant is another request.
 *
 * <p>Costs one read of the key's record more than the plain command, and a replay of the
 * answered ticket's history when the key was used before.
 */
public final class IdempotentDesk {
    private final Pipeline pipeline;
    private final TenantId tenant;

    IdempotentDesk(Pipeline pipeline, TenantId tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
    }

    /**
     * Opens a ticket once per key; see {@link TicketDesk#open}.
     *
     * @param key     the request's key
     * @param command the ticket's fields
     * @param actor   who opens it
     * @return the ticket the first request under the key opened, or its rejection
     */
    public Either<Rejection, Ticket> open(IdempotencyKey key, TicketCommand.Open command, Actor actor) {
        if (key == null || command == null || actor == null) {
            return Either.left(missing(key, command, actor));
        }
        return pipeline.keyed().run(tenant, key, "open " + command, actor,
                commit -> pipeline.commands().open(tenant, command, actor, commit));
    }

    /**
     * Carries out a command on a ticket once per key; see {@link TicketDesk#execute}.
     *
     * @param key     the request's key
     * @param id      the ticket
     * @param command the command
     * @param actor   who acts
     * @return the first request's answer under the key
     */
    public Either<Rejection, Ticket> execute(IdempotencyKey key, TicketId id, TicketCommand command, Actor actor) {
        if (key == null || id == null || command == null || actor == null) {
            return Either.left(missing(key, id == null ? null : command, actor));
        }
        return pipeline.keyed().run(tenant, key, id + " " + command, actor,
                commit -> pipeline.commands().execute(tenant, id, command, actor, commit));
    }

    /**
     * Adds a public reply once per key; see {@link TicketDesk#reply}.
     *
     * @param key     the request's key
     * @param id      the ticket
     * @param body    the text
     * @param channel the channel
     * @param actor   the author
     * @return the ticket the first reply under the key landed on
     */
    public Either<Rejection, Ticket> reply(IdempotencyKey key, TicketId id, String body, Channel channel, Actor actor) {
        return execute(key, id, new TicketCommand.Reply(body, channel), actor);
    }

    private static Rejection missing(Object key, Object command, Object actor) {
        return Rejection.Invalid.of(key == null ? "idempotencyKey" : command == null ? "command" : "actor", "is required");
    }
}
