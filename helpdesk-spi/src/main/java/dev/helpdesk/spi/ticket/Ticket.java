package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * The state of a ticket, as its events made it ({@link Tickets#replay}). Immutable: every
 * change is a new value with a higher {@link #version()}, which is the number of events the
 * ticket has. The {@code with...} methods make such changed copies; they share every part
 * they do not change, so a copy costs one small object whatever the ticket holds.
 *
 * <p>Stores build a ticket they read back with {@link #builder()}; a builder that misses a
 * required part throws {@link dev.helpdesk.spi.ConfigurationException} naming every missing
 * part.
 */
@Value.Immutable
public abstract class Ticket {

    /** The longest subject, in characters (Unicode code points). */
    public static final int MAX_SUBJECT_LENGTH = 255;

    Ticket() {
    }

    /**
     * Starts an empty ticket, for stores that read one back and for tests.
     *
     * @return a new builder; {@link #cycle()} defaults to 1
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tenant it belongs to.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * Its id.
     *
     * @return the id
     */
    public abstract TicketId id();

    /**
     * Its human number within the tenant.
     *
     * @return the number
     */
    public abstract TicketNumber number();

    /**
     * The subject line, at most {@link #MAX_SUBJECT_LENGTH} characters.
     *
     * @return the subject
     */
    public abstract String subject();

    /**
     * The customer who needs help.
     *
     * @return the requester
     */
    public abstract CustomerId requester();

    /**
     * The channel it came in on.
     *
     * @return the channel
     */
    public abstract Channel channel();

    /**
     * What it is about.
     *
     * @return the category
     */
    public abstract Category category();

    /**
     * How urgent it is.
     *
     * @return the priority
     */
    public abstract Priority priority();

    /**
     * The support tier it sits at.
     *
     * @return the tier
     */
    public abstract Tier tier();

    /**
     * Where it is in its life.
     *
     * @return the status
     */
    public abstract Status status();

    /**
     * The agent working on it.
     *
     * @return the assignee, if any
     */
    public abstract Optional<AgentId> assignee();

    /**
     * The group (queue) it belongs to.
     *
     * @return the group, if any
     */
    public abstract Optional<GroupId> group();

    /**
     * Every message, public and internal.
     *
     * @return the messages, oldest first
     */
    public abstract List<Message> messages();

    /**
     * The closed ticket this one follows up.
     *
     * @return that ticket, if any
     */
    public abstract Optional<TicketId> followUpOf();

    /**
     * The ticket this one was merged into, when {@link Status#MERGED}.
     *
     * @return that ticket, if any
     */
    public abstract Optional<TicketId> mergedInto();

    /**
     * The tickets merged into this one.
     *
     * @return their ids, oldest merge first
     */
    public abstract List<TicketId> mergedFrom();

    /**
     * The ticket's tags ({@link TicketEvent.TagAdded}, {@link TicketEvent.TagRemoved}): labels,
     * each once.
     *
     * @return the tags, in alphabetical order
     */
    @Value.NaturalOrder
    public abstract SortedSet<String> tags();

    /**
     * The values of the desk's custom fields that are set on this ticket
     * ({@link TicketEvent.FieldSet}), each in its canonical text form
     * ({@link CustomField.Type#canonical}); a cleared field is absent.
     *
     * @return the values by field name, in alphabetical order of the names
     */
    @Value.NaturalOrder
    public abstract SortedMap<String, String> fields();

    /**
     * When it was opened.
     *
     * @return the instant of its opening event
     */
    public abstract Instant createdAt();

    /**
     * When its last event happened.
     *
     * @return the instant of its latest event
     */
    public abstract Instant updatedAt();

    /**
     * When it was last solved, while it is solved or closed.
     *
     * @return the instant, if solved
     */
    public abstract Optional<Instant> solvedAt();

    /**
     * The resolution cycle: 1, plus one for every reopening.
     *
     * @return the cycle, at least 1
     */
    @Value.Default
    public int cycle() {
        return 1;
    }

    /**
     * The number of events; the version a change must name to be accepted.
     *
     * @return the version, at least 1
     */
    public abstract long version();

    /**
     * A copy with another subject.
     *
     * @param value the subject
     * @return the copy
     */
    public abstract Ticket withSubject(String value);

    /**
     * A copy with another priority.
     *
     * @param value the priority
     * @return the copy
     */
    public abstract Ticket withPriority(Priority value);

    /**
     * A copy with another category.
     *
     * @param value the category
     * @return the copy
     */
    public abstract Ticket withCategory(Category value);

    /**
     * Copies this ticket with another channel (channels: a ticket moved to another channel).
     *
     * @param value the channel
     * @return the copy
     */
    public abstract Ticket withChannel(Channel value);

    /**
     * A copy at another tier.
     *
     * @param value the tier
     * @return the copy
     */
    public abstract Ticket withTier(Tier value);

    /**
     * A copy in another status.
     *
     * @param value the status
     * @return the copy
     */
    public abstract Ticket withStatus(Status value);

    /**
     * A copy with another assignee or none.
     *
     * @param value the assignee, or empty
     * @return the copy
     */
    public abstract Ticket withAssignee(Optional<? extends AgentId> value);

    /**
     * A copy in another group or none.
     *
     * @param value the group, or empty
     * @return the copy
     */
    public abstract Ticket withGroup(Optional<? extends GroupId> value);

    /**
     * A copy with other messages.
     *
     * @param elements the messages, oldest first
     * @return the copy
     */
    public abstract Ticket withMessages(Iterable<? extends Message> elements);

    /**
     * A copy merged into another ticket or not.
     *
     * @param value the ticket it was merged into, or empty
     * @return the copy
     */
    public abstract Ticket withMergedInto(Optional<? extends TicketId> value);

    /**
     * A copy with other merged tickets.
     *
     * @param elements the tickets merged into it, oldest first
     * @return the copy
     */
    public abstract Ticket withMergedFrom(Iterable<? extends TicketId> elements);

    /**
     * A copy with other tags.
     *
     * @param elements the tags
     * @return the copy
     */
    public abstract Ticket withTags(Iterable<String> elements);

    /**
     * A copy with other custom field values.
     *
     * @param entries the values by field name, canonical
     * @return the copy
     */
    public abstract Ticket withFields(Map<String, ? extends String> entries);

    /**
     * A copy last changed at another time.
     *
     * @param value the instant
     * @return the copy
     */
    public abstract Ticket withUpdatedAt(Instant value);

    /**
     * A copy solved at another time or not solved.
     *
     * @param value the instant, or empty
     * @return the copy
     */
    public abstract Ticket withSolvedAt(Optional<? extends Instant> value);

    /**
     * A copy in another resolution cycle.
     *
     * @param value the cycle, at least 1
     * @return the copy
     */
    public abstract Ticket withCycle(int value);

    /**
     * A copy at another version.
     *
     * @param value the version, at least 1
     * @return the copy
     */
    public abstract Ticket withVersion(long value);

    @Value.Check
    void check() {
        if (cycle() < 1) {
            throw new IllegalArgumentException("cycle starts at 1");
        }
        if (version() < 1) {
            throw new IllegalArgumentException("a ticket has at least its opening event");
        }
    }

    /**
     * The messages a customer may read: public ones only.
     *
     * @return public messages, oldest first
     */
    public List<Message> publicMessages() {
        List<Message> messages = messages();
        int internal = 0;
        for (Message m : messages) {
            if (!m.isPublic()) {
                internal++;
            }
        }
        if (internal == 0) {
            return messages;
        }
        Message[] visible = new Message[messages.size() - internal];
        int i = 0;
        for (Message m : messages) {
            if (m.isPublic()) {
                visible[i++] = m;
            }
        }
        return List.of(visible);
    }

    /**
     * This ticket as its requester may see it: the same state without internal notes.
     *
     * @return a copy holding only public messages
     */
    public Ticket customerView() {
        List<Message> visible = publicMessages();
        if (visible == messages()) {
            return this; // nothing to hide: most tickets, most of the time
        }
        return withMessages(visible);
    }

    /**
     * Builds a {@link Ticket}; {@link #build()} throws
     * {@link dev.helpdesk.spi.ConfigurationException} naming every required part that was not
     * given. Not thread-safe.
     */
    public static final class Builder extends ImmutableTicket.Builder {
        Builder() {
        }
    }
}
