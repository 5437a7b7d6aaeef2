package dev.helpdesk.email.parse;

import dev.helpdesk.spi.channel.Reason;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a mail could not be read, with what could still be read of it for the quarantine's list.
 *
 * @param reason    the reason, with one of {@link Reason}'s codes
 * @param from      the {@code From} header as it stood, when there was one
 * @param subject   the subject, when it could be read
 * @param messageId the {@code Message-ID} header as it stood, when there was one
 */
public record ParseFailure(Reason reason, Optional<String> from, Optional<String> subject,
                           Optional<String> messageId) {
    /**
     * Checks the parts are present.
     *
     * @param reason the reason, with one of {@link Reason}'s codes
     * @param from the {@code From} header as it stood, when there was one
     * @param subject the subject, when it could be read
     * @param messageId the {@code Message-ID} header as it stood, when there was one
     */
    public ParseFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageId, "messageId");
    }

    static ParseFailure of(String code, String detail) {
        return new ParseFailure(Reason.of(code, detail), Optional.empty(), Optional.empty(), Optional.empty());
    }

    ParseFailure with(Optional<String> from, Optional<String> subject, Optional<String> messageId) {
        return new ParseFailure(reason, from, subject, messageId);
    }
}
