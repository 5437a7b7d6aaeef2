/**
 * Where mail goes that the desk cannot take: kept whole, with the reason, for an operator to
 * look at, fix and hand in again. Never a crash, never a lost mail.
 */
@ValueStyle
package dev.helpdesk.email.quarantine;

import dev.helpdesk.spi.ValueStyle;
