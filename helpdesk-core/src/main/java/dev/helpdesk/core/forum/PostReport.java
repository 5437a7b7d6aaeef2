package dev.helpdesk.core.forum;

import java.time.Instant;

/**
 * A new post, as the host's forum reports it. Every part is checked by
 * {@link dev.helpdesk.core.ForumDesk#report}, which names every bad part at once.
 *
 * @param id       the post's id in the forum: required, 1 to 128 characters
 * @param author   the customer id of who asked: required
 * @param title    the title: required, at most 255 characters
 * @param body     the question: required
 * @param postedAt when it was posted: required, not after now
 */
public record PostReport(String id, String author, String title, String body, Instant postedAt) {
}
