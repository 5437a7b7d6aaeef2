package dev.helpdesk.examples.crm.directory;

import java.math.BigDecimal;

/**
 * A company the CRM sells to.
 *
 * @param id          the CRM's id
 * @param name        the company name
 * @param segment     {@code enterprise}, {@code business} or {@code starter}: the desk's service
 *                    level and which knowledge articles its people may read follow it
 * @param managerId   the account manager's staff id
 * @param street      the visiting address: street and number
 * @param postalCode  the visiting address: postal code
 * @param city        the visiting address: city
 * @param region      the service region technicians are planned in
 * @param country     ISO 3166 two-letter country code
 * @param annualValue what the account is worth a year
 */
public record Account(String id, String name, String segment, String managerId, String street, String postalCode,
                      String city, String region, String country, BigDecimal annualValue) {
}
