package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One condition of an {@link SlaPolicy}: the ticket's priority, channel, category, customer
 * segment or tenant is one of a set of values. A policy applies when all its conditions hold.
 * Conditions are data, so a host can store them and edit them in a form; the kinds are closed
 * so that a host can switch over them.
 */
public sealed interface SlaCondition {

    /**
     * The name of the ticket field this condition looks at, such as {@code priority}; a policy
     * has at most one condition per field.
     *
     * @return the field's name
     */
    String field();

    /**
     * Tells whether a ticket meets this condition.
     *
     * @param ticket  the ticket as it is now
     * @param segment the segment of the ticket's requester, if any
     * @return true when the ticket's value is one of the condition's
     */
    boolean matches(Ticket ticket, Optional<CustomerSegment> segment);

    /**
     * The ticket's priority is one of these.
     *
     * @param priorities the priorities, at least one
     */
    record PriorityIn(Set<Priority> priorities) implements SlaCondition {
        /**
         * Checks the set and freezes it.
         *
         * @param priorities the priorities, at least one
         */
        public PriorityIn {
            priorities = frozen(priorities, "priorities");
            EnumSet<Priority> ordered = EnumSet.noneOf(Priority.class);
            ordered.addAll(priorities);
            priorities = java.util.Collections.unmodifiableSet(ordered);
        }

        @Override
        public String field() {
            return "priority";
        }

        @Override
        public boolean matches(Ticket ticket, Optional<CustomerSegment> segment) {
            return priorities.contains(ticket.priority());
        }
    }

    /**
     * The ticket came in on one of these channels.
     *
     * @param channels the channels, at least one
     */
    record ChannelIn(Set<Channel> channels) implements SlaCondition {
        /**
         * Checks the set and freezes it.
         *
         * @param channels the channels, at least one
         */
        public ChannelIn {
            channels = frozen(channels, "channels");
        }

        @Override
        public String field() {
            return "channel";
        }

        @Override
        public boolean matches(Ticket ticket, Optional<CustomerSegment> segment) {
            return channels.contains(ticket.channel());
        }
    }

    /**
     * The ticket's category is one of these or lies below one of them: a condition on
     * {@code technical} matches {@code technical.hardware}, one on {@code technical.hardware}
     * matches exactly that category and its sub-categories.
     *
     * @param categories the categories or areas, at least one
     */
    record CategoryIn(Set<Category> categories) implements SlaCondition {
        /**
         * Checks the set and freezes it.
         *
         * @param categories the categories or areas, at least one
         */
        public CategoryIn {
            categories = frozen(categories, "categories");
        }

        @Override
        public String field() {
            return "category";
        }

        @Override
        public boolean matches(Ticket ticket, Optional<CustomerSegment> segment) {
            String code = ticket.category().code();
            for (Category c : categories) {
                if (code.equals(c.code()) || code.startsWith(c.code() + ".")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The ticket's requester is in one of these customer segments, as the host's
     * {@link CustomerSegments} tells. A requester in no segment does not match.
     *
     * @param segments the segments, at least one
     */
    record SegmentIn(Set<CustomerSegment> segments) implements SlaCondition {
        /**
         * Checks the set and freezes it.
         *
         * @param segments the segments, at least one
         */
        public SegmentIn {
            segments = frozen(segments, "segments");
        }

        @Override
        public String field() {
            return "segment";
        }

        @Override
        public boolean matches(Ticket ticket, Optional<CustomerSegment> segment) {
            return segment.isPresent() && segments.contains(segment.get());
        }
    }

    /**
     * The ticket belongs to one of these tenants.
     *
     * @param tenants the tenants, at least one
     */
    record TenantIn(Set<TenantId> tenants) implements SlaCondition {
        /**
         * Checks the set and freezes it.
         *
         * @param tenants the tenants, at least one
         */
        public TenantIn {
            tenants = frozen(tenants, "tenants");
        }

        @Override
        public String field() {
            return "tenant";
        }

        @Override
        public boolean matches(Ticket ticket, Optional<CustomerSegment> segment) {
            return tenants.contains(ticket.tenant());
        }
    }

    private static <T> Set<T> frozen(Collection<T> values, String what) {
        Objects.requireNonNull(values, what);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition names at least one of its " + what);
        }
        LinkedHashSet<T> copy = new LinkedHashSet<>();
        for (T value : values) {
            copy.add(Objects.requireNonNull(value, what));
        }
        return java.util.Collections.unmodifiableSet(copy);
    }
}
