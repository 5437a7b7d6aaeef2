package dev.helpdesk.spi.channel;

import java.util.Objects;

/**
 * What a {@link ChannelSender} did with a message. A failure that may pass (a server down, a
 * time-out) is not an outcome but an exception: the outbox tries again later.
 */
public sealed interface SendOutcome {

    /**
     * The channel took the message for delivery.
     *
     * @param externalId the id the channel gave it (a mail's {@code Message-ID}), the same on
     *                   every attempt for the same message
     */
    record Sent(ExternalMessageId externalId) implements SendOutcome {
        /**
         * Checks the id is present.
         *
         * @param externalId the id the channel gave it (a mail's {@code Message-ID}), the same on every attempt for the same message
         */
        public Sent {
            Objects.requireNonNull(externalId, "externalId");
        }
    }

    /**
     * The message can never be delivered (an address the server refuses permanently, an
     * attachment that is gone): trying again would not help, and the outbox does not.
     *
     * @param reason why
     */
    record Undeliverable(Reason reason) implements SendOutcome {
        /**
         * Checks the reason is present.
         *
         * @param reason why
         */
        public Undeliverable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
