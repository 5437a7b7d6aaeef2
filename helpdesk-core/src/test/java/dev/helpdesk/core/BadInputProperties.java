package dev.helpdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random garbage through the public API always comes back as a rejection, and writes nothing. */
class BadInputProperties {

    @Provide
    Arbitrary<String> badSubject() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.strings().whitespace().ofMaxLength(20),
                Arbitraries.strings().alpha().ofMinLength(Ticket.MAX_SUBJECT_LENGTH + 1).ofMaxLength(400),
                controlled(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(50)));
    }

    @Provide
    Arbitrary<String> badBody() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.strings().whitespace().ofMaxLength(20),
                Arbitraries.integers().between(65_537, 70_000).map("b"::repeat),
                Arbitraries.integers().between(21_846, 30_000).map("€"::repeat), // 3 bytes each
                controlled(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(50)),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(10).map(s -> s + "\uDC00"));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(badBody(), Arbitraries.strings().ofMinLength(1).ofMaxLength(100));
    }

    private static Arbitrary<String> controlled(Arbitrary<String> text) {
        return Arbitraries.of('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u000b')
                .flatMap(c -> text.map(s -> s + c + s));
    }

    private static <T> Arbitrary<T> orNull(Arbitrary<T> values) {
        return Arbitraries.oneOf(values, Arbitraries.just(null));
    }

    @Property(tries = 1000)
    void a_bad_subject_or_body_always_gives_a_rejection_naming_it(
            @ForAll("badSubject") String subject, @ForAll("anyText") String body,
            @ForAll("channels") Channel channel, @ForAll("priorities") Priority priority, @ForAll boolean customer) {
        Fixture f = new Fixture();
        Actor actor = customer ? Fixture.CAROL : Fixture.ANA;

        Either<Rejection, Ticket> result = f.acme.open(TicketCommand.open().subject(subject).body(body).channel(channel)
                .category(Category.BILLING).priority(priority).requester(CustomerId.of("carol")).build(), actor);

        assertTrue(result.isLeft());
        assertTrue(result.getLeft() instanceof Rejection.Invalid invalid && invalid.names("subject"), result.getLeft().message());
        assertEquals(0, Fixture.ok(f.acme.list(TicketQuery.all(), PageRequest.first(5), Fixture.ANA)).items().size());
    }

    @Property(tries = 1000)
    void garbage_on_an_existing_ticket_always_gives_a_rejection_and_writes_nothing(
            @ForAll("badBody") String body, @ForAll("ticketIds") TicketId maybeUnknown, @ForAll int which,
            @ForAll("tiers") Tier tier) {
        Fixture f = new Fixture();
        Ticket t = f.openedBy(Fixture.CAROL);
        Ticket elsewhere = Fixture.ok(f.globex.open(Fixture.printerBroken(Fixture.CAROL).build(), Fixture.CAROL));
        TicketId target = switch (Math.floorMod(which, 3)) {
            case 0 -> t.id();
            case 1 -> elsewhere.id();
            default -> maybeUnknown;
        };

        Either<Rejection, Ticket> result = switch (Math.floorMod(which, 5)) {
            case 0 -> f.acme.reply(target, body, Channel.EMAIL, Fixture.CAROL);
            case 1 -> f.acme.note(target, body, Fixture.ANA);
            case 2 -> f.acme.changeTier(target, tier, body, Fixture.ANA);
            case 3 -> f.acme.reply(target, body, null, Fixture.ANA);
            default -> f.acme.note(target, body, null);
        };

        assertTrue(result.isLeft(), () -> "accepted: " + result);
        assertEquals(t.version(), Fixture.ok(f.acme.get(t.id(), Fixture.ANA)).version(), "nothing written");
        assertEquals(elsewhere.version(), Fixture.ok(f.globex.get(elsewhere.id(), Fixture.ANA)).version());
    }

    @Provide
    Arbitrary<Channel> channels() {
        return orNull(Arbitraries.of(Channel.wellKnown()));
    }

    @Provide
    Arbitrary<Priority> priorities() {
        return orNull(Arbitraries.of(Priority.class));
    }

    @Provide
    Arbitrary<Tier> tiers() {
        return orNull(Arbitraries.of(Tier.class));
    }

    @Provide
    Arbitrary<TicketId> ticketIds() {
        return Arbitraries.longs().tuple2().map(t -> TicketId.of(new UUID(t.get1(), t.get2())));
    }
}
