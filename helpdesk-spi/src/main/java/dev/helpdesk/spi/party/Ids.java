package dev.helpdesk.spi.party;

import dev.helpdesk.spi.internal.Identifiers;

/** The shared rule for party identifiers and actor names. */
final class Ids {
    static final int MAX_LENGTH = 128;

    private Ids() {
    }

    static void check(String what, String value) {
        Identifiers.check(what, problem(value));
    }

    static String problem(String value) {
        return Identifiers.textProblem(value, MAX_LENGTH);
    }
}
