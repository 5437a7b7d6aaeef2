package dev.helpdesk.spi.notification;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A notice, rendered and ready for a {@link Notifier} to deliver by mail, chat or push.
 *
 * @param id        a stable id for deduplication: the event that caused it and the recipient
 * @param tenant    the tenant
 * @param ticket    the ticket it is about
 * @param number    the ticket's human number
 * @param topic     what it is about
 * @param recipient who it is for
 * @param locale    the language it is written in: the recipient's, or English when the desk
 *                  has no template in the recipient's language
 * @param subject   a one-line subject
 * @param body      the text
 * @param urgent    true when it may reach the recipient outside their working hours
 * @param createdAt when the desk made it (the time of the event that caused it)
 * @param sendAt    when the desk handed it over: {@code createdAt}, or the start of the
 *                  recipient's next working hours when it waited for them
 */
public record Notification(String id, TenantId tenant, TicketId ticket, TicketNumber number, Topic topic,
                           Recipient recipient, Locale locale, String subject, String body, boolean urgent,
                           Instant createdAt, Instant sendAt) {
    /** Checks the parts are present. */
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sendAt, "sendAt");
    }
}
