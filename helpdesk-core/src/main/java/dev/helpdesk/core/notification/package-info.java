/**
 * Notices: rendering escalation, SLA warning and SLA breach notices from templates in the
 * recipient's language (English, Dutch, Spanish and Russian ship with the desk), holding
 * non-urgent ones until the recipient's working hours, and handing them to the host's
 * notifiers.
 */
package dev.helpdesk.core.notification;
