package dev.helpdesk.spi.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelContractTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Checksum EMPTY_SHA256 =
            Checksum.of("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    @Test
    void trusted_identifiers_throw_a_configuration_exception_naming_the_field() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> EndpointId.of("support desk"));
        assertEquals(List.of(new FieldError("endpoint id", "must not contain whitespace")), e.errors());
        assertThrows(ConfigurationException.class, () -> ExternalMessageId.of(""));
        assertThrows(ConfigurationException.class, () -> QuarantineId.of("q\u0000"));
        assertThrows(ConfigurationException.class, () -> OutboundMessageId.of("x".repeat(129)));
        assertThrows(ConfigurationException.class, () -> StorageKey.of("../etc/passwd"));
        assertThrows(ConfigurationException.class, () -> Checksum.of("md5:abc"));
    }

    @Test
    void identifiers_typed_at_run_time_are_rejected_with_the_field_and_the_problem() {
        Rejection r = ExternalMessageId.parse("a b").getLeft();
        assertInstanceOf(Rejection.Invalid.class, r);
        assertTrue(((Rejection.Invalid) r).names("external message id"));
        assertEquals("invalid input: endpoint id must be present", EndpointId.parse(null).getLeft().message());
        assertEquals("abc@example.com", ExternalMessageId.parse("abc@example.com").get().value());
        assertTrue(ExternalMessageId.parse("bad\uD800id").isLeft(), "unpaired surrogate");
        assertTrue(ExternalMessageId.parse("x".repeat(256)).isLeft());
        assertTrue(ExternalMessageId.parse("\uD83D\uDE00".repeat(255)).isRight(), "length counts code points");
    }

    @Test
    void a_storage_key_can_never_leave_the_store() {
        for (String bad : List.of("..", "a/../b", "/abs", "a//b", "a/", ".hidden", "a/.b", "a\\b", "c:/x", "a b",
                "\u00e9")) {
            assertTrue(StorageKey.parse(bad).isLeft(), bad);
        }
        assertEquals("acme/2026/03/0190a000-file", StorageKey.of("acme/2026/03/0190a000-file").value());
    }

    @Test
    void a_checksum_reads_back_from_its_text_form() {
        assertEquals(EMPTY_SHA256, Checksum.parse(EMPTY_SHA256.toString()).get());
        assertTrue(Checksum.parse("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855").isLeft(),
                "upper case is not the canonical form");
        assertThrows(ConfigurationException.class, () -> Checksum.sha256(new byte[16]));
    }

    @Test
    void addresses_are_kept_in_one_canonical_form() {
        assertEquals(ContactAddress.email("ana@example.com"), ContactAddress.email("Ana@Example.COM"));
        assertEquals("+31201234567", ContactAddress.phone("+31 (20) 123-45.67").value());
        assertTrue(ContactAddress.parse(ContactKind.PHONE, "020 1234567").isLeft(), "national form");
        assertTrue(ContactAddress.parse(ContactKind.EMAIL, "Ana <ana@example.com>").isLeft());
        assertTrue(ContactAddress.parse(ContactKind.EMAIL, "ana@").isLeft());
        assertTrue(ContactAddress.parse(ContactKind.EMAIL, "ana@example..com").isLeft());
        assertTrue(((Rejection.Invalid) ContactAddress.parse(ContactKind.PHONE, "+1").getLeft()).names("phone"));
        assertThrows(ConfigurationException.class, () -> new ContactAddress(ContactKind.EMAIL, "Ana@example.com"));
        assertEquals("@ana", ContactAddress.handle("@ana").value());
    }

    @Test
    void an_attachment_reference_refuses_names_that_could_become_paths() {
        AttachmentRef.Builder b = AttachmentRef.builder().mediaType("application/pdf").size(0).checksum(EMPTY_SHA256)
                .storageKey(StorageKey.of("acme/a1"));
        for (String bad : List.of("../x.pdf", "a/b.pdf", "a\\b.pdf", ".htaccess", "two\nlines.pdf", " ")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> b.name(bad).build(), bad);
            assertEquals("name", e.errors().get(0).field());
        }
        AttachmentRef ok = b.name("Factuur 2026-03.pdf").build();
        assertEquals(Disposition.ATTACHMENT, ok.disposition());
        AttachmentRef inline = ok.withDisposition(Disposition.INLINE).withContentId("logo@acme");
        assertEquals(Optional.of("logo@acme"), inline.contentId());
        assertEquals("media type", assertThrows(ConfigurationException.class,
                () -> b.name("x.pdf").mediaType("Application/PDF").build()).errors().get(0).field());
    }

    @Test
    void an_inbound_message_holds_what_every_channel_hands_over() {
        InboundMessage call = message().channel(Channel.PHONE).endpoint(EndpointId.of("hotline-nl"))
                .sender(ContactAddress.phone("+31 6 1234 5678")).subject("")
                .text("Customer cannot print since the update.").externalId(ExternalMessageId.of("call-7781"))
                .ticketHint(TicketNumber.of(1234)).language(Locale.forLanguageTag("nl")).build();
        assertEquals(call.text(), call.fullText(), "nothing stripped: the full text is the text");
        assertFalse(call.isAutomatic());
        assertTrue(call.validate().isRight());

        InboundMessage bounce = message().addFlag(MessageFlag.BOUNCE).addFlag(MessageFlag.BOUNCE).build();
        assertTrue(bounce.isAutomatic());
        assertEquals(1, bounce.flags().size());
    }

    @Test
    void validation_names_every_field_a_channel_got_wrong() {
        InboundMessage bad = message().subject("line one\nline two").senderName("Ana\u0007").text("ok\u0000")
                .html("<p>\uDC00</p>").build();
        Rejection.Invalid invalid = (Rejection.Invalid) bad.validate().getLeft();
        assertTrue(invalid.names("subject"));
        assertTrue(invalid.names("sender name"));
        assertTrue(invalid.names("text"));
        assertTrue(invalid.names("html"));
        assertTrue(message().subject("x".repeat(256)).build().validate().isLeft());
        assertTrue(message().subject("\u2028").build().validate().isLeft(), "a line separator is a line break");
    }

    @Test
    void a_message_cannot_refer_to_itself_or_have_a_negative_size() {
        assertThrows(ConfigurationException.class,
                () -> message().addReference(ExternalMessageId.of("m1@example.com")).build());
        assertThrows(ConfigurationException.class, () -> message().rawSize(-1).build());
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> InboundMessage.builder().subject("x").build());
        assertTrue(missing.errors().stream().map(FieldError::field).toList().containsAll(List.of("channel", "tenant",
                "endpoint", "sender", "text", "externalId", "receivedAt", "rawSize")), missing.errors().toString());
    }

    @Test
    void outcomes_say_whether_the_message_was_taken() {
        TicketId ticket = TicketId.of(UUID.fromString("0190a000-0000-7000-8000-000000000001"));
        assertTrue(new IntakeOutcome.Opened(ticket, TicketNumber.of(1)).taken());
        assertTrue(new IntakeOutcome.Duplicate(ExternalMessageId.of("m1")).taken());
        assertTrue(new IntakeOutcome.Recorded(ticket, TicketNumber.of(1), Reason.of(Reason.BOUNCE, "DSN")).taken());
        assertFalse(new IntakeOutcome.Refused(Reason.of(Reason.UNKNOWN_SENDER, "ana@example.com")).taken());
        assertFalse(new IntakeOutcome.Quarantined(QuarantineId.of("q1"), Reason.of(Reason.MALFORMED, "x")).taken());
        assertThrows(ConfigurationException.class, () -> Reason.of("Auto Reply", "x"));
        assertThrows(ConfigurationException.class, () -> Reason.of("x", "two\nlines"));
    }

    @Test
    void a_directory_refuses_to_create_customers_unless_the_host_says_otherwise() {
        CustomerId ana = CustomerId.of("c-42");
        CustomerDirectory directory = new CustomerDirectory() {
            @Override
            public String name() {
                return "crm";
            }

            @Override
            public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
                return Optional.empty();
            }

            @Override
            public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
                return Optional.of(CustomerContact.builder().customer(customer)
                        .addAddress(ContactAddress.phone("+31201234567"))
                        .addAddress(ContactAddress.email("ana@example.com"))
                        .addAddress(ContactAddress.email("ana.lima@example.com")).build());
            }
        };
        TenantId acme = TenantId.of("acme");
        assertInstanceOf(Rejection.NotAllowed.class,
                directory.register(acme, ContactAddress.email("x@example.com"), Optional.empty()).getLeft());
        assertEquals(Optional.of(ContactAddress.email("ana@example.com")),
                directory.preferredAddress(acme, ana, ContactKind.EMAIL));
        assertEquals(Optional.empty(), directory.preferredAddress(acme, ana, ContactKind.HANDLE));
    }

    @Test
    void the_ticket_tag_is_written_into_subjects_and_found_again() {
        assertEquals("[#1234]", TicketTag.DEFAULT.format(TicketNumber.of(1234)));
        assertEquals(Optional.of(TicketNumber.of(1234)), TicketTag.DEFAULT.find("RE: AW: Printer offline [#1234]"));
        assertEquals(Optional.of(TicketNumber.of(77)), TicketTag.DEFAULT.find("Fwd: [#12] old; Re: [#77] new"));
        assertEquals(Optional.empty(), TicketTag.DEFAULT.find("Order 1234 is late"));
        assertEquals(Optional.empty(), TicketTag.DEFAULT.find("[#0]"));
        TicketTag acme = TicketTag.of("(ACME-{number})");
        assertEquals(Optional.of(TicketNumber.of(9)), acme.find("Re: question (acme-9)"));
        assertEquals(Optional.empty(), acme.find("Re: question [#9]"));
        for (String bad : List.of("{number}", "  {number} ", "[#{number}{number}]", "#1{number}", "[#]", "a\n{number}")) {
            assertTrue(TicketTag.parse(bad.replace("\\n", "\n")).isLeft(), bad);
        }
        assertThrows(ConfigurationException.class, () -> TicketTag.of("ticket"));
    }

    private static InboundMessage.Builder message() {
        return InboundMessage.builder().channel(Channel.EMAIL).tenant(TenantId.of("acme"))
                .endpoint(EndpointId.of("support@acme.example")).sender(ContactAddress.email("ana@example.com"))
                .subject("Printer offline").text("Since this morning nothing prints.")
                .externalId(ExternalMessageId.of("m1@example.com")).receivedAt(AT).rawSize(1200);
    }
}
