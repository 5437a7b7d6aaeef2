package dev.helpdesk.core.problem;

/**
 * What one delivery run of problem hand-offs did.
 *
 * @param delivered hand-offs every developer bridge took
 * @param retried   hand-offs that failed and will be tried again after the back-off
 * @param dead      hand-offs that failed for the last time
 */
public record HandOffRun(int delivered, int retried, int dead) {
}
