package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.forum.ForumPost;
import dev.helpdesk.spi.forum.ForumStore;
import dev.helpdesk.spi.forum.PostId;
import dev.helpdesk.spi.forum.PostStatus;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ForumStore} must keep, as JUnit 5 tests: posts round-trip exactly,
 * the next version saves and a stale or duplicate one is refused with nothing written, the posts
 * still unanswered before a time are found oldest first, and tenants never see each other's posts.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ForumStoreContract {
    /** The first tenant of the tests. */
    protected static final TenantId ACME = TenantId.of("acme");
    /** The second tenant of the tests. */
    protected static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00.123456789Z");

    private ForumStore store;

    /** Creates the suite. */
    protected ForumStoreContract() {
    }

    /**
     * Makes an empty store for one test.
     *
     * @return a store with no posts
     */
    protected abstract ForumStore createStore();

    private ForumStore store() {
        if (store == null) {
            store = createStore();
        }
        return store;
    }

    private static ForumPost post(String id, Instant at) {
        return ForumPost.builder().id(PostId.of(id)).author(CustomerId.of("customer-carla"))
                .title("Export to CSV loses accents — Zoë").body("Names come out as Zo?.\n'quoted' ; DROP TABLE x")
                .postedAt(at).status(PostStatus.UNANSWERED).version(1).build();
    }

    private static ForumPost next(ForumPost p, PostStatus status, Optional<String> answer) {
        ForumPost.Builder b = ForumPost.builder();
        b.from(p);
        return b.status(status).answer(answer).ticket(TckIds.ticketId()).version(p.version() + 1).build();
    }

    @Test
    void a_post_reads_back_exactly_through_its_changes() {
        ForumPost p = post("t-1", T0);
        assertEquals(p, store().save(ACME, p).get());
        assertEquals(p, store().find(ACME, p.id()).get());
        ForumPost answered = next(p, PostStatus.ANSWERED, Optional.of("Use UTF-8. ✓"));
        assertEquals(answered, store().save(ACME, answered).get());
        assertEquals(answered, store().find(ACME, p.id()).get());
    }

    @Test
    void a_stale_or_duplicate_save_is_refused_and_writes_nothing() {
        ForumPost p = post("t-2", T0);
        store().save(ACME, p);
        ForumPost picked = next(p, PostStatus.PICKED_UP, Optional.empty());
        store().save(ACME, picked);

        assertInstanceOf(Rejection.ConcurrentModification.class,
                store().save(ACME, next(p, PostStatus.COMMUNITY_ANSWERED, Optional.empty())).getLeft());
        assertInstanceOf(Rejection.ConcurrentModification.class, store().save(ACME, post("t-2", T0)).getLeft());
        assertEquals(picked, store().find(ACME, p.id()).get());
    }

    @Test
    void the_posts_unanswered_before_a_time_are_found_oldest_first() {
        ForumPost second = post("t-4", T0.plusNanos(1));
        ForumPost first = post("t-3", T0);
        ForumPost answered = post("t-5", T0.minus(Duration.ofDays(1)));
        store().save(ACME, second);
        store().save(ACME, first);
        store().save(ACME, answered);
        store().save(ACME, next(answered, PostStatus.COMMUNITY_ANSWERED, Optional.empty()));

        assertEquals(List.of(first, second), store().unansweredBefore(ACME, T0.plusSeconds(1)));
        assertEquals(List.of(first), store().unansweredBefore(ACME, T0.plusNanos(1)));
        assertEquals(List.of(), store().unansweredBefore(ACME, T0));
    }

    @Test
    void a_tenant_never_sees_another_tenants_posts() {
        ForumPost p = post("t-6", T0);
        store().save(ACME, p);

        assertTrue(store().find(GLOBEX, p.id()).isEmpty());
        assertEquals(List.of(), store().unansweredBefore(GLOBEX, T0.plusSeconds(1)));
        assertTrue(store().save(GLOBEX, p).isRight());
    }
}
