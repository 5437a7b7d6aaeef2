/**
 * Live chat: a session ({@link dev.helpdesk.spi.chat.ChatSession}: the customer, since when they
 * wait, the agent, the transcript) kept by the port {@link dev.helpdesk.spi.chat.ChatStore}. A
 * chat that waits too long, finds no agent or ends unsolved becomes a ticket with its
 * transcript.
 */
@ValueStyle
package dev.helpdesk.spi.chat;

import dev.helpdesk.spi.ValueStyle;
