package dev.helpdesk.core;

import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/** A small test DSL: one desk on a settable clock, two tenants, a few people. */
final class Fixture {
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final Actor ANA = Actor.agent("ana");
    static final Actor BEN = Actor.agent("ben");
    static final Actor CAROL = Actor.customer("carol");
    static final Actor DAVE = Actor.customer("dave");
    static final Actor MAILER = Actor.integration("mail-gateway");
    static final Actor RULE = Actor.system("escalation");

    final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    final Helpdesk desk;
    final TicketDesk acme;
    final TicketDesk globex;

    Fixture() {
        this(UnaryOperator.identity());
    }

    Fixture(UnaryOperator<Helpdesk.Builder> configure) {
        desk = configure.apply(Helpdesk.builder()
                .clock(clock)
                .idGenerator(new TimeOrderedIdGenerator(clock, new SplittableRandom(42))))
                .build();
        acme = desk.tenant(ACME).tickets();
        globex = desk.tenant(GLOBEX).tickets();
    }

    static TicketCommand.Open.Builder printerBroken(Actor requester) {
        return TicketCommand.open()
                .subject("Printer offline")
                .body("The office printer stopped printing this morning.")
                .channel(Channel.EMAIL)
                .category(Category.HARDWARE)
                .requester(((Actor.Customer) requester).id());
    }

    Ticket openedBy(Actor customer) {
        return ok(acme.open(printerBroken(customer).build(), customer));
    }

    Ticket openedFor(Actor customer, Actor by) {
        return ok(acme.open(printerBroken(customer).build(), by));
    }

    static CustomerId idOf(Actor customer) {
        return ((Actor.Customer) customer).id();
    }

    static <T> T ok(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail("expected success, got " + result.getLeft().message());
        }
        return result.get();
    }

    static <T> Rejection rejected(Either<Rejection, T> result) {
        if (result.isRight()) {
            fail("expected a rejection, got " + result.get());
        }
        return result.getLeft();
    }
}
