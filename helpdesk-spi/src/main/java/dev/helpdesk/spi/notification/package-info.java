/**
 * Notifications: the {@code Notifier} plugin that delivers notices (escalations, SLA warnings
 * and breaches) rendered by the desk in the recipient's language.
 */
package dev.helpdesk.spi.notification;
