package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.HelpdeskException;
import java.util.List;
import java.util.Objects;

/**
 * A batch of inbound messages ({@link InboundIntake#acceptAll}) that the desk took only in part:
 * it failed (its store went down) after taking the first {@link #taken()}{@code .size()}
 * messages. Those are recorded and may be acknowledged; the others were not taken and are to be
 * handed over again. The cause is the failure.
 */
public final class IntakeInterruptedException extends HelpdeskException {
    private static final long serialVersionUID = 1L;

    /** The outcomes of the messages taken, in order; not serialized. */
    private final transient List<IntakeOutcome> taken;

    /**
     * Makes the exception.
     *
     * @param taken the outcomes of the messages taken before the failure, in order (at least one)
     * @param cause the failure
     */
    public IntakeInterruptedException(List<IntakeOutcome> taken, Throwable cause) {
        super(Objects.requireNonNull(taken, "taken").size() + " messages of the batch were taken before it failed: "
                + cause, cause);
        this.taken = List.copyOf(taken);
    }

    /**
     * The outcomes of the messages taken before the failure: the batch's first messages, in order.
     *
     * @return the outcomes, possibly empty after deserialization
     */
    public List<IntakeOutcome> taken() {
        return taken == null ? List.of() : taken;
    }
}
