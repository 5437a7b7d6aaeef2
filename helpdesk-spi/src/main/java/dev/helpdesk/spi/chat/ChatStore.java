package dev.helpdesk.spi.chat;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * Where chat sessions live. The desk ships one in memory; every implementation must pass
 * {@code ChatStoreContract} of {@code helpdesk-tck}: sessions round-trip, a stale save is
 * refused and writes nothing, tenants never see each other's sessions, safe for concurrent use.
 */
public interface ChatStore {

    /**
     * Saves a session: a new one at version 1, or the next version of a stored one.
     *
     * @param tenant  the tenant
     * @param session the session
     * @return the session, or {@link Rejection.ConcurrentModification} when the stored version
     *         is not the one before (nothing written)
     */
    Either<Rejection, ChatSession> save(TenantId tenant, ChatSession session);

    /**
     * Reads a session.
     *
     * @param tenant the tenant
     * @param id     the session
     * @return the session, or none
     */
    Option<ChatSession> find(TenantId tenant, ChatId id);

    /**
     * The sessions of a tenant that have not ended, longest waiting first.
     *
     * @param tenant the tenant
     * @return the waiting and active sessions
     */
    List<ChatSession> open(TenantId tenant);

    /**
     * How many active chats an agent holds.
     *
     * @param tenant the tenant
     * @param agent  the agent
     * @return the count
     */
    default int activeOf(TenantId tenant, AgentId agent) {
        return (int) open(tenant).stream().filter(s -> s.status() == ChatStatus.ACTIVE && s.agent().equals(
                java.util.Optional.of(agent))).count();
    }

    /**
     * The sessions waiting in a group, longest waiting first.
     *
     * @param tenant the tenant
     * @param group  the group
     * @return the waiting sessions
     */
    default List<ChatSession> waiting(TenantId tenant, GroupId group) {
        return open(tenant).stream().filter(s -> s.status() == ChatStatus.WAITING && s.group().equals(group)).toList();
    }

    /**
     * Runs the work as one unit with the ticket store it shares a database with: the commits of
     * the tickets the work makes and the writes of this port commit together or not at all, so
     * that a ticketed session never exists without its ticket, nor the ticket without it. A result that
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
