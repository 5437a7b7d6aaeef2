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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two ways an identifier is made: {@code of} for values in code, {@code parse} for text from outside. */
class IdentifiersTest {

    private static Rejection.Invalid invalid(Either<Rejection, ?> parsed) {
        assertTrue(parsed.isLeft(), () -> "expected a rejection, got " + parsed);
        return (Rejection.Invalid) parsed.getLeft();
    }

    @Test
    void a_customer_id_typed_by_a_user_is_read_or_rejected_naming_the_field() {
        assertEquals(CustomerId.of("c-42"), CustomerId.parse("c-42").get());

        Rejection.Invalid padded = invalid(CustomerId.parse("c-42 "));
        assertTrue(padded.names("customer id"));
        assertEquals("must not start or end with white space", padded.errors().get(0).problem());
        assertTrue(invalid(CustomerId.parse(null)).names("customer id"));
        assertTrue(invalid(CustomerId.parse("")).names("customer id"));
    }

    @Test
    void an_id_written_in_code_that_is_not_an_id_throws_a_configuration_exception_naming_the_field() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> AgentId.of(" ana"));
        assertTrue(e.names("agent id"));
        assertTrue(assertThrows(ConfigurationException.class, () -> GroupId.of(null)).names("group id"));
        assertTrue(assertThrows(ConfigurationException.class, () -> TenantId.of("a/b")).names("tenant id"));
    }

    @Test
    void an_unpaired_surrogate_is_not_part_of_an_id() {
        // PostgreSQL would store it as '?', so that bob\uD800 and bob? became one customer
        assertTrue(invalid(CustomerId.parse("bob\uD800")).errors().get(0).problem().contains("surrogate"));
        assertTrue(invalid(CustomerId.parse("\uDC00bob")).names("customer id"));
        assertTrue(CustomerId.parse("bob\uD83D\uDE00").isRight());
    }

    @Test
    void control_characters_and_line_breaks_are_not_part_of_an_id() {
        for (String bad : new String[] {"a\u0000b", "a\nb", "a\u0085b", "a\u2028b", "a\u2029b", "a\tb"}) {
            assertTrue(CustomerId.parse(bad).isLeft(), () -> "accepted " + bad.codePoints().boxed().toList());
        }
    }

    @Test
    void white_space_inside_an_id_is_kept_and_compared_exactly() {
        assertEquals("Ana de Vries", AgentId.parse("Ana de Vries").get().value());
        assertTrue(AgentId.parse("\u00A0ana").isLeft());
        assertTrue(!CustomerId.of("c-42").equals(CustomerId.of("C-42")));
    }

    @Test
    void id_lengths_count_characters_not_utf16_units() {
        String emoji = "\uD83D\uDE00";
        assertTrue(CustomerId.parse(emoji.repeat(128)).isRight());
        assertEquals("must be at most 128 characters", invalid(CustomerId.parse(emoji.repeat(129))).errors().get(0).problem());
        assertTrue(CustomerId.parse("x".repeat(128)).isRight());
        assertTrue(CustomerId.parse("x".repeat(129)).isLeft());
    }

    @Test
    void codes_are_read_or_rejected_naming_their_kind() {
        assertEquals(Channel.EMAIL, Channel.parse("EMAIL").get());
        assertTrue(invalid(Channel.parse("e-mail")).names("channel"));
        assertEquals(Category.BILLING, Category.parse("customer.billing").get());
        assertTrue(invalid(Category.parse("Customer")).names("category"));
        assertEquals(CalendarId.of("nl-office"), CalendarId.parse("nl-office").get());
        assertTrue(invalid(CalendarId.parse(" nl")).names("calendar id"));
        assertEquals(TenantId.of("acme"), TenantId.parse("acme").get());
        assertTrue(invalid(TenantId.parse(null)).names("tenant id"));
        assertEquals(CustomerSegment.of("vip"), CustomerSegment.parse("vip").get());
        assertTrue(invalid(CustomerSegment.parse("v i p")).names("segment"));
    }

    @Test
    void ticket_and_message_ids_are_read_only_in_the_canonical_uuid_form() {
        UUID uuid = UUID.fromString("0190a000-0000-7000-8000-000000000001");
        assertEquals(TicketId.of(uuid), TicketId.parse(uuid.toString()).get());
        assertEquals(TicketId.of(uuid), TicketId.parse(uuid.toString().toUpperCase()).get());
        assertTrue(invalid(TicketId.parse("1-1-1-1-1")).names("ticket id"));
        assertTrue(invalid(TicketId.parse(null)).names("ticket id"));
        assertEquals(MessageId.of(uuid), MessageId.parse(uuid.toString()).get());
        assertTrue(invalid(MessageId.parse("not a uuid")).names("message id"));
        assertThrows(ConfigurationException.class, () -> TicketId.of(null));
    }

    @Test
    void a_ticket_number_is_read_as_a_customer_reads_it_out() {
        assertEquals(TicketNumber.of(10234), TicketNumber.parse("#10234").get());
        assertEquals(TicketNumber.of(10234), TicketNumber.parse("10234").get());
        assertTrue(invalid(TicketNumber.parse("#0")).names("ticket number"));
        assertTrue(invalid(TicketNumber.parse("99999999999999999999")).names("ticket number"));
        assertTrue(invalid(TicketNumber.parse("-3")).names("ticket number"));
        assertTrue(assertThrows(ConfigurationException.class, () -> TicketNumber.of(0)).names("ticket number"));
    }
}
