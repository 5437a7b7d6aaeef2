package dev.helpdesk.email.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.parse.MailParser;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.OutboundKind;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.OutboundMessageId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import io.vavr.control.Either;
import jakarta.mail.Header;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Header values never carry a line break into a header: they are refused or arrive as one value. */
class HeaderInjectionProperties {
    private static final TenantMailbox ACME = TenantMailbox.builder().tenant(TenantId.of("acme"))
            .address(ContactAddress.email("support@acme.example")).build();
    private static final Session SESSION = Session.getInstance(MailParser.sessionProperties());
    private final MailComposer composer = new MailComposer(new MailTemplates(), new MemoryAttachmentStore(true));

    @Property
    void a_value_with_a_line_break_or_control_character_is_refused_and_others_pass_unchanged(
            @ForAll("hostile") String value) {
        Either<?, String> checked = HeaderValues.check("Subject", value);
        boolean hostile = value.chars().anyMatch(c -> c == '\r' || c == '\n' || Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029);
        assertEquals(hostile, checked.isLeft(), value);
        checked.forEach(ok -> assertEquals(value, ok));
    }

    @Property(tries = 500)
    void whatever_the_subject_and_name_the_composed_mail_has_exactly_its_own_headers(
            @ForAll("printable") String subject, @ForAll("printable") String name) throws Exception {
        OutboundMessage message = OutboundMessage.builder().id(OutboundMessageId.of("o-1")).channel(Channel.EMAIL)
                .tenant(ACME.tenant()).endpoint(ACME.endpoint()).kind(OutboundKind.REPLY)
                .recipient(ContactAddress.email("ana@example.com")).recipientName(name)
                .ticket(TicketId.of(new UUID(1, 1))).number(TicketNumber.of(42)).subject(subject).text("Hello")
                .locale(Locale.ENGLISH).addReference(ExternalMessageId.of("first@example.com"))
                .createdAt(Instant.parse("2026-03-02T10:00:00Z")).build();
        MimeMessage composed = composer.compose(message, ACME, SESSION).get();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        composed.writeTo(raw);
        MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(raw.toByteArray()));
        List<String> names = new ArrayList<>();
        for (Header h : Collections.list(read.getAllHeaders())) {
            names.add(h.getName().toLowerCase(Locale.ROOT));
        }
        Collections.sort(names);
        assertEquals(List.of("content-language", "content-type", "date", "from", "in-reply-to", "message-id",
                "mime-version", "references", "subject", "to"), names, "no header was added by a value");
        String decoded = read.getSubject();
        assertTrue(decoded.chars().noneMatch(c -> c == '\r' || c == '\n'), decoded);
        assertTrue(decoded.endsWith("[#42]"), decoded);
        assertTrue(decoded.contains(subject.strip()), "the subject reads back exactly: " + decoded);
        assertEquals(MailComposer.displayName(name), nameOf(read).strip(), "the name arrives as one value");
    }

    @Example
    void a_long_subject_folded_after_a_backslash_reads_back_in_one_line() throws Exception {
        whatever_the_subject_and_name_the_composed_mail_has_exactly_its_own_headers(
                "!" + " ".repeat(45) + "\\ '\"ix<paaXuf&v_k]", "d3Is!*");
    }

    @Example
    void a_long_run_of_spaces_in_a_subject_reads_back_exactly() throws Exception {
        whatever_the_subject_and_name_the_composed_mail_has_exactly_its_own_headers(
                "!" + " ".repeat(55) + "x" + " ".repeat(7) + "!", "Ana");
    }

    private static String nameOf(MimeMessage read) throws Exception {
        String personal = ((jakarta.mail.internet.InternetAddress) read.getRecipients(MimeMessage.RecipientType.TO)[0])
                .getPersonal();
        return personal == null ? "" : personal;
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\r', '\n', '\t', '\u0000', '\u2028', 'é', 'ж')
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ж', '€', '"', '\\', ':', ';')
                .ofMinLength(1).ofMaxLength(80).filter(s -> !s.isBlank());
    }
}
