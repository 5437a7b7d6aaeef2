/**
 * The hotline: its settings ({@link dev.helpdesk.core.phone.PhoneSettings}: hours, callback
 * category and target, the customer directory, the call log), what an agent reports about a
 * call ({@link dev.helpdesk.core.phone.CallReport}) and the in-memory call log. The desk is
 * {@link dev.helpdesk.core.PhoneDesk}.
 */
@ValueStyle
package dev.helpdesk.core.phone;

import dev.helpdesk.spi.ValueStyle;
