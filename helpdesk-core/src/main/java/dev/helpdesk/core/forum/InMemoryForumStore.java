package dev.helpdesk.core.forum;

import dev.helpdesk.spi.forum.ForumPost;
import dev.helpdesk.spi.forum.ForumStore;
import dev.helpdesk.spi.forum.PostId;
import dev.helpdesk.spi.forum.PostStatus;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Forum posts in memory; a save checks the version and writes in one atomic step. Thread-safe. */
public final class InMemoryForumStore implements ForumStore {
    private final Map<TenantId, Map<PostId, ForumPost>> posts = new ConcurrentHashMap<>();

    /** Makes an empty store. */
    public InMemoryForumStore() {
    }

    private Map<PostId, ForumPost> of(TenantId tenant) {
        return posts.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new ConcurrentHashMap<>());
    }

    @Override
    public Either<Rejection, ForumPost> save(TenantId tenant, ForumPost post) {
        long[] actual = {0};
        ForumPost stored = of(tenant).compute(post.id(), (id, before) -> {
            actual[0] = before == null ? 0 : before.version();
            return actual[0] == post.version() - 1 ? post : before;
        });
        return stored == post ? Either.right(post) : Either.left(new Rejection.ConcurrentModification("post",
                post.id().toString(), post.version() - 1, actual[0]));
    }

    @Override
    public Option<ForumPost> find(TenantId tenant, PostId id) {
        return Option.of(of(tenant).get(id));
    }

    @Override
    public List<ForumPost> unansweredBefore(TenantId tenant, Instant before) {
        return of(tenant).values().stream()
                .filter(p -> p.status() == PostStatus.UNANSWERED && p.postedAt().isBefore(before))
                .sorted(Comparator.comparing(ForumPost::postedAt).thenComparing(p -> p.id().value())).toList();
    }
}
