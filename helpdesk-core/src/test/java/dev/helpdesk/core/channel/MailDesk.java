package dev.helpdesk.core.channel;

import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.ChannelSender;
import dev.helpdesk.spi.channel.Checksum;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.SendOutcome;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A test DSL for the intake: one desk with a CRM that knows Carol and Dave, and a recording mail sender. */
final class MailDesk {
    static final TenantId ACME = TenantId.of("acme");
    static final EndpointId SUPPORT = EndpointId.of("support@acme.example");
    static final ContactAddress CAROL_MAIL = ContactAddress.email("carol@example.com");
    static final ContactAddress DAVE_MAIL = ContactAddress.email("dave@example.com");
    static final CustomerId CAROL = CustomerId.of("carol");
    static final CustomerId DAVE = CustomerId.of("dave");
    static final Actor ANA = Actor.agent("ana");

    final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    final Crm crm = new Crm();
    final RecordingSender sender = new RecordingSender();
    final Helpdesk desk;
    final InboundIntake intake;
    final TicketDesk tickets;
    private final AtomicInteger ids = new AtomicInteger();

    MailDesk() {
        this(UnaryOperator.identity());
    }

    MailDesk(UnaryOperator<Helpdesk.Builder> configure) {
        desk = configure.apply(Helpdesk.builder()
                .clock(clock)
                .idGenerator(new TimeOrderedIdGenerator(clock, new SplittableRandom(7)))
                .plugin(crm)
                .plugin(sender))
                .build();
        intake = desk.intake();
        tickets = desk.tenant(ACME).tickets();
    }

    /** A mail from an address with a fresh Message-ID. */
    InboundMessage.Builder mail(ContactAddress from, String subject, String text) {
        return mail(from, subject, text, "m" + ids.incrementAndGet() + "@example.com");
    }

    InboundMessage.Builder mail(ContactAddress from, String subject, String text, String messageId) {
        return InboundMessage.builder()
                .channel(Channel.EMAIL)
                .tenant(ACME)
                .endpoint(SUPPORT)
                .sender(from)
                .subject(subject)
                .text(text)
                .externalId(ExternalMessageId.of(messageId))
                .receivedAt(clock.instant())
                .rawSize(text.length());
    }

    static AttachmentRef file(String name, String mediaType, long size) {
        return AttachmentRef.builder()
                .name(name)
                .mediaType(mediaType)
                .size(size)
                .checksum(Checksum.of("sha256:" + "ab".repeat(32)))
                .storageKey(StorageKey.of("t-acme/" + name))
                .build();
    }

    List<RecordedEvent> history(TicketId id) {
        return ok(tickets.history(id, ANA));
    }

    <E extends TicketEvent> List<E> events(TicketId id, Class<E> kind) {
        return history(id).stream().map(RecordedEvent::event).filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T> T ok(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail("expected success, got " + result.getLeft().message());
        }
        return result.get();
    }

    /** The host's CRM: Carol and Dave by address; registers new customers when asked. */
    static final class Crm implements CustomerDirectory {
        final Map<ContactAddress, CustomerId> byAddress = new ConcurrentHashMap<>(Map.of(CAROL_MAIL, CAROL, DAVE_MAIL, DAVE));
        final Map<CustomerId, ContactAddress> addresses = new ConcurrentHashMap<>(Map.of(CAROL, CAROL_MAIL, DAVE, DAVE_MAIL));

        @Override
        public String name() {
            return "test-crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return Optional.ofNullable(byAddress.get(address));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            ContactAddress address = addresses.get(customer);
            return address == null ? Optional.empty() : Optional.of(CustomerContact.builder().customer(customer)
                    .displayName(customer.value().substring(0, 1).toUpperCase() + customer.value().substring(1))
                    .addAddress(address).build());
        }

        @Override
        public Either<Rejection, CustomerId> register(TenantId tenant, ContactAddress address, Optional<String> name) {
            CustomerId id = CustomerId.of("new-" + address.value());
            byAddress.put(address, id);
            addresses.put(id, address);
            return Either.right(id);
        }
    }

    /** A mail sender that records what it is given and names each message as the SMTP sender does. */
    static final class RecordingSender implements ChannelSender {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "recording-mail";
        }

        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public ExternalMessageId externalIdOf(OutboundMessage message) {
            return ExternalMessageId.of("hd." + message.id().value() + "@acme.example");
        }

        @Override
        public SendOutcome send(OutboundMessage message) {
            sent.add(message);
            return new SendOutcome.Sent(externalIdOf(message));
        }
    }
}
