package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.chat.ChatId;
import dev.helpdesk.spi.chat.ChatLine;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.chat.ChatStatus;
import dev.helpdesk.spi.chat.ChatStore;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChatStore} must keep, as JUnit 5 tests: sessions and transcripts
 * round-trip exactly, the next version saves and a stale one is refused with nothing written,
 * open sessions are listed longest waiting first, an agent's active chats are counted, tenants
 * never see each other's sessions, and of concurrent saves of one next version exactly one wins.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ChatStoreContract {
    /** The first tenant of the tests. */
    protected static final TenantId ACME = TenantId.of("acme");
    /** The second tenant of the tests. */
    protected static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00.123456789Z");
    private static final GroupId SUPPORT = GroupId.of("support");
    private static final Actor CARLA = Actor.customer("customer-carla");
    private static final Actor ANA = Actor.agent("agent-ana");
    private static final AtomicLong IDS = new AtomicLong();

    private ChatStore store;

    /** Creates the suite. */
    protected ChatStoreContract() {
    }

    /**
     * Makes an empty store for one test.
     *
     * @return a store with no sessions
     */
    protected abstract ChatStore createStore();

    private ChatStore store() {
        if (store == null) {
            store = createStore();
        }
        return store;
    }

    private static ChatSession waiting(Instant at) {
        return ChatSession.builder().id(ChatId.of(new UUID(0x0190_0000_0000_7000L, IDS.incrementAndGet())))
                .customer(CustomerId.of("customer-carla")).group(SUPPORT).waitingSince(at).status(ChatStatus.WAITING)
                .addTranscript(new ChatLine(at, CARLA, "Hello — is anyone there? ‘quotes’ \"and\" ; DROP")).version(1).build();
    }

    private static ChatSession taken(ChatSession s) {
        ChatSession.Builder b = ChatSession.builder();
        b.from(s);
        return b.agent(AgentId.of("agent-ana")).status(ChatStatus.ACTIVE).firstResponseAt(s.waitingSince().plusSeconds(20))
                .addTranscript(new ChatLine(s.waitingSince().plusSeconds(20), ANA, "Hi, I am here.\nHow can I help?"))
                .version(s.version() + 1).build();
    }

    @Test
    void a_session_and_its_transcript_read_back_exactly() {
        ChatSession s = waiting(T0);
        assertEquals(s, store().save(ACME, s).get());
        assertEquals(s, store().find(ACME, s.id()).get());

        ChatSession next = taken(s);
        assertEquals(next, store().save(ACME, next).get());
        assertEquals(next, store().find(ACME, s.id()).get());
    }

    @Test
    void a_stale_save_is_refused_and_writes_nothing() {
        ChatSession s = waiting(T0);
        store().save(ACME, s);
        ChatSession next = taken(s);
        store().save(ACME, next);

        Rejection again = store().save(ACME, taken(s)).getLeft();
        Rejection duplicate = store().save(ACME, s).getLeft();

        assertEquals(2, assertInstanceOf(Rejection.ConcurrentModification.class, again).actual());
        assertInstanceOf(Rejection.ConcurrentModification.class, duplicate);
        assertEquals(next, store().find(ACME, s.id()).get());
    }

    @Test
    void open_sessions_are_listed_longest_waiting_first_and_active_ones_counted() {
        ChatSession later = waiting(T0.plusNanos(1));
        ChatSession first = waiting(T0);
        ChatSession ended = waiting(T0.minus(Duration.ofHours(1)));
        store().save(ACME, later);
        store().save(ACME, first);
        store().save(ACME, ended);
        ChatSession active = taken(first);
        store().save(ACME, active);
        ChatSession.Builder done = ChatSession.builder();
        done.from(ended);
        store().save(ACME, done.status(ChatStatus.TICKETED).ticket(TckIds.ticketId()).version(2).build());

        assertEquals(List.of(active, later), store().open(ACME));
        assertEquals(1, store().activeOf(ACME, AgentId.of("agent-ana")));
        assertEquals(List.of(later), store().waiting(ACME, SUPPORT));
    }

    @Test
    void a_tenant_never_sees_another_tenants_sessions() {
        ChatSession s = waiting(T0);
        store().save(ACME, s);

        assertTrue(store().find(GLOBEX, s.id()).isEmpty());
        assertEquals(List.of(), store().open(GLOBEX));
        assertTrue(store().save(GLOBEX, s).isRight());
    }

    @Test
    void of_concurrent_saves_of_one_next_version_exactly_one_wins() throws Exception {
        ChatSession s = waiting(T0);
        store().save(ACME, s);
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                ChatSession next = taken(s);
                futures.add(pool.submit(() -> {
                    go.await();
                    return store.save(ACME, next).isRight();
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : futures) {
                won += f.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won);
            assertEquals(2, store().find(ACME, s.id()).get().transcript().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
