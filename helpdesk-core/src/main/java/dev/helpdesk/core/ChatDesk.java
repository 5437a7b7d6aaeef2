package dev.helpdesk.core;

import dev.helpdesk.core.chat.FirstResponse;
import dev.helpdesk.core.internal.chat.LiveChat;
import dev.helpdesk.spi.chat.ChatId;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.util.List;

/**
 * A tenant's live chat. A customer starts a chat in a group and waits; an agent of the group
 * takes it; both write lines; the agent ends it solved, or it ends unsolved. The chat becomes a
 * ticket on the live-chat channel with the transcript as its description when no agent of the
 * group is free for chat as it starts, when it waits longer than its group's limit
 * ({@link #sweep}, which the host calls every few seconds), or when it ends unsolved; its last
 * line then tells the customer the ticket's number. A chat ended solved is registered as a ticket
 * assigned to the agent and solved. The first agent line is the chat's first response, measured
 * against chat's own target in seconds ({@link #firstResponse}).
 *
 * <p>Bad input gets a {@link Rejection} and changes nothing: an unknown chat (not found, also
 * another customer's), a line in a chat that has ended ({@link Rejection.InvalidTransition}), an
 * empty or too long line ({@code text}), a take by an agent outside the group or of a chat that
 * is not waiting, a solve by anyone but the chat's agent. Two changes of one chat at once: one
 * wins, the other gets {@link Rejection.ConcurrentModification}.
 */
public final class ChatDesk {
    private final LiveChat chat;
    private final TenantId tenant;

    ChatDesk(LiveChat chat, TenantId tenant) {
        this.chat = chat;
        this.tenant = tenant;
    }

    /**
     * A customer starts a chat.
     *
     * @param group    the group whose agents take it
     * @param text     the customer's first line
     * @param customer the customer
     * @return the waiting chat, or the chat already registered as a ticket when no agent of the
     *         group is free
     */
    public Either<Rejection, ChatSession> start(GroupId group, String text, Actor customer) {
        return chat.start(tenant, customer, group, text);
    }

    /**
     * An agent of the chat's group takes a waiting chat.
     *
     * @param id    the chat
     * @param agent the agent
     * @return the active chat
     */
    public Either<Rejection, ChatSession> take(ChatId id, Actor agent) {
        return chat.take(tenant, id, agent);
    }

    /**
     * The customer or the chat's agent writes a line.
     *
     * @param id    the chat
     * @param text  the line, 1 to 4000 characters
     * @param actor who writes
     * @return the chat with the line
     */
    public Either<Rejection, ChatSession> say(ChatId id, String text, Actor actor) {
        return chat.say(tenant, id, text, actor);
    }

    /**
     * Ends a chat: the agent says whether it was solved; the customer leaving ends it unsolved.
     *
     * @param id     the chat
     * @param solved whether the request was solved in the chat
     * @param actor  the chat's agent or its customer
     * @return the ended chat with its ticket
     */
    public Either<Rejection, ChatSession> end(ChatId id, boolean solved, Actor actor) {
        return chat.end(tenant, id, solved, actor);
    }

    /**
     * Turns the chats that waited longer than their group's limit into tickets, telling each
     * customer so. Safe to run from several host instances at once: a chat becomes one ticket.
     *
     * @return the chats that became tickets
     */
    public List<ChatSession> sweep() {
        return chat.sweep(tenant);
    }

    /**
     * Reads a chat. Staff read any chat of the tenant; a customer only their own.
     *
     * @param id    the chat
     * @param actor who reads
     * @return the chat, or not found
     */
    public Either<Rejection, ChatSession> get(ChatId id, Actor actor) {
        return chat.find(tenant, id).flatMap(s -> actor instanceof Actor.Customer c && !c.id().equals(s.customer())
                ? Either.left(new Rejection.NotFound("chat", id.toString())) : Either.right(s));
    }

    /**
     * How a chat's first response stands against chat's own target.
     *
     * @param id the chat
     * @return the figure, or not found
     */
    public Either<Rejection, FirstResponse> firstResponse(ChatId id) {
        return chat.firstResponse(tenant, id);
    }
}
