/**
 * The community forum as the desk sees it: posts the host's forum reports
 * ({@link dev.helpdesk.spi.forum.ForumPost}), kept by {@link dev.helpdesk.spi.forum.ForumStore};
 * answers published back through {@link dev.helpdesk.spi.forum.ForumPublisher}; accepted answers
 * offered as {@link dev.helpdesk.spi.forum.KnowledgeCandidate}s to
 * {@link dev.helpdesk.spi.forum.KnowledgeCandidates}, the port the knowledge base consumes.
 */
@ValueStyle
package dev.helpdesk.spi.forum;

import dev.helpdesk.spi.ValueStyle;
