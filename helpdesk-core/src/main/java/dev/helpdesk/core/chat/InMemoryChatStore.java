package dev.helpdesk.core.chat;

import dev.helpdesk.spi.chat.ChatId;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.chat.ChatStore;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat sessions in memory. A save checks the version and writes in one atomic step per session.
 * Thread-safe.
 */
public final class InMemoryChatStore implements ChatStore {
    private final Map<TenantId, Map<ChatId, ChatSession>> sessions = new ConcurrentHashMap<>();

    /** Makes an empty store. */
    public InMemoryChatStore() {
    }

    private Map<ChatId, ChatSession> of(TenantId tenant) {
        return sessions.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new ConcurrentHashMap<>());
    }

    @Override
    public Either<Rejection, ChatSession> save(TenantId tenant, ChatSession session) {
        long[] actual = {0};
        ChatSession stored = of(tenant).compute(session.id(), (id, before) -> {
            actual[0] = before == null ? 0 : before.version();
            return actual[0] == session.version() - 1 ? session : before;
        });
        return stored == session ? Either.right(session) : Either.left(new Rejection.ConcurrentModification("chat",
                session.id().toString(), session.version() - 1, actual[0]));
    }

    @Override
    public Option<ChatSession> find(TenantId tenant, ChatId id) {
        return Option.of(of(tenant).get(id));
    }

    @Override
    public List<ChatSession> open(TenantId tenant) {
        return of(tenant).values().stream().filter(s -> !s.status().isFinal())
                .sorted(Comparator.comparing(ChatSession::waitingSince).thenComparing(s -> s.id().value())).toList();
    }
}
