/**
 * The community forum: its settings ({@link dev.helpdesk.core.forum.ForumSettings}: how long a
 * post may wait unanswered, where answers are published, where accepted answers go), what the
 * host's forum reports ({@link dev.helpdesk.core.forum.PostReport}) and the in-memory store and
 * candidate inbox. The desk is {@link dev.helpdesk.core.ForumDesk}.
 */
@ValueStyle
package dev.helpdesk.core.forum;

import dev.helpdesk.spi.ValueStyle;
