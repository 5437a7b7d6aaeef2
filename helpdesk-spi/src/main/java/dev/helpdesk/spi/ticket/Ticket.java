package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a ticket, as its events made it ({@link Tickets#replay}). Immutable: every
 * change is a new value with a higher {@link #version()}, which is the number of events the
 * ticket has.
 *
 * @param tenant     the tenant it belongs to
 * @param id         its id
 * @param number     its human number within the tenant
 * @param subject    the subject line, at most {@link #MAX_SUBJECT_LENGTH} characters
 * @param requester  the customer who needs help
 * @param channel    the channel it came in on
 * @param category   what it is about
 * @param priority   how urgent it is
 * @param tier       the support tier it sits at
 * @param status     where it is in its life
 * @param assignee   the agent working on it, if any
 * @param group      the group (queue) it belongs to, if any
 * @param messages   every message, public and internal, oldest first
 * @param followUpOf the closed ticket this one follows up, if any
 * @param mergedInto the ticket this one was merged into, when {@link Status#MERGED}
 * @param mergedFrom the tickets merged into this one, oldest first
 * @param createdAt  when it was opened
 * @param updatedAt  when its last event happened
 * @param solvedAt   when it was last solved, while it is solved or closed
 * @param cycle      the resolution cycle: 1, plus one for every reopening
 * @param version    the number of events; the version a change must name to be accepted
 */
public record Ticket(TenantId tenant, TicketId id, TicketNumber number, String subject,
                     CustomerId requester, Channel channel, Category category, Priority priority,
                     Tier tier, Status status, Optional<AgentId> assignee, Optional<GroupId> group,
                     List<Message> messages, Optional<TicketId> followUpOf,
                     Optional<TicketId> mergedInto, List<TicketId> mergedFrom, Instant createdAt,
                     Instant updatedAt, Optional<Instant> solvedAt, int cycle, long version) {

    /** The longest subject, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 255;

    /** Checks every part is present and freezes the lists. */
    public Ticket {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(group, "group");
        messages = List.copyOf(messages);
        Objects.requireNonNull(followUpOf, "followUpOf");
        Objects.requireNonNull(mergedInto, "mergedInto");
        mergedFrom = List.copyOf(mergedFrom);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(solvedAt, "solvedAt");
        if (cycle < 1) {
            throw new IllegalArgumentException("cycle starts at 1");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a ticket has at least its opening event");
        }
    }

    /**
     * The messages a customer may read: public ones only.
     *
     * @return public messages, oldest first
     */
    public List<Message> publicMessages() {
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
        if (visible == messages) {
            return this; // nothing to hide: most tickets, most of the time
        }
        return new Ticket(tenant, id, number, subject, requester, channel, category, priority, tier,
                status, assignee, group, visible, followUpOf, mergedInto, mergedFrom,
                createdAt, updatedAt, solvedAt, cycle, version);
    }
}
