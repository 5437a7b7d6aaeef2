/**
 * The hotline: calls as a log ({@link dev.helpdesk.spi.phone.PhoneCall}: the caller's number
 * and the customer it resolved to, the agent, when and how long, and the outcome), kept by the
 * port {@link dev.helpdesk.spi.phone.CallLog}. Every call is registered as a ticket on the
 * phone channel: solved on the call, left open, or a callback request with its own SLA target.
 */
@ValueStyle
package dev.helpdesk.spi.phone;

import dev.helpdesk.spi.ValueStyle;
