package dev.helpdesk.core;

/**
 * What one {@link Helpdesk#runDue} call did.
 *
 * @param claimed  due tickets claimed
 * @param changed  tickets that received events (closed, warned, breached)
 * @param events   events committed
 * @param conflicts tickets skipped because a command changed them at the same moment; their
 *                  own commit rescheduled them
 */
public record DueRun(int claimed, int changed, int events, int conflicts) {
    /** Nothing was due. */
    public static final DueRun NOTHING = new DueRun(0, 0, 0, 0);

    DueRun plus(DueRun other) {
        return new DueRun(claimed + other.claimed, changed + other.changed, events + other.events,
                conflicts + other.conflicts);
    }
}
