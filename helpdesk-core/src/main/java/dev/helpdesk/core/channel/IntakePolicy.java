package dev.helpdesk.core.channel;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.TicketTag;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ticket.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a tenant's desk takes inbound messages. Every part has a default:
 * {@code IntakePolicy.builder().build()} finds {@code [#1234]} in subjects, refuses unknown
 * senders and opens tickets in the category {@link Category#EMAIL} without a group.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field (a triage
 * policy without a triage group).
 */
@Value.Immutable
public abstract class IntakePolicy {
    /** The policy every tenant gets unless the host gives one. */
    public static final IntakePolicy DEFAULTS = builder().build();

    IntakePolicy() {
    }

    /**
     * The tenant's pattern of the ticket number in subjects.
     *
     * @return the tag, {@code [#{number}]} by default
     */
    @Value.Default
    public TicketTag ticketTag() {
        return TicketTag.DEFAULT;
    }

    /**
     * What happens to a sender the host's CRM does not know.
     *
     * @return the policy, {@link UnknownSenders#REFUSE} by default
     */
    @Value.Default
    public UnknownSenders unknownSenders() {
        return UnknownSenders.REFUSE;
    }

    /**
     * The group that tickets of unknown senders open in under {@link UnknownSenders#TRIAGE}.
     *
     * @return the group; required for triage
     */
    public abstract Optional<GroupId> triageGroup();

    /**
     * The category a ticket opened from an inbound message gets; agents or rules change it.
     *
     * @return the category, {@link Category#EMAIL} by default
     */
    @Value.Default
    public Category category() {
        return Category.EMAIL;
    }

    /**
     * The group tickets opened from inbound messages are queued in, when the host routes them.
     *
     * @return the group, or empty for none
     */
    public abstract Optional<GroupId> group();

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (unknownSenders() == UnknownSenders.TRIAGE && triageGroup().isEmpty()) {
            problems.add(new FieldError("triageGroup", "is required when unknown senders go to triage"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("intake policy", problems);
        }
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every bad field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link IntakePolicy}. */
    public static final class Builder extends ImmutableIntakePolicy.Builder {
        Builder() {
        }
    }
}
