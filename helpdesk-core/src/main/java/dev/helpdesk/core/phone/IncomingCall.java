package dev.helpdesk.core.phone;

import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.phone.PhoneCall;
import java.util.Objects;
import java.util.Optional;

/**
 * What the desk says about a call as it rings: the hotline is open and the host puts the call
 * through to an agent (nothing is written yet; the agent logs the call when it ends), or the
 * hotline is closed and a callback request was left.
 *
 * @param customer the customer the number belongs to
 * @param callback the logged call and its callback request when the hotline is closed; empty
 *                 when it is open
 */
public record IncomingCall(CustomerId customer, Optional<PhoneCall> callback) {
    /**
     * Checks the parts.
     *
     * @param customer the customer the number belongs to
     * @param callback the logged call and its callback request when the hotline is closed; empty when it is open
     */
    public IncomingCall {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(callback, "callback");
    }

    /**
     * Tells whether the hotline was open: an agent may take the call.
     *
     * @return true when no callback was left
     */
    public boolean answerable() {
        return callback.isEmpty();
    }
}
