package dev.helpdesk.core.memory;

import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.ExternalMessageRecord;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory store's index of external message ids, written by its commits under the
 * tenant's write lock (so the check and the write are one step for a tenant) and read without
 * locks.
 */
final class ExternalLinks {
    /** The key of one external id: tenant, channel and id, as the JDBC store's unique index. */
    private record Key(TenantId tenant, Channel channel, ExternalMessageId id) {
    }

    private final ConcurrentMap<Key, ExternalMessageRecord> byKey = new ConcurrentHashMap<>();

    /** The rejection of a commit that links an id linked already, or repeats one; the caller holds the tenant's write lock. */
    Optional<Rejection> check(TenantId tenant, List<TicketChange> changes) {
        Set<Key> seen = null;
        for (TicketChange change : changes) {
            for (TicketEvent e : change.events()) {
                if (e instanceof TicketEvent.ExternalMessageLinked link) {
                    Key key = key(tenant, link);
                    if (seen == null) {
                        seen = new HashSet<>();
                    }
                    if (byKey.containsKey(key) || !seen.add(key)) {
                        return Optional.of(new Rejection.ConcurrentModification(ExternalMessages.TAKEN, link.externalId(),
                                0, 1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Records the links of checked changes; the caller holds the tenant's write lock. */
    void record(TenantId tenant, List<TicketChange> changes) {
        for (TicketChange change : changes) {
            for (TicketEvent e : change.events()) {
                if (e instanceof TicketEvent.ExternalMessageLinked link) {
                    byKey.put(key(tenant, link), new ExternalMessageRecord(tenant, link.channel(),
                            ExternalMessageId.of(link.externalId()), link.ticketId(), link.message(), link.outbound(),
                            link.at()));
                }
            }
        }
    }

    Optional<ExternalMessageRecord> find(TenantId tenant, Channel channel, ExternalMessageId id) {
        return Optional.ofNullable(byKey.get(new Key(tenant, channel, id)));
    }

    private static Key key(TenantId tenant, TicketEvent.ExternalMessageLinked link) {
        return new Key(tenant, link.channel(), ExternalMessageId.of(link.externalId()));
    }
}
