package dev.helpdesk.spi.chat;

import dev.helpdesk.spi.party.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a transcript.
 *
 * @param at     when it was written
 * @param author who wrote it: the customer, the agent, or the desk ({@link Actor.SystemRule}
 *               {@code chat}) telling the customer what happens
 * @param text   the text, 1 to {@value #MAX_LENGTH} characters
 */
public record ChatLine(Instant at, Actor author, String text) {
    /** The longest line, in characters. */
    public static final int MAX_LENGTH = 4000;

    /**
     * Checks the parts.
     *
     * @param at when it was written
     * @param author who wrote it: the customer, the agent, or the desk ({@link Actor.SystemRule} {@code chat}) telling the customer what happens
     * @param text the text, 1 to {@value #MAX_LENGTH} characters
     */
    public ChatLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a chat line has 1 to " + MAX_LENGTH + " characters");
        }
    }
}
