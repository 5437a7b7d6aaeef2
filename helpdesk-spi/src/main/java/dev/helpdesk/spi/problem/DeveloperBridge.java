package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.plugin.HelpdeskPlugin;

/**
 * The way to the product's developers: hands a problem with its impact figures to their issue
 * tracker. Registered as a plugin on the desk's builder.
 *
 * <p>The desk calls it from {@code Helpdesk.deliverHandOffs(now, limit)}, never inside a command: a
 * hand-off is first kept by the {@link ProblemStore} (with the problem's change, in one write),
 * then delivered at least once, with back-off after a failure and a dead letter after the last
 * attempt. So an implementation must accept the same hand-off twice
 * ({@link ProblemHandOff#id()} is the same) and should answer the same tracker reference.
 *
 * <p>What the developers say back (fixed in a version, being looked at) reaches the desk through
 * {@code ProblemDesk.developerUpdate(...)}, called by the host when the tracker tells it (a web
 * hook, a poll).
 */
public interface DeveloperBridge extends HelpdeskPlugin {

    /**
     * Hands a problem to the issue tracker.
     *
     * @param handOff the problem, its impact and the desk's ids
     * @return the tracker's reference of the issue, such as {@code PROD-1234}
     * @throws Exception when the tracker could not take it; the hand-off is tried again later
     */
    String handOff(ProblemHandOff handOff) throws Exception;
}
