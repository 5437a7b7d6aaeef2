/**
 * Notifications: the {@code Notifier} plugin that delivers notices (escalations, SLA warnings
 * and breaches) rendered by the desk in the recipient's language.
 */
@ValueStyle
package dev.helpdesk.spi.notification;

import dev.helpdesk.spi.ValueStyle;
