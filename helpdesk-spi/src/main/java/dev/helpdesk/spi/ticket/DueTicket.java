package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A ticket claimed for timed work by {@link TicketStore#claimDue}.
 *
 * @param tenant  its tenant
 * @param id      its id
 * @param dueAt   when it became due
 * @param version its version when claimed
 */
public record DueTicket(TenantId tenant, TicketId id, Instant dueAt, long version) {
    /**
     * Checks the parts.
     *
     * @param tenant its tenant
     * @param id its id
     * @param dueAt when it became due
     * @param version its version when claimed
     */
    public DueTicket {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
