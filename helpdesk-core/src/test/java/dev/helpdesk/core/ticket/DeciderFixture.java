package dev.helpdesk.core.ticket;

import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tickets;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Fixtures for the decider's tests: a decider with custom fields, people, and tickets made by the decider itself. */
final class DeciderFixture {
    static final TenantId ACME = TenantId.of("acme");
    static final Actor ANA = Actor.agent("ana");
    static final Actor CAROL = Actor.customer("carol");
    static final Actor DAVE = Actor.customer("dave");
    static final Actor MAILER = Actor.integration("mail-gateway");
    static final Actor RULE = Actor.system("escalation:vip");
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static final CustomField CONTRACT = CustomField.number("contract-value");
    static final CustomField PRODUCT = CustomField.text("product").withAccess(CustomField.Access.CUSTOMER_SETS);
    static final CustomField REGION = CustomField.text("region").withAccess(CustomField.Access.CUSTOMER_SEES);
    static final TicketDecider DECIDER = new TicketDecider(Set.copyOf(Category.defaults()), List.of(CONTRACT, PRODUCT, REGION));

    private static final AtomicLong IDS = new AtomicLong();

    private DeciderFixture() {
    }

    static Supplier<MessageId> messageIds() {
        return () -> new MessageId(new UUID(7, IDS.incrementAndGet()));
    }

    static TicketCommand.Open.Builder printer(Actor customer) {
        return TicketCommand.open()
                .subject("Printer offline")
                .body("The office printer stopped printing this morning.")
                .channel(Channel.EMAIL)
                .category(Category.HARDWARE)
                .requester(((Actor.Customer) customer).id());
    }

    /** A ticket opened by carol, as the decider opens it. */
    static Ticket opened() {
        return opened(printer(CAROL).build(), CAROL);
    }

    static Ticket opened(TicketCommand.Open command, Actor by) {
        return Tickets.replay(ACME, opening(command, by));
    }

    /** The events of an opening that must succeed. */
    static List<TicketEvent> opening(TicketCommand.Open command, Actor by) {
        return ok(DECIDER.open(command, by, new TicketId(new UUID(1, IDS.incrementAndGet())),
                TicketNumber.of(IDS.incrementAndGet()), T0, messageIds().get()));
    }

    /** The ticket after a command that must succeed. */
    static Ticket after(Ticket ticket, TicketCommand command, Actor actor) {
        return Tickets.evolve(ticket, ok(DECIDER.decide(command, ticket, actor, ticket.updatedAt().plusSeconds(60), messageIds())));
    }

    static List<TicketEvent> decide(Ticket ticket, TicketCommand command, Actor actor) {
        return ok(DECIDER.decide(command, ticket, actor, ticket.updatedAt().plusSeconds(60), messageIds()));
    }

    static Rejection refused(Ticket ticket, TicketCommand command, Actor actor) {
        return rejected(DECIDER.decide(command, ticket, actor, ticket.updatedAt().plusSeconds(60), messageIds()));
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
