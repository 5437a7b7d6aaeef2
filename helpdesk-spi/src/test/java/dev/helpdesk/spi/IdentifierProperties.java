package dev.helpdesk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import io.vavr.control.Either;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For every kind of identifier and any text, including garbage (control characters, unpaired
 * surrogates, white space, very long texts): {@code parse} never throws and either reads the
 * same identifier {@code of} makes or answers {@link Rejection.Invalid} naming the kind, exactly
 * when {@code of} throws a {@link ConfigurationException} naming it.
 */
class IdentifierProperties {

    private record Kind(String field, Function<String, Either<Rejection, ?>> parse, Function<String, ?> of,
                        Function<Object, String> text) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("tenant id", TenantId::parse, TenantId::of, Object::toString),
            new Kind("customer id", CustomerId::parse, CustomerId::of, Object::toString),
            new Kind("agent id", AgentId::parse, AgentId::of, Object::toString),
            new Kind("group id", GroupId::parse, GroupId::of, Object::toString),
            new Kind("calendar id", CalendarId::parse, CalendarId::of, Object::toString),
            new Kind("segment", CustomerSegment::parse, CustomerSegment::of, Object::toString),
            new Kind("channel", Channel::parse, Channel::of, Object::toString),
            new Kind("category", Category::parse, Category::of, Object::toString),
            new Kind("ticket id", TicketId::parse, s -> TicketId.of(UUID.fromString(s)), Object::toString),
            new Kind("message id", MessageId::parse, s -> MessageId.of(UUID.fromString(s)), Object::toString),
            new Kind("ticket number", TicketNumber::parse, s -> TicketNumber.of(Long.parseLong(s)),
                    n -> Long.toString(((TicketNumber) n).value())));

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("aZ09._-: \t\n\u0000\u0085\u2028\uD800\uDC00#").ofMaxLength(70),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(140),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("EMAIL", "customer.billing", "#10234", "10234", "0", "acme", " acme", "acme ",
                        "0190a000-0000-7000-8000-000000000001", "1-1-1-1-1", "bob\uD800", ""),
                Arbitraries.longs().between(-5, Long.MAX_VALUE).map(Object::toString),
                Arbitraries.create(UUID::randomUUID).map(UUID::toString),
                Arbitraries.just(null));
    }

    @Property(tries = 1000)
    void parse_never_throws_and_agrees_with_of(@ForAll("garbage") String text) {
        for (Kind kind : KINDS) {
            Either<Rejection, ?> parsed = kind.parse().apply(text);
            if (parsed.isRight()) {
                Object id = parsed.get();
                String written = kind.text().apply(id);
                assertEquals(id, kind.of().apply(written), kind.field());
                assertEquals(id, kind.parse().apply(written).get(), kind.field());
            } else {
                Rejection.Invalid invalid = (Rejection.Invalid) parsed.getLeft();
                assertTrue(invalid.names(kind.field()), kind.field() + ": " + invalid);
                if (!kind.field().equals("ticket id") && !kind.field().equals("message id")
                        && !kind.field().equals("ticket number")) {
                    ConfigurationException e = assertThrows(ConfigurationException.class, () -> kind.of().apply(text),
                            kind.field() + " accepted by of: " + text);
                    assertTrue(e.names(kind.field()), e.getMessage());
                }
            }
        }
    }

    @Property(tries = 500)
    void an_accepted_text_id_has_no_surrounding_space_no_control_character_and_no_broken_character(
            @ForAll("garbage") String text) {
        if (CustomerId.parse(text).isRight()) {
            assertEquals(text.strip(), text);
            assertTrue(text.codePoints().noneMatch(Character::isISOControl));
            assertTrue(text.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE));
            assertTrue(text.codePointCount(0, text.length()) <= 128);
        }
    }
}
