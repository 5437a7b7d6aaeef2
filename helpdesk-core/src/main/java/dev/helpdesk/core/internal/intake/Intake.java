package dev.helpdesk.core.internal.intake;

import dev.helpdesk.core.channel.IntakePolicy;
import dev.helpdesk.core.channel.UnknownSenders;
import dev.helpdesk.core.internal.pipeline.Commands;
import dev.helpdesk.core.ticket.ChannelReceipt;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.ExternalMessageRecord;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.MessageFlag;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's {@link InboundIntake}: for each inbound message it decides, in this order,
 * whether it was taken before, the ticket, the customer and the command, and sends the command
 * through the pipeline with the channel's facts, so that the message, its external id and its
 * attachments commit together or not at all.
 *
 * <ul>
 *   <li>Seen before: the index of external ids knows the id → {@link IntakeOutcome.Duplicate}.
 *       Two deliveries racing past that check are settled by the store, which refuses the
 *       second commit of the same id; that one answers {@code Duplicate} too.</li>
 *   <li>The ticket: the first reference the index knows, else the channel's ticket hint, else
 *       the tenant's ticket tag in the subject. A customer's message goes to a ticket found so
 *       only when it is the sender's ticket; otherwise it opens a new one.</li>
 *   <li>A message a machine wrote ({@link InboundMessage#flags()}) is recorded on the ticket it
 *       refers to as an internal automatic note by the channel's integration, never reopening
 *       it; with no ticket found it is refused.</li>
 *   <li>The customer: the channel's known customer, else the {@link CustomerDirectory}, else
 *       the tenant's {@link UnknownSenders} policy.</li>
 *   <li>The command: {@link TicketCommand.Receive} on the ticket found (a reply: reopens a
 *       pending, on-hold or solved ticket; a closed one gets a follow-up; a merged one's
 *       message lands where it was merged), else an opening by the customer.</li>
 * </ul>
 */
public final class Intake implements InboundIntake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    /** The most ids one look-up of a batch's ids binds. */
    private static final int LOOKUP_CHUNK = 100;
    /** Room kept for the note that a long text was cut. */
    private static final String CUT_NOTE = "\n\n[The message was longer; the channel keeps the whole original.]";

    private final Commands commands;
    private final TicketStore store;
    private final ExternalMessages index;
    private final Optional<CustomerDirectory> directory;
    private final Function<TenantId, IntakePolicy> policies;

    /**
     * Makes the intake.
     *
     * @param commands  the command path
     * @param store     the store, for reading tickets as the desk (not as the sender)
     * @param index     the index of external ids, usually the store
     * @param directory the host's CRM, when installed
     * @param policies  each tenant's policy
     */
    public Intake(Commands commands, TicketStore store, ExternalMessages index, Optional<CustomerDirectory> directory,
                  Function<TenantId, IntakePolicy> policies) {
        this.commands = commands;
        this.store = store;
        this.index = index;
        this.directory = directory;
        this.policies = policies;
    }

    @Override
    public IntakeOutcome accept(InboundMessage message) {
        return take(message, new Conflicts(), Seen.ALWAYS_CHECK);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: on a store with atomic units ({@link TicketStore#atomicUnits()}, the JDBC store)
     * the messages are taken in one {@link TicketStore#unit}, so the batch costs one durable
     * commit. The unit is kept only when no commit in it met a conflict (another writer changed
     * a ticket, or another delivery of one of the messages committed its external id first: the
     * store refuses the commit, by an exception or a rejection); then, or when anything else in
     * it threw, the whole unit is rolled back and the messages are taken one by one, each as
     * {@link #accept} takes it (the index of external ids answers a message the racing delivery
     * took as a duplicate). What a commit announces (notices, listener calls) waits for the
     * unit's commit. Calls to the {@link CustomerDirectory}
     * (including {@code register} under {@link UnknownSenders#CREATE}) may happen again for a
     * message whose batch was rolled back, as for a message delivered again.
     */
    @Override
    public List<IntakeOutcome> acceptAll(List<InboundMessage> messages) {
        List<InboundMessage> batch = List.copyOf(messages);
        if (batch.size() < 2 || !store.atomicUnits()) {
            return InboundIntake.super.acceptAll(batch);
        }
        try {
            Conflicts conflicts = new Conflicts();
            List<IntakeOutcome> outcomes = store.unit(() -> {
                Seen seen = Seen.of(batch, index);
                List<IntakeOutcome> taken = new ArrayList<>(batch.size());
                for (InboundMessage message : batch) {
                    taken.add(take(message, conflicts, seen));
                }
                return taken;
            }, taken -> conflicts.none());
            if (conflicts.none()) {
                return List.copyOf(outcomes);
            }
            LOG.debug("a batch of {} messages met a conflict ({}); taking them one by one", batch.size(),
                    conflicts.first);
        } catch (RuntimeException e) {
            LOG.info("a batch of {} messages failed and was rolled back; taking them one by one: {}", batch.size(),
                    e.toString());
        }
        return InboundIntake.super.acceptAll(batch);
    }

    /**
     * The conflicts a batch's commits met: a rejection that another writer caused, after which
     * the batch's transaction is not kept.
     */
    private static final class Conflicts {
        private Rejection first;

        void add(Rejection why) {
            if (first == null && why instanceof Rejection.ConcurrentModification) {
                first = why;
            }
        }

        boolean none() {
            return first == null;
        }
    }

    /**
     * Which messages of a batch may have been taken before: the batch's ids are looked up in one
     * query per tenant and channel when the batch starts (in its transaction); a message whose
     * tenant and channel had none of them recorded, and whose id did not come earlier in the
     * batch, skips its own look-up. A delivery that commits one of the ids after that query makes
     * the store refuse the batch's commit of it, and the batch is taken again one by one.
     */
    private static final class Seen {
        static final Seen ALWAYS_CHECK = new Seen(null);

        /** A tenant's channel: the ids of a batch are looked up per group. */
        private record Group(TenantId tenant, Channel channel) {
        }

        /** One message's id in its group. */
        private record Key(Group group, ExternalMessageId id) {
        }

        /** The groups none of whose batch ids was recorded when the batch started; null: check every message. */
        private final Set<Group> unknown;
        private final Set<Key> earlier = new HashSet<>();

        private Seen(Set<Group> unknown) {
            this.unknown = unknown;
        }

        static Seen of(List<InboundMessage> batch, ExternalMessages index) {
            Map<Group, List<ExternalMessageId>> ids = new LinkedHashMap<>();
            for (InboundMessage m : batch) {
                ids.computeIfAbsent(new Group(m.tenant(), m.channel()), k -> new ArrayList<>()).add(m.externalId());
            }
            Set<Group> unknown = new HashSet<>();
            ids.forEach((group, listed) -> {
                List<ExternalMessageId> all = listed.stream().distinct().toList();
                boolean known = false;
                for (int from = 0; from < all.size() && !known; from += LOOKUP_CHUNK) {
                    known = index.findFirst(group.tenant(), group.channel(),
                            all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK))).isPresent();
                }
                if (!known) {
                    unknown.add(group);
                }
            });
            return new Seen(unknown);
        }

        /** Whether the message's id must be looked up; remembers it as come. */
        boolean mustCheck(InboundMessage m) {
            if (unknown == null) {
                return true;
            }
            Group group = new Group(m.tenant(), m.channel());
            boolean again = !earlier.add(new Key(group, m.externalId()));
            return again || !unknown.contains(group);
        }
    }

    private IntakeOutcome take(InboundMessage message, Conflicts conflicts, Seen seen) {
        Objects.requireNonNull(message, "message");
        Either<Rejection, InboundMessage> valid = message.validate();
        if (valid.isLeft()) {
            return refused(Reason.INVALID, valid.getLeft());
        }
        TenantId tenant = message.tenant();
        if (seen.mustCheck(message) && index.find(tenant, message.channel(), message.externalId()).isPresent()) {
            return new IntakeOutcome.Duplicate(message.externalId());
        }
        IntakePolicy policy = policies.apply(tenant);
        Optional<Ticket> referred = referred(message, policy);
        IntakeOutcome outcome = message.isAutomatic() ? automatic(message, referred, conflicts)
                : fromCustomer(message, policy, referred, conflicts);
        LOG.debug("{} {} from {}: {}", message.channel(), message.externalId(), message.sender(), outcome.describe());
        return outcome;
    }

    /** The ticket a message refers to, as the desk sees it: by the ids it references, its hint, or its subject. */
    private Optional<Ticket> referred(InboundMessage m, IntakePolicy policy) {
        TenantId tenant = m.tenant();
        Optional<ExternalMessageRecord> thread = m.references().isEmpty() ? Optional.empty()
                : index.findFirst(tenant, m.channel(), m.references());
        if (thread.isPresent()) {
            Optional<Ticket> found = store.find(tenant, thread.get().ticket()).toJavaOptional();
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<TicketNumber> number = m.ticketHint().or(() -> policy.ticketTag().find(m.subject()));
        return number.flatMap(n -> store.findByNumber(tenant, n).toJavaOptional());
    }

    private IntakeOutcome automatic(InboundMessage m, Optional<Ticket> referred, Conflicts conflicts) {
        Reason reason = automaticReason(m);
        if (referred.isEmpty()) {
            return new IntakeOutcome.Refused(Reason.of(reason.code(), "an automatic message that refers to no known ticket"));
        }
        Ticket ticket = referred.get();
        String body = "[" + reason.code() + "] " + (m.subject().isEmpty() ? "" : m.subject() + "\n\n") + m.fullText();
        Either<Rejection, Ticket> done = commands.execute(m.tenant(), ticket.id(),
                new TicketCommand.RecordAutomatic(fit(body.strip()), receipt(m, Optional.of(reason))),
                Actor.integration(actorName(m)));
        if (done.isLeft()) {
            conflicts.add(done.getLeft());
            return taken(done.getLeft()) ? new IntakeOutcome.Duplicate(m.externalId()) : refused(Reason.NOT_ALLOWED, done.getLeft());
        }
        return new IntakeOutcome.Recorded(ticket.id(), ticket.number(), reason);
    }

    private IntakeOutcome fromCustomer(InboundMessage m, IntakePolicy policy, Optional<Ticket> referred,
                                       Conflicts conflicts) {
        Either<IntakeOutcome, Sender> sender = sender(m, policy);
        if (sender.isLeft()) {
            return sender.getLeft();
        }
        CustomerId customer = sender.get().customer();
        Actor actor = Actor.customer(customer.value());
        ChannelReceipt receipt = receipt(m, Optional.empty());
        String text = fit(text(m));
        if (referred.isPresent() && referred.get().requester().equals(customer)) {
            Ticket before = referred.get();
            Either<Rejection, Ticket> done = commands.execute(m.tenant(), before.id(),
                    new TicketCommand.Receive(new TicketCommand.Reply(text, m.channel()), receipt), actor);
            if (done.isLeft()) {
                conflicts.add(done.getLeft());
                return taken(done.getLeft()) ? new IntakeOutcome.Duplicate(m.externalId())
                        : refused(Reason.NOT_ALLOWED, done.getLeft());
            }
            Ticket after = done.get();
            if (after.id().equals(before.id())) {
                boolean reopened = (before.status().isWaiting() || before.status() == Status.SOLVED)
                        && after.status() == Status.OPEN;
                return new IntakeOutcome.Replied(after.id(), after.number(), reopened);
            }
            if (before.status() == Status.CLOSED) {
                return new IntakeOutcome.FollowUp(after.id(), after.number(), before.id());
            }
            if (after.status() == Status.NEW && after.followUpOf().isEmpty() && after.mergedFrom().isEmpty()) {
                // a merged ticket whose chain the customer cannot follow: the desk opened a new one
                return new IntakeOutcome.Opened(after.id(), after.number());
            }
            return new IntakeOutcome.Replied(after.id(), after.number(), false);
        }
        Either<Rejection, Ticket> opened = commands.open(m.tenant(), TicketCommand.open()
                .subject(subject(m))
                .body(text)
                .channel(m.channel())
                .category(policy.category())
                .requester(customer)
                .build(), actor, receipt);
        if (opened.isLeft()) {
            conflicts.add(opened.getLeft());
            return taken(opened.getLeft()) ? new IntakeOutcome.Duplicate(m.externalId())
                    : refused(Reason.INVALID, opened.getLeft());
        }
        Ticket ticket = opened.get();
        Optional<GroupId> group = sender.get().triage() ? policy.triageGroup() : policy.group();
        if (group.isPresent()) {
            // a customer does not choose a group: the desk's intake moves the ticket there right after opening
            Either<Rejection, Ticket> moved = commands.execute(m.tenant(), ticket.id(),
                    new TicketCommand.MoveToGroup(group.get()), Actor.system("intake"));
            if (moved.isLeft()) {
                conflicts.add(moved.getLeft());
                LOG.warn("ticket {} of tenant {} stays without group {}: {}", ticket.number(), m.tenant(), group.get(),
                        moved.getLeft().message());
            }
        }
        return new IntakeOutcome.Opened(ticket.id(), ticket.number());
    }

    /** The customer behind a message and whether it is a provisional one for triage. */
    private record Sender(CustomerId customer, boolean triage) {
    }

    private Either<IntakeOutcome, Sender> sender(InboundMessage m, IntakePolicy policy) {
        if (m.knownCustomer().isPresent()) {
            return Either.right(new Sender(m.knownCustomer().get(), false));
        }
        Optional<CustomerId> known = directory.flatMap(d -> d.resolve(m.tenant(), m.sender()));
        if (known.isPresent()) {
            return Either.right(new Sender(known.get(), false));
        }
        UnknownSenders unknown = policy.unknownSenders();
        if (unknown == UnknownSenders.TRIAGE) {
            return Either.right(new Sender(provisional(m), true));
        }
        if (unknown == UnknownSenders.CREATE && directory.isPresent()) {
            Either<Rejection, CustomerId> created = directory.get().register(m.tenant(), m.sender(), m.senderName());
            return created.isRight() ? Either.right(new Sender(created.get(), false))
                    : Either.left(refused(Reason.UNKNOWN_SENDER, created.getLeft()));
        }
        return Either.left(new IntakeOutcome.Refused(Reason.of(Reason.UNKNOWN_SENDER,
                "nobody is known at " + m.sender().kind().name().toLowerCase(Locale.ROOT) + " address " + m.sender())));
    }

    /** A provisional customer named after the address: the same address finds the same customer again. */
    private static CustomerId provisional(InboundMessage m) {
        String id = m.sender().kind().name().toLowerCase(Locale.ROOT) + ":" + m.sender().value();
        return CustomerId.of(id.length() <= 128 ? id : m.sender().kind().name().toLowerCase(Locale.ROOT) + ":sha256:"
                + sha256(m.sender().value()).substring(0, 48));
    }

    private static ChannelReceipt receipt(InboundMessage m, Optional<Reason> automatic) {
        return new ChannelReceipt(m.channel(), m.endpoint(), m.externalId(), m.sender(), m.attachments(), automatic);
    }

    private static Reason automaticReason(InboundMessage m) {
        if (m.flags().contains(MessageFlag.BOUNCE)) {
            return Reason.of(Reason.BOUNCE, "a delivery failure report");
        }
        if (m.flags().contains(MessageFlag.AUTO_REPLY)) {
            return Reason.of(Reason.AUTO_REPLY, "an automatic reply");
        }
        return Reason.of(Reason.BULK, "bulk or list mail");
    }

    private static String actorName(InboundMessage m) {
        return "channel-" + m.channel().code().toLowerCase(Locale.ROOT);
    }

    /** The ticket's subject: the message's, or the first words of its text when it has none (a call log, a chat). */
    private static String subject(InboundMessage m) {
        if (!m.subject().isBlank()) {
            return m.subject().strip();
        }
        String first = m.text().strip().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return "Message from " + m.sender();
        }
        return first.codePointCount(0, first.length()) <= 80 ? first
                : first.substring(0, first.offsetByCodePoints(0, 79)) + "…";
    }

    private static String text(InboundMessage m) {
        if (!m.text().isBlank()) {
            return m.text();
        }
        if (!m.fullText().isBlank()) {
            return m.fullText();
        }
        return m.attachments().isEmpty() ? "(no text)" : "(no text; " + m.attachments().size() + " attachment"
                + (m.attachments().size() == 1 ? ")" : "s)");
    }

    /** The text cut on a character boundary to fit a ticket message, with a note when cut. */
    static String fit(String text) {
        if (text.length() * 3L <= Message.MAX_BODY_BYTES || Message.utf8Length(text) <= Message.MAX_BODY_BYTES) {
            return text;
        }
        int budget = Message.MAX_BODY_BYTES - Message.utf8Length(CUT_NOTE);
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + CUT_NOTE;
    }

    private static boolean taken(Rejection why) {
        return why instanceof Rejection.ConcurrentModification c && ExternalMessages.TAKEN.equals(c.what());
    }

    private static IntakeOutcome refused(String code, Rejection why) {
        return new IntakeOutcome.Refused(Reason.of(code, oneLine(why.message())));
    }

    /** A rejection's words as a reason's detail: one line, no control characters, at most 500 characters. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), 500));
        text.codePoints().limit(500).forEach(cp -> line.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.LINE_SEPARATOR || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
        return line.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
