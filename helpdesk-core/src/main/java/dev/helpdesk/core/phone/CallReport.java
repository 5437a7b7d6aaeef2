package dev.helpdesk.core.phone;

import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * What an agent reports about a call, as it arrives from a host's form or telephony system:
 * every part is checked by {@link dev.helpdesk.core.PhoneDesk#logCall}, which names every bad
 * part in one {@link dev.helpdesk.spi.rejection.Rejection.Invalid}.
 *
 * @param caller    the caller's number as dialled (spaces, dashes and a leading {@code +} are
 *                  fine): required
 * @param startedAt when the call started: required, not after now
 * @param duration  how long it lasted: required, 0 to 24 hours
 * @param outcome   how it ended: required
 * @param subject   the ticket's subject; null for "Call from" and the number
 * @param summary   what was asked and said, the ticket's description: required
 * @param category  what it was about: required unless a callback was promised (a callback
 *                  request is in the hotline's callback category)
 * @param priority  how urgent; null for normal
 */
public record CallReport(String caller, Instant startedAt, Duration duration, CallOutcome outcome, String subject,
                         String summary, Category category, Priority priority) {

    /**
     * A report without a subject of its own, at normal priority.
     *
     * @param caller    the caller's number
     * @param startedAt when the call started
     * @param duration  how long it lasted
     * @param outcome   how it ended
     * @param summary   what was said
     * @param category  what it was about
     * @return the report
     */
    public static CallReport of(String caller, Instant startedAt, Duration duration, CallOutcome outcome, String summary,
                                Category category) {
        return new CallReport(caller, startedAt, duration, outcome, null, summary, category, null);
    }
}
