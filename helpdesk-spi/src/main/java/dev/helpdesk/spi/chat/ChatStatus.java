package dev.helpdesk.spi.chat;

/** Where a chat session stands. */
public enum ChatStatus {
    /** The customer waits for an agent. */
    WAITING,
    /** An agent has taken the chat. */
    ACTIVE,
    /** It ended solved; final. */
    SOLVED,
    /** It became a ticket (waited too long, no agent, or ended unsolved); final. */
    TICKETED;

    /**
     * Tells whether nothing more happens in the chat.
     *
     * @return true for {@link #SOLVED} and {@link #TICKETED}
     */
    public boolean isFinal() {
        return this == SOLVED || this == TICKETED;
    }
}
