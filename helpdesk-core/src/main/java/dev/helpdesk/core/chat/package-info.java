/**
 * Live chat: its settings ({@link dev.helpdesk.core.chat.ChatSettings}: wait limits per group,
 * the first-response target in seconds, the store), the first-response figure of a session and
 * the in-memory store. The desk is {@link dev.helpdesk.core.ChatDesk}.
 */
@ValueStyle
package dev.helpdesk.core.chat;

import dev.helpdesk.spi.ValueStyle;
