package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.ExternalMessageRecord;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract of the index of external message ids ({@link ExternalMessages}): a store that
 * implements it records every {@code ExternalMessageLinked} event of a commit atomically with
 * the commit, and refuses a commit that links an id linked already with
 * {@link Rejection.ConcurrentModification} ({@code what} = {@link ExternalMessages#TAKEN}),
 * writing nothing of it, also when many commits race with the same id. Ids are per tenant and
 * per channel. A store that indexes external ids subclasses this suite beside
 * {@link TicketStoreContract}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ExternalMessagesContract {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

    private TicketStore store;
    private ExternalMessages index;
    private final AtomicLong numbers = new AtomicLong();

    /** Creates the suite. */
    protected ExternalMessagesContract() {
    }

    /**
     * Makes the store under test, once per test.
     *
     * @return a store that holds no tickets of any tenant and implements {@link ExternalMessages}
     */
    protected abstract TicketStore createStore();

    /**
     * How many commits race with the same external id.
     *
     * @return 8 by default
     */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void freshStore() {
        store = createStore();
        index = (ExternalMessages) store;
        numbers.set(0);
    }

    private TicketChangeBuilder opening(TenantId tenant) {
        return TicketChangeBuilder.open(tenant, TicketNumber.of(numbers.incrementAndGet()), T0);
    }

    private Ticket committed(TenantId tenant, TicketChangeBuilder change) {
        Either<Rejection, Ticket> result = store.commit(tenant, change.build());
        assertTrue(result.isRight(), () -> "commit refused: " + result.getLeft());
        return result.get();
    }

    @Test
    void a_linked_id_is_found_with_its_ticket_and_message() {
        Ticket ticket = committed(ACME, opening(ACME).reply(new Actor.Customer(TicketChangeBuilder.DEFAULT_REQUESTER), "Hello")
                .linkExternal(Channel.EMAIL, "abc@example.com", false));

        ExternalMessageRecord found = index.find(ACME, Channel.EMAIL, ExternalMessageId.of("abc@example.com")).orElseThrow();

        assertEquals(ticket.id(), found.ticket());
        assertEquals(ticket.messages().get(ticket.messages().size() - 1).id(), found.message());
        assertEquals(ACME, found.tenant());
        assertEquals(Channel.EMAIL, found.channel());
        assertEquals(false, found.outbound());
    }

    @Test
    void an_id_never_linked_is_not_found() {
        committed(ACME, opening(ACME).linkExternal(Channel.EMAIL, "abc@example.com", false));

        assertEquals(Optional.empty(), index.find(ACME, Channel.EMAIL, ExternalMessageId.of("other@example.com")));
    }

    @Test
    void ids_are_per_tenant_and_per_channel() {
        committed(ACME, opening(ACME).linkExternal(Channel.EMAIL, "same-id", false));

        assertEquals(Optional.empty(), index.find(GLOBEX, Channel.EMAIL, ExternalMessageId.of("same-id")));
        assertEquals(Optional.empty(), index.find(ACME, Channel.LIVE_CHAT, ExternalMessageId.of("same-id")));
        committed(GLOBEX, opening(GLOBEX).linkExternal(Channel.EMAIL, "same-id", false));
        committed(ACME, opening(ACME).linkExternal(Channel.LIVE_CHAT, "same-id", false));
    }

    @Test
    void a_commit_that_links_a_taken_id_is_refused_whole() {
        Ticket first = committed(ACME, opening(ACME).linkExternal(Channel.EMAIL, "dup@example.com", false));
        TicketChangeBuilder second = opening(ACME).linkExternal(Channel.EMAIL, "dup@example.com", false);
        Ticket secondTicket = second.build().newState();

        Either<Rejection, Ticket> refused = store.commit(ACME, second.build());

        Rejection.ConcurrentModification why = assertInstanceOf(Rejection.ConcurrentModification.class, refused.getLeft());
        assertEquals(ExternalMessages.TAKEN, why.what());
        assertEquals("dup@example.com", why.id());
        assertTrue(store.find(ACME, secondTicket.id()).isEmpty(), "nothing of the refused commit is written");
        assertEquals(first.id(), index.find(ACME, Channel.EMAIL, ExternalMessageId.of("dup@example.com")).orElseThrow().ticket());
    }

    @Test
    void a_taken_id_refuses_a_change_of_an_existing_ticket_and_leaves_it_at_its_version() {
        Ticket ticket = committed(ACME, opening(ACME).linkExternal(Channel.EMAIL, "one@example.com", false));

        Either<Rejection, Ticket> refused = store.commit(ACME, TicketChangeBuilder.on(ticket)
                .reply(new Actor.Customer(TicketChangeBuilder.DEFAULT_REQUESTER), "Again").linkExternal(Channel.EMAIL, "one@example.com", false)
                .build());

        assertTrue(refused.isLeft());
        assertEquals(ticket.version(), store.find(ACME, ticket.id()).get().version());
    }

    @Test
    void the_first_known_of_several_references_is_found_in_their_order() {
        Ticket older = committed(ACME, opening(ACME).linkExternal(Channel.EMAIL, "older@example.com", false));
        Ticket newer = committed(ACME, opening(ACME).linkExternal(Channel.EMAIL, "newer@example.com", true));

        ExternalMessageRecord found = index.findFirst(ACME, Channel.EMAIL, List.of(ExternalMessageId.of("unknown@x"),
                ExternalMessageId.of("newer@example.com"), ExternalMessageId.of("older@example.com"))).orElseThrow();

        assertEquals(newer.id(), found.ticket());
        assertTrue(found.outbound());
        assertEquals(older.id(), index.findFirst(ACME, Channel.EMAIL, List.of(ExternalMessageId.of("older@example.com"),
                ExternalMessageId.of("newer@example.com"))).orElseThrow().ticket());
        assertEquals(Optional.empty(), index.findFirst(ACME, Channel.EMAIL, List.of()));
    }

    @Test
    void of_many_commits_racing_with_the_same_id_exactly_one_is_written() throws Exception {
        int racers = racers();
        List<TicketChangeBuilder> changes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            changes.add(opening(ACME).linkExternal(Channel.EMAIL, "race@example.com", false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Either<Rejection, Ticket>> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Either<Rejection, Ticket>>> futures = new ArrayList<>();
            for (TicketChangeBuilder change : changes) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return store.commit(ACME, change.build());
                }));
            }
            start.countDown();
            for (Future<Either<Rejection, Ticket>> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Ticket> written = results.stream().filter(Either::isRight).map(Either::get).toList();
        assertEquals(1, written.size(), results.toString());
        results.stream().filter(Either::isLeft).forEach(r -> assertEquals(ExternalMessages.TAKEN,
                ((Rejection.ConcurrentModification) r.getLeft()).what()));
        assertEquals(written.get(0).id(), index.find(ACME, Channel.EMAIL, ExternalMessageId.of("race@example.com"))
                .orElseThrow().ticket());
    }

    @Test
    void links_and_attachments_read_back_from_the_history_as_committed() {
        TicketChangeBuilder change = opening(ACME).reply(new Actor.Customer(TicketChangeBuilder.DEFAULT_REQUESTER), "Hello")
                .linkExternal(Channel.EMAIL, "files@example.com", false)
                .attach("invoice scan ü.pdf", "application/pdf", 5_000_000_000L, false)
                .attach("logo.png", "image/png", 0, true);
        TicketChange built = change.build();
        Ticket ticket = committed(ACME, change);

        List<TicketEvent> read = store.history(ACME, ticket.id()).stream().map(RecordedEvent::event).toList();

        assertEquals(built.events(), read);
    }
}
