package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The index of external message ids: which ticket and message a channel's message id was
 * recorded on, for every message the desk received or sent. The intake asks it whether a
 * message was taken before and which ticket a reply refers to.
 *
 * <p>The index is written by the ticket store itself, never through this interface: a store
 * that implements it records every
 * {@link dev.helpdesk.spi.ticket.TicketEvent.ExternalMessageLinked} event of a commit in the
 * same atomic write as the ticket, keyed by tenant, channel and external id. A commit that
 * links an id that is linked already (by this commit or an earlier one) is refused whole with
 * {@link dev.helpdesk.spi.rejection.Rejection.ConcurrentModification} whose
 * {@code what} is {@link #TAKEN} and whose {@code id} is the external id: so the same
 * message delivered twice, also by several threads or host instances at once, is recorded
 * once, whatever restarts happen in between.
 *
 * <p>Every call names its tenant; another tenant's ids are not found. Implementations are safe
 * for concurrent use; infrastructure failures are thrown as
 * {@link dev.helpdesk.spi.StoreException}.
 */
public interface ExternalMessages {
    /** The {@code what} of the rejection of a commit that links an external id linked already. */
    String TAKEN = "external message";

    /**
     * What was recorded for an external id.
     *
     * @param tenant     the tenant
     * @param channel    the channel
     * @param externalId the channel's id
     * @return the record, or empty when the id was never recorded for this tenant and channel
     */
    Optional<ExternalMessageRecord> find(TenantId tenant, Channel channel, ExternalMessageId externalId);

    /**
     * The first of several ids that was recorded, in the order given: how a reply's references
     * (most specific first) find its ticket. The default asks {@link #find} for each in turn; a
     * store backed by a database answers in one query.
     *
     * @param tenant      the tenant
     * @param channel     the channel
     * @param externalIds the ids, most specific first
     * @return the record of the first id recorded, or empty when none was
     */
    default Optional<ExternalMessageRecord> findFirst(TenantId tenant, Channel channel,
                                                      List<ExternalMessageId> externalIds) {
        Objects.requireNonNull(externalIds, "externalIds");
        for (ExternalMessageId id : externalIds) {
            Optional<ExternalMessageRecord> found = find(tenant, channel, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
