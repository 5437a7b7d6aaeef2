package dev.helpdesk.core.ticket;

/**
 * The answer of a business rule that lets a command go on. Rules return
 * {@code Either<Rejection, Allowance>} so they compose with {@code flatMap}.
 */
public enum Allowance {
    /** The rule lets the command go on. */
    GRANTED
}
