package dev.helpdesk.email.inbound;

import dev.helpdesk.spi.channel.IntakeOutcome;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A batch of mails ({@link MailReceiver#receiveAll}) taken only in part: something failed (the
 * spool, the quarantine, the desk's store) after the first {@link #taken()}{@code .size()}
 * mails were taken. Those may be acknowledged (flagged on the server); the others were not
 * taken, their stored attachments are removed, and they are to be handed in again. The cause is
 * the failure.
 */
public final class ReceiveInterruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The outcomes of the mails taken, in order; not serialized. */
    private final transient List<IntakeOutcome> taken;

    /**
     * Makes the exception.
     *
     * @param taken the outcomes of the mails taken before the failure, in order (at least one)
     * @param cause the failure
     */
    public ReceiveInterruptedException(List<IntakeOutcome> taken, Throwable cause) {
        super(Objects.requireNonNull(taken, "taken").size() + " mails of the batch were taken before it failed: "
                + cause, cause);
        this.taken = List.copyOf(taken);
    }

    /**
     * The outcomes of the mails taken before the failure: the batch's first mails, in order.
     *
     * @return the outcomes, possibly empty after deserialization
     */
    public List<IntakeOutcome> taken() {
        return taken == null ? List.of() : taken;
    }
}
