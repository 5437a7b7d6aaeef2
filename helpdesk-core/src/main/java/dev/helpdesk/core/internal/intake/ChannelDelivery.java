package dev.helpdesk.core.internal.intake;

import dev.helpdesk.core.internal.pipeline.Commands;
import dev.helpdesk.core.ticket.ChannelReceipt;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.channel.ChannelSender;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ContactKind;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.channel.OutboundKind;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.OutboundMessageId;
import dev.helpdesk.spi.channel.SendOutcome;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound delivery: an event listener that turns an agent's public reply and a notice to the
 * customer into an {@link OutboundMessage} for the {@link ChannelSender} of its channel. It
 * runs from the event outbox (with the JDBC store: at least once, with retry and back-off), so
 * a reply leaves only after its commit and is tried again after a failure.
 *
 * <p>For each message it: derives the idempotent {@link OutboundMessageId} from what caused it
 * (the reply's message id, or the notice's ticket and version), asks the sender for the
 * external id the message gets, records that id on the ticket ({@link TicketCommand.LinkOutbound},
 * once: a repeated delivery finds it recorded) so the customer's answer threads back, and
 * then sends. The recipient is the customer's preferred address in the
 * {@link CustomerDirectory}, else the address of the customer's last message on that channel;
 * the endpoint is the one the conversation last ran through. A ticket the channel never
 * carried (no endpoint known) gets nothing sent, logged at INFO.
 */
public final class ChannelDelivery implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDelivery.class);
    /** The most references an outbound message carries. */
    private static final int MAX_REFERENCES = 20;
    private static final Actor DESK = Actor.system("channel-delivery");

    private final Map<Channel, ChannelSender> senders;
    private final TicketStore store;
    private final ExternalMessages index;
    private final Optional<CustomerDirectory> directory;
    private final Supplier<Commands> commands;

    /**
     * Makes the listener.
     *
     * @param senders   the senders, the first one per channel wins
     * @param store     the store, for the ticket and its history
     * @param index     the index of external ids
     * @param directory the host's CRM, when installed
     * @param commands  the command path (built after the delivery step that calls this listener)
     */
    public ChannelDelivery(List<ChannelSender> senders, TicketStore store, ExternalMessages index,
                           Optional<CustomerDirectory> directory, Supplier<Commands> commands) {
        Map<Channel, ChannelSender> byChannel = new LinkedHashMap<>();
        senders.forEach(s -> byChannel.putIfAbsent(s.channel(), s));
        this.senders = Map.copyOf(byChannel);
        this.store = store;
        this.index = index;
        this.directory = directory;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "channel-delivery";
    }

    @Override
    public void on(RecordedEvent recorded) throws Exception {
        TicketEvent e = recorded.event();
        Outgoing out;
        if (e instanceof TicketEvent.MessagePosted posted && posted.message().isPublic()
                && posted.actor() instanceof Actor.Agent && !posted.message().automatic()) {
            out = new Outgoing(OutboundKind.REPLY, posted.message().channel(), posted.message().id(),
                    OutboundMessageId.of("m." + posted.message().id().value()), posted.message().body());
        } else if (e instanceof TicketEvent.CustomerNotified notice) {
            String id = "n." + recorded.ticketId().value() + "." + recorded.version();
            out = new Outgoing(OutboundKind.AUTOMATIC_NOTICE, null,
                    new MessageId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8))), OutboundMessageId.of(id),
                    notice.reason());
        } else {
            return;
        }
        TenantId tenant = recorded.tenant();
        Optional<Ticket> found = store.find(tenant, recorded.ticketId()).toJavaOptional();
        if (found.isEmpty()) {
            return;
        }
        Ticket ticket = found.get();
        Channel channel = out.channel() != null ? out.channel() : ticket.channel();
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            return;
        }
        Conversation conversation = Conversation.of(store.history(tenant, ticket.id()), channel, out.message());
        if (conversation.endpoint().isEmpty()) {
            LOG.info("ticket {} of tenant {}: no {} conversation to answer in, {} not sent", ticket.number(), tenant,
                    channel, out.id());
            return;
        }
        Optional<CustomerContact> contact = directory.flatMap(d -> d.contact(tenant, ticket.requester()));
        Optional<ContactAddress> recipient = directory
                .flatMap(d -> d.preferredAddress(tenant, ticket.requester(), conversation.addressKind()))
                .or(conversation::lastSender);
        if (recipient.isEmpty()) {
            LOG.warn("ticket {} of tenant {}: no {} address for customer {}, {} not sent", ticket.number(), tenant,
                    channel, ticket.requester(), out.id());
            return;
        }
        OutboundMessage message = OutboundMessage.builder()
                .id(out.id())
                .channel(channel)
                .tenant(tenant)
                .endpoint(conversation.endpoint().get())
                .kind(out.kind())
                .recipient(recipient.get())
                .recipientName(contact.flatMap(CustomerContact::displayName))
                .ticket(ticket.id())
                .number(ticket.number())
                .subject(ticket.subject())
                .text(out.text())
                .locale(contact.flatMap(CustomerContact::language).orElse(Locale.ENGLISH))
                .references(conversation.references())
                .createdAt(e.at())
                .build();
        ExternalMessageId externalId = sender.externalIdOf(message);
        if (index.find(tenant, channel, externalId).isEmpty()) {
            Either<Rejection, Ticket> linked = commands.get().execute(tenant, ticket.id(), new TicketCommand.LinkOutbound(
                    out.message(), new ChannelReceipt(channel, message.endpoint(), externalId, recipient.get(), List.of(),
                            Optional.empty())), DESK);
            if (linked.isLeft() && !(linked.getLeft() instanceof Rejection.ConcurrentModification c
                    && ExternalMessages.TAKEN.equals(c.what()))) {
                // without the record the customer's answer could not thread back: try again later
                throw new IllegalStateException("cannot record outbound message " + externalId + " on ticket "
                        + ticket.number() + ": " + linked.getLeft().message());
            }
        }
        SendOutcome outcome = sender.send(message);
        if (outcome instanceof SendOutcome.Undeliverable undeliverable) {
            LOG.warn("ticket {} of tenant {}: {} undeliverable: {}", ticket.number(), tenant, out.id(), undeliverable);
        }
    }

    /** What goes out, before the ticket is read. */
    private record Outgoing(OutboundKind kind, Channel channel, MessageId message, OutboundMessageId id, String text) {
    }

    /**
     * A ticket's conversation on one channel, from its links: the endpoint it last ran
     * through, the customer's last address, and the ids to refer to.
     */
    private record Conversation(Optional<EndpointId> endpoint, Optional<ContactAddress> lastSender, ContactKind addressKind,
                                List<ExternalMessageId> references) {
        /** The conversation before {@code self}: its own link (recorded by an earlier attempt) is left out, so every attempt sends the same. */
        static Conversation of(List<RecordedEvent> history, Channel channel, MessageId self) {
            EndpointId endpoint = null;
            ContactAddress sender = null;
            ContactKind kind = ContactKind.EMAIL;
            ExternalMessageId lastInbound = null;
            List<ExternalMessageId> newestFirst = new ArrayList<>();
            for (int i = history.size() - 1; i >= 0; i--) {
                if (!(history.get(i).event() instanceof TicketEvent.ExternalMessageLinked link)
                        || !link.channel().equals(channel) || link.message().equals(self)) {
                    continue;
                }
                ExternalMessageId id = ExternalMessageId.of(link.externalId());
                if (endpoint == null) {
                    endpoint = EndpointId.of(link.endpoint());
                }
                if (!link.outbound() && link.automatic().isEmpty() && sender == null) {
                    kind = ContactKind.valueOf(link.addressKind());
                    sender = ContactAddress.parse(kind, link.address()).getOrNull();
                    lastInbound = id;
                }
                newestFirst.add(id);
            }
            List<ExternalMessageId> references = new ArrayList<>();
            if (lastInbound != null) {
                references.add(lastInbound);
            }
            for (ExternalMessageId id : newestFirst) {
                if (references.size() >= MAX_REFERENCES) {
                    break;
                }
                if (!id.equals(lastInbound)) {
                    references.add(id);
                }
            }
            return new Conversation(Optional.ofNullable(endpoint), Optional.ofNullable(sender), kind, List.copyOf(references));
        }
    }
}
