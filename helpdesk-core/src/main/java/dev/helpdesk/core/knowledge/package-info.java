/**
 * The knowledge base behind {@code tenant(t).knowledge()}: articles written, edited, published
 * and archived by agents, Markdown rendered to safe HTML, what a reader may see in which
 * language, suggestions while a ticket is written, deflections and votes; and the in-memory
 * {@link dev.helpdesk.spi.knowledge.KnowledgeStore}.
 */
@ValueStyle
package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.ValueStyle;
