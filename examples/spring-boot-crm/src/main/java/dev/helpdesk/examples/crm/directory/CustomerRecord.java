package dev.helpdesk.examples.crm.directory;

import java.util.List;

/**
 * What the CRM knows of a customer, as the agent desk shows it beside a ticket.
 *
 * @param customer   the person
 * @param account    the company they work for
 * @param manager    the account's manager
 * @param activities the latest entries of their timeline, newest first
 */
public record CustomerRecord(Customer customer, Account account, Staff manager, List<Activity> activities) {
}
