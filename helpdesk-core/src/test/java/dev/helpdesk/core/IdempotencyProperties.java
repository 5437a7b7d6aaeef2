package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.printerBroken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Visibility;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Concurrent retries under one key never do a request twice, in memory. */
class IdempotencyProperties {

    @Property(tries = 60)
    void concurrent_retries_of_an_opening_under_one_key_yield_one_ticket_and_one_answer(
            @ForAll @IntRange(min = 2, max = 8) int retries, @ForAll @IntRange(min = 1, max = 3) int keys) throws Exception {
        Fixture f = new Fixture();
        IdempotentDesk keyed = f.desk.tenant(ACME).idempotent();
        TicketCommand.Open command = printerBroken(CAROL).build();
        List<Either<Rejection, Ticket>> answers = race(retries * keys,
                i -> () -> keyed.open(IdempotencyKey.of("open-" + i % keys), command, CAROL));

        List<Ticket> all = ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items();
        assertEquals(keys, all.size());
        assertEquals(keys, new HashSet<>(answers.stream().map(a -> ok(a).id()).toList()).size());
        for (int i = 0; i < answers.size(); i++) {
            assertEquals(answers.get(i % keys), answers.get(i));
        }
    }

    @Property(tries = 60)
    void concurrent_retries_of_a_reply_under_one_key_post_it_once(@ForAll @IntRange(min = 2, max = 8) int retries)
            throws Exception {
        Fixture f = new Fixture();
        Ticket t = f.openedBy(CAROL);
        IdempotentDesk keyed = f.desk.tenant(ACME).idempotent();
        List<Either<Rejection, Ticket>> answers = race(retries,
                i -> () -> keyed.reply(IdempotencyKey.of("reply"), t.id(), "Any news?", Channel.WEB_FORM, CAROL));

        long posted = ok(f.acme.get(t.id(), ANA)).messages().stream()
                .filter(m -> m.visibility() == Visibility.PUBLIC && m.body().equals("Any news?")).count();
        assertEquals(1, posted);
        answers.forEach(a -> assertEquals(answers.get(0), a));
    }

    interface Task {
        Callable<Either<Rejection, Ticket>> at(int index);
    }

    /** Runs the tasks on their own threads, released at once. */
    static List<Either<Rejection, Ticket>> race(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Either<Rejection, Ticket>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<Either<Rejection, Ticket>> call = task.at(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Either<Rejection, Ticket>> answers = new ArrayList<>();
            for (Future<Either<Rejection, Ticket>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
