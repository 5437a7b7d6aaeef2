package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.party.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One message on a ticket: a public reply the customer sees, or an internal note only the
 * desk sees.
 *
 * @param id         the message's id
 * @param author     who wrote it
 * @param visibility public reply or internal note
 * @param channel    the channel it came in or went out on
 * @param body       the text, at most {@link #MAX_BODY_BYTES} bytes in UTF-8
 * @param at         when it was written
 * @param automatic  true for messages the desk or an integration sends by itself (an
 *                   acknowledgement); they never count as a response for an SLA
 */
public record Message(MessageId id, Actor author, Visibility visibility, Channel channel,
                      String body, Instant at, boolean automatic) {

    /** The largest body, in UTF-8 bytes: 64 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Checks that every part is present.
     *
     * @param id the message's id
     * @param author who wrote it
     * @param visibility public reply or internal note
     * @param channel the channel it came in or went out on
     * @param body the text, at most {@link #MAX_BODY_BYTES} bytes in UTF-8
     * @param at when it was written
     * @param automatic true for messages the desk or an integration sends by itself (an acknowledgement); they never count as a response for an SLA
     */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The size of a text as the body limit counts it.
     *
     * @param text a text
     * @return its length in UTF-8 bytes
     */
    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Tells whether the customer can read this message.
     *
     * @return true for public replies
     */
    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
