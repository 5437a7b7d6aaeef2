package dev.helpdesk.examples.crm.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a customer's timeline in the CRM.
 *
 * @param id           the row id
 * @param customerId   whose timeline
 * @param staffId      who recorded it, if a person did
 * @param kind         {@code call}, {@code note} or {@code ticket}
 * @param summary      what happened, at most 500 characters
 * @param ticketNumber the desk's ticket it is about, if any
 * @param at           when
 */
public record Activity(long id, String customerId, Optional<String> staffId, String kind, String summary,
                       Optional<Long> ticketNumber, Instant at) {
}
