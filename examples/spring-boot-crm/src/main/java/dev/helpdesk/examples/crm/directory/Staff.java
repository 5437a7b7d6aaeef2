package dev.helpdesk.examples.crm.directory;

import java.util.List;

/**
 * A user of the CRM: an account manager, or a member of the support staff who works tickets.
 *
 * @param id        the CRM's id, also the desk's agent id
 * @param name      the display name
 * @param email     the work address
 * @param title     the job title
 * @param support   whether they work tickets at the desk
 * @param tier      the support tier they work at (L1 to L4)
 * @param skills    what they know, and {@code region:<name>} for technicians who visit
 * @param languages the languages they answer in
 * @param capacity  how many open tickets they take at once
 */
public record Staff(String id, String name, String email, String title, boolean support, String tier,
                    List<String> skills, List<String> languages, int capacity) {
}
