package dev.helpdesk.email.support;

import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for the desk's intake that behaves as the contract says: it dedupes by external
 * id, threads by references, records automatic mail on a known ticket without reopening and
 * refuses it otherwise. It can be told to fail, to stand for a desk whose store is down or a
 * process that stopped right after a commit.
 */
public final class RecordingIntake implements InboundIntake {
    private final List<InboundMessage> handed = new ArrayList<>();
    private final List<InboundMessage> taken = new ArrayList<>();
    private final List<IntakeOutcome> outcomes = new ArrayList<>();
    private final List<Integer> batches = new ArrayList<>();
    private final Map<ExternalMessageId, TicketNumber> known = new HashMap<>();
    private long nextNumber = 1000;
    private int failAfterCommitOnCall = -1;
    private int failBeforeCommitOnCall = -1;

    /** Thrown to stand for a process that stopped: the poller must not mark the mail. */
    public static final class Crash extends StoreException {
        private static final long serialVersionUID = 1L;

        Crash(String message) {
            super(message, null);
        }
    }

    /**
     * The given call (1-based) records the message and then fails, as a desk that committed but
     * never answered.
     */
    public synchronized RecordingIntake failAfterCommitOnCall(int call) {
        this.failAfterCommitOnCall = call;
        return this;
    }

    /** The given call (1-based) fails before recording anything, as a desk whose store is down. */
    public synchronized RecordingIntake failBeforeCommitOnCall(int call) {
        this.failBeforeCommitOnCall = call;
        return this;
    }

    /** Marks an external id as one the desk sent on a ticket. */
    public synchronized void knowOutbound(ExternalMessageId id, TicketNumber number) {
        known.put(id, number);
    }

    @Override
    public synchronized IntakeOutcome accept(InboundMessage message) {
        handed.add(message);
        if (handed.size() == failBeforeCommitOnCall) {
            throw new Crash("store unavailable");
        }
        IntakeOutcome outcome = decide(message);
        outcomes.add(outcome);
        if (handed.size() == failAfterCommitOnCall) {
            throw new Crash("stopped after commit");
        }
        return outcome;
    }

    /** Records the size of each batch handed over, then takes its messages one by one. */
    @Override
    public List<IntakeOutcome> acceptAll(List<InboundMessage> messages) {
        synchronized (this) {
            batches.add(messages.size());
        }
        return InboundIntake.super.acceptAll(messages);
    }

    /** The sizes of the batches handed over with {@link #acceptAll}, in order. */
    public synchronized List<Integer> batches() {
        return List.copyOf(batches);
    }

    private IntakeOutcome decide(InboundMessage message) {
        if (known.containsKey(message.externalId())) {
            return new IntakeOutcome.Duplicate(message.externalId());
        }
        TicketNumber ticket = message.references().stream().filter(known::containsKey).findFirst().map(known::get)
                .orElse(null);
        if (message.isAutomatic()) {
            if (ticket == null) {
                return new IntakeOutcome.Refused(Reason.of(Reason.AUTO_REPLY, "automatic mail for no known ticket"));
            }
            remember(message, ticket);
            return new IntakeOutcome.Recorded(id(ticket), ticket, Reason.of(Reason.AUTO_REPLY, message.flags().toString()));
        }
        if (ticket != null) {
            remember(message, ticket);
            return new IntakeOutcome.Replied(id(ticket), ticket, false);
        }
        TicketNumber opened = TicketNumber.of(++nextNumber);
        remember(message, opened);
        return new IntakeOutcome.Opened(id(opened), opened);
    }

    private void remember(InboundMessage message, TicketNumber ticket) {
        known.put(message.externalId(), ticket);
        taken.add(message);
    }

    private static TicketId id(TicketNumber number) {
        return TicketId.of(new UUID(0x0190a0000000700L, number.value()));
    }

    /** Every message handed over, duplicates included. */
    public synchronized List<InboundMessage> handed() {
        return List.copyOf(handed);
    }

    /** The messages recorded once each. */
    public synchronized List<InboundMessage> taken() {
        return List.copyOf(taken);
    }

    /** The last outcome answered or, for a failed call, recorded before failing. */
    public synchronized IntakeOutcome lastOutcome() {
        return outcomes.get(outcomes.size() - 1);
    }

    /** The last message handed over. */
    public synchronized InboundMessage last() {
        return handed.get(handed.size() - 1);
    }
}
