package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.spi.tenant.TenantId;
import java.util.Objects;

/**
 * An event that failed delivery too often and waits for an operator. It holds back the later
 * events of its ticket, so per-ticket order survives; {@link OutboxRelay#release} sends it
 * again.
 *
 * @param tenant    the tenant
 * @param eventId   the event's id, {@code <ticket id>/<version>}
 * @param attempts  how many deliveries failed
 * @param lastError the last failure, shortened
 */
public record DeadLetter(TenantId tenant, String eventId, int attempts, String lastError) {
    /**
     * Checks the parts.
     *
     * @param tenant the tenant
     * @param eventId the event's id, {@code <ticket id>/<version>}
     * @param attempts how many deliveries failed
     * @param lastError the last failure, shortened
     */
    public DeadLetter {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(lastError, "lastError");
    }
}
