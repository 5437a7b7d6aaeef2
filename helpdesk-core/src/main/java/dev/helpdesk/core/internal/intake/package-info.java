/**
 * The channels' intake and outbound delivery: {@link dev.helpdesk.core.internal.intake.Intake}
 * decides the ticket, the customer and the command of an inbound message and sends it through
 * the pipeline; {@link dev.helpdesk.core.internal.intake.ChannelDelivery} turns public replies
 * and customer notices into outbound messages for the channel's sender.
 */
package dev.helpdesk.core.internal.intake;
