/**
 * Escalation rules as data: triggers, conditions and actions a host stores and edits, the
 * vocabulary that checks them, and the plugin interfaces for custom condition and action
 * types. The desk's behaviour that runs them lives in {@code dev.helpdesk.core.escalation}.
 */
@ValueStyle
package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.ValueStyle;
