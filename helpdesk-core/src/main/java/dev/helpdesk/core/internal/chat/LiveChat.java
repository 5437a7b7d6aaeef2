package dev.helpdesk.core.internal.chat;

import dev.helpdesk.core.chat.ChatSettings;
import dev.helpdesk.core.chat.FirstResponse;
import dev.helpdesk.core.internal.idempotency.KeyedRequests;
import dev.helpdesk.core.internal.pipeline.Commands;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.chat.ChatId;
import dev.helpdesk.spi.chat.ChatLine;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.chat.ChatStatus;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentDirectory;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.IdGenerator;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a live chat: start (a customer waits in a group; with no agent of the group free
 * for chat the chat becomes a ticket at once), take (an agent of the group), say, end (solved or
 * not), and the sweep of chats that waited past their group's limit. A chat that becomes a ticket
 * tells the customer so in its last line; its ticket holds the transcript.
 *
 * <p>Every change of a session is a save of its next version: a change that raced another is
 * refused as a conflict, never applied on stale state. A chat's ticket is opened under an
 * idempotency key made from the chat's id, so a chat that is ended or swept twice (a retry, two
 * sweeps at once) is still one ticket.
 */
public final class LiveChat {
    private static final Logger LOG = LoggerFactory.getLogger(LiveChat.class);
    /** Who registers a chat as a ticket. */
    public static final Actor CHAT = Actor.integration("live-chat");
    /** Who writes the desk's lines in a transcript. */
    public static final Actor DESK = Actor.system("chat");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ChatSettings settings;
    private final Commands commands;
    private final KeyedRequests keyed;
    private final AgentDirectory agents;
    private final Clock clock;
    private final IdGenerator ids;

    /**
     * Makes the chat.
     *
     * @param settings its settings
     * @param commands the command path
     * @param keyed    keyed requests, so a chat is ticketed once
     * @param agents   the host's agents
     * @param clock    the desk's clock
     * @param ids      the desk's id generator
     */
    public LiveChat(ChatSettings settings, Commands commands, KeyedRequests keyed, AgentDirectory agents, Clock clock,
                    IdGenerator ids) {
        this.settings = settings;
        this.commands = commands;
        this.keyed = keyed;
        this.agents = agents;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The settings in force.
     *
     * @return the settings
     */
    public ChatSettings settings() {
        return settings;
    }

    /**
     * A customer starts a chat in a group.
     *
     * @param tenant   the tenant
     * @param customer the customer
     * @param group    the group
     * @param text     the first line
     * @return the session: waiting, or already a ticket when no agent of the group is free
     */
    public Either<Rejection, ChatSession> start(TenantId tenant, Actor customer, GroupId group, String text) {
        if (!(customer instanceof Actor.Customer c)) {
            return Either.left(customer == null ? Rejection.Invalid.of("actor", "is required")
                    : new Rejection.NotAllowed("only a customer starts a chat"));
        }
        if (group == null) {
            return Either.left(Rejection.Invalid.of("group", "is required"));
        }
        Either<Rejection, String> line = line(text);
        if (line.isLeft()) {
            return Either.left(line.getLeft());
        }
        Instant now = clock.instant();
        ChatSession started = ChatSession.builder().id(ChatId.of(ids.next())).customer(c.id()).group(group)
                .waitingSince(now).status(ChatStatus.WAITING).addTranscript(new ChatLine(now, customer, line.get()))
                .version(1).build();
        Either<Rejection, ChatSession> saved = settings.store().save(tenant, started);
        if (saved.isLeft() || freeAgent(tenant, group).isPresent()) {
            return saved;
        }
        return ticket(tenant, saved.get(), Optional.empty(),
                "No agent is free to chat right now, so your chat is now ticket %s: we will answer you there.");
    }

    /**
     * An agent takes a waiting chat.
     *
     * @param tenant the tenant
     * @param id     the chat
     * @param actor  the agent, a member of the chat's group
     * @return the active session
     */
    public Either<Rejection, ChatSession> take(TenantId tenant, ChatId id, Actor actor) {
        if (!(actor instanceof Actor.Agent agent)) {
            return Either.left(actor == null ? Rejection.Invalid.of("actor", "is required")
                    : new Rejection.NotAllowed("only an agent takes a chat"));
        }
        return find(tenant, id).flatMap(s -> {
            if (s.status() != ChatStatus.WAITING) {
                return Either.left(new Rejection.InvalidTransition("take", s.status().name(), "only a waiting chat is taken"));
            }
            if (agents.members(tenant, s.group()).stream().noneMatch(a -> a.id().equals(agent.id()))) {
                return Either.left(new Rejection.NotAllowed("agent " + agent.id() + " is not in group " + s.group()));
            }
            return settings.store().save(tenant, next(s, b -> b.agent(agent.id()).status(ChatStatus.ACTIVE)));
        });
    }

    /**
     * Someone in the chat writes a line: the customer, or the agent who took it.
     *
     * @param tenant the tenant
     * @param id     the chat
     * @param text   the line
     * @param actor  the customer or the agent
     * @return the session with the line
     */
    public Either<Rejection, ChatSession> say(TenantId tenant, ChatId id, String text, Actor actor) {
        Either<Rejection, String> line = line(text);
        if (line.isLeft()) {
            return Either.left(line.getLeft());
        }
        return find(tenant, id).flatMap(s -> {
            if (s.status().isFinal()) {
                return Either.left(new Rejection.InvalidTransition("say", s.status().name(), "the chat has ended"));
            }
            boolean isCustomer = actor instanceof Actor.Customer c && c.id().equals(s.customer());
            boolean isAgent = actor instanceof Actor.Agent a && s.agent().equals(Optional.of(a.id()));
            if (!isCustomer && !isAgent) {
                return Either.left(actor instanceof Actor.Customer ? new Rejection.NotFound("chat", id.toString())
                        : new Rejection.NotAllowed("only the chat's customer and its agent write in it"));
            }
            Instant now = clock.instant();
            return settings.store().save(tenant, next(s, b -> {
                b.addTranscript(new ChatLine(now, actor, line.get()));
                if (isAgent && s.firstResponseAt().isEmpty()) {
                    b.firstResponseAt(now);
                }
                return b;
            }));
        });
    }

    /**
     * The agent ends an active chat, or the customer leaves it. Solved, it is registered as a
     * ticket assigned to the agent and solved; unsolved, as an open ticket with the transcript.
     *
     * @param tenant the tenant
     * @param id     the chat
     * @param solved whether the request was solved in the chat (only the agent says so)
     * @param actor  the agent or the customer
     * @return the ended session with its ticket
     */
    public Either<Rejection, ChatSession> end(TenantId tenant, ChatId id, boolean solved, Actor actor) {
        return find(tenant, id).flatMap(s -> {
            if (s.status().isFinal()) {
                return Either.left(new Rejection.InvalidTransition("end", s.status().name(), "the chat has ended"));
            }
            boolean isAgent = actor instanceof Actor.Agent a && s.agent().equals(Optional.of(a.id()));
            boolean isCustomer = actor instanceof Actor.Customer c && c.id().equals(s.customer());
            if (!isAgent && !isCustomer) {
                return Either.left(actor instanceof Actor.Customer ? new Rejection.NotFound("chat", id.toString())
                        : new Rejection.NotAllowed("only the chat's agent or its customer ends it"));
            }
            if (solved && !isAgent) {
                return Either.left(new Rejection.NotAllowed("only the chat's agent says a chat is solved"));
            }
            return solved ? ticket(tenant, s, s.agent(), null)
                    : ticket(tenant, s, s.agent(), "The chat ended before your question was solved: it continues as ticket %s.");
        });
    }

    /**
     * Turns every chat of a tenant that has waited past its group's limit into a ticket.
     *
     * @param tenant the tenant
     * @return the chats that became tickets
     */
    public List<ChatSession> sweep(TenantId tenant) {
        Instant now = clock.instant();
        List<ChatSession> ticketed = new ArrayList<>();
        for (ChatSession s : settings.store().open(tenant)) {
            if (s.status() == ChatStatus.WAITING
                    && Duration.between(s.waitingSince(), now).compareTo(settings.waitLimit(s.group())) > 0) {
                ticket(tenant, s, Optional.empty(),
                        "Nobody could take your chat in time, so it is now ticket %s: we will answer you there.")
                        .peek(ticketed::add)
                        .peekLeft(r -> LOG.debug("chat {} was not swept: {}", s.id(), r.message()));
            }
        }
        return List.copyOf(ticketed);
    }

    /**
     * How a chat's first response stands against the target.
     *
     * @param tenant the tenant
     * @param id     the chat
     * @return the figure
     */
    public Either<Rejection, FirstResponse> firstResponse(TenantId tenant, ChatId id) {
        Duration target = settings.firstResponseTarget();
        return find(tenant, id).map(s -> {
            Optional<Duration> took = s.firstResponseAt().map(at -> Duration.between(s.waitingSince(), at));
            boolean breached = took.map(t -> t.compareTo(target) > 0).orElseGet(() -> !s.status().isFinal()
                    && Duration.between(s.waitingSince(), clock.instant()).compareTo(target) > 0);
            return new FirstResponse(target, took, breached);
        });
    }

    /**
     * Reads a session.
     *
     * @param tenant the tenant
     * @param id     the chat
     * @return the session, or not found
     */
    public Either<Rejection, ChatSession> find(TenantId tenant, ChatId id) {
        if (id == null) {
            return Either.left(Rejection.Invalid.of("chat id", "is required"));
        }
        return settings.store().find(tenant, id).toEither(() -> new Rejection.NotFound("chat", id.toString()));
    }

    /** Registers a chat as a ticket (once, whatever retries), and ends it with the customer told. */
    private Either<Rejection, ChatSession> ticket(TenantId tenant, ChatSession s, Optional<AgentId> agent, String told) {
        // the ticket's commits and the session's save: one unit of the chat store
        return settings.store().unit(() -> ticketInUnit(tenant, s, agent, told), Either::isRight);
    }

    private Either<Rejection, ChatSession> ticketInUnit(TenantId tenant, ChatSession s, Optional<AgentId> agent,
                                                        String told) {
        boolean solved = told == null;
        TicketCommand.Open open = TicketCommand.open().subject(subject(s)).body(transcript(s)).channel(Channel.LIVE_CHAT)
                .category(settings.category()).requester(s.customer()).group(s.group()).build();
        IdempotencyKey key = IdempotencyKey.of("chat:" + s.id());
        Either<Rejection, Ticket> opened = keyed.run(tenant, key, "chat ticket " + s.id(), CHAT,
                commit -> commands.open(tenant, open, CHAT, commit));
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        Ticket ticket = opened.get();
        if (agent.isPresent()) {
            Actor by = Actor.agent(agent.get().value());
            Either<Rejection, Ticket> placed = commands.execute(tenant, ticket.id(), new TicketCommand.Assign(agent.get()), by);
            if (solved) {
                placed = placed.flatMap(t -> commands.execute(tenant, t.id(), new TicketCommand.Solve(), by));
            }
            placed.peekLeft(r -> LOG.warn("chat ticket {} was not {}: {}", ticket.number(),
                    solved ? "assigned and solved" : "assigned", r.message()));
        }
        if (!solved) {
            // the customer is told by a notice too (in their language, through the Notifier), not only in the transcript
            commands.execute(tenant, ticket.id(), new TicketCommand.NotifyCustomer("the chat " + s.id()
                    + " became this ticket"), DESK).peekLeft(r -> LOG.warn("the customer of chat {} was not told of ticket {}: {}",
                    s.id(), ticket.number(), r.message()));
        }
        Instant now = clock.instant();
        return settings.store().save(tenant, next(s, b -> {
            b.status(solved ? ChatStatus.SOLVED : ChatStatus.TICKETED).ticket(ticket.id());
            if (!solved) {
                b.addTranscript(new ChatLine(now, DESK, String.format(told, ticket.number())));
            }
            return b;
        }));
    }

    private Optional<AgentProfile> freeAgent(TenantId tenant, GroupId group) {
        return agents.members(tenant, group).stream()
                .filter(a -> a.available() && a.capacityOn(Channel.LIVE_CHAT) > settings.store().activeOf(tenant, a.id()))
                .findFirst();
    }

    private static ChatSession next(ChatSession s, UnaryOperator<ChatSession.Builder> change) {
        ChatSession.Builder b = ChatSession.builder();
        b.from(s);
        return change.apply(b).version(s.version() + 1).build();
    }

    private static String subject(ChatSession s) {
        String first = s.transcript().get(0).text().strip().replaceAll("\\s+", " ");
        return "Chat: " + (first.length() > 80 ? first.substring(0, 79) + "…" : first);
    }

    private static String transcript(ChatSession s) {
        StringBuilder text = new StringBuilder();
        for (ChatLine line : s.transcript()) {
            text.append('[').append(TIME.format(line.at())).append(" UTC] ").append(line.author().display()).append(": ")
                    .append(line.text()).append('\n');
        }
        return text.toString();
    }

    private static Either<Rejection, String> line(String text) {
        if (text == null || text.isBlank()) {
            return Either.left(Rejection.Invalid.of("text", "is required"));
        }
        if (text.length() > ChatLine.MAX_LENGTH) {
            return Either.left(Rejection.Invalid.of("text", "must be at most " + ChatLine.MAX_LENGTH + " characters"));
        }
        if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t')) {
            return Either.left(Rejection.Invalid.of("text", "must not hold control characters"));
        }
        return Either.right(text);
    }
}
