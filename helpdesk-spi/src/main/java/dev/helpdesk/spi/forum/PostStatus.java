package dev.helpdesk.spi.forum;

/** Where a forum post stands for the desk. */
public enum PostStatus {
    /** Nobody has answered it yet. */
    UNANSWERED,
    /** The community answered it; the desk does nothing more. */
    COMMUNITY_ANSWERED,
    /** It waited too long unanswered and became a ticket. */
    PICKED_UP,
    /** An agent's answer was published back to the forum. */
    ANSWERED,
    /** The author accepted the agent's answer: a candidate knowledge-base article. */
    ACCEPTED
}
