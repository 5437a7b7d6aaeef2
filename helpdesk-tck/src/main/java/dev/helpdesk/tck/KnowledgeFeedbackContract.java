package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.knowledge.ArticleFeedback;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleStats;
import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KnowledgeFeedbackStore} keeps: each kind is counted exactly,
 * recording an id twice counts it once, comments and tickets read back with instants to the
 * nanosecond, the latest come newest first, tenants and articles are isolated. An
 * implementation subclasses this class and supplies an empty store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class KnowledgeFeedbackContract {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-10-25T01:30:00.000000789Z");

    private KnowledgeFeedbackStore store;

    /** Creates the suite. */
    protected KnowledgeFeedbackContract() {
    }

    /**
     * Makes the store under test, once per test.
     *
     * @return a store that holds nothing
     */
    protected abstract KnowledgeFeedbackStore createStore();

    @BeforeEach
    final void createTheStore() {
        store = createStore();
    }

    private static ArticleId article() {
        return ArticleId.of(TckIds.ticketId().value());
    }

    private static ArticleFeedback.Builder feedback(TenantId tenant, ArticleId article, ArticleFeedback.Kind kind, int second) {
        return ArticleFeedback.builder().id(TckIds.messageId().value()).tenant(tenant).article(article).kind(kind)
                .actor(Actor.customer("c-" + second)).at(T0.plusSeconds(second));
    }

    @Test
    void every_kind_is_counted_exactly_and_an_id_recorded_twice_counts_once() {
        ArticleId a = article();
        assertEquals(ArticleStats.NONE, store.stats(ACME, a));
        ArticleFeedback vote = feedback(ACME, a, ArticleFeedback.Kind.HELPFUL, 1).build();
        assertTrue(store.record(vote));
        assertFalse(store.record(vote));
        store.record(feedback(ACME, a, ArticleFeedback.Kind.HELPFUL, 2).build());
        store.record(feedback(ACME, a, ArticleFeedback.Kind.NOT_HELPFUL, 3).comment("Step 3 is missing").build());
        store.record(feedback(ACME, a, ArticleFeedback.Kind.DEFLECTION, 4).build());
        store.record(feedback(ACME, a, ArticleFeedback.Kind.LINKED, 5).actor(Actor.agent("ann"))
                .ticket(TckIds.ticketId()).build());
        store.record(feedback(ACME, a, ArticleFeedback.Kind.SOLVED_TICKET, 6).actor(Actor.agent("ann"))
                .ticket(TckIds.ticketId()).build());
        store.record(feedback(ACME, a, ArticleFeedback.Kind.DEFLECTION, 7).ticket(TckIds.ticketId()).build());
        assertEquals(new ArticleStats(2, 2, 1, 1, 1), store.stats(ACME, a));
    }

    @Test
    void the_latest_come_newest_first_with_comments_tickets_and_exact_instants() {
        ArticleId a = article();
        ArticleFeedback first = feedback(ACME, a, ArticleFeedback.Kind.NOT_HELPFUL, 1)
                .comment("Zu kurz — «нет» 😀\nzweite Zeile").build();
        ArticleFeedback second = feedback(ACME, a, ArticleFeedback.Kind.SOLVED_TICKET, 2).actor(Actor.agent("ann"))
                .ticket(TckIds.ticketId()).build();
        ArticleFeedback third = feedback(ACME, a, ArticleFeedback.Kind.HELPFUL, 3).actor(Actor.integration("portal")).build();
        store.record(first);
        store.record(third);
        store.record(second);
        assertEquals(List.of(third, second, first), store.latest(ACME, a, 10));
        assertEquals(List.of(third), store.latest(ACME, a, 1));
        assertThrows(IllegalArgumentException.class, () -> store.latest(ACME, a, 0));
        assertThrows(IllegalArgumentException.class, () -> store.latest(ACME, a, 501));
    }

    @Test
    void tenants_and_articles_are_isolated() {
        ArticleId a = article();
        ArticleId b = article();
        store.record(feedback(ACME, a, ArticleFeedback.Kind.HELPFUL, 1).build());
        store.record(feedback(GLOBEX, a, ArticleFeedback.Kind.NOT_HELPFUL, 1).build());
        store.record(feedback(ACME, b, ArticleFeedback.Kind.DEFLECTION, 1).build());
        assertEquals(new ArticleStats(0, 1, 0, 0, 0), store.stats(ACME, a));
        assertEquals(new ArticleStats(0, 0, 1, 0, 0), store.stats(GLOBEX, a));
        assertEquals(new ArticleStats(1, 0, 0, 0, 0), store.stats(ACME, b));
        assertTrue(store.latest(GLOBEX, b, 10).isEmpty());
        assertEquals(UUID.class, store.latest(ACME, a, 10).get(0).id().getClass());
    }
}
