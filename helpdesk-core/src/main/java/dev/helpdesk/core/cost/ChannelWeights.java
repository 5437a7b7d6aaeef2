package dev.helpdesk.core.cost;

import dev.helpdesk.spi.ticket.Channel;
import java.math.BigDecimal;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What one contact costs on each channel, in the host's unit (money, minutes, points): a phone
 * contact might weigh 6, an email 2, a forum answer 1, a visit 80.
 *
 * <pre>{@code
 * ChannelWeights weights = ChannelWeights.builder()
 *     .perContact(Channel.PHONE, new BigDecimal("6")).perContact(Channel.EMAIL, new BigDecimal("2"))
 *     .otherwise(BigDecimal.ONE).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ChannelWeights {

    ChannelWeights() {
    }

    /**
     * Starts the weights.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The weight of one contact per channel.
     *
     * @return the weights
     */
    public abstract Map<Channel, BigDecimal> weights();

    /**
     * The weight of a contact on a channel not in {@link #weights()}.
     *
     * @return the weight, 1 unless set
     */
    @Value.Default
    public BigDecimal otherwise() {
        return BigDecimal.ONE;
    }

    /**
     * The weight of one contact on a channel.
     *
     * @param channel the channel
     * @return its weight
     */
    public BigDecimal of(Channel channel) {
        return weights().getOrDefault(channel, otherwise());
    }

    @Value.Check
    void check() {
        if (otherwise().signum() < 0 || weights().values().stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("a weight is not negative");
        }
    }

    /**
     * Builds the weights; not thread-safe.
     */
    public static final class Builder extends ImmutableChannelWeights.Builder {
        Builder() {
        }

        /**
         * Sets the weight of one contact on a channel.
         *
         * @param channel the channel
         * @param weight  its weight, not negative
         * @return this builder
         */
        public Builder perContact(Channel channel, BigDecimal weight) {
            putWeight(channel, weight);
            return this;
        }
    }
}
