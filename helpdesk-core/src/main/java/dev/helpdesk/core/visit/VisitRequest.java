package dev.helpdesk.core.visit;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.VisitSlot;

/**
 * What an agent asks for when planning an on-site visit, as given: any part may be null, and
 * the desk answers bad input with a {@link dev.helpdesk.spi.rejection.Rejection} naming it.
 *
 * @param technician the technician, from the host's agent directory
 * @param skill      the skill the visit needs (a label), or null for none
 * @param region     the region of the address (a label), or null for none; a technician covers
 *                   a region when their skills hold {@code region:<region>}
 * @param address    where
 * @param slot       when
 */
public record VisitRequest(AgentId technician, String skill, String region, Address address, VisitSlot slot) {
}
