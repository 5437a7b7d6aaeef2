package dev.helpdesk.core.chat;

import dev.helpdesk.spi.chat.ChatStore;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.ticket.Category;
import java.time.Duration;
import java.util.Map;
import org.immutables.value.Value;

/**
 * How the desk's live chat works: how long a customer may wait in each group before the chat
 * becomes a ticket, how fast an agent should first answer, the category of chat tickets, and
 * where sessions live.
 */
@Value.Immutable
public abstract class ChatSettings {

    ChatSettings() {
    }

    /**
     * Starts the settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long a customer may wait in a group before the chat becomes a ticket.
     *
     * @return the limits by group
     */
    public abstract Map<GroupId, Duration> waitLimits();

    /**
     * The wait limit of a group not in {@link #waitLimits()}.
     *
     * @return the limit, 5 minutes unless set
     */
    @Value.Default
    public Duration defaultWaitLimit() {
        return Duration.ofMinutes(5);
    }

    /**
     * How soon an agent should first write in a chat, counted from when the customer started
     * waiting: chat's own first-response target, in seconds rather than business hours.
     *
     * @return the target, 60 seconds unless set
     */
    @Value.Default
    public Duration firstResponseTarget() {
        return Duration.ofSeconds(60);
    }

    /**
     * The category of the tickets chats become.
     *
     * @return the category, {@link Category#PRODUCT_INFORMATION} unless set
     */
    @Value.Default
    public Category category() {
        return Category.PRODUCT_INFORMATION;
    }

    /**
     * Where sessions live.
     *
     * @return the store, a new in-memory store unless set
     */
    @Value.Default
    public ChatStore store() {
        return new InMemoryChatStore();
    }

    /**
     * The wait limit of a group.
     *
     * @param group the group
     * @return its limit, or the default
     */
    public Duration waitLimit(GroupId group) {
        return waitLimits().getOrDefault(group, defaultWaitLimit());
    }

    @Value.Check
    void check() {
        if (firstResponseTarget().isNegative() || firstResponseTarget().isZero()) {
            throw new IllegalArgumentException("the first-response target is positive");
        }
        if (defaultWaitLimit().isNegative() || waitLimits().values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("a wait limit is not negative");
        }
    }

    /**
     * Builds the settings; a missing part throws {@link dev.helpdesk.spi.ConfigurationException}
     * naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutableChatSettings.Builder {
        Builder() {
        }

        /**
         * Sets the wait limit of one group.
         *
         * @param group the group
         * @param limit how long a customer may wait in it
         * @return this builder
         */
        public Builder waitLimit(String group, Duration limit) {
            putWaitLimit(GroupId.of(group), limit);
            return this;
        }
    }
}
