package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ticket's new due time, for {@link TicketStore#rescheduleAll}: what
 * {@link TicketStore#reschedule} takes, as a value so that a store can write many at once.
 *
 * @param tenant          the ticket's tenant
 * @param id              the ticket
 * @param expectedVersion the version the new due time was computed from
 * @param dueAt           the new due time, or empty for none
 */
public record Reschedule(TenantId tenant, TicketId id, long expectedVersion, Optional<Instant> dueAt) {
    /**
     * Checks the parts.
     *
     * @param tenant the ticket's tenant
     * @param id the ticket
     * @param expectedVersion the version the new due time was computed from
     * @param dueAt the new due time, or empty for none
     */
    public Reschedule {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * Checks a batch for {@link TicketStore#rescheduleAll}: not null, no null item, and each
     * ticket at most once. Stores call it before writing anything.
     *
     * @param items the batch
     * @throws IllegalArgumentException when a ticket appears twice
     */
    public static void checkDistinct(List<Reschedule> items) {
        Objects.requireNonNull(items, "items");
        var seen = new HashSet<List<Object>>();
        for (Reschedule item : items) {
            Objects.requireNonNull(item, "item");
            if (!seen.add(List.of(item.tenant(), item.id()))) {
                throw new IllegalArgumentException("ticket " + item.id() + " of tenant " + item.tenant()
                        + " appears twice in one reschedule");
            }
        }
    }
}
