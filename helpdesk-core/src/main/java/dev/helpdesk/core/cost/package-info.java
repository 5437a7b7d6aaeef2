/**
 * What a ticket cost per channel: {@link dev.helpdesk.core.cost.ChannelCosts} counts a ticket's
 * contacts per channel from its history and prices them with host-defined
 * {@link dev.helpdesk.core.cost.ChannelWeights}; the same history shows the ticket's path across
 * channels (chat, then email, then on site).
 */
@ValueStyle
package dev.helpdesk.core.cost;

import dev.helpdesk.spi.ValueStyle;
