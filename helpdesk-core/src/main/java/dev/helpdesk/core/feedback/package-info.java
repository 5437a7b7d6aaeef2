/**
 * Customer feedback: satisfaction surveys on solved tickets, answered with a signed, expiring,
 * single-use token and no account, and the complaints set-up (a category with its own SLA policy
 * and routing) a host adds with one call.
 */
@ValueStyle
package dev.helpdesk.core.feedback;

import dev.helpdesk.spi.ValueStyle;
