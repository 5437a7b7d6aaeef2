package dev.helpdesk.spi.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Invariants of the channel contract's identifiers, over arbitrary input. */
class ChannelIdentifierProperties {

    @Property
    void parsing_any_string_answers_a_value_or_a_rejection_and_never_throws(@ForAll String any) {
        EndpointId.parse(any);
        ExternalMessageId.parse(any);
        QuarantineId.parse(any);
        OutboundMessageId.parse(any);
        StorageKey.parse(any);
        Checksum.parse(any);
        for (ContactKind kind : ContactKind.values()) {
            ContactAddress.parse(kind, any);
        }
    }

    @Property
    void a_parsed_identifier_reads_back_as_itself(@ForAll String any) {
        ExternalMessageId.parse(any).forEach(id -> assertEquals(id, ExternalMessageId.of(id.value())));
        StorageKey.parse(any).forEach(key -> assertEquals(key, StorageKey.of(key.value())));
    }

    @Property
    void no_accepted_storage_key_names_a_parent_or_an_absolute_path(
            @ForAll @StringLength(max = 24) @Chars({'a', 'b', '.', '/', '\\', '-', ':'}) String candidate) {
        StorageKey.parse(candidate).forEach(key -> {
            assertFalse(key.value().startsWith("/"));
            assertTrue(Arrays.stream(key.value().split("/")).noneMatch(s -> s.equals("..") || s.equals(".")));
            assertFalse(key.value().contains("\\") || key.value().contains(":"));
        });
    }

    @Property
    void canonical_addresses_are_stable(@ForAll @StringLength(min = 1, max = 20)
                                        @CharRange(from = ' ', to = '~') String local) {
        ContactAddress.parse(ContactKind.EMAIL, local + "@Example.org").forEach(address -> {
            assertEquals(address, ContactAddress.parse(ContactKind.EMAIL, address.value()).get());
            assertEquals(address.value(), address.value().toLowerCase(java.util.Locale.ROOT));
        });
    }
}
