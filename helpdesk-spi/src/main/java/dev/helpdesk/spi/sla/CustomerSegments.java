package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.Optional;

/**
 * Tells the desk which segment a customer belongs to, for SLA policies with a
 * {@link SlaCondition.SegmentIn} condition. The host implements it over its own customer data
 * (the CRM's accounts stay the CRM's); the ticket itself does not carry a segment, so a
 * customer who moves to another segment gets that segment's service on every open ticket.
 *
 * <p>The desk asks only while choosing a policy that has a segment condition, on every command
 * and every look at a ticket's clocks; an implementation should answer from memory or a cache.
 * It must be safe for concurrent use. An exception it throws is an infrastructure failure and
 * fails the command that needed it.
 */
@FunctionalInterface
public interface CustomerSegments {

    /** A lookup that knows no segments: every customer is in none. */
    CustomerSegments NONE = (tenant, customer) -> Optional.empty();

    /**
     * The segment of a customer.
     *
     * @param tenant   the tenant the customer belongs to
     * @param customer the customer
     * @return the segment, or empty when the customer is in none
     */
    Optional<CustomerSegment> segmentOf(TenantId tenant, CustomerId customer);
}
